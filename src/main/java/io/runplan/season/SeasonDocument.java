package io.runplan.season;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Athlete;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.PastSession;
import io.runplan.domain.Session;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plan file of a season (docs/season.md): the athlete's file with the season's weeks as its horizon, one session
 * list per week (each session bound to its week by {@code dates}) and the {@code season} block. Made for a new season
 * from an athlete file, or for the rest of a season from a solved season file, where what was done becomes history.
 */
public final class SeasonDocument {

    /** What runplan writes on output and never reads back: a season file is a problem, not an answer. */
    private static final List<String> ANSWER_FIELDS = List.of("score", "unscheduled", "unscheduledReasons", "constraints",
            "replanned", "season");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A new season: to {@code race} over {@code distance}; {@code weeks}, {@code raceMinutes}, {@code athleteId} may be null. */
    public record NewSeason(LocalDate race, Distance distance, Integer weeks, Integer raceMinutes, String athleteId) {
    }

    /**
     * The rest of a season from a solved season file: the weeks from the first one starting on or after {@code on};
     * sessions before it that have a start are done, except the {@code missed} ones.
     */
    public record RestOfSeason(LocalDate on, List<String> missed) {
    }

    /** A season file's document and the season in it; {@code done} counts the sessions that became history. */
    public record Made(ObjectNode document, Season season, LocalDate start, String athleteId, int done) {
    }

    private SeasonDocument() {
    }

    /** Adds {@code "sessions": []} to athletes without one: an athlete file's sessions are not needed (and ignored). */
    public static JsonNode withSessionLists(JsonNode document) {
        if (document instanceof ObjectNode root && root.get("athletes") instanceof ArrayNode athletes) {
            for (JsonNode athlete : athletes) {
                if (athlete instanceof ObjectNode node && !node.has("sessions")) {
                    node.putArray("sessions");
                }
            }
        }
        return document;
    }

    /** A new season for the athlete of {@code input} (an athlete file read as a plan file). */
    public static Made newSeason(PlanFile input, NewSeason request) {
        int index = athleteIndex(input, request.athleteId());
        Athlete athlete = input.plan().getAthletes().get(index);
        String athletePath = "$.athletes[" + index + "]";
        LocalDate fileStart = input.plan().getHorizon().start();
        int weeks;
        if (request.weeks() != null) {
            weeks = request.weeks();
        } else {
            long days = ChronoUnit.DAYS.between(fileStart, request.race()) + 1;
            weeks = (int) Math.max(0, days / 7);
        }
        if (weeks < SeasonPlanner.MIN_WEEKS || weeks > SeasonPlanner.MAX_WEEKS) {
            throw new PlanFormatException(request.weeks() != null ? "--weeks" : "$.start", "a season of " + weeks
                    + " weeks: runplan plans " + SeasonPlanner.MIN_WEEKS + " to " + SeasonPlanner.MAX_WEEKS + " weeks to the race"
                    + (request.weeks() != null ? "" : " (the weeks from the file's start, " + fileStart + ", to the race "
                    + request.race() + "; give --weeks to choose)"));
        }
        LocalDate start = request.race().minusDays(7L * weeks - 1);
        int seasonStartMinute = minuteOf(input.plan().getHorizon(), start);
        List<JsonNode> historyNodes = new ArrayList<>();
        input.document().get("athletes").get(index).path("history").forEach(historyNodes::add);
        for (int j = 0; j < athlete.history().size(); j++) {
            if (athlete.history().get(j).start() >= seasonStartMinute) {
                throw new PlanFormatException(athletePath + ".history[" + j + "].start", "lies on or after the season's first day "
                        + start + " (" + weeks + " weeks to the race " + request.race() + "); ask for fewer --weeks");
            }
        }
        CurrentTraining current = current(input.document().get("athletes").get(index), athletePath, athlete.history(),
                seasonStartMinute);
        int raceMinutes = request.raceMinutes() != null ? request.raceMinutes() : request.distance().raceMinutes();
        Season season = SeasonPlanner.plan(request.distance(), weeks, 1, current, raceMinutes);
        ObjectNode document = document(input, index, start, season, request.race(), historyNodes);
        return new Made(document, season, start, athlete.id(), 0);
    }

    /** The rest of the season of {@code input}, a solved (or partly done) season file. */
    public static Made restOfSeason(PlanFile input, RestOfSeason request) {
        SeasonBlock block = SeasonBlock.of(input.document()).orElseThrow(() -> new PlanFormatException("$.season",
                "missing: --now re-plans the rest of a season file written by 'runplan season' (and solved)"));
        int index = athleteIndex(input, block.athleteId());
        Athlete athlete = input.plan().getAthletes().get(index);
        SeasonBlock.Week resumed = block.weeks().stream().filter(w -> !w.from().isBefore(request.on())).findFirst()
                .orElseThrow(() -> new PlanFormatException("--now", "no week of the season starts on or after " + request.on()
                        + ": the race week has begun; re-plan its days with 'runplan replan'"));
        if (resumed.week() == block.firstWeek()) {
            throw new PlanFormatException("--now", request.on() + " is before the file's first week ("
                    + resumed.from() + "): nothing is done yet to re-plan from");
        }
        Horizon horizon = input.plan().getHorizon();
        int resumeMinute = minuteOf(horizon, resumed.from());
        Set<String> missed = new HashSet<>(request.missed());
        List<PastSession> history = new ArrayList<>(athlete.history());
        List<JsonNode> historyNodes = new ArrayList<>();
        input.document().get("athletes").get(index).path("history").forEach(historyNodes::add);
        int done = 0;
        Set<String> known = new HashSet<>();
        for (Session session : input.plan().sessionsOf(athlete)) {
            known.add(session.getId());
            boolean before = session.isScheduled() && session.getStart() < resumeMinute;
            if (missed.contains(session.getId()) && !before) {
                throw new PlanFormatException("--missed " + session.getId(), "is not a session with a start before "
                        + resumed.from() + "; only sessions due before the re-planned weeks can be missed");
            }
            if (before && !missed.contains(session.getId())) {
                history.add(new PastSession(session.getType(), session.getStart(), session.getMinutes()));
                ObjectNode past = input.document().objectNode();
                past.put("type", session.getType().name());
                past.put("start", horizon.toDateTime(session.getStart()).format(LOCAL_TIME));
                past.put("minutes", session.getMinutes());
                historyNodes.add(past);
                done++;
            }
        }
        for (String id : missed) {
            if (!known.contains(id)) {
                throw new PlanFormatException("--missed " + id, "no session '" + id + "' of " + athlete.id() + " in the file");
            }
        }
        CurrentTraining lived = CurrentTraining.fromHistory(history, resumeMinute);
        // a week off (holiday, illness) restarts the season from the least runplan plans, never from what was planned
        int weekly = Math.max(CurrentTraining.MIN_WEEKLY_MINUTES, lived.weeklyRunMinutes());
        CurrentTraining current = new CurrentTraining(weekly, Math.max(CurrentTraining.MIN_LONGEST_MINUTES,
                Math.min(weekly, lived.longestRunMinutes())));
        if (current.problem() != null) {
            throw new PlanFormatException("$.athletes[" + index + "]", "what was done before " + resumed.from() + " ("
                    + lived.weeklyRunMinutes() + " min of running in the last 7 days, longest run " + lived.longestRunMinutes()
                    + " min in 30 days) is no start for the rest of the season: " + current.problem()
                    + "; plan a new season with 'current' in the athlete file");
        }
        Season season = SeasonPlanner.plan(block.distance(), block.totalWeeks(), resumed.week(), current, block.raceMinutes());
        historyNodes.sort(java.util.Comparator.comparing(node -> node.path("start").asText()));
        ObjectNode document = document(input, index, resumed.from(), season, block.raceDate(), historyNodes);
        return new Made(document, season, resumed.from(), athlete.id(), done);
    }

    /** The athlete's {@code current}, or her current training read from her history; an error says which is missing. */
    private static CurrentTraining current(JsonNode athleteNode, String athletePath, List<PastSession> history,
            int seasonStartMinute) {
        JsonNode node = athleteNode.get("current");
        CurrentTraining current;
        String path;
        if (node != null && !node.isNull()) {
            path = athletePath + ".current";
            if (!node.isObject()) {
                throw new PlanFormatException(path, "expected {\"weeklyRunMinutes\": M, \"longestRunMinutes\": L}");
            }
            current = new CurrentTraining(minutes(node.get("weeklyRunMinutes"), path + ".weeklyRunMinutes"),
                    minutes(node.get("longestRunMinutes"), path + ".longestRunMinutes"));
        } else {
            path = athletePath + ".history";
            CurrentTraining lived = CurrentTraining.fromHistory(history, seasonStartMinute);
            // the longest run of 30 days may be longer than the last week's running: the week is what counts then
            current = new CurrentTraining(lived.weeklyRunMinutes(), Math.min(lived.weeklyRunMinutes(), lived.longestRunMinutes()));
            if (current.weeklyRunMinutes() == 0) {
                throw new PlanFormatException(athletePath + ".current", "missing, and no run in the history's last 7 days "
                        + "before the season: give \"current\": {\"weeklyRunMinutes\": M, \"longestRunMinutes\": L}");
            }
        }
        if (current.problem() != null) {
            throw new PlanFormatException(path, (path.endsWith(".history") ? "read from the runs of the 7 and 30 days before "
                    + "the season: " : "") + current.problem());
        }
        return current;
    }

    private static int minutes(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw new PlanFormatException(path, "missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new PlanFormatException(path, "expected a whole number of minutes, got " + node);
        }
        return node.intValue();
    }

    private static int athleteIndex(PlanFile input, String athleteId) {
        List<Athlete> athletes = input.plan().getAthletes();
        if (athleteId == null) {
            if (athletes.size() != 1) {
                throw new PlanFormatException("$.athletes", athletes.size() + " athletes: a season is planned for one; "
                        + "choose with --athlete ID (" + String.join(", ", athletes.stream().map(Athlete::id).toList()) + ")");
            }
            return 0;
        }
        for (int i = 0; i < athletes.size(); i++) {
            if (athletes.get(i).id().equals(athleteId)) {
                return i;
            }
        }
        throw new PlanFormatException("--athlete " + athleteId, "no such athlete; the file has "
                + String.join(", ", athletes.stream().map(Athlete::id).toList()));
    }

    private static int minuteOf(Horizon horizon, LocalDate date) {
        return Math.toIntExact(ChronoUnit.DAYS.between(horizon.start(), date) * Minutes.PER_DAY);
    }

    /** The season file: the input with the season's horizon, the one athlete, her sessions week by week, the season block. */
    private static ObjectNode document(PlanFile input, int athleteIndex, LocalDate start, Season season, LocalDate race,
            List<JsonNode> history) {
        ObjectNode source = input.document();
        ObjectNode document = source.objectNode();
        int weeks = season.weeks().size();
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (ANSWER_FIELDS.contains(key)) {
                continue;
            }
            switch (key) {
                case "start" -> document.put("start", start.toString());
                case "days" -> document.put("days", 7 * weeks);
                case "athletes" -> document.putArray("athletes").add(athlete(source.get("athletes").get(athleteIndex),
                        start, season, history));
                default -> document.set(key, field.getValue().deepCopy());
            }
        }
        document.set("season", block(season, start, race, source.get("athletes").get(athleteIndex).get("id").textValue()));
        return document;
    }

    private static ObjectNode athlete(JsonNode source, LocalDate start, Season season, List<JsonNode> history) {
        ObjectNode athlete = source.deepCopy();
        if (!history.isEmpty()) {
            ArrayNode historyNode = athlete.putArray("history");
            history.forEach(past -> historyNode.add(past.deepCopy()));
        }
        ArrayNode sessions = athlete.putArray("sessions");
        String id = athlete.get("id").textValue();
        for (SeasonWeek week : season.weeks()) {
            LocalDate from = start.plusDays(7L * (week.week() - season.firstWeek()));
            for (PlannedSession planned : week.sessions()) {
                ObjectNode session = sessions.addObject();
                session.put("id", sessionId(id, week.week(), planned));
                session.put("type", planned.type().name());
                session.put("minutes", planned.minutes());
                ObjectNode dates = session.putObject("dates");
                dates.put("from", from.toString());
                dates.put("to", from.plusDays(6).toString());
                if (planned.block() != null) {
                    session.put("block", planned.block());
                    session.put("focus", planned.focus().label());
                }
            }
        }
        return athlete;
    }

    /** "ana-w05-speed-1": the athlete, the week of the season, the session. */
    public static String sessionId(String athleteId, int week, PlannedSession session) {
        return String.format(Locale.ROOT, "%s-w%02d-%s", athleteId, week, session.name());
    }

    private static ObjectNode block(Season season, LocalDate start, LocalDate race, String athleteId) {
        ObjectNode block = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        ObjectNode raceNode = block.putObject("race");
        raceNode.put("date", race.toString());
        raceNode.put("distance", season.distance().label());
        SeasonWeek raceWeek = season.weeks().get(season.weeks().size() - 1);
        PlannedSession raceSession = raceWeek.sessions().stream().filter(PlannedSession::race).findFirst().orElseThrow();
        raceNode.put("minutes", raceSession.minutes());
        raceNode.put("session", sessionId(athleteId, raceWeek.week(), raceSession));
        block.put("athlete", athleteId);
        block.put("totalWeeks", season.totalWeeks());
        block.put("firstWeek", season.firstWeek());
        ObjectNode current = block.putObject("current");
        current.put("weeklyRunMinutes", season.current().weeklyRunMinutes());
        current.put("longestRunMinutes", season.current().longestRunMinutes());
        ArrayNode weeks = block.putArray("weeks");
        for (SeasonWeek week : season.weeks()) {
            ObjectNode node = weeks.addObject();
            node.put("week", week.week());
            node.put("from", start.plusDays(7L * (week.week() - season.firstWeek())).toString());
            node.put("phase", week.phase().label());
            if (week.cutBack()) {
                node.put("cutBack", true);
            }
            node.put("runMinutes", week.runMinutes());
            node.put("longRunMinutes", week.longRunMinutes());
            node.put("quality", week.quality());
            node.put("lifts", week.lifts());
            node.put("liftFocus", week.liftFocus().label());
            node.put("liftBlock", week.liftBlock());
        }
        return block;
    }
}
