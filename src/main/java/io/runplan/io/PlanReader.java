package io.runplan.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plan file (docs/plan-format.md) into the domain, once: Jackson parses it and binds it to {@link PlanJson}
 * (each value of its kind, or refused where it stands), and this class checks what spans fields (ranges, defaults,
 * ids that must exist or be unique, an end after its start, the calendars the plan names) and builds the domain.
 * Every problem is a {@link PlanFormatException} naming the JSON path; nothing downstream re-parses text. The document
 * itself is kept ({@link PlanFile#document()}) so that a plan written back keeps every field the user wrote.
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
    /** Parses plan files and binds their trees to {@link PlanJson}; thread-safe once configured. */
    private static final ObjectMapper MAPPER = PlanJson.mapper();
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final List<String> RULE_KEYS = List.of("liftGapAfterQualityHours", "qualitySpacingDays",
            "liftsPerWeek", "restDaysPerWeek", "runsPerDay", "liftSpacingDays", "visitGapMinutes",
            "allowLiftRightAfterQuality");
    private static final Set<String> BUILT_IN_LOCATIONS = Set.of("outdoor", "home", "gym");

    private final boolean strict;

    /** A reader that warns of unknown fields ({@link PlanFile#warnings()}) and reads on. */
    public PlanReader() {
        this(false);
    }

    /** With {@code strict}, an unknown field is an error like any other (--strict), not a warning. */
    public PlanReader(boolean strict) {
        this.strict = strict;
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
            root = MAPPER.readTree(file.toFile());
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
            if (!(root instanceof ObjectNode object)) {
                throw new PlanFormatException("$", "expected an object, got " + PlanJson.kind(root));
            }
            this.root = object;
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
            PlanJson.Plan json;
            try {
                json = MAPPER.treeToValue(root, PlanJson.Plan.class);
            } catch (JsonMappingException e) {
                throw new PlanFormatException(PlanJson.path(e), PlanJson.describe(e, PlanJson.nodeAt(root, e)));
            } catch (JsonProcessingException e) {
                throw new PlanFormatException("$", "cannot be read: " + oneLine(e.getOriginalMessage()));
            }
            String name = required(json.name(), "$.name");
            LocalDate start = required(json.start(), "$.start");
            int days = required(json.days(), "$.days").between(1, MAX_DAYS, "$.days");
            int grain = json.grainMinutes() == null ? 15 : json.grainMinutes().between(1, Minutes.PER_DAY, "$.grainMinutes");
            if (Minutes.PER_DAY % grain != 0) {
                throw new PlanFormatException("$.grainMinutes", grain + " does not divide a day (1440 minutes); use 5, 10, 15, 30 or 60");
            }
            horizon = new Horizon(start, days, grain);
            timeZone = json.timeZone();
            // Without a "timeZone" the calendars are read in this machine's zone, as a calendar app shows them.
            calendarImport = new CalendarImport(horizon, timeZone != null ? timeZone : ZoneId.systemDefault());
            Rules rules = rules(json.rules());
            Weights weights = weights(json.weights());
            Map<String, Facility> facilities = facilities(json.facilities());
            Map<String, Coach> coaches = coaches(json.coaches());

            if (json.athletes() == null) {
                throw new PlanFormatException("$.athletes", "missing; a plan needs at least one athlete");
            }
            if (json.athletes().isEmpty()) {
                throw new PlanFormatException("$.athletes", "empty; a plan needs at least one athlete");
            }
            if (json.athletes().size() > MAX_ATHLETES) {
                throw new PlanFormatException("$.athletes", json.athletes().size() + " athletes; runplan plans at most "
                        + MAX_ATHLETES + " in one file: split the plan");
            }
            List<Athlete> athletes = new ArrayList<>();
            List<Session> sessions = new ArrayList<>();
            Set<String> athleteIds = new HashSet<>();
            for (int i = 0; i < json.athletes().size(); i++) {
                String path = "$.athletes[" + i + "]";
                PlanJson.Athlete athleteJson = required(json.athletes().get(i), path);
                Athlete athlete = athlete(athleteJson, path, rules, weights);
                if (!athleteIds.add(athlete.id())) {
                    throw new PlanFormatException(path + ".id", "duplicate athlete id '" + athlete.id() + "'");
                }
                athletes.add(athlete);
                sessions.addAll(sessions(athleteJson, i, athlete, facilities, coaches));
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

        /** Rule parameters: every key must be one ("liftGapHours" must not silently keep the default). */
        private Rules rules(PlanJson.Rules json) {
            if (json == null) {
                return Rules.DEFAULT;
            }
            JsonNode node = root.get("rules");
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!RULE_KEYS.contains(key) && !PlanFields.isUsersOwn(key)) {
                    throw new PlanFormatException("$.rules." + key, "unknown rule parameter; "
                            + PlanFields.didYouMean(key, node, RULE_KEYS)
                            + "known: " + String.join(", ", RULE_KEYS));
                }
            }
            Rules d = Rules.DEFAULT;
            int liftGap = d.liftGapMinutes();
            if (json.liftGapAfterQualityHours() != null) {
                double hours = json.liftGapAfterQualityHours();
                if (hours < 0 || hours > 24) {
                    throw new PlanFormatException("$.rules.liftGapAfterQualityHours", "must be between 0 and 24 hours, got " + hours);
                }
                liftGap = (int) Math.round(hours * 60);
            }
            int[] spacing = minMax(json.qualitySpacingDays(), "qualitySpacingDays", d.qualitySpacingMin(), d.qualitySpacingMax());
            int[] lifts = minMax(json.liftsPerWeek(), "liftsPerWeek", d.liftsPerWeekMin(), d.liftsPerWeekMax());
            int restDays = optional(json.restDaysPerWeek(), d.restDaysPerWeek(), 0, 7, "$.rules.restDaysPerWeek");
            int runsPerDay = optional(json.runsPerDay(), d.runsPerDay(), 0, 100, "$.rules.runsPerDay");
            int liftSpacing = optional(json.liftSpacingDays(), d.liftSpacingDays(), 0, MAX_DAYS, "$.rules.liftSpacingDays");
            int visitGap = optional(json.visitGapMinutes(), d.visitGapMinutes(), 0, Minutes.PER_DAY, "$.rules.visitGapMinutes");
            boolean rightAfter = json.allowLiftRightAfterQuality() != null ? json.allowLiftRightAfterQuality()
                    : d.allowLiftRightAfterQuality();
            return new Rules(liftGap, spacing[0], spacing[1], lifts[0], lifts[1], restDays, runsPerDay, liftSpacing,
                    visitGap, rightAfter);
        }

        private int[] minMax(PlanJson.MinMax json, String field, int defaultMin, int defaultMax) {
            String path = "$.rules." + field;
            if (json == null) {
                return new int[] {defaultMin, defaultMax};
            }
            JsonNode node = root.get("rules").get(field);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("min") && !key.equals("max") && !PlanFields.isUsersOwn(key)) {
                    throw new PlanFormatException(path + "." + key, "unknown field; "
                            + PlanFields.didYouMean(key, node, List.of("min", "max"))
                            + "expected only 'min' and 'max'");
                }
            }
            int min = optional(json.min(), defaultMin, 0, MAX_DAYS, path + ".min");
            int max = optional(json.max(), defaultMax, 0, MAX_DAYS, path + ".max");
            if (max < min) {
                throw new PlanFormatException(path, "max " + max + " is below min " + min);
            }
            return new int[] {min, max};
        }

        /**
         * Soft weights by rule name. The names are data, not fields, so they are checked here (an unknown one is an
         * error); each value is bound as the whole number it must be.
         */
        private Weights weights(JsonNode node) {
            if (node == null || node.isNull()) {
                return Weights.DEFAULT;
            }
            if (!node.isObject()) {
                throw new PlanFormatException("$.weights", "expected an object, got " + PlanJson.kind(node));
            }
            Map<Rule, Integer> overrides = new EnumMap<>(Rule.class);
            List<String> softRules = Arrays.stream(Rule.values()).filter(r -> r.level() == Rule.Level.SOFT)
                    .map(Rule::ruleName).toList();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                if (PlanFields.isUsersOwn(entry.getKey())) {
                    continue;
                }
                String path = "$.weights." + entry.getKey();
                Rule rule = Rule.byName(entry.getKey()).filter(r -> r.level() == Rule.Level.SOFT)
                        .orElseThrow(() -> new PlanFormatException(path, "unknown soft rule; "
                                + PlanFields.didYouMean(entry.getKey(), node, softRules)
                                + "known: " + String.join(", ", softRules)));
                PlanJson.Whole weight = bind(entry.getValue(), PlanJson.Whole.class, path);
                overrides.put(rule, required(weight, path).between(0, MAX_WEIGHT, path));
            }
            return new Weights(overrides);
        }

        private Map<String, Facility> facilities(List<PlanJson.Facility> json) {
            Map<String, Facility> facilities = new LinkedHashMap<>();
            for (int i = 0; json != null && i < json.size(); i++) {
                String path = "$.facilities[" + i + "]";
                PlanJson.Facility facility = required(json.get(i), path);
                String id = required(facility.id(), path + ".id");
                if (id.equals("outdoor") || id.equals("home")) {
                    throw new PlanFormatException(path + ".id", "'" + id + "' is reserved for sessions away from any facility");
                }
                if (facilities.containsKey(id)) {
                    throw new PlanFormatException(path + ".id", "duplicate facility id '" + id + "'");
                }
                List<OpeningWindow> open = new ArrayList<>();
                List<PlanJson.Opening> windows = orEmpty(facility.open());
                for (int j = 0; j < windows.size(); j++) {
                    String windowPath = path + ".open[" + j + "]";
                    PlanJson.Opening window = required(windows.get(j), windowPath);
                    open.add(new OpeningWindow(weekdays(window.days(), windowPath + ".days"),
                            window(window.from(), window.to(), windowPath)));
                }
                facilities.put(id, new Facility(id, open));
            }
            return facilities;
        }

        private Map<String, Coach> coaches(List<PlanJson.Coach> json) {
            Map<String, Coach> coaches = new LinkedHashMap<>();
            for (int i = 0; json != null && i < json.size(); i++) {
                String path = "$.coaches[" + i + "]";
                PlanJson.Coach coachJson = required(json.get(i), path);
                String id = required(coachJson.id(), path + ".id");
                if (coaches.containsKey(id)) {
                    throw new PlanFormatException(path + ".id", "duplicate coach id '" + id + "'");
                }
                Window day = optionalWindow(coachJson.day(), path + ".day");
                int capacity = optional(coachJson.groupCapacity(), Coach.DEFAULT_GROUP_CAPACITY, 1, 10_000,
                        path + ".groupCapacity");
                Coach coach = new Coach(id, day, capacity);
                busyAndCalendars(coachJson.busy(), coachJson.calendars(), path, coach).forEach(coach::addBusy);
                coaches.put(id, coach);
            }
            return coaches;
        }

        private Athlete athlete(PlanJson.Athlete json, String path, Rules rules, Weights weights) {
            String id = required(json.id(), path + ".id");
            String name = json.name() != null ? json.name() : id;
            Window day = optionalWindow(json.day(), path + ".day");
            int overhead = optional(json.gymVisitOverheadMinutes(), Athlete.DEFAULT_GYM_VISIT_OVERHEAD, 0, Minutes.PER_DAY,
                    path + ".gymVisitOverheadMinutes");
            List<PastSession> history = new ArrayList<>();
            List<PlanJson.Past> pasts = orEmpty(json.history());
            for (int j = 0; j < pasts.size(); j++) {
                String historyPath = path + ".history[" + j + "]";
                PlanJson.Past past = required(pasts.get(j), historyPath);
                SessionType type = type(past.type(), historyPath + ".type");
                int start = minute(required(past.start(), historyPath + ".start"), historyPath + ".start");
                if (start >= 0) {
                    throw new PlanFormatException(historyPath + ".start", "history must lie before the horizon start "
                            + horizon.start() + "; put sessions of the horizon under 'sessions'");
                }
                history.add(new PastSession(type, start, required(past.minutes(), historyPath + ".minutes")
                        .between(1, Minutes.PER_DAY, historyPath + ".minutes")));
            }
            List<Preference> preferences = new ArrayList<>();
            List<PlanJson.Preference> preferenceJson = orEmpty(json.preferences());
            for (int j = 0; j < preferenceJson.size(); j++) {
                String prefPath = path + ".preferences[" + j + "]";
                PlanJson.Preference preference = required(preferenceJson.get(j), prefPath);
                List<SessionType> typeList = required(preference.types(), prefPath + ".types");
                Set<SessionType> types = EnumSet.noneOf(SessionType.class);
                for (int k = 0; k < typeList.size(); k++) {
                    types.add(type(typeList.get(k), prefPath + ".types[" + k + "]"));
                }
                int from = preference.from() != null ? preference.from().minutes() : 0;
                int to = preference.to() != null ? preference.to().minutes() : Minutes.PER_DAY;
                if (to <= from) {
                    throw new PlanFormatException(prefPath, "'to' (" + Minutes.clock(to) + ") must be after 'from' (" + Minutes.clock(from) + ")");
                }
                preferences.add(new Preference(types, weekdays(preference.days(), prefPath + ".days"), from, to));
            }
            Athlete athlete = new Athlete(id, name, day, overhead, rules, weights, history, preferences, horizon.fullWeeks());
            busyAndCalendars(json.busy(), json.calendars(), path, athlete).forEach(athlete::addBusy);
            return athlete;
        }

        private List<Session> sessions(PlanJson.Athlete athleteJson, int athleteIndex, Athlete athlete,
                Map<String, Facility> facilities, Map<String, Coach> coaches) {
            String listPath = "$.athletes[" + athleteIndex + "].sessions";
            JsonNode sessionList = root.get("athletes").get(athleteIndex).get("sessions");
            if (athleteJson.sessions() == null) {
                throw new PlanFormatException(listPath, "missing; list the athlete's sessions (it may be empty: [])");
            }
            List<Session> sessions = new ArrayList<>();
            for (int j = 0; j < athleteJson.sessions().size(); j++) {
                String path = listPath + "[" + j + "]";
                PlanJson.Session json = required(athleteJson.sessions().get(j), path);
                String id = required(json.id(), path + ".id");
                if (sessionNodes.size() >= MAX_SESSIONS) {
                    throw new PlanFormatException(path, "more than " + MAX_SESSIONS + " sessions in one file: split the plan");
                }
                if (sessionNodes.containsKey(id)) {
                    throw new PlanFormatException(path + ".id", "duplicate session id '" + id + "'; session ids are unique in the file");
                }
                SessionType type = type(json.type(), path + ".type");
                int minutes = required(json.minutes(), path + ".minutes").between(1, Minutes.PER_DAY, path + ".minutes");
                if (minutes > athlete.day().length()) {
                    throw new PlanFormatException(path + ".minutes", minutes + " minutes is longer than "
                            + athlete.id() + "'s day window " + athlete.day() + " (" + athlete.day().length()
                            + " minutes); shorten the session or widen the athlete's 'day'");
                }
                String location = json.location() != null ? json.location() : type.defaultLocation();
                Facility facility = facilities.get(location);
                if (facility == null && !BUILT_IN_LOCATIONS.contains(location)) {
                    throw new PlanFormatException(path + ".location", "unknown location '" + location
                            + "': not a facility id, 'outdoor', 'home' or 'gym'" + known(facilities.keySet()));
                }
                Coach coach = null;
                if (json.coach() != null) {
                    coach = coaches.get(json.coach());
                    if (coach == null) {
                        throw new PlanFormatException(path + ".coach", "unknown coach id '" + json.coach() + "'"
                                + known(coaches.keySet()));
                    }
                }
                Session session = new Session(id, athlete, type, minutes, location, facility, coach);
                Integer start = null;
                if (json.start() != null) {
                    start = minute(json.start(), path + ".start");
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
                if (json.pinned() != null) {
                    if (json.pinned() && start == null) {
                        throw new PlanFormatException(path + ".pinned", "a pinned session needs a 'start'");
                    }
                    session.setPinned(json.pinned());
                }
                if (json.previousStart() != null) {
                    int previous = minute(json.previousStart(), path + ".previousStart");
                    if (Math.abs(previous) > 400 * Minutes.PER_DAY + horizon.endMinute()) {
                        throw new PlanFormatException(path + ".previousStart", "lies more than a year from the horizon;"
                                + " it should be the start this session had in the plan being revised");
                    }
                    session.setPreviousStart(previous);
                }
                if (json.dates() != null) {
                    session.setDates(dates(json.dates(), path + ".dates"));
                }
                if (json.end() != null && start != null) {
                    int end = minute(json.end(), path + ".end");
                    if (end <= start) {
                        throw new PlanFormatException(path + ".end", "end is not after start");
                    }
                }
                sessionNodes.put(id, (ObjectNode) sessionList.get(j));
                sessions.add(session);
            }
            return sessions;
        }

        /**
         * A person's "busy" blocks and the busy time of her "calendars". Busy entries with a "calendar" field are the
         * copies an earlier run wrote of a calendar's busy time: when that calendar is imported again now, the copies
         * give way to what the calendar says today.
         */
        private List<BusyBlock> busyAndCalendars(List<PlanJson.Busy> busy, List<String> calendarList, String path,
                Person owner) {
            List<String> names = calendarNames(calendarList, path + ".calendars");
            Set<String> reimported = new HashSet<>(names);
            extraCalendars.stream().filter(c -> c.personId().equals(owner.id())).forEach(c -> reimported.add(c.name()));
            List<BusyBlock> blocks = busy(busy, path + ".busy", owner, reimported);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                blocks.addAll(importCalendar(source.resolveSibling(name), name, owner, path + ".calendars[" + i + "]", name + ": "));
            }
            return blocks;
        }

        private List<String> calendarNames(List<String> json, String path) {
            List<String> names = new ArrayList<>();
            List<String> given = orEmpty(json);
            for (int i = 0; i < given.size(); i++) {
                String name = required(given.get(i), path + "[" + i + "]");
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

        private List<BusyBlock> busy(List<PlanJson.Busy> json, String path, Person owner, Set<String> reimported) {
            List<BusyBlock> blocks = new ArrayList<>();
            List<PlanJson.Busy> given = orEmpty(json);
            for (int i = 0; i < given.size(); i++) {
                String blockPath = path + "[" + i + "]";
                PlanJson.Busy block = required(given.get(i), blockPath);
                if (block.calendar() != null && reimported.contains(block.calendar())) {
                    continue;
                }
                LocalDateTime startTime = required(block.start(), blockPath + ".start");
                LocalDateTime endTime = required(block.end(), blockPath + ".end");
                int start = minute(startTime, blockPath + ".start");
                int end = minute(endTime, blockPath + ".end");
                if (end <= start) {
                    throw new PlanFormatException(blockPath, "end " + LOCAL_TIME.format(endTime) + " is not after start "
                            + LOCAL_TIME.format(startTime) + "; a busy block needs a positive length");
                }
                String label = block.label() != null ? block.label() : "busy";
                blocks.add(new BusyBlock(owner, start, end, label, label + " " + horizon.describeSpan(start, end)));
            }
            return blocks;
        }

        // ------------------------------------------------------------------ values across fields

        private Window optionalWindow(PlanJson.Window json, String path) {
            return json == null ? Window.DEFAULT_DAY : window(json.from(), json.to(), path);
        }

        private Window window(PlanJson.TimeOfDay fromJson, PlanJson.TimeOfDay toJson, String path) {
            int from = required(fromJson, path + ".from").minutes();
            int to = required(toJson, path + ".to").minutes();
            if (to <= from) {
                throw new PlanFormatException(path, "'to' (" + Minutes.clock(to) + ") must be after 'from' (" + Minutes.clock(from) + ")");
            }
            return new Window(from, to);
        }

        /** Week days; none given means every day. A null in the list is no day. */
        private Set<DayOfWeek> weekdays(List<DayOfWeek> json, String path) {
            if (json == null) {
                return EnumSet.allOf(DayOfWeek.class);
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < json.size(); i++) {
                if (json.get(i) == null) {
                    throw new PlanFormatException(path + "[" + i + "]", PlanJson.unknownDay(NullNode.getInstance()));
                }
                days.add(json.get(i));
            }
            return days;
        }

        private static SessionType type(SessionType type, String path) {
            if (type == null) {
                throw new PlanFormatException(path, "missing session type; use one of " + PlanJson.sessionTypes());
            }
            return type;
        }

        /** A session's {@code dates}: {"from": DATE, "to": DATE}, inclusive. */
        private SessionDates dates(PlanJson.Dates json, String path) {
            LocalDate from = required(json.from(), path + ".from");
            LocalDate to = required(json.to(), path + ".to");
            if (to.isBefore(from)) {
                throw new PlanFormatException(path + ".to", "'to' (" + to + ") is before 'from' (" + from
                        + "); the session starts on one of the dates from 'from' to 'to', inclusive");
            }
            return SessionDates.of(horizon, from, to);
        }

        /** A local time as absolute minutes after 00:00 of the horizon's first day. */
        private int minute(LocalDateTime time, String path) {
            try {
                return Math.toIntExact(horizon.toMinute(time));
            } catch (ArithmeticException e) {
                throw new PlanFormatException(path, "expected a local time like 2026-11-24T07:00, got '"
                        + LOCAL_TIME.format(time) + "'");
            }
        }

        /** {@code node}, one value of a place whose keys are data (a weight), bound as {@code type}, or refused at {@code path}. */
        private static <T> T bind(JsonNode node, Class<T> type, String path) {
            try {
                return MAPPER.treeToValue(node, type);
            } catch (JsonMappingException e) {
                throw new PlanFormatException(path + PlanJson.path(e).substring(1), PlanJson.describe(e, PlanJson.nodeAt(node, e)));
            } catch (JsonProcessingException e) {
                throw new PlanFormatException(path, "cannot be read: " + oneLine(e.getOriginalMessage()));
            }
        }

        private static <T> T required(T value, String path) {
            if (value == null) {
                throw new PlanFormatException(path, "missing");
            }
            return value;
        }

        private static int optional(PlanJson.Whole value, int defaultValue, int min, int max, String path) {
            return value == null ? defaultValue : value.between(min, max, path);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }

        private static String known(Set<String> ids) {
            return ids.isEmpty() ? "" : "; known: " + String.join(", ", ids);
        }
    }
}
