package io.runplan.replan;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Athlete;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.solver.LegalPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Re-plans the rest of a plan's horizon after real life happened, changing as little as it can:
 * <ul>
 * <li>every session that started before {@code now} is done: pinned where it is, unless it was missed; a missed
 * session loses its start and may only be placed again at or after {@code now};</li>
 * <li>every other session keeps its start as {@code previousStart}, so Plan stability (docs/rules.md) makes the solver
 * move as few sessions, by as little, as it can; none may move to a start before {@code now};</li>
 * <li>new busy blocks and days off are written into the athlete's {@code busy} list, so the re-planned file is an
 * ordinary plan file that {@code check} and the independent checker read as it is;</li>
 * <li>re-planning one athlete holds every other athlete's sessions where they are, except the coached sessions that
 * share a group with one of the athlete's: those move only together with their whole group; re-planning everyone,
 * every future group moves only whole, except the sessions of athletes whose own plan changed (missed sessions, new
 * busy time), who may leave it.</li>
 * </ul>
 * The problem is written as a plan document and read back with {@link PlanReader}, so the solver sees exactly what
 * the output file says.
 */
public final class Replanner {

    /** The label of the busy block a day off ({@code --off}) becomes. */
    public static final String OFF_LABEL = "off";
    private static final String DEFAULT_BUSY_LABEL = "busy";
    private static final int POLISH_ROUNDS = 5;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A busy block added to an athlete's calendar, in absolute minutes; {@code clipped} when it began before now. */
    public record AddedBusy(String athleteId, int start, int end, String label, boolean clipped) {
    }

    /**
     * A re-planning problem ready to solve. {@code problem} is the plan document with the re-plan written into it (done
     * sessions pinned, missed ones without a start, previous starts, new busy blocks), read back into the domain.
     */
    public record Replan(PlanFile input, PlanFile problem, ReplanRequest request, int now, Set<String> done,
            Set<String> missed, Set<String> heldFixed, Set<String> boundToGroup, List<AddedBusy> addedBusy) {

        public TrainingPlan plan() {
            return problem.plan();
        }

        /** Every session's start in the plan being revised (null: it was unscheduled), by id. */
        public Map<String, Integer> oldStarts() {
            Map<String, Integer> starts = new LinkedHashMap<>();
            input.plan().getSessions().forEach(s -> starts.put(s.getId(), s.isScheduled() ? s.getStart() : null));
            return starts;
        }
    }

    /** A solved re-plan: the new plan, its report, the score before and after, what changed and the file to write. */
    public record ReplanResult(Replan replan, TrainingPlan solved, PlanReport report, HardMediumSoftScore scoreBefore,
            List<Change> changes, ObjectNode document) {

        public HardMediumSoftScore scoreAfter() {
            return report.score();
        }

        public long moved() {
            return changes.stream().filter(Change::isMoved).filter(c -> c.why() != Change.Why.MISSED).count();
        }

        public long dropped() {
            return changes.stream().filter(Change::isDropped).filter(c -> c.why() != Change.Why.MISSED).count();
        }
    }

    /** Checks the request against the plan and builds the re-planning problem; a user's mistake is a PlanFormatException. */
    public Replan prepare(PlanFile input, ReplanRequest request) {
        TrainingPlan original = input.plan();
        Horizon horizon = original.getHorizon();
        int now = horizon.toMinute(request.now());
        if (now >= horizon.endMinute()) {
            throw new PlanFormatException(null, "--now " + text(request.now()) + " is at or after the end of the horizon ("
                    + horizon.start() + " + " + horizon.days() + " days): nothing is left to re-plan");
        }
        Athlete athlete = athlete(original, request.athleteId());
        Athlete busyOwner = athlete != null ? athlete : original.getAthletes().size() == 1 ? original.getAthletes().get(0) : null;
        if (busyOwner == null && (!request.busy().isEmpty() || !request.offDays().isEmpty())) {
            throw new PlanFormatException(null, "--busy-time and --off need --athlete ID: the plan has "
                    + original.getAthletes().size() + " athletes; say whose calendar changed");
        }
        Map<String, String> paths = sessionPaths(input.document());
        Map<String, Session> byId = new HashMap<>();
        original.getSessions().forEach(s -> byId.put(s.getId(), s));

        Set<String> missed = new LinkedHashSet<>();
        for (String id : request.missed()) {
            Session session = byId.get(id);
            if (session == null) {
                throw new PlanFormatException(null, "--missed " + id + ": no session has this id");
            }
            if (athlete != null && session.getAthlete() != athlete) {
                throw new PlanFormatException(paths.get(id), "--missed " + id + " is " + session.getAthlete().id()
                        + "'s session; --athlete " + athlete.id() + " re-plans " + athlete.id() + "'s sessions only");
            }
            if (!session.isScheduled()) {
                throw new PlanFormatException(paths.get(id) + ".start", "--missed " + id
                        + ": it has no start in this plan, so it cannot have been missed");
            }
            if (session.getStart() >= now) {
                throw new PlanFormatException(paths.get(id) + ".start", "--missed " + id + " starts "
                        + horizon.describe(session.getStart()) + ", not before --now " + text(request.now())
                        + ": only a session due before --now can be missed");
            }
            missed.add(id);
        }
        List<AddedBusy> added = addedBusy(request, horizon, now, busyOwner);

        Set<String> done = new LinkedHashSet<>();
        for (Session session : original.getSessions()) {
            if (session.isScheduled() && session.getStart() < now && !missed.contains(session.getId())) {
                done.add(session.getId());
            }
        }
        ObjectNode document = rewrite(input.document(), original, done, missed, added);
        PlanFile problem = new PlanReader().read(input.source(), document);
        TrainingPlan plan = problem.plan();

        Set<String> changedAthletes = new LinkedHashSet<>();
        if (athlete != null) {
            changedAthletes.add(athlete.id());
        } else {
            missed.forEach(id -> changedAthletes.add(byId.get(id).getAthlete().id()));
            added.forEach(block -> changedAthletes.add(block.athleteId()));
        }
        Set<String> bound = boundToGroup(plan, athlete, changedAthletes, done);
        Set<String> heldFixed = new LinkedHashSet<>();
        for (Session session : plan.getSessions()) {
            if (session.isPinned()) {
                continue;
            }
            boolean someoneElses = athlete != null && !session.getAthlete().id().equals(athlete.id());
            if (someoneElses && !bound.contains(session.getId())) {
                // Held for this solve only: the file does not pin it (it is not done), but re-planning one athlete
                // must not move anyone else's sessions.
                session.setPinned(true);
                heldFixed.add(session.getId());
                continue;
            }
            session.setBoundToGroup(bound.contains(session.getId()));
            session.setEarliestStart(now > 0 ? now : null);
        }
        StartSlots.assign(plan);
        return new Replan(input, problem, request, now, done, missed, heldFixed, bound, added);
    }

    /**
     * Solves a prepared re-plan with {@code config}'s seed and termination, and finds what changed and why.
     * <p>
     * A missed session often fits only if another session moves first (Tuesday's missed track session fits Tuesday
     * evening once the lift there moves to Saturday), and the first of those moves makes the plan worse, so local
     * search starting from "missed session unscheduled" does not take it. When the first round leaves a session
     * unscheduled that has possible starts, a second round (same termination) starts from the first round's plan with
     * each such session placed at its least bad start: then moving the lift repairs a broken hard rule, which the
     * search does take, or it unschedules the session again. The second round's plan is kept only if it scores
     * strictly better, so it never makes a re-plan worse.
     */
    public ReplanResult solve(Replan replan, SolverConfig config, Consumer<TrainingPlan> onBest) {
        var manager = PlanSolver.solutionManager();
        HardMediumSoftScore before = manager.update(replan.plan());
        SolverConfig replanConfig = ReplanMoves.configure(config);
        TrainingPlan solved = PlanSolver.solve(replanConfig, replan.plan(), onBest);
        HardMediumSoftScore firstScore = solved.getScore();
        Map<Session, TimeSlot> firstStarts = new HashMap<>();
        solved.getSessions().forEach(session -> firstStarts.put(session, session.getStartSlot()));
        if (!placeAtLeastBadStart(manager, solved).isEmpty()) {
            TrainingPlan second = PlanSolver.solve(replanConfig, solved, best -> {
                if (best.getScore().compareTo(firstScore) > 0) {
                    onBest.accept(best);
                }
            });
            if (second != solved && second.getScore().compareTo(firstScore) > 0) {
                solved = second;
            } else {
                firstStarts.forEach(Session::setStartSlot);
            }
        }
        polish(manager, solved, replan.oldStarts());
        // Sessions held fixed are still pinned here: a repair takes out only what this re-plan may change.
        List<LegalPlan.Unscheduled> takenOut = LegalPlan.repair(manager, solved);
        // The plan file does not pin them; the report and the reasons must read the plan as the file does.
        solved.getSessions().stream().filter(s -> replan.heldFixed().contains(s.getId())).forEach(s -> s.setPinned(false));
        manager.update(solved);
        PlanReport report = PlanReport.of(manager, solved).withTakenOut(takenOut);
        List<Change> changes = new ChangeReasons(manager, solved, replan.oldStarts(), replan.missed(), report).find();
        PlanWriter writer = new PlanWriter();
        ObjectNode document = writer.toDocument(replan.problem(), solved, report);
        document.set("replanned", summary(replan, before, report, changes));
        return new ReplanResult(replan, solved, report, before, changes, document);
    }

    /**
     * Puts each session the search changed at its best start given all the others (its old start is one of them),
     * until none improves. Late Acceptance may take a worse step, so when it stops it may be in the
     * middle of a detour (a lift moved by 15 minutes for nothing); this undoes such leftovers, deterministically.
     * Sessions bound to their group are left as they are: they move only with it.
     */
    private static void polish(SolutionManager<TrainingPlan, HardMediumSoftScore> manager, TrainingPlan plan,
            Map<String, Integer> oldStarts) {
        List<Session> changed = plan.getSessions().stream()
                .filter(s -> !s.isPinned() && !s.isBoundToGroup())
                .filter(s -> !Objects.equals(oldStarts.get(s.getId()), s.isScheduled() ? s.getStart() : null))
                .toList();
        HardMediumSoftScore score = manager.update(plan);
        boolean improved = !changed.isEmpty();
        for (int round = 0; improved && round < POLISH_ROUNDS; round++) {
            improved = false;
            for (Session session : changed) {
                TimeSlot current = session.getStartSlot();
                session.setStartSlot(null);
                TimeSlot best = manager.recommendAssignment(plan, session, Session::getStartSlot,
                        ScoreAnalysisFetchPolicy.FETCH_SHALLOW).get(0).proposition();
                session.setStartSlot(best);
                HardMediumSoftScore after = manager.update(plan);
                if (after.compareTo(score) > 0) {
                    score = after;
                    improved = true;
                } else {
                    session.setStartSlot(current);
                }
            }
        }
        manager.update(plan);
    }

    /** Each movable unscheduled session that has possible starts, placed at the best of them; the sessions placed. */
    private static List<Session> placeAtLeastBadStart(SolutionManager<TrainingPlan, HardMediumSoftScore> manager,
            TrainingPlan plan) {
        List<Session> placed = new ArrayList<>();
        for (Session session : plan.getSessions()) {
            if (session.isScheduled() || session.isPinned() || session.getPossibleStarts().isEmpty()) {
                continue;
            }
            manager.recommendAssignment(plan, session, Session::getStartSlot, ScoreAnalysisFetchPolicy.FETCH_SHALLOW)
                    .stream()
                    .map(RecommendedAssignment::proposition)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(start -> {
                        session.setStartSlot(start);
                        placed.add(session);
                    });
        }
        return placed;
    }

    // ------------------------------------------------------------------ preparing

    private static Athlete athlete(TrainingPlan plan, String id) {
        if (id == null) {
            return null;
        }
        return plan.getAthletes().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new PlanFormatException(null, "--athlete " + id + ": no athlete has this id; known: "
                        + plan.getAthletes().stream().map(Athlete::id).collect(Collectors.joining(", "))));
    }

    /** The new blocks in absolute minutes; a block that began before now starts at now (the past is done). */
    private static List<AddedBusy> addedBusy(ReplanRequest request, Horizon horizon, int now, Athlete owner) {
        List<AddedBusy> added = new ArrayList<>();
        for (ReplanRequest.NewBusy busy : request.busy()) {
            String given = "--busy-time " + text(busy.start()) + "/" + text(busy.end());
            int start = horizon.toMinute(busy.start());
            int end = horizon.toMinute(busy.end());
            if (end <= start) {
                throw new PlanFormatException(null, given + ": the end is not after the start");
            }
            String label = busy.label() == null || busy.label().isBlank() ? DEFAULT_BUSY_LABEL : busy.label().strip();
            added.add(clip(given, owner, start, end, label, horizon, now));
        }
        for (LocalDate day : request.offDays()) {
            long index = ChronoUnit.DAYS.between(horizon.start(), day);
            if (index < 0 || index >= horizon.days()) {
                throw new PlanFormatException(null, "--off " + day + ": not a day of the horizon (" + horizon.start()
                        + " + " + horizon.days() + " days)");
            }
            int start = Math.toIntExact(index * Minutes.PER_DAY);
            added.add(clip("--off " + day, owner, start, start + Minutes.PER_DAY, OFF_LABEL, horizon, now));
        }
        return added;
    }

    private static AddedBusy clip(String given, Athlete owner, int start, int end, String label, Horizon horizon, int now) {
        if (start >= horizon.endMinute() || end <= 0) {
            throw new PlanFormatException(null, given + ": outside the horizon (" + horizon.start() + " + "
                    + horizon.days() + " days)");
        }
        if (end <= now) {
            throw new PlanFormatException(null, given + ": ends before --now " + horizon.describe(now)
                    + "; busy time in the past changes nothing (list the sessions it stopped with --missed)");
        }
        return start < now
                ? new AddedBusy(owner.id(), now, end, label, true)
                : new AddedBusy(owner.id(), start, end, label, false);
    }

    /** The plan document with the re-plan written in: the problem the solver gets and the file the user gets. */
    private static ObjectNode rewrite(ObjectNode original, TrainingPlan plan, Set<String> done, Set<String> missed,
            List<AddedBusy> added) {
        Horizon horizon = plan.getHorizon();
        Map<String, Session> byId = new HashMap<>();
        plan.getSessions().forEach(s -> byId.put(s.getId(), s));
        ObjectNode document = original.deepCopy();
        for (JsonNode athleteNode : document.get("athletes")) {
            for (JsonNode node : athleteNode.get("sessions")) {
                ObjectNode sessionNode = (ObjectNode) node;
                Session session = byId.get(sessionNode.get("id").textValue());
                if (missed.contains(session.getId())) {
                    sessionNode.putNull("start");
                    sessionNode.remove("end");
                    sessionNode.remove("previousStart");
                    if (sessionNode.has("pinned")) {
                        sessionNode.put("pinned", false);
                    }
                } else if (session.isScheduled()) {
                    // The start in the plan being revised, for every session that has one (chained re-plans
                    // compare with the latest plan, never an older one).
                    sessionNode.put("previousStart", format(horizon, session.getStart()));
                    if (done.contains(session.getId())) {
                        sessionNode.put("pinned", true);
                    }
                } else {
                    sessionNode.remove("previousStart");
                }
            }
            String athleteId = athleteNode.get("id").textValue();
            List<AddedBusy> mine = added.stream().filter(b -> b.athleteId().equals(athleteId)).toList();
            if (!mine.isEmpty()) {
                JsonNode busy = athleteNode.get("busy");
                ArrayNode blocks = busy != null && busy.isArray() ? (ArrayNode) busy : ((ObjectNode) athleteNode).putArray("busy");
                for (AddedBusy block : mine) {
                    blocks.addObject()
                            .put("start", format(horizon, block.start()))
                            .put("end", format(horizon, block.end()))
                            .put("label", block.label());
                }
            }
        }
        return document;
    }

    /**
     * The re-planning problem as a plan file any solver can take (the benchmark, the exact reference): done and held
     * sessions pinned, the others with their previous starts (and their starts as the starting plan), missed ones
     * without a start, the new busy blocks in the calendars, every session that may move bound by {@code dates} to
     * the day of {@code --now} or later, and on that day busy time "before --now" from midnight to {@code --now} around
     * the athlete's done sessions: so no session starts before {@code --now}, as in the re-plan. One thing the file
     * cannot say: sessions bound to their coached group may move alone there.
     */
    public ObjectNode problemAsPlanFile(Replan replan) {
        Horizon horizon = replan.plan().getHorizon();
        LocalDate today = horizon.date(Math.max(0, Minutes.dayOf(Math.max(replan.now(), 0))));
        LocalDate last = horizon.date(horizon.days() - 1);
        ObjectNode document = replan.problem().document().deepCopy();
        // what the solved input said about itself: never read back, and no longer true of this problem
        document.remove(List.of("score", "unscheduled", "unscheduledReasons", "constraints", "replanned"));
        document.put("name", document.path("name").asText("plan") + " (re-plan from "
                + format(horizon, Math.max(replan.now(), 0)) + ")");
        int now = Math.max(replan.now(), 0);
        int midnight = Minutes.dayOf(now) * Minutes.PER_DAY;
        Map<String, Session> byId = new HashMap<>();
        replan.plan().getSessions().forEach(session -> byId.put(session.getId(), session));
        for (JsonNode athleteNode : document.get("athletes")) {
            List<int[]> doneToday = new ArrayList<>();
            boolean movable = false;
            for (JsonNode node : athleteNode.get("sessions")) {
                ObjectNode sessionNode = (ObjectNode) node;
                String id = sessionNode.get("id").textValue();
                if (sessionNode.path("pinned").asBoolean(false)) {
                    Session done = byId.get(id);
                    if (done.isScheduled() && done.getEnd() > midnight && done.getStart() < now) {
                        doneToday.add(new int[] {done.getStart(), done.getEnd()});
                    }
                    continue;
                }
                if (replan.heldFixed().contains(id)) {
                    sessionNode.put("pinned", true);
                    continue;
                }
                movable = true;
                JsonNode dates = sessionNode.get("dates");
                LocalDate from = today;
                LocalDate to = last;
                if (dates != null && dates.isObject()) {
                    LocalDate ownFrom = LocalDate.parse(dates.get("from").textValue());
                    from = ownFrom.isAfter(today) ? ownFrom : today;
                    to = LocalDate.parse(dates.get("to").textValue());
                }
                if (!to.isBefore(from)) {
                    sessionNode.putObject("dates").put("from", from.toString()).put("to", to.toString());
                }
            }
            if (movable && now > midnight) {
                doneToday.sort(Comparator.comparingInt(span -> span[0]));
                JsonNode busy = athleteNode.get("busy");
                ArrayNode blocks = busy != null && busy.isArray() ? (ArrayNode) busy : ((ObjectNode) athleteNode).putArray("busy");
                int from = midnight;
                for (int[] done : doneToday) {
                    if (done[0] > from) {
                        blocks.addObject().put("start", format(horizon, from)).put("end", format(horizon, Math.min(done[0], now)))
                                .put("label", "before --now");
                    }
                    from = Math.max(from, done[1]);
                }
                if (from < now) {
                    blocks.addObject().put("start", format(horizon, from)).put("end", format(horizon, now))
                            .put("label", "before --now");
                }
            }
        }
        return document;
    }

    /**
     * Coached sessions that must move with their whole group, never alone: in every future group of two or more
     * sessions, those of athletes whose own plan did not change (an athlete with a missed session or new busy time, or
     * the one {@code --athlete} names, may leave a group: join another or go alone). Re-planning one athlete, only her
     * groups count; everyone else's sessions are held where they are anyway.
     */
    private static Set<String> boundToGroup(TrainingPlan plan, Athlete athlete, Set<String> changedAthletes,
            Set<String> done) {
        Map<List<Object>, List<Session>> groups = new LinkedHashMap<>();
        for (Session session : plan.getSessions()) {
            if (session.isCoached() && session.isScheduled() && !session.isPinned() && !done.contains(session.getId())) {
                groups.computeIfAbsent(List.of(session.getCoach().id(), session.getStart()), k -> new ArrayList<>()).add(session);
            }
        }
        Set<String> bound = new LinkedHashSet<>();
        for (List<Session> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            if (athlete == null || group.stream().anyMatch(s -> s.getAthlete().id().equals(athlete.id()))) {
                group.stream().filter(s -> !changedAthletes.contains(s.getAthlete().id())).forEach(s -> bound.add(s.getId()));
            }
        }
        return bound;
    }

    /** "$.athletes[2].sessions[4]" by session id, so that a complaint about a session names where it is. */
    private static Map<String, String> sessionPaths(ObjectNode document) {
        Map<String, String> paths = new HashMap<>();
        JsonNode athletes = document.get("athletes");
        for (int i = 0; i < athletes.size(); i++) {
            JsonNode sessions = athletes.get(i).get("sessions");
            for (int j = 0; j < sessions.size(); j++) {
                paths.put(sessions.get(j).get("id").textValue(), "$.athletes[" + i + "].sessions[" + j + "]");
            }
        }
        return paths;
    }

    // ------------------------------------------------------------------ the summary in the output file

    private static ObjectNode summary(Replan replan, HardMediumSoftScore before, PlanReport report, List<Change> changes) {
        Horizon horizon = replan.plan().getHorizon();
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("now", text(replan.request().now()));
        if (replan.request().athleteId() != null) {
            summary.put("athlete", replan.request().athleteId());
        } else {
            summary.putNull("athlete");
        }
        ArrayNode missed = summary.putArray("missed");
        replan.missed().forEach(missed::add);
        ArrayNode busy = summary.putArray("busyAdded");
        for (AddedBusy block : replan.addedBusy()) {
            ObjectNode node = busy.addObject()
                    .put("athlete", block.athleteId())
                    .put("start", format(horizon, block.start()))
                    .put("end", format(horizon, block.end()))
                    .put("label", block.label());
            if (block.clipped()) {
                node.put("note", "began before --now; starts at --now");
            }
        }
        summary.put("scoreBefore", before.toString());
        summary.put("scoreAfter", report.score().toString());
        ArrayNode list = summary.putArray("changes");
        for (Change change : changes) {
            ObjectNode node = list.addObject()
                    .put("session", change.sessionId())
                    .put("change", change.kind())
                    .put("why", change.why().name());
            putTime(node, "from", horizon, change.from());
            putTime(node, "to", horizon, change.to());
            node.put("reason", change.reason());
        }
        return summary;
    }

    private static void putTime(ObjectNode node, String field, Horizon horizon, Integer minute) {
        if (minute == null) {
            node.putNull(field);
        } else {
            node.put(field, format(horizon, minute));
        }
    }

    private static String format(Horizon horizon, int minute) {
        return horizon.toDateTime(minute).format(LOCAL_TIME);
    }

    private static String text(LocalDateTime time) {
        return Objects.requireNonNull(time).format(LOCAL_TIME);
    }
}
