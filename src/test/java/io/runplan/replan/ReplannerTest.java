package io.runplan.replan;

import ai.timefold.solver.core.config.solver.SolverConfig;
import io.runplan.domain.Horizon;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.SoftBound;
import io.runplan.solver.StartSlots;
import io.runplan.support.Checkplan;
import io.runplan.support.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-planning after real life, on plans solved from the shipped datasets: done sessions never move, missed ones are
 * placed again only after --now, new busy time and days off move only what collides with them or what their rules
 * chain to, one athlete's re-plan leaves everyone else alone but moves a coached group whole, and a re-planned file
 * is an ordinary plan file that check, the independent checker and a second re-plan read as it is.
 */
@Execution(ExecutionMode.CONCURRENT) // computation only (no time limit, no port): beside other classes
class ReplannerTest {

    /** Per search round; a seed and a move limit make every run the same. */
    static final long MOVES = 4_000L;
    static final Path CLUB = Path.of("datasets/club-week.json");

    @Test
    void missedSpeedSessionIsPlacedAgainAfterNowAndMovesFewerSessionsThanSolvingFromScratch(@TempDir Path directory) {
        PlanFile input = read(SolvedPlans.of(CLUB.toString()));
        LocalDateTime now = LocalDateTime.parse("2026-11-26T12:00");
        int nowMinute = input.plan().getHorizon().toMinute(now);
        Session tempo = input.plan().getSessions().stream()
                .filter(s -> s.getType() == SessionType.SPEED && !s.isCoached() && s.isScheduled() && s.getStart() < nowMinute)
                .min(Comparator.comparing(Session::getId)).orElseThrow();
        ReplanRequest request = new ReplanRequest(now, null, List.of(tempo.getId()), List.of(), List.of());

        Replanner.ReplanResult result = replan(input, request);

        assertDoneSessionsStayPinned(input, result, nowMinute);
        assertThat(result.scoreAfter().hardScore()).isZero();
        Session placed = session(result.solved(), tempo.getId());
        Change missed = change(result, tempo.getId());
        assertThat(missed.why()).isEqualTo(Change.Why.MISSED);
        if (placed.isScheduled()) {
            assertThat(placed.getStart()).isGreaterThanOrEqualTo(nowMinute);
        } else {
            assertThat(missed.reason()).startsWith("missed; not placed again: ").hasSizeGreaterThan(40);
        }
        int replanMoved = movedBesides(input.plan(), result.solved(), Set.of(tempo.getId()));
        int scratchMoved = movedBesides(input.plan(), solveFromScratch(input, request), Set.of(tempo.getId()));
        System.out.printf("club week, %s missed, now %s: re-plan moved %d sessions (%s -> %s), from scratch %d%n",
                tempo.getId(), now, replanMoved, result.scoreBefore(), result.scoreAfter(), scratchMoved);
        assertThat(replanMoved).isLessThan(scratchMoved);
        assertCheckerAgrees(result, directory);
    }

    @Test
    void newBusyBlockMovesOnlyTheSessionsThatCollideOrWhoseRulesChainToThem(@TempDir Path directory) {
        // One athlete, everything free to move: only Plan stability keeps the rest where it is.
        PlanFile input = read(SolvedPlans.of("datasets/office-worker-week.json"));
        Horizon horizon = input.plan().getHorizon();
        LocalDateTime now = LocalDateTime.parse("2026-11-23T12:00");
        int nowMinute = horizon.toMinute(now);
        Session hit = input.plan().getSessions().stream()
                .filter(s -> s.isScheduled() && s.isQuality() && s.getStart() >= nowMinute)
                .min(Comparator.comparingInt(Session::getStart)).orElseThrow();
        var dentist = new ReplanRequest.NewBusy(horizon.toDateTime(hit.getStart()),
                horizon.toDateTime(hit.getEnd()), "dentist");
        ReplanRequest request = new ReplanRequest(now, null, List.of(), List.of(dentist), List.of());

        Replanner.ReplanResult result = replan(input, request);

        assertThat(result.scoreBefore().hardScore()).isNegative();
        assertThat(result.scoreAfter().hardScore()).isZero();
        assertDoneSessionsStayPinned(input, result, nowMinute);
        Change collided = change(result, hit.getId());
        assertThat(collided.why()).isEqualTo(Change.Why.COLLIDES);
        assertThat(collided.reason()).startsWith("Busy time: ").contains("'dentist ");
        // Every other change is a consequence: it made room for a session that moved, never a free improvement.
        assertThat(result.changes()).extracting(Change::why)
                .allMatch(why -> why == Change.Why.COLLIDES || why == Change.Why.MAKES_ROOM);
        assertThat(result.changes()).filteredOn(c -> c.why() == Change.Why.COLLIDES)
                .allMatch(c -> c.reason().contains("'dentist "));
        assertThat(result.changes()).filteredOn(c -> c.why() == Change.Why.MAKES_ROOM)
                .allMatch(c -> c.reason().startsWith("makes room for "));
        assertThat(result.changes().size()).isLessThan(input.plan().getSessions().size() / 2);
        System.out.printf("office week, busy %s: %d changes (%s -> %s)%n", hit.getId(), result.changes().size(),
                result.scoreBefore(), result.scoreAfter());
        assertThat(athleteNode(result, hit.getAthlete().id()).get("busy").toString()).contains("\"label\":\"dentist\"");
        assertCheckerAgrees(result, directory);
    }

    @Test
    void twoSickDaysEmptyThoseDaysForTheAthleteOnlyAndSayWhatCouldNotBePlaced(@TempDir Path directory) {
        PlanFile input = read(SolvedPlans.of(CLUB.toString()));
        LocalDateTime now = LocalDateTime.parse("2026-11-25T12:00");
        List<LocalDate> sick = List.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"));
        ReplanRequest request = new ReplanRequest(now, "ben", List.of(), List.of(), sick);

        Replanner.ReplanResult result = replan(input, request);

        Horizon horizon = input.plan().getHorizon();
        assertThat(result.scoreAfter().hardScore()).isZero();
        assertDoneSessionsStayPinned(input, result, horizon.toMinute(now));
        assertThat(result.solved().getSessions()).filteredOn(s -> s.getAthlete().id().equals("ben") && s.isScheduled())
                .extracting(s -> horizon.date(s.getDay()))
                .doesNotContainAnyElementsOf(sick);
        assertOthersUnchanged(input, result, "ben", Set.of());
        assertThat(result.changes()).isNotEmpty().allMatch(c -> c.athleteId().equals("ben"));
        assertThat(result.changes()).filteredOn(Change::isDropped)
                .allMatch(c -> c.reason().contains("no start is left for it: "));
        assertThat(result.changes()).filteredOn(c -> c.why() == Change.Why.COLLIDES)
                .allMatch(c -> c.reason().contains("'off ") || c.reason().contains("Quality spacing"));
        assertThat(result.report().unscheduledReasons().keySet())
                .containsExactlyInAnyOrderElementsOf(result.changes().stream().filter(Change::isDropped)
                        .map(Change::sessionId).toList());
        String ben = athleteNode(result, "ben").get("busy").toString();
        assertThat(ben).contains("{\"start\":\"2026-11-26T00:00\",\"end\":\"2026-11-27T00:00\",\"label\":\"off\"}",
                "{\"start\":\"2026-11-27T00:00\",\"end\":\"2026-11-28T00:00\",\"label\":\"off\"}");
        System.out.printf("club week, ben sick Thu and Fri: %d moved, %d dropped (%s -> %s)%n", result.moved(),
                result.dropped(), result.scoreBefore(), result.scoreAfter());
        assertCheckerAgrees(result, directory);
    }

    @Test
    void missedCoachedGroupSessionIsPlacedAgainWithoutMovingAnyoneElse(@TempDir Path directory) {
        PlanFile input = read(SolvedPlans.of(CLUB.toString()));
        // The first group session of the solved week (which one depends on the search) that its athlete's days still
        // leave room for once missed, --now right after it: the bound of the re-plan exists only if every session can
        // have a day under the rules days decide (a track session missed on Tuesday, between a tempo run on Thursday
        // and a long run on Sunday, has none).
        Session track = input.plan().getSessions().stream()
                .filter(s -> s.isCoached() && s.isScheduled() && groupSize(input.plan(), s) > 1)
                .sorted(Comparator.comparing(Session::getStart).thenComparing(Session::getId))
                .filter(s -> SoftBound.bestPossible(new Replanner().prepare(input, missedRightAfter(input, s)).plan())
                        .isPresent())
                .findFirst().orElseThrow();
        int nowMinute = (track.getEnd() + 59) / 60 * 60;
        String athlete = track.getAthlete().id();
        ReplanRequest request = missedRightAfter(input, track);

        Replanner.ReplanResult result = replan(input, request);

        assertThat(result.scoreAfter().hardScore()).isZero();
        assertDoneSessionsStayPinned(input, result, nowMinute);
        assertOthersUnchanged(input, result, athlete, Set.of());
        Session placed = session(result.solved(), track.getId());
        assertThat(placed.isScheduled()).as("%s placed again", track.getId()).isTrue();
        assertThat(placed.getStart()).isGreaterThanOrEqualTo(nowMinute);
        // If it joined a group, it is one group with it (same start, type, minutes): 0 hard says so; name it here.
        List<String> groupNow = result.solved().getSessions().stream()
                .filter(s -> s != placed && s.isScheduled() && s.getCoach() == placed.getCoach() && s.getStart() == placed.getStart())
                .map(Session::getId).toList();
        System.out.printf("club week, %s missed %s: placed again %s with %s; %s (%s -> %s)%n", athlete, track.getId(),
                placed.getStartSlot(), groupNow, result.changes().stream().map(c -> c.sessionId() + " " + c.kind()).toList(),
                result.scoreBefore(), result.scoreAfter());
        assertCheckerAgrees(result, directory);
    }

    @Test
    void aGroupThatMustMoveMovesWholeAndNothingElseOfTheOtherAthletesMoves() {
        // Track open Tue 17:00-18:45 only, a 60-minute group session at 17:00 for a, b and c; a gets busy 16:30-17:30.
        // a alone at 17:30 or 17:45 would overlap the group (One group at a time), so the group moves whole.
        PlanFile input = read(Path.of("src/test/resources/plans/group-must-move.json"));
        ReplanRequest request = new ReplanRequest(LocalDateTime.parse("2026-11-23T12:00"), "a", List.of(),
                List.of(new ReplanRequest.NewBusy(LocalDateTime.parse("2026-11-24T16:30"),
                        LocalDateTime.parse("2026-11-24T17:30"), "physio")), List.of());

        Replanner.ReplanResult result = replan(input, request);

        assertThat(result.replan().boundToGroup()).containsExactlyInAnyOrder("b-track", "c-track");
        assertThat(result.scoreAfter().hardScore()).isZero();
        assertThat(result.scoreAfter().mediumScore()).isZero();
        Map<String, Change> changes = result.changes().stream().collect(Collectors.toMap(Change::sessionId, c -> c));
        assertThat(changes.keySet()).containsExactlyInAnyOrder("a-track", "b-track", "c-track");
        assertThat(changes.values()).extracting(Change::to).containsOnly(changes.get("a-track").to());
        assertThat(changes.get("a-track").why()).isEqualTo(Change.Why.COLLIDES);
        assertThat(changes.get("b-track").why()).isEqualTo(Change.Why.WITH_GROUP);
        assertThat(changes.get("c-track").reason()).isEqualTo("moves with its group (coach mara: a-track, b-track, c-track)");
    }

    @Test
    void aBusyBlockOnAClubGroupSessionMovesTheGroupWholeOrTheAthleteAlone() {
        PlanFile input = read(SolvedPlans.of(CLUB.toString()));
        Horizon horizon = input.plan().getHorizon();
        LocalDateTime now = LocalDateTime.parse("2026-11-23T12:00");
        int nowMinute = horizon.toMinute(now);
        // The last member (by id) of the latest future group: her meeting covers the first half hour of it.
        Session member = input.plan().getSessions().stream()
                .filter(s -> s.isCoached() && s.isScheduled() && s.getStart() >= nowMinute && groupSize(input.plan(), s) > 1)
                .max(Comparator.comparingInt(Session::getStart).thenComparing(Session::getId)).orElseThrow();
        List<String> mates = input.plan().getSessions().stream()
                .filter(s -> s != member && s.isCoached() && s.isScheduled() && s.getStart() == member.getStart())
                .map(Session::getId).toList();
        var meeting = new ReplanRequest.NewBusy(horizon.toDateTime(member.getStart() - 30),
                horizon.toDateTime(member.getStart() + 30), "meeting");
        ReplanRequest request = new ReplanRequest(now, member.getAthlete().id(), List.of(), List.of(meeting), List.of());

        Replanner.ReplanResult result = replan(input, request);

        assertThat(result.scoreAfter().hardScore()).isZero();
        assertThat(result.replan().boundToGroup()).containsExactlyInAnyOrderElementsOf(mates);
        assertOthersUnchanged(input, result, member.getAthlete().id(), Set.copyOf(mates));
        Set<Integer> matesNow = mates.stream().map(id -> session(result.solved(), id).getStart()).collect(Collectors.toSet());
        assertThat(matesNow).as("the group never splits").hasSize(1);
        int groupNow = matesNow.iterator().next();
        assertThat(groupNow == member.getStart() || groupNow == session(result.solved(), member.getId()).getStart())
                .as("the group stays, or moves with %s", member.getId()).isTrue();
        System.out.printf("club week, meeting over %s's group session %s (with %s): %s (%s -> %s)%n",
                member.getAthlete().id(), member.getStartSlot(), mates,
                result.changes().stream().map(c -> c.sessionId() + " " + c.why()).toList(), result.scoreBefore(), result.scoreAfter());
    }

    @Test
    void inAWholePlanReplanGroupsAreBoundExceptTheSessionsOfAthletesWhosePlanChanged() {
        PlanFile input = read(SolvedPlans.of(CLUB.toString()));
        LocalDateTime now = LocalDateTime.parse("2026-11-24T12:00");
        int nowMinute = input.plan().getHorizon().toMinute(now);
        List<Session> futureGrouped = input.plan().getSessions().stream()
                .filter(s -> s.isCoached() && s.isScheduled() && s.getStart() >= nowMinute && groupSize(input.plan(), s) > 1)
                .toList();
        // An athlete of a future group who has something before now to miss.
        Session leaver = futureGrouped.stream()
                .filter(s -> input.plan().getSessions().stream().anyMatch(o -> o.getAthlete() == s.getAthlete()
                        && o.isScheduled() && o.getStart() < nowMinute))
                .min(Comparator.comparing(Session::getId)).orElseThrow();
        Session missed = input.plan().getSessions().stream()
                .filter(o -> o.getAthlete() == leaver.getAthlete() && o.isScheduled() && o.getStart() < nowMinute)
                .min(Comparator.comparing(Session::getId)).orElseThrow();

        Replanner.Replan replan = new Replanner().prepare(input,
                new ReplanRequest(now, null, List.of(missed.getId()), List.of(), List.of()));

        assertThat(replan.boundToGroup()).containsExactlyInAnyOrderElementsOf(futureGrouped.stream()
                .filter(s -> s.getAthlete() != leaver.getAthlete()).map(Session::getId).toList());
        assertThat(replan.heldFixed()).isEmpty();
        assertThat(session(replan.plan(), leaver.getId()).isBoundToGroup()).isFalse();
        assertThat(session(replan.plan(), missed.getId()).getEarliestStart()).isEqualTo(nowMinute);
    }

    @Test
    void replanningAReplannedFileChainsPreviousStartsAndTheCheckerStillAgrees(@TempDir Path directory) {
        PlanFile input = read(SolvedPlans.of(CLUB.toString()));
        Horizon horizon = input.plan().getHorizon();
        ReplanRequest first = new ReplanRequest(LocalDateTime.parse("2026-11-24T12:00"), "dev", List.of(), List.of(
                new ReplanRequest.NewBusy(LocalDateTime.parse("2026-11-25T06:00"), LocalDateTime.parse("2026-11-25T09:00"),
                        "travel")), List.of());
        Replanner.ReplanResult once = replan(input, first);
        Path onceFile = directory.resolve("once.json");
        new PlanWriter().write(once.document(), onceFile);
        assertThat(Checkplan.isAvailable() ? Checkplan.score(Checkplan.run(onceFile, null)) : once.scoreAfter().toString())
                .isEqualTo(once.scoreAfter().toString());

        PlanFile replanned = read(onceFile);
        assertThat(replanned.warnings()).as("fields a solve and a re-plan write are known").isEmpty();
        assertThat(PlanSolver.solutionManager().update(StartSlots.assign(replanned.plan()))).isEqualTo(once.scoreAfter());
        LocalDateTime now = LocalDateTime.parse("2026-11-26T12:00");
        int nowMinute = horizon.toMinute(now);
        Session missed = replanned.plan().getSessions().stream()
                .filter(s -> s.getAthlete().id().equals("dev") && s.isScheduled() && !s.isPinned() && s.getStart() < nowMinute)
                .min(Comparator.comparingInt(Session::getStart)).orElseThrow();
        Replanner.ReplanResult twice = replan(replanned, new ReplanRequest(now, null, List.of(missed.getId()), List.of(), List.of()));

        assertThat(twice.scoreAfter().hardScore()).isZero();
        Map<String, String> startsOnce = field(once.document(), "start");
        Map<String, String> previousTwice = field(twice.document(), "previousStart");
        startsOnce.forEach((id, start) -> {
            if (!id.equals(missed.getId())) {
                assertThat(previousTwice.get(id)).as("previousStart of %s", id).isEqualTo(start);
            }
        });
        assertThat(previousTwice.get(missed.getId())).isNull();
        assertThat(twice.document().toString()).contains("\"label\":\"travel\"");
        assertCheckerAgrees(twice, directory);
        if (Checkplan.isAvailable()) {
            // Against the plan it revised, the checker sees only what a re-plan changes in the problem: done sessions
            // pinned and previous starts (no busy time was added the second time).
            Path twiceFile = directory.resolve("twice.json");
            new PlanWriter().write(twice.document(), twiceFile);
            List<String> changedInput = Checkplan.run(twiceFile, onceFile).lines()
                    .filter(line -> line.contains("Changed input")).toList();
            assertThat(changedInput).isNotEmpty().allMatch(line -> line.matches(
                    "HARD Changed input: session [a-z0-9-]+: (pinned changed False -> True|previousStart changed) \\[size 1]"));
        }
    }

    @Test
    void aSessionWithNoStartLeftAfterNowSaysSo() {
        PlanFile input = read(SolvedPlans.of("datasets/office-worker-week.json"));
        Session last = input.plan().getSessions().stream().filter(Session::isScheduled)
                .max(Comparator.comparingInt(Session::getStart)).orElseThrow();
        Horizon horizon = input.plan().getHorizon();
        // Missed right before the end of the athlete's last day: nothing of the horizon is left after now.
        ReplanRequest request = new ReplanRequest(horizon.toDateTime(horizon.endMinute() - 60), null,
                List.of(last.getId()), List.of(), List.of());

        Replanner.ReplanResult result = replan(input, request);

        assertThat(session(result.solved(), last.getId()).isScheduled()).isFalse();
        assertThat(change(result, last.getId()).reason()).contains("start before the re-planning time Sun 29 Nov 23:00");
    }

    // ------------------------------------------------------------------ helpers

    static PlanFile read(Path file) {
        return new PlanReader().read(file);
    }

    /** {@code session} missed by its athlete, re-planned from the full hour after its end. */
    private static ReplanRequest missedRightAfter(PlanFile input, Session session) {
        LocalDateTime now = input.plan().getHorizon().toDateTime((session.getEnd() + 59) / 60 * 60);
        return new ReplanRequest(now, session.getAthlete().id(), List.of(session.getId()), List.of(), List.of());
    }

    static Replanner.ReplanResult replan(PlanFile input, ReplanRequest request) {
        Replanner replanner = new Replanner();
        return replanner.solve(replanner.prepare(input, request), config(), best -> { });
    }

    static SolverConfig config() {
        return PlanSolver.withMoveLimit(PlanSolver.defaultConfig().withRandomSeed(0L), MOVES);
    }

    /** The same problem (done sessions pinned, new calendar, missed sessions) solved with no previous starts. */
    static TrainingPlan solveFromScratch(PlanFile input, ReplanRequest request) {
        TrainingPlan plan = new Replanner().prepare(input, request).plan();
        for (Session session : plan.getSessions()) {
            if (!session.isPinned()) {
                session.setStartSlot(null);
                session.setPreviousStart(null);
            }
        }
        StartSlots.assign(plan);
        return PlanSolver.solve(PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), 3 * MOVES), plan, best -> { });
    }

    /** Sessions other than {@code except} whose start differs between the two plans (unscheduled counts as a start). */
    static int movedBesides(TrainingPlan before, TrainingPlan after, Set<String> except) {
        Map<String, Integer> starts = starts(before);
        int moved = 0;
        for (Session session : after.getSessions()) {
            if (!except.contains(session.getId()) && !Objects.equals(starts.get(session.getId()), startOf(session))) {
                moved++;
            }
        }
        return moved;
    }

    static void assertDoneSessionsStayPinned(PlanFile input, Replanner.ReplanResult result, int now) {
        for (Session old : input.plan().getSessions()) {
            if (old.isScheduled() && old.getStart() < now && !result.replan().missed().contains(old.getId())) {
                Session after = session(result.solved(), old.getId());
                assertThat(after.isPinned()).as("%s is done", old.getId()).isTrue();
                assertThat(startOf(after)).as("%s is done", old.getId()).isEqualTo(old.getStart());
            }
        }
        assertThat(result.changes()).noneMatch(c -> result.replan().done().contains(c.sessionId()));
    }

    /** No session of another athlete changed, except {@code mayMove} (group-mates of the athlete). */
    static void assertOthersUnchanged(PlanFile input, Replanner.ReplanResult result, String athlete, Set<String> mayMove) {
        Map<String, Integer> starts = starts(input.plan());
        for (Session session : result.solved().getSessions()) {
            if (!session.getAthlete().id().equals(athlete) && !mayMove.contains(session.getId())) {
                assertThat(startOf(session)).as("%s of another athlete", session.getId()).isEqualTo(starts.get(session.getId()));
                assertThat(session.isPinned()).as("%s is pinned in the file only if it was done", session.getId())
                        .isEqualTo(result.replan().done().contains(session.getId())
                                || session(input.plan(), session.getId()).isPinned());
            }
        }
    }

    static void assertCheckerAgrees(Replanner.ReplanResult result, Path directory) {
        Path file = directory.resolve("replanned.json");
        new PlanWriter().write(result.document(), file);
        PlanFile reread = read(file);
        assertThat(PlanSolver.solutionManager().update(StartSlots.assign(reread.plan()))).isEqualTo(result.scoreAfter());
        if (Checkplan.isAvailable()) {
            String check = Checkplan.run(file, null);
            assertThat(Checkplan.score(check)).isEqualTo(result.scoreAfter().toString());
            assertThat(check).doesNotContain("WARN");
        }
    }

    static com.fasterxml.jackson.databind.JsonNode athleteNode(Replanner.ReplanResult result, String id) {
        for (var athlete : result.document().get("athletes")) {
            if (athlete.get("id").textValue().equals(id)) {
                return athlete;
            }
        }
        throw new IllegalArgumentException(id);
    }

    static int groupSize(TrainingPlan plan, Session coached) {
        return (int) plan.getSessions().stream().filter(s -> s.isScheduled() && s.getCoach() == coached.getCoach()
                && s.getStart() == coached.getStart()).count();
    }

    static Session session(TrainingPlan plan, String id) {
        return plan.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    static Change change(Replanner.ReplanResult result, String id) {
        return result.changes().stream().filter(c -> c.sessionId().equals(id)).findFirst().orElseThrow();
    }

    static Map<String, Integer> starts(TrainingPlan plan) {
        Map<String, Integer> starts = new HashMap<>();
        plan.getSessions().forEach(s -> starts.put(s.getId(), startOf(s)));
        return starts;
    }

    static Integer startOf(Session session) {
        return session.isScheduled() ? session.getStart() : null;
    }

    /** Session id -> a text field of its node (null when absent or null). */
    static Map<String, String> field(com.fasterxml.jackson.databind.JsonNode document, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        document.get("athletes").forEach(athlete -> athlete.get("sessions").forEach(session -> values.put(
                session.get("id").textValue(), session.hasNonNull(name) ? session.get(name).textValue() : null)));
        return values;
    }
}
