package io.runplan.solver;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.runplan.support.RandomPlans;
import io.runplan.support.SearchConfigs;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Solves small plans under FULL_ASSERT, which recalculates the score from scratch after every move and fails on any
 * difference from the incremental score, and compares it with the plain-Java {@link ReferenceScoreCalculator}: it
 * catches score corruption that single-case verifier tests cannot.
 */
@Execution(ExecutionMode.CONCURRENT) // independent single-threaded solves: two at a time on two cores
class SolverFullAssertTest {

    /** Moves for the make-way test (half of them chains, each re-placing most of a 58-session plan). */
    private static final long MAKE_WAY_MOVES = 80L;
    /** Moves for the default search on the same plan (each a few days or a chain re-placed, no FULL_ASSERT). */
    private static final long DEFAULT_MAKE_WAY_MOVES = 1_000L;

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/plans/mini-club.json", "src/test/resources/plans/format-example.json",
            "datasets/office-worker-week.json", "datasets/shift-nurse-4-weeks.json", "datasets/club-week.json",
            "datasets/calendar-week.json"})
    void constructionNeverDriftsFromAFullRecalculation(String file) {
        solveUnderFullAssert(StartSlots.assign(new PlanReader().read(Path.of(file)).plan()));
    }

    /**
     * Moves from a random plan: every kind of move many times over (the chain and make-way moves have tests of their
     * own below); 1,000 cost the suite half a minute more on two cores.
     */
    private static final long FROM_RANDOM_MOVES = 500L;

    /** From a random complete plan, so that the moves are local search's changes and swaps. */
    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/plans/mini-club.json", "src/test/resources/plans/format-example.json",
            "datasets/office-worker-week.json", "datasets/shift-nurse-4-weeks.json", "datasets/club-week.json",
            "datasets/calendar-week.json", "src/test/resources/plans/dated-two-weeks.json"})
    void localSearchNeverDriftsFromAFullRecalculation(String file) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of(file)).plan());
        RandomPlans.placeAll(plan, new Random(7));
        solveUnderFullAssert(plan, PlanSolver.defaultConfig(), FROM_RANDOM_MOVES);
    }

    /**
     * Local search alone from a plan with every third session unscheduled, so that it bumps: unscheduled sessions
     * take starts and push neighbours out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/plans/mini-club.json", "datasets/shift-nurse-4-weeks.json",
            "datasets/club-week.json"})
    void bumpsNeverDriftFromAFullRecalculation(String file) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of(file)).plan());
        RandomPlans.placeAll(plan, new Random(11));
        for (int i = 0; i < plan.getSessions().size(); i += 3) {
            plan.getSessions().get(i).setStartSlot(null);
        }
        var config = PlanSolver.defaultConfig().withPhases(new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new ChangeMoveSelectorConfig(),
                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(BumpMoveFactory.class)
                                .withMoveIteratorFactoryCustomProperties(Map.of("groupShiftPercent", "50")))));
        TrainingPlan solved = solveUnderFullAssert(plan, config, FROM_RANDOM_MOVES);
        assertThat(solved.getScore().mediumScore()).isGreaterThan(-plan.getSessions().size() / 3);
    }

    /**
     * Athlete a can start her coached track session only at 17:30, while b and c, with the same coach, have theirs at
     * 17:00. Bumps that shift the coach's group in the way place it, under FULL_ASSERT: b and c join her at 17:30 or
     * move to 18:30. Bumps alone never do: the coach cannot lead two overlapping groups, and a has no session of her own
     * to move out of the way.
     */
    @org.junit.jupiter.api.Test
    void theCoachsGroupInTheWayShiftsOnItsDay() {
        TrainingPlan shifted = solveUnderFullAssert(plan("group-shift.json"), bumpsOnly("100"), 20L);
        TrainingPlan plain = PlanSolver.solve(bumpsOnly("0")
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(20L)), plan("group-shift.json"), best -> { });

        assertThat(shifted.getScore().hardScore()).isZero();
        assertThat(shifted.getScore().mediumScore()).isZero();
        assertThat(shifted.getSessions()).filteredOn(session -> !session.getId().equals("a-track"))
                .allSatisfy(session -> assertThat(session.getStartSlot().label()).isIn("Tue 24 Nov 17:30",
                        "Tue 24 Nov 18:30"));
        assertThat(plain.getScore().mediumScore()).isEqualTo(-1);
    }

    /**
     * The same, but b can start her track session on Tuesday only at 17:00 (a bar job from 18:00): her group cannot
     * move on its day. Under FULL_ASSERT it trades days with her Thursday tempo run, her hard days the same, and a gets
     * her start.
     */
    @org.junit.jupiter.api.Test
    void theCoachsGroupInTheWayTradesDaysWhenItCannotShift() {
        TrainingPlan traded = solveUnderFullAssert(plan("group-day-swap.json"), bumpsOnly("100"), 40L);
        TrainingPlan plain = PlanSolver.solve(bumpsOnly("0")
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(40L)), plan("group-day-swap.json"),
                best -> { });

        assertThat(traded.getScore().hardScore()).isZero();
        assertThat(traded.getScore().mediumScore()).isZero();
        assertThat(traded.getSessions()).filteredOn(session -> session.getId().equals("b-track"))
                .allSatisfy(session -> assertThat(session.getStartSlot().label()).startsWith("Thu 26 Nov"));
        assertThat(plain.getScore().mediumScore()).isEqualTo(-1);
    }

    private static TrainingPlan plan(String file) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("src/test/resources/plans", file)).plan());
        assertThat(PlanSolver.solutionManager().update(plan).mediumScore()).isEqualTo(-1);
        return plan;
    }

    private static SolverConfig bumpsOnly(String groupShiftPercent) {
        return PlanSolver.defaultConfig().withPhases(new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new MoveIteratorFactoryConfig()
                        .withMoveIteratorFactoryClass(BumpMoveFactory.class)
                        .withMoveIteratorFactoryCustomProperties(Map.of("groupShiftPercent", groupShiftPercent)))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(20))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }


    /** Local search alone, every athlete-days move a chain shift (quality sessions a day later or earlier). */
    @ParameterizedTest
    @ValueSource(strings = {"datasets/shift-nurse-4-weeks.json", "datasets/club-week.json",
            "datasets/practice/practice-rand-1.json"})
    void chainShiftsNeverDriftFromAFullRecalculation(String file) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of(file)).plan());
        RandomPlans.placeAll(plan, new Random(13));
        solveUnderFullAssert(plan, athleteDaysOnly(Map.of("shiftPercent", "100", "groupPercent", "0")), 300L);
    }

    /**
     * Local search alone, every athlete-days move a chain re-laying (once every session is placed): the chain with
     * lifts on its days, the sessions held at their previous starts meanwhile, or at their best start on its day where
     * that is taken (or, re-planning, a session without one put first on a random day), the others round the best
     * chains.
     */
    @ParameterizedTest
    @ValueSource(strings = {"datasets/shift-nurse-4-weeks.json", "datasets/club-week.json",
            "datasets/practice/practice-rand-1.json", "datasets/replan/replan-nurse-extra-shift.json"})
    void chainRelayingsNeverDriftFromAFullRecalculation(String file) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of(file)).plan());
        RandomPlans.placeAll(plan, new Random(17));
        solveUnderFullAssert(plan, athleteDaysOnly(Map.of("chainPercent", "100", "groupPercent", "0",
                "homewardPercent", "0", "chainLifts", "true", "chainFreeFirstPercent", "50", "chainHoldPreviousDay", "true")),
                40L);
    }

    /**
     * Local search alone from a plan with every third session left out, every athlete-days move (while a quality
     * session is left out) a chain laid round one: the left-out session on one of its days first, the chain and the
     * rest round it; round a coached one, half the time the coach's overlapping groups make way.
     */
    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/plans/mini-club.json", "datasets/club-week.json"})
    void chainsRoundLeftOutSessionsNeverDriftFromAFullRecalculation(String file) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of(file)).plan());
        RandomPlans.placeAll(plan, new Random(19));
        for (int i = 0; i < plan.getSessions().size(); i += 3) {
            plan.getSessions().get(i).setStartSlot(null);
        }
        TrainingPlan solved = solveUnderFullAssert(plan,
                athleteDaysOnly(Map.of("chainLeftOutPercent", "100", "chainMakeWayPercent", "50", "chainMakeWayDays", "5",
                        "chainMakeWayAfterMisses", "2", "groupPercent", "0")),
                40L);
        assertThat(solved.getScore().mediumScore()).isGreaterThan(-plan.getSessions().size() / 3);
    }

    /**
     * One athlete's month (club-60's Ana, from a solve that left her first coached speed session out: every one of its
     * starts is within a day of another quality session of hers). Chain re-layings round the left-out session place it
     * under FULL_ASSERT; the same moves without them, in as many moves, do not: re-placing a week at a time cannot shift
     * the chain that holds its days.
     */
    @org.junit.jupiter.api.Test
    void chainsLaidRoundALeftOutSessionPlaceIt() {
        TrainingPlan stuck = new PlanReader().read(Path.of("src/test/resources/plans/stuck-coached-session.json")).plan();
        assertThat(PlanSolver.solutionManager().update(StartSlots.assign(stuck)).mediumScore()).isEqualTo(-1);

        TrainingPlan placed = solveUnderFullAssert(StartSlots.assign(new PlanReader()
                .read(Path.of("src/test/resources/plans/stuck-coached-session.json")).plan()),
                athleteDaysOnly(Map.of("chainLeftOutPercent", "100", "groupPercent", "0")), 30L);
        TrainingPlan plain = PlanSolver.solve(athleteDaysOnly(Map.of("groupPercent", "0"))
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(30L)), StartSlots.assign(new PlanReader()
                .read(Path.of("src/test/resources/plans/stuck-coached-session.json")).plan()), best -> { });

        assertThat(placed.getScore().mediumScore()).isZero();
        assertThat(placed.getScore().hardScore()).isZero();
        assertThat(plain.getScore().mediumScore()).isEqualTo(-1);
    }

    /**
     * Max's month as a 10 s search of the two-athlete month left it on one seed (0/0/-15440 for both athletes against
     * the optimum -10170; Max alone -8535): his easy run of Friday 27 Nov, whose previous start is taken, went to
     * Saturday night, 30 hours away, because his chain put a speed session on the Friday. Chain re-layings that hold it
     * at its best start on its previous start's day bring it back (-3315 in 4 moves, seed 0); without the hold, in as
     * many moves, nothing better is found (measured once: the test no longer runs that half, which costs as much and
     * shows what the first assertion shows failing). chainRelayingsNeverDriftFromAFullRecalculation runs the hold
     * under FULL_ASSERT.
     */
    @org.junit.jupiter.api.Test
    void chainRelayingsHoldASessionOnItsPreviousStartsDay() {
        TrainingPlan held = PlanSolver.solve(chainRelayingsWithTheHold(), aDayLatePlan(), best -> { });

        assertThat(held.getScore().softScore()).isGreaterThan(-8535 + 4000);
        assertThat(day(held, "max-2-w1-easy-1")).isEqualTo(4);
    }

    private static TrainingPlan aDayLatePlan() {
        TrainingPlan plan = StartSlots.assign(new PlanReader()
                .read(Path.of("src/test/resources/plans/easy-run-a-day-late.json")).plan());
        assertThat(PlanSolver.solutionManager().update(plan).softScore()).isEqualTo(-8535);
        return plan;
    }

    private static SolverConfig chainRelayingsWithTheHold() {
        return athleteDaysOnly(Map.of("chainPercent", "100", "groupPercent", "0", "homewardPercent", "0",
                "chainPreviousStartsBeam", "24", "chainHoldPreviousDay", "true")).withRandomSeed(0L)
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(4L));
    }

    private static int day(TrainingPlan plan, String id) {
        return plan.getSessions().stream().filter(session -> session.getId().equals(id)).findFirst().orElseThrow().getDay();
    }

    /**
     * Max and Eli, two athletes of a coach over a month (cut from an answer to a generated tight plan that left Max's
     * week-3 track session out; its exact optimum is 0/0/-10170). Max's four track sessions have five possible starts
     * between them; the free one is taken by Eli's track session 30 minutes earlier with the same coach, and by Max's
     * own speed session that day. Chains round the left-out session that let Eli make way, her sessions 5 days either
     * side of its start out, place it; with 1 day either side, in as many moves, they never do: Eli's session must move
     * by a day or more, her chain with it.
     */
    @org.junit.jupiter.api.Test
    void otherAthletesMakeWayForALeftOutTrackSession() {
        TrainingPlan fiveDays = PlanSolver.solve(makeWay("5"), makeWayPlan(), best -> { });
        TrainingPlan oneDay = PlanSolver.solve(makeWay("1"), makeWayPlan(), best -> { });

        assertThat(fiveDays.getScore().hardScore()).isZero();
        assertThat(fiveDays.getScore().mediumScore()).isZero();
        assertThat(oneDay.getScore().mediumScore()).isEqualTo(-1);
    }

    /**
     * The default search itself places Max's track session in the same plan: while a quality session is left out, 1 in
     * 5 of its athlete-days moves lays a chain round it, and half of those round a coached one let the coach's
     * overlapping groups make way. (A move limit starts no second search, so this is the first search alone.) Without
     * those chains, in as many moves, the session stays out. (Seed 1 places it within 1,000 moves; seed 0 within 2,000,
     * at twice this test's time.)
     */
    @ParameterizedTest
    @ValueSource(longs = {1})
    void theDefaultSearchLetsOthersMakeWayForALeftOutTrackSession(long seed) {
        TrainingPlan placed = PlanSolver.solve(PlanSolver.withMoveLimit(SearchConfigs.withoutDaysSearch(
                        PlanSolver.defaultConfig()), DEFAULT_MAKE_WAY_MOVES)
                .withRandomSeed(seed), makeWayPlan(), best -> { });
        TrainingPlan without = PlanSolver.solve(PlanSolver.withMoveLimit(withoutChainsRoundLeftOut(), DEFAULT_MAKE_WAY_MOVES)
                .withRandomSeed(seed), makeWayPlan(), best -> { });

        assertThat(placed.getScore().hardScore()).isZero();
        assertThat(placed.getScore().mediumScore()).isZero();
        assertThat(without.getScore().mediumScore()).isEqualTo(-1);
    }

    /** The default configuration without the days search and the first search's chains round left-out sessions. */
    private static SolverConfig withoutChainsRoundLeftOut() {
        SolverConfig config = SearchConfigs.withoutDaysSearch(PlanSolver.defaultConfig());
        int changed = 0;
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig local
                    && local.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig union) {
                for (var selector : union.getMoveSelectorList()) {
                    if (selector instanceof MoveIteratorFactoryConfig factory
                            && factory.getMoveIteratorFactoryClass() == AthleteDaysMoveFactory.class) {
                        Map<String, String> properties = new java.util.HashMap<>(factory.getMoveIteratorFactoryCustomProperties());
                        changed += properties.remove("chainLeftOutPercent") != null ? 1 : 0;
                        changed += properties.remove("chainMakeWayPercent") != null ? 1 : 0;
                        factory.setMoveIteratorFactoryCustomProperties(properties);
                    }
                }
            }
        }
        assertThat(changed).as("the default's chains round left-out sessions").isEqualTo(2);
        return config;
    }

    /**
     * Half the moves chains round left-out sessions, every one making way, with {@code days} either side (the other half
     * re-plan a few days: a chain that places nothing is no step, so a search of such chains alone would try one after
     * another for long before it stopped).
     */
    private static SolverConfig makeWay(String days) {
        return athleteDaysOnly(Map.of("chainLeftOutPercent", "50", "chainMakeWayPercent", "100",
                "chainMakeWayDays", days)).withTerminationConfig(new TerminationConfig().withMoveCountLimit(MAKE_WAY_MOVES));
    }

    private static TrainingPlan makeWayPlan() {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("src/test/resources/plans/make-way.json")).plan());
        assertThat(PlanSolver.solutionManager().update(plan).mediumScore()).isEqualTo(-1);
        return plan;
    }

    /**
     * Dev's month, cut from a club-60 answer: her first week holds one lift, her last three. Moving one lift is no
     * step for day windows (either week alone only costs); short-week re-plannings take a lift to spare into the short
     * week, where the same moves without them, in as many moves, leave it short. And under FULL_ASSERT they keep the
     * score right.
     */
    @org.junit.jupiter.api.Test
    void aLiftToSpareMovesIntoAWeekShortOfLifts() {
        TrainingPlan moved = PlanSolver.solve(withShortWeeks(SearchConfigs.withoutDaysSearch(PlanSolver.defaultConfig()), "100")
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(300L)), shortLiftWeek(), best -> { });
        TrainingPlan plain = PlanSolver.solve(SearchConfigs.withoutDaysSearch(PlanSolver.defaultConfig())
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(300L)), shortLiftWeek(), best -> { });

        assertThat(missingLifts(moved)).isZero();
        assertThat(moved.getScore().softScore()).isGreaterThanOrEqualTo(-970 + 120);
        assertThat(missingLifts(plain)).isEqualTo(1);
        TrainingPlan asserted = solveUnderFullAssert(shortLiftWeek(),
                athleteDaysOnly(Map.of("shortWeekPercent", "100", "groupPercent", "0")), 40L);
        assertThat(asserted.getScore().hardScore()).isZero();
        assertThat(asserted.getScore().mediumScore()).isZero();
    }

    /** {@code config} with the athlete-days moves' short-week percent set in each local search. */
    private static SolverConfig withShortWeeks(SolverConfig config, String percent) {
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch && localSearch.getMoveSelectorConfig() != null) {
                IndependentGroupsPhase.withAthleteDaysProperty(localSearch.getMoveSelectorConfig(), "shortWeekPercent",
                        percent);
            }
        }
        return config;
    }

    private static TrainingPlan shortLiftWeek() {
        TrainingPlan plan = StartSlots.assign(new PlanReader()
                .read(Path.of("src/test/resources/plans/short-lift-week.json")).plan());
        assertThat(PlanSolver.solutionManager().update(plan).softScore()).isEqualTo(-970);
        return plan;
    }

    /** The plan's weeks short of lifts, one per lift short (the soft Missing lift's matches). */
    private static long missingLifts(TrainingPlan plan) {
        return PlanSolver.solutionManager().analyze(plan).constraintMap().values().stream()
                .filter(constraint -> constraint.constraintRef().constraintName().equals("Missing lift"))
                .mapToLong(constraint -> -constraint.score().softScore() / 120).sum();
    }

    /** A local search whose only move is AthleteDaysMoveFactory with {@code properties}, as the default accepts. */
    private static SolverConfig athleteDaysOnly(Map<String, String> properties) {
        return PlanSolver.defaultConfig().withPhases(new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new MoveIteratorFactoryConfig()
                        .withMoveIteratorFactoryClass(AthleteDaysMoveFactory.class)
                        .withMoveIteratorFactoryCustomProperties(properties))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(20))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }

    private static void solveUnderFullAssert(TrainingPlan plan) {
        solveUnderFullAssert(plan, PlanSolver.defaultConfig());
    }

    private static TrainingPlan solveUnderFullAssert(TrainingPlan plan, SolverConfig config) {
        return solveUnderFullAssert(plan, config, 1_000L);
    }

    private static TrainingPlan solveUnderFullAssert(TrainingPlan plan, SolverConfig config, long moves) {
        // After every move, the incremental score is also compared with the plain-Java reference score.
        config.getScoreDirectorFactoryConfig().setAssertionScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                .withEasyScoreCalculatorClass(ReferenceScoreCalculator.class));
        config = config
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(moves));
        // Every move, even past the plan's bound (PlanSolver.stopAtBound would stop there): the moves are the test.
        TrainingPlan solved = PlanSolver.solverFactory(PlanSolver.forPlan(config, plan)).buildSolver().solve(plan);
        assertThat(solved.getScore()).isEqualTo(PlanSolver.solutionManager().update(solved));
        assertThat(solved.getScore()).isNotNull();
        return solved;
    }
}
