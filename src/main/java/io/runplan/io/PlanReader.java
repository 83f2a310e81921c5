package io.runplan.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.Facility;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.OpeningWindow;
import io.runplan.domain.PastSession;
import io.runplan.domain.Person;
import io.runplan.domain.Preference;
import io.runplan.domain.Rule;
import io.runplan.domain.Rules;
import io.runplan.domain.Session;
import io.runplan.domain.SessionDates;
import io.runplan.domain.SessionType;
import io.runplan.domain.TrainingPlan;
import io.runplan.domain.Weights;
import io.runplan.domain.Window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a plan file (docs/plan-format.md) into the domain, once. Every problem is a {@link PlanFormatException} naming the
 * JSON path; nothing downstream re-parses text.
 */
public final class PlanReader {

    public static final int MAX_DAYS = 3660;
    /** Far beyond a club's month (200 athletes, 28 days: about 8,000 sessions); past these a plan is split. */
    public static final int MAX_ATHLETES = 5_000;
    public static final int MAX_SESSIONS = 50_000;
    /** Sessions x their candidate starts: the memory the solver's value ranges take. */
    public static final long MAX_CANDIDATE_STARTS = 100_000_000L;
    public static final int MAX_WEIGHT = 100_000;
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{2}):(\\d{2})");
    private static final List<String> RULE_KEYS = List.of("liftGapAfterQualityHours", "qualitySpacingDays",
            "liftsPerWeek", "restDaysPerWeek", "runsPerDay", "liftSpacingDays", "visitGapMinutes",
            "allowLiftRightAfterQuality");
    private static final Set<String> BUILT_IN_LOCATIONS = Set.of("outdoor", "home", "gym");

    private final ObjectMapper mapper;
    private final boolean strict;

    /** A reader that warns of unknown fields ({@link PlanFile#warnings()}) and reads on. */
    public PlanReader() {
        this(false);
    }

    /** With {@code strict}, an unknown field is an error like any other (--strict), not a warning. */
    public PlanReader(boolean strict) {
        this.strict = strict;
        mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    /** Reads and checks a plan file; the message of any error names the problem and its JSON path. */
    public PlanFile read(Path file) {
        return read(file, List.of());
    }

    /**
     * Reads and checks a plan file, adding the busy time of {@code extraCalendars} ({@code --busy}); a calendar that
     * cannot be read is an error like any other, so a plan is read whole or not at all.
     */
    public PlanFile read(Path file, List<BusyCalendar> extraCalendars) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PlanFormatException("$", "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MB; a plan file is far smaller, check that this is the right file");
            }
            root = mapper.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw new PlanFormatException(null, "no such file");
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String path = e.getProcessor() instanceof JsonParser parser ? pathOf(parser.getParsingContext()) : "$";
            if (e instanceof StreamConstraintsException) {
                throw new PlanFormatException(path, "not a plan file: nested or sized beyond what a plan file needs ("
                        + oneLine(e.getOriginalMessage()).replaceAll(", from `.*`", "") + ")");
            }
            throw new PlanFormatException(path, "not valid JSON: " + oneLine(e.getOriginalMessage())
                    + (location == null ? "" : " at line " + location.getLineNr() + " column " + location.getColumnNr()));
        } catch (IOException e) {
            throw new PlanFormatException("$", "cannot read the file: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new PlanFormatException("$", "the file is empty; a plan file is one JSON object (see docs/plan-format.md)");
        }
        return read(file, root, extraCalendars);
    }

    /** "$.athletes[0].sessions[2]" for where the parser stopped. */
    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String step = at.inArray() ? "[" + Math.max(0, at.getCurrentIndex()) + "]"
                    : at.getCurrentName() == null ? "" : "." + at.getCurrentName();
            path.insert(0, step);
        }
        return "$" + path;
    }

    private static String oneLine(String text) {
        // Jackson's own wording names its internals; the user needs what was expected and where.
        String flat = text == null ? "" : text.replaceAll("\\s+", " ")
                .replaceAll(" \\(start marker at \\[Source.*$", "")
                .replaceAll(": enable `[^`]*` to allow", "")
                .strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    public PlanFile read(Path source, JsonNode root) {
        return read(source, root, List.of());
    }

    public PlanFile read(Path source, JsonNode root, List<BusyCalendar> extraCalendars) {
        return new Parse(source, root, extraCalendars, strict).plan();
    }

    /** One reading of one document. */
    private static final class Parse {

        private final Path source;
        private final ObjectNode root;
        private final List<BusyCalendar> extraCalendars;
        private final boolean strict;
        private Horizon horizon;
        private ZoneId timeZone;
        private CalendarImport calendarImport;
        private final Map<String, ObjectNode> sessionNodes = new LinkedHashMap<>();
        private final Map<Person, List<String>> calendars = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        Parse(Path source, JsonNode root, List<BusyCalendar> extraCalendars, boolean strict) {
            this.source = source;
            this.root = object(root, "$");
            this.extraCalendars = List.copyOf(extraCalendars);
            this.strict = strict;
        }

        /** The plan; unknown fields are warnings first in {@link PlanFile#warnings()}, or with strict the error. */
        PlanFile plan() {
            List<PlanFields.Unknown> unknown = PlanFields.unknown(root);
            if (strict && !unknown.isEmpty()) {
                PlanFields.Unknown first = unknown.get(0);
                int more = unknown.size() - 1;
                throw new PlanFormatException(first.path(), first.describe() + " (--strict"
                        + (more == 0 ? "" : "; " + more + " more unknown field" + (more == 1 ? "" : "s")) + ")");
            }
            unknown.forEach(field -> warnings.add(field.path() + ": " + field.describe()));
            try {
                return known();
            } catch (PlanFormatException e) {
                throw withMisspelling(e, unknown);
            }
        }

        /**
         * An error says so when a misspelt field may be its cause, since the error stops the run before any warning
         * is shown: "minutes: missing" alone leaves the user looking at a file that has "minuts", and a misspelt
         * "day" leaves the default day window, which a session may then not fit.
         */
        private static PlanFormatException withMisspelling(PlanFormatException e, List<PlanFields.Unknown> unknown) {
            List<PlanFields.Unknown> misspelt = unknown.stream().filter(field -> field.nearest().isPresent()).toList();
            for (PlanFields.Unknown field : misspelt) {
                if ((field.parentPath() + "." + field.nearest().get()).equals(e.jsonPath())) {
                    return new PlanFormatException(e.jsonPath(), e.getMessage() + "; the file has '" + field.name()
                            + "' here: a misspelling of '" + field.nearest().get() + "'?");
                }
            }
            if (misspelt.isEmpty()) {
                return e;
            }
            PlanFields.Unknown first = misspelt.get(0);
            return new PlanFormatException(e.jsonPath(), e.getMessage() + " (the file also has " + first.path() + ": "
                    + first.describe() + ")");
        }

        private PlanFile known() {
            String name = string(root.get("name"), "$.name");
            LocalDate start = date(root.get("start"), "$.start");
            int days = integer(root.get("days"), "$.days", 1, MAX_DAYS);
            int grain = root.hasNonNull("grainMinutes") ? integer(root.get("grainMinutes"), "$.grainMinutes", 1, Minutes.PER_DAY) : 15;
            if (Minutes.PER_DAY % grain != 0) {
                throw new PlanFormatException("$.grainMinutes", grain + " does not divide a day (1440 minutes); use 5, 10, 15, 30 or 60");
            }
            horizon = new Horizon(start, days, grain);
            timeZone = timeZone(root.get("timeZone"));
            // Without a "timeZone" the calendars are read in this machine's zone, as a calendar app shows them.
            calendarImport = new CalendarImport(horizon, timeZone != null ? timeZone : ZoneId.systemDefault());
            Rules rules = rules(root.get("rules"));
            Weights weights = weights(root.get("weights"));
            Map<String, Facility> facilities = facilities(root.get("facilities"));
            Map<String, Coach> coaches = coaches(root.get("coaches"));

            JsonNode athletesNode = root.get("athletes");
            if (athletesNode == null || athletesNode.isNull()) {
                throw new PlanFormatException("$.athletes", "missing; a plan needs at least one athlete");
            }
            List<JsonNode> athleteNodes = list(athletesNode, "$.athletes");
            if (athleteNodes.isEmpty()) {
                throw new PlanFormatException("$.athletes", "empty; a plan needs at least one athlete");
            }
            if (athleteNodes.size() > MAX_ATHLETES) {
                throw new PlanFormatException("$.athletes", athleteNodes.size() + " athletes; runplan plans at most "
                        + MAX_ATHLETES + " in one file: split the plan");
            }
            List<Athlete> athletes = new ArrayList<>();
            List<Session> sessions = new ArrayList<>();
            Set<String> athleteIds = new HashSet<>();
            for (int i = 0; i < athleteNodes.size(); i++) {
                String path = "$.athletes[" + i + "]";
                Athlete athlete = athlete(object(athleteNodes.get(i), path), path, rules, weights);
                if (!athleteIds.add(athlete.id())) {
                    throw new PlanFormatException(path + ".id", "duplicate athlete id '" + athlete.id() + "'");
                }
                athletes.add(athlete);
                sessions.addAll(sessions(athleteNodes.get(i), path, athlete, facilities, coaches));
            }
            extraCalendars(athletes, coaches);
            long candidateStarts = 0;
            for (Session session : sessions) {
                long perDay = (session.getAthlete().day().length() - session.getMinutes()) / grain + 1;
                candidateStarts += perDay * days;
            }
            if (candidateStarts > MAX_CANDIDATE_STARTS) {
                throw new PlanFormatException("$", "the plan offers " + candidateStarts + " candidate starts (sessions x days x"
                        + " starts a day), more than the " + MAX_CANDIDATE_STARTS + " that fit in memory: split it into"
                        + " shorter plans or use a coarser grainMinutes");
            }
            List<Session> byId = new ArrayList<>(sessions);
            byId.sort(Comparator.comparing(Session::getId));
            for (int rank = 0; rank < byId.size(); rank++) {
                byId.get(rank).setIdRank(rank);
            }
            TrainingPlan plan = new TrainingPlan(name, horizon, rules, weights, List.copyOf(facilities.values()),
                    List.copyOf(coaches.values()), athletes, sessions);
            return new PlanFile(source, root, plan, sessionNodes, timeZone, calendars, List.copyOf(warnings));
        }

        private Rules rules(JsonNode node) {
            if (node == null || node.isNull()) {
                return Rules.DEFAULT;
            }
            ObjectNode rules = object(node, "$.rules");
            for (Iterator<String> it = rules.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!RULE_KEYS.contains(key) && !PlanFields.isUsersOwn(key)) {
                    throw new PlanFormatException("$.rules." + key, "unknown rule parameter; "
                            + PlanFields.didYouMean(key, rules, RULE_KEYS)
                            + "known: " + String.join(", ", RULE_KEYS));
                }
            }
            Rules d = Rules.DEFAULT;
            int liftGap = d.liftGapMinutes();
            if (rules.hasNonNull("liftGapAfterQualityHours")) {
                double hours = number(rules.get("liftGapAfterQualityHours"), "$.rules.liftGapAfterQualityHours");
                if (hours < 0 || hours > 24) {
                    throw new PlanFormatException("$.rules.liftGapAfterQualityHours", "must be between 0 and 24 hours, got " + hours);
                }
                liftGap = (int) Math.round(hours * 60);
            }
            int[] spacing = minMax(rules.get("qualitySpacingDays"), "$.rules.qualitySpacingDays", d.qualitySpacingMin(), d.qualitySpacingMax());
            int[] lifts = minMax(rules.get("liftsPerWeek"), "$.rules.liftsPerWeek", d.liftsPerWeekMin(), d.liftsPerWeekMax());
            int restDays = optionalInt(rules, "restDaysPerWeek", d.restDaysPerWeek(), 0, 7);
            int runsPerDay = optionalInt(rules, "runsPerDay", d.runsPerDay(), 0, 100);
            int liftSpacing = optionalInt(rules, "liftSpacingDays", d.liftSpacingDays(), 0, MAX_DAYS);
            int visitGap = optionalInt(rules, "visitGapMinutes", d.visitGapMinutes(), 0, Minutes.PER_DAY);
            boolean rightAfter = d.allowLiftRightAfterQuality();
            if (rules.hasNonNull("allowLiftRightAfterQuality")) {
                JsonNode value = rules.get("allowLiftRightAfterQuality");
                if (!value.isBoolean()) {
                    throw new PlanFormatException("$.rules.allowLiftRightAfterQuality", "expected true or false, got " + value);
                }
                rightAfter = value.booleanValue();
            }
            return new Rules(liftGap, spacing[0], spacing[1], lifts[0], lifts[1], restDays, runsPerDay, liftSpacing,
                    visitGap, rightAfter);
        }

        private int[] minMax(JsonNode node, String path, int defaultMin, int defaultMax) {
            if (node == null || node.isNull()) {
                return new int[] {defaultMin, defaultMax};
            }
            ObjectNode object = object(node, path);
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("min") && !key.equals("max") && !PlanFields.isUsersOwn(key)) {
                    throw new PlanFormatException(path + "." + key, "unknown field; "
                            + PlanFields.didYouMean(key, object, List.of("min", "max"))
                            + "expected only 'min' and 'max'");
                }
            }
            int min = optionalInt(object, "min", defaultMin, 0, MAX_DAYS, path);
            int max = optionalInt(object, "max", defaultMax, 0, MAX_DAYS, path);
            if (max < min) {
                throw new PlanFormatException(path, "max " + max + " is below min " + min);
            }
            return new int[] {min, max};
        }

        private Weights weights(JsonNode node) {
            if (node == null || node.isNull()) {
                return Weights.DEFAULT;
            }
            ObjectNode weights = object(node, "$.weights");
            Map<Rule, Integer> overrides = new EnumMap<>(Rule.class);
            List<String> softRules = Arrays.stream(Rule.values()).filter(r -> r.level() == Rule.Level.SOFT)
                    .map(Rule::ruleName).toList();
            for (Iterator<Map.Entry<String, JsonNode>> it = weights.fields(); it.hasNext(); ) {
                var entry = it.next();
                if (PlanFields.isUsersOwn(entry.getKey())) {
                    continue;
                }
                String path = "$.weights." + entry.getKey();
                Rule rule = Rule.byName(entry.getKey()).filter(r -> r.level() == Rule.Level.SOFT)
                        .orElseThrow(() -> new PlanFormatException(path, "unknown soft rule; "
                                + PlanFields.didYouMean(entry.getKey(), weights, softRules)
                                + "known: " + String.join(", ", softRules)));
                overrides.put(rule, integer(entry.getValue(), path, 0, MAX_WEIGHT));
            }
            return new Weights(overrides);
        }

        private Map<String, Facility> facilities(JsonNode node) {
            Map<String, Facility> facilities = new LinkedHashMap<>();
            List<JsonNode> nodes = optionalList(node, "$.facilities");
            for (int i = 0; i < nodes.size(); i++) {
                String path = "$.facilities[" + i + "]";
                ObjectNode facility = object(nodes.get(i), path);
                String id = string(facility.get("id"), path + ".id");
                if (id.equals("outdoor") || id.equals("home")) {
                    throw new PlanFormatException(path + ".id", "'" + id + "' is reserved for sessions away from any facility");
                }
                if (facilities.containsKey(id)) {
                    throw new PlanFormatException(path + ".id", "duplicate facility id '" + id + "'");
                }
                List<OpeningWindow> open = new ArrayList<>();
                List<JsonNode> windows = optionalList(facility.get("open"), path + ".open");
                for (int j = 0; j < windows.size(); j++) {
                    String windowPath = path + ".open[" + j + "]";
                    ObjectNode window = object(windows.get(j), windowPath);
                    open.add(new OpeningWindow(weekdays(window.get("days"), windowPath + ".days"), window(window, windowPath)));
                }
                facilities.put(id, new Facility(id, open));
            }
            return facilities;
        }

        private Map<String, Coach> coaches(JsonNode node) {
            Map<String, Coach> coaches = new LinkedHashMap<>();
            List<JsonNode> nodes = optionalList(node, "$.coaches");
            for (int i = 0; i < nodes.size(); i++) {
                String path = "$.coaches[" + i + "]";
                ObjectNode coachNode = object(nodes.get(i), path);
                String id = string(coachNode.get("id"), path + ".id");
                if (coaches.containsKey(id)) {
                    throw new PlanFormatException(path + ".id", "duplicate coach id '" + id + "'");
                }
                Window day = optionalWindow(coachNode.get("day"), path + ".day");
                int capacity = optionalInt(coachNode, "groupCapacity", Coach.DEFAULT_GROUP_CAPACITY, 1, 10_000, path);
                Coach coach = new Coach(id, day, capacity);
                busyAndCalendars(coachNode, path, coach).forEach(coach::addBusy);
                coaches.put(id, coach);
            }
            return coaches;
        }

        private Athlete athlete(ObjectNode node, String path, Rules rules, Weights weights) {
            String id = string(node.get("id"), path + ".id");
            String name = node.hasNonNull("name") ? string(node.get("name"), path + ".name") : id;
            Window day = optionalWindow(node.get("day"), path + ".day");
            int overhead = optionalInt(node, "gymVisitOverheadMinutes", Athlete.DEFAULT_GYM_VISIT_OVERHEAD, 0, Minutes.PER_DAY, path);
            List<PastSession> history = new ArrayList<>();
            List<JsonNode> historyNodes = optionalList(node.get("history"), path + ".history");
            for (int j = 0; j < historyNodes.size(); j++) {
                String historyPath = path + ".history[" + j + "]";
                ObjectNode past = object(historyNodes.get(j), historyPath);
                SessionType type = type(past.get("type"), historyPath + ".type");
                int start = dateTime(past.get("start"), historyPath + ".start");
                if (start >= 0) {
                    throw new PlanFormatException(historyPath + ".start", "history must lie before the horizon start "
                            + horizon.start() + "; put sessions of the horizon under 'sessions'");
                }
                history.add(new PastSession(type, start, integer(past.get("minutes"), historyPath + ".minutes", 1, Minutes.PER_DAY)));
            }
            List<Preference> preferences = new ArrayList<>();
            List<JsonNode> preferenceNodes = optionalList(node.get("preferences"), path + ".preferences");
            for (int j = 0; j < preferenceNodes.size(); j++) {
                String prefPath = path + ".preferences[" + j + "]";
                ObjectNode preference = object(preferenceNodes.get(j), prefPath);
                Set<SessionType> types = EnumSet.noneOf(SessionType.class);
                List<JsonNode> typeNodes = list(required(preference.get("types"), prefPath + ".types"), prefPath + ".types");
                for (int k = 0; k < typeNodes.size(); k++) {
                    types.add(type(typeNodes.get(k), prefPath + ".types[" + k + "]"));
                }
                int from = preference.hasNonNull("from") ? timeOfDay(preference.get("from"), prefPath + ".from") : 0;
                int to = preference.hasNonNull("to") ? timeOfDay(preference.get("to"), prefPath + ".to") : Minutes.PER_DAY;
                if (to <= from) {
                    throw new PlanFormatException(prefPath, "'to' (" + Minutes.clock(to) + ") must be after 'from' (" + Minutes.clock(from) + ")");
                }
                preferences.add(new Preference(types, weekdays(preference.get("days"), prefPath + ".days"), from, to));
            }
            Athlete athlete = new Athlete(id, name, day, overhead, rules, weights, history, preferences, horizon.fullWeeks());
            busyAndCalendars(node, path, athlete).forEach(athlete::addBusy);
            return athlete;
        }

        private List<Session> sessions(JsonNode athleteNode, String athletePath, Athlete athlete,
                Map<String, Facility> facilities, Map<String, Coach> coaches) {
            String listPath = athletePath + ".sessions";
            JsonNode node = athleteNode.get("sessions");
            if (node == null || node.isNull()) {
                throw new PlanFormatException(listPath, "missing; list the athlete's sessions (it may be empty: [])");
            }
            List<JsonNode> nodes = list(node, listPath);
            List<Session> sessions = new ArrayList<>();
            for (int j = 0; j < nodes.size(); j++) {
                String path = listPath + "[" + j + "]";
                ObjectNode sessionNode = object(nodes.get(j), path);
                String id = string(sessionNode.get("id"), path + ".id");
                if (sessionNodes.size() >= MAX_SESSIONS) {
                    throw new PlanFormatException(path, "more than " + MAX_SESSIONS + " sessions in one file: split the plan");
                }
                if (sessionNodes.containsKey(id)) {
                    throw new PlanFormatException(path + ".id", "duplicate session id '" + id + "'; session ids are unique in the file");
                }
                SessionType type = type(sessionNode.get("type"), path + ".type");
                int minutes = integer(sessionNode.get("minutes"), path + ".minutes", 1, Minutes.PER_DAY);
                if (minutes > athlete.day().length()) {
                    throw new PlanFormatException(path + ".minutes", minutes + " minutes is longer than "
                            + athlete.id() + "'s day window " + athlete.day() + " (" + athlete.day().length()
                            + " minutes); shorten the session or widen the athlete's 'day'");
                }
                String location = sessionNode.hasNonNull("location") ? string(sessionNode.get("location"), path + ".location") : type.defaultLocation();
                Facility facility = facilities.get(location);
                if (facility == null && !BUILT_IN_LOCATIONS.contains(location)) {
                    throw new PlanFormatException(path + ".location", "unknown location '" + location
                            + "': not a facility id, 'outdoor', 'home' or 'gym'" + known(facilities.keySet()));
                }
                Coach coach = null;
                if (sessionNode.hasNonNull("coach")) {
                    String coachId = string(sessionNode.get("coach"), path + ".coach");
                    coach = coaches.get(coachId);
                    if (coach == null) {
                        throw new PlanFormatException(path + ".coach", "unknown coach id '" + coachId + "'" + known(coaches.keySet()));
                    }
                }
                Session session = new Session(id, athlete, type, minutes, location, facility, coach);
                Integer start = null;
                if (sessionNode.hasNonNull("start")) {
                    start = dateTime(sessionNode.get("start"), path + ".start");
                    if (!horizon.contains(start)) {
                        throw new PlanFormatException(path + ".start", "starts outside the horizon " + horizon.start()
                                + " + " + horizon.days() + " days; move it inside or remove the start");
                    }
                    if (!horizon.isOnGrain(start)) {
                        throw new PlanFormatException(path + ".start", "not on the plan's " + horizon.grainMinutes()
                                + "-minute grain; move it or set a finer 'grainMinutes'");
                    }
                    session.setStartSlot(horizon.slot(Minutes.dayOf(start), Minutes.minuteOfDay(start)));
                }
                if (sessionNode.has("pinned") && !sessionNode.get("pinned").isNull()) {
                    JsonNode pinned = sessionNode.get("pinned");
                    if (!pinned.isBoolean()) {
                        throw new PlanFormatException(path + ".pinned", "expected true or false, got " + pinned);
                    }
                    if (pinned.booleanValue() && start == null) {
                        throw new PlanFormatException(path + ".pinned", "a pinned session needs a 'start'");
                    }
                    session.setPinned(pinned.booleanValue());
                }
                if (sessionNode.hasNonNull("previousStart")) {
                    int previous = dateTime(sessionNode.get("previousStart"), path + ".previousStart");
                    if (Math.abs(previous) > 400 * Minutes.PER_DAY + horizon.endMinute()) {
                        throw new PlanFormatException(path + ".previousStart", "lies more than a year from the horizon;"
                                + " it should be the start this session had in the plan being revised");
                    }
                    session.setPreviousStart(previous);
                }
                if (sessionNode.hasNonNull("dates")) {
                    session.setDates(dates(sessionNode.get("dates"), path + ".dates"));
                }
                if (sessionNode.hasNonNull("end") && start != null) {
                    int end = dateTime(sessionNode.get("end"), path + ".end");
                    if (end <= start) {
                        throw new PlanFormatException(path + ".end", "end is not after start");
                    }
                }
                sessionNodes.put(id, sessionNode);
                sessions.add(session);
            }
            return sessions;
        }

        /**
         * A person's "busy" blocks and the busy time of her "calendars". Busy entries with a "calendar" field are the
         * copies an earlier run wrote of a calendar's busy time: when that calendar is imported again now, the copies
         * give way to what the calendar says today.
         */
        private List<BusyBlock> busyAndCalendars(ObjectNode node, String path, Person owner) {
            List<String> names = calendarNames(node.get("calendars"), path + ".calendars");
            Set<String> reimported = new HashSet<>(names);
            extraCalendars.stream().filter(c -> c.personId().equals(owner.id())).forEach(c -> reimported.add(c.name()));
            List<BusyBlock> blocks = busy(node.get("busy"), path + ".busy", owner, reimported);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                blocks.addAll(importCalendar(source.resolveSibling(name), name, owner, path + ".calendars[" + i + "]", name + ": "));
            }
            return blocks;
        }

        private List<String> calendarNames(JsonNode node, String path) {
            List<String> names = new ArrayList<>();
            List<JsonNode> nodes = optionalList(node, path);
            for (int i = 0; i < nodes.size(); i++) {
                String name = string(nodes.get(i), path + "[" + i + "]");
                if (names.contains(name)) {
                    throw new PlanFormatException(path + "[" + i + "]", "'" + name + "' is listed twice; its busy time would count twice");
                }
                names.add(name);
            }
            return names;
        }

        /**
         * The busy blocks of one calendar file, all or none; an unreadable file names its line, and what was read past
         * becomes a warning naming the line too.
         */
        private List<BusyBlock> importCalendar(Path file, String name, Person owner, String path, String prefix) {
            if (!Files.isRegularFile(file)) {
                throw new PlanFormatException(path, prefix + "no such file (looked for " + file.toAbsolutePath().normalize()
                        + "; calendar paths are relative to the plan file)");
            }
            try {
                CalendarImport.Reading reading = calendarImport.read(file);
                reading.warnings().forEach(warning -> warnings.add(path + ": " + prefix + warning));
                calendars.computeIfAbsent(owner, key -> new ArrayList<>()).add(name);
                return calendarImport.busyBlocks(reading.periods(), name, owner);
            } catch (CalendarFormatException e) {
                throw new PlanFormatException(path, prefix + e.getMessage());
            }
        }

        /** The calendars given with --busy, each added to the one athlete or coach it names. */
        private void extraCalendars(List<Athlete> athletes, Map<String, Coach> coaches) {
            for (BusyCalendar extra : extraCalendars) {
                String path = "--busy " + extra;
                Athlete athlete = athletes.stream().filter(a -> a.id().equals(extra.personId())).findFirst().orElse(null);
                Coach coach = coaches.get(extra.personId());
                if (athlete != null && coach != null) {
                    throw new PlanFormatException(path, "'" + extra.personId() + "' is both an athlete and a coach; give the "
                            + "calendar in the plan file instead, under that person's \"calendars\"");
                }
                if (athlete == null && coach == null) {
                    List<String> known = new ArrayList<>(athletes.stream().map(Athlete::id).toList());
                    known.addAll(coaches.keySet());
                    throw new PlanFormatException(path, "no athlete or coach '" + extra.personId() + "' in the plan"
                            + known(new LinkedHashSet<>(known)));
                }
                if (calendars.getOrDefault(athlete != null ? athlete : coach, List.of()).contains(extra.name())) {
                    throw new PlanFormatException(path, "the plan file already names this calendar; its busy time would count twice");
                }
                if (athlete != null) {
                    importCalendar(extra.file(), extra.name(), athlete, path, "").forEach(athlete::addBusy);
                } else {
                    importCalendar(extra.file(), extra.name(), coach, path, "").forEach(coach::addBusy);
                }
            }
        }

        private ZoneId timeZone(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            String text = string(node, "$.timeZone");
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new PlanFormatException("$.timeZone", "unknown time zone '" + text + "'; use a name like Europe/Berlin,"
                        + " America/New_York or UTC");
            }
        }

        private List<BusyBlock> busy(JsonNode node, String path, Person owner, Set<String> reimported) {
            List<BusyBlock> blocks = new ArrayList<>();
            List<JsonNode> nodes = optionalList(node, path);
            for (int i = 0; i < nodes.size(); i++) {
                String blockPath = path + "[" + i + "]";
                ObjectNode block = object(nodes.get(i), blockPath);
                if (block.hasNonNull("calendar")
                        && reimported.contains(string(block.get("calendar"), blockPath + ".calendar"))) {
                    continue;
                }
                int start = dateTime(block.get("start"), blockPath + ".start");
                int end = dateTime(block.get("end"), blockPath + ".end");
                if (end <= start) {
                    throw new PlanFormatException(blockPath, "end " + block.get("end").asText() + " is not after start "
                            + block.get("start").asText() + "; a busy block needs a positive length");
                }
                String label = block.hasNonNull("label") ? string(block.get("label"), blockPath + ".label") : "busy";
                blocks.add(new BusyBlock(owner, start, end, label, describeBlock(label, start, end)));
            }
            return blocks;
        }

        private String describeBlock(String label, int start, int end) {
            return label + " " + horizon.describeSpan(start, end);
        }

        // ------------------------------------------------------------------ values

        private Window optionalWindow(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return Window.DEFAULT_DAY;
            }
            return window(object(node, path), path);
        }

        private Window window(ObjectNode node, String path) {
            int from = timeOfDay(required(node.get("from"), path + ".from"), path + ".from");
            int to = timeOfDay(required(node.get("to"), path + ".to"), path + ".to");
            if (to <= from) {
                throw new PlanFormatException(path, "'to' (" + Minutes.clock(to) + ") must be after 'from' (" + Minutes.clock(from) + ")");
            }
            return new Window(from, to);
        }

        private Set<DayOfWeek> weekdays(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return EnumSet.allOf(DayOfWeek.class);
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            List<JsonNode> nodes = list(node, path);
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode day = nodes.get(i);
                DayOfWeek dayOfWeek = day.isTextual() ? WEEKDAYS.get(day.textValue()) : null;
                if (dayOfWeek == null) {
                    throw new PlanFormatException(path + "[" + i + "]", "unknown day " + day + "; use one of MON, TUE, WED, THU, FRI, SAT, SUN");
                }
                days.add(dayOfWeek);
            }
            return days;
        }

        private SessionType type(JsonNode node, String path) {
            String text = node != null && node.isTextual() ? node.textValue() : null;
            for (SessionType type : SessionType.values()) {
                if (type.name().equals(text)) {
                    return type;
                }
            }
            throw new PlanFormatException(path, (node == null ? "missing session type" : "unknown session type " + node)
                    + "; use one of " + Arrays.stream(SessionType.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }

        /** A session's {@code dates}: {"from": DATE, "to": DATE}, inclusive. */
        private SessionDates dates(JsonNode node, String path) {
            ObjectNode range = object(node, path);
            LocalDate from = date(range.get("from"), path + ".from");
            LocalDate to = date(range.get("to"), path + ".to");
            if (to.isBefore(from)) {
                throw new PlanFormatException(path + ".to", "'to' (" + to + ") is before 'from' (" + from
                        + "); the session starts on one of the dates from 'from' to 'to', inclusive");
            }
            return SessionDates.of(horizon, from, to);
        }

        private LocalDate date(JsonNode node, String path) {
            String text = string(node, path);
            if (DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeException e) {
                    // falls through to the message below
                }
            }
            throw new PlanFormatException(path, "expected a date like 2026-11-23, got '" + text + "'");
        }

        /** A local time "2026-11-24T07:00" as absolute minutes after 00:00 of the horizon's first day. */
        private int dateTime(JsonNode node, String path) {
            String text = string(node, path);
            Matcher m = DATE_TIME.matcher(text);
            if (m.matches()) {
                try {
                    LocalDate day = LocalDate.parse(m.group(1));
                    int hour = Integer.parseInt(m.group(2));
                    int minute = Integer.parseInt(m.group(3));
                    int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                    if (second != 0) {
                        throw new PlanFormatException(path, "seconds must be 0: '" + text + "'");
                    }
                    long offset = horizon.toMinute(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)));
                    return Math.toIntExact(offset);
                } catch (DateTimeException | ArithmeticException e) {
                    // falls through to the message below
                }
            }
            throw new PlanFormatException(path, "expected a local time like 2026-11-24T07:00, got '" + text + "'");
        }

        private int timeOfDay(JsonNode node, String path) {
            String text = string(node, path);
            Matcher m = TIME_OF_DAY.matcher(text);
            if (m.matches()) {
                int hour = Integer.parseInt(m.group(1));
                int minute = Integer.parseInt(m.group(2));
                if (minute <= 59 && (hour < 24 || (hour == 24 && minute == 0))) {
                    return hour * 60 + minute;
                }
            }
            throw new PlanFormatException(path, "expected a time of day like 06:30, got '" + text + "'");
        }

        private static JsonNode required(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                throw new PlanFormatException(path, "missing");
            }
            return node;
        }

        private static ObjectNode object(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                throw new PlanFormatException(path, "missing");
            }
            if (!(node instanceof ObjectNode object)) {
                throw new PlanFormatException(path, "expected an object, got " + kind(node));
            }
            return object;
        }

        private static List<JsonNode> list(JsonNode node, String path) {
            if (!node.isArray()) {
                throw new PlanFormatException(path, "expected a list, got " + kind(node));
            }
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }

        private static List<JsonNode> optionalList(JsonNode node, String path) {
            return node == null || node.isNull() ? List.of() : list(node, path);
        }

        private static String string(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                throw new PlanFormatException(path, "missing");
            }
            if (!node.isTextual() || node.textValue().isBlank()) {
                throw new PlanFormatException(path, "expected a non-empty string, got " + kind(node));
            }
            return node.textValue();
        }

        private static int integer(JsonNode node, String path, int min, int max) {
            if (node == null || node.isNull()) {
                throw new PlanFormatException(path, "missing");
            }
            if (!node.isNumber() || (!node.isIntegralNumber() && node.doubleValue() != Math.rint(node.doubleValue()))) {
                throw new PlanFormatException(path, "expected a whole number, got " + kind(node));
            }
            double value = node.doubleValue();
            if (value < min || value > max) {
                String text = node.asText();
                throw new PlanFormatException(path, "must be between " + min + " and " + max + ", got "
                        + (text.length() > 20 ? text.substring(0, 20) + "..." : text));
            }
            return (int) value;
        }

        private static double number(JsonNode node, String path) {
            if (!node.isNumber()) {
                throw new PlanFormatException(path, "expected a number, got " + kind(node));
            }
            return node.doubleValue();
        }

        private static int optionalInt(ObjectNode node, String field, int defaultValue, int min, int max) {
            return optionalInt(node, field, defaultValue, min, max, "$.rules");
        }

        private static int optionalInt(ObjectNode node, String field, int defaultValue, int min, int max, String path) {
            return node.hasNonNull(field) ? integer(node.get(field), path + "." + field, min, max) : defaultValue;
        }

        private static String kind(JsonNode node) {
            String text = node.toString();
            return node.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
        }

        private static String known(Set<String> ids) {
            return ids.isEmpty() ? "" : "; known: " + String.join(", ", ids);
        }

        private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

        static {
            for (DayOfWeek day : DayOfWeek.values()) {
                WEEKDAYS.put(day.name().substring(0, 3), day);
            }
        }
    }
}
