package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolverFactory;
import io.runplan.bench.PlanGenerator;
import io.runplan.domain.Athlete;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.support.SearchConfigs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning the athletes no coach links apart: the cut, the score of the whole, and repeatability. */
class IndependentGroupsPhaseTest {

    private static TrainingPlan generated(int athletes, int days, long seed) {
        return StartSlots.assign(new PlanReader().read(Path.of("generated.json"), PlanGenerator.generate(athletes, days, seed)).plan());
    }

    @Test
    void groupsAreTheAthletesLinkedByCoachesAndShareNoSession() {
        TrainingPlan plan = generated(30, 7, 5);
        List<TrainingPlan> groups = IndependentGroupsPhase.groups(plan);

        assertThat(groups).hasSizeGreaterThan(1);
        assertThat(groups.stream().mapToInt(group -> group.getSessions().size()).sum())
                .isEqualTo(plan.getSessions().size());
        assertThat(groups.stream().flatMap(group -> group.getSessions().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(plan.getSessions());
        Set<Athlete> seen = new HashSet<>();
        for (TrainingPlan group : groups) {
            Set<Athlete> athletes = group.getSessions().stream().map(Session::getAthlete).collect(Collectors.toSet());
            assertThat(athletes).as("an athlete is in one group only").noneMatch(seen::contains);
            seen.addAll(athletes);
            // Every coach's sessions are in the group of that coach.
            group.getSessions().stream().filter(session -> session.getCoach() != null).forEach(session ->
                    assertThat(plan.getSessions().stream().filter(other -> other.getCoach() == session.getCoach()))
                            .allMatch(group.getSessions()::contains));
            assertThat(group.getCoaches()).containsExactlyInAnyOrderElementsOf(group.getSessions().stream()
                    .map(Session::getCoach).filter(coach -> coach != null).distinct().toList());
        }
        // Largest first: those take longest and are started first.
        assertThat(groups.get(0).getSessions().size()).isGreaterThanOrEqualTo(groups.get(groups.size() - 1).getSessions().size());
    }

    @Test
    void aClubOfOneCoachIsOneGroup() {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("datasets/club-week.json")).plan());
        assertThat(IndependentGroupsPhase.groups(plan)).hasSize(1);
    }

    @Test
    void solvingInGroupsGivesAPlanWhoseScoreIsTheWholePlansScoreAndRepeats() {
        TrainingPlan plan = generated(12, 7, 2);
        TrainingPlan first = PlanSolver.solve(limited(groupsAlways(), 2_000), plan, best -> { });
        TrainingPlan second = PlanSolver.solve(limited(groupsAlways(), 2_000), plan, best -> { });

        assertThat(first.getScore()).isEqualTo(PlanSolver.solutionManager().update(first));
        assertThat(first.getScore()).isEqualTo(new ReferenceScoreCalculator().calculateScore(first));
        assertThat(first.getScore().hardScore()).isZero();
        assertThat(first.getScore().mediumScore()).isZero();
        assertThat(starts(second)).isEqualTo(starts(first));
    }

    @Test
    void groupsNeverDriftFromAFullRecalculationNorFromTheReferenceScore() {
        TrainingPlan plan = generated(8, 7, 4);
        // Short searches (groupsAlways), the polishing phase's too: every move is recalculated from scratch twice.
        var config = groupsAlways();
        config.getScoreDirectorFactoryConfig().setAssertionScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                .withEasyScoreCalculatorClass(ReferenceScoreCalculator.class));
        config = limited(config.withEnvironmentMode(EnvironmentMode.FULL_ASSERT), 1_000);
        assertThat(config.getPhaseConfigList()).anyMatch(phase -> phase instanceof LocalSearchPhaseConfig);
        TrainingPlan solved = PlanSolver.solve(config, plan, best -> { });
        assertThat(solved.getScore()).isEqualTo(PlanSolver.solutionManager().update(solved));
        assertThat(solved.getSessions()).anyMatch(Session::isScheduled);
    }

    /**
     * Polishing passes over complete groups: each takes a group's better plan only, so the plan after them scores at
     * least as well as after the groups' first searches (the same searches: same seed), here better; the score kept
     * incrementally is the score recalculated, and the same seed gives the same plan. No time limit: the passes end
     * when one finds no better plan.
     */
    @Test
    void polishingTheGroupsKeepsOnlyBetterPlansAndRepeats() {
        TrainingPlan firstSearches = generated(12, 7, 2);
        TrainingPlan polished = generated(12, 7, 2);
        TrainingPlan again = generated(12, 7, 2);
        assertThat(IndependentGroupsPhase.groups(firstSearches)).hasSizeGreaterThan(1);
        HardMediumSoftScore first = runGroupsPhase(firstSearches, false);
        HardMediumSoftScore afterPolishing = runGroupsPhase(polished, true);
        runGroupsPhase(again, true);

        assertThat(first.hardScore()).isZero();
        assertThat(first.mediumScore()).isZero();
        // Never worse; on this plan better (-1750 soft after the first searches, -1720 polished).
        assertThat(afterPolishing).isGreaterThan(first);
        assertThat(afterPolishing).isEqualTo(PlanSolver.solutionManager().update(polished));
        assertThat(afterPolishing).isEqualTo(new ReferenceScoreCalculator().calculateScore(polished));
        assertThat(starts(again)).isEqualTo(starts(polished));
    }

    /**
     * Runs a groups phase alone on {@code plan} (never stopped): the first searches, then, with {@code polish}, the
     * polishing as solverConfig.xml sets it; returns the plan's score.
     */
    private static HardMediumSoftScore runGroupsPhase(TrainingPlan plan, boolean polish) {
        IndependentGroupsPhase phase = new IndependentGroupsPhase();
        phase.adoptSolverSettings(groupsAlways(), 0);
        phase.setMinimumSessions(0);
        if (polish) {
            phase.setPolishMovesPerSession(2);
            phase.setPolishLateAcceptanceSize(5);
            phase.setPolishNoisyPercent(10);
        }
        return run(phase, plan);
    }

    /** Runs {@code phase} alone on {@code plan} (never stopped); returns the plan's score then. */
    private static HardMediumSoftScore run(IndependentGroupsPhase phase, TrainingPlan plan) {
        var solverFactory = (DefaultSolverFactory<TrainingPlan>) SolverFactory.<TrainingPlan>create(PlanSolver.defaultConfig());
        try (var scoreDirector = solverFactory.<HardMediumSoftScore>getScoreDirectorFactory().buildScoreDirector()) {
            scoreDirector.setWorkingSolution(plan);
            phase.changeWorkingSolution(scoreDirector, () -> false);
            return scoreDirector.calculateScore().raw();
        }
    }

    /**
     * A group whose first search is stuck with a session left out (Ana's month: her first coached speed session has no
     * day its spacing allows) gets a second search on the processor the other group's search has left idle, with chain
     * re-layings round the left-out session: it places the session and stops the first search. Only under a time limit
     * (when a processor falls idle depends on the machine); the first search here stops by steps long before this test's
     * generous limit, and the other group's short search frees a processor early.
     */
    @Test
    void aStuckGroupGetsASecondSearchThatPlacesItsLeftOutSession() {
        TrainingPlan plan = StartSlots.assign(new PlanReader()
                .read(Path.of("src/test/resources/plans/stuck-coached-session-and-a-runner.json")).plan());
        assertThat(IndependentGroupsPhase.groups(plan)).hasSize(2);
        IndependentGroupsPhase phase = new IndependentGroupsPhase();
        phase.adoptSolverSettings(PlanSolver.withTimeLimit(PlanSolver.defaultConfig(), Duration.ofMinutes(10)), 0);
        phase.setMinimumSessions(0);
        phase.setThreads(2);
        phase.setMinimumUnimprovedSteps(0);
        phase.setUnimprovedStepsPerSession(300);
        phase.setRescueChainPercent(30);
        assertThat(PlanSolver.solutionManager().update(plan).mediumScore()).isLessThan(0);

        HardMediumSoftScore score = run(phase, plan);

        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isZero();
        assertThat(score).isEqualTo(new ReferenceScoreCalculator().calculateScore(plan));
    }

    /**
     * The groups are solved by the phases that follow the groups phase in the configuration: with none, the phase
     * leaves the plan as it is; with only First Fit, each group is constructed and nothing more (no local search
     * improves it), so every session First Fit can place is placed.
     */
    @Test
    void theGroupsAreSolvedByThePhasesThatFollowTheirs() {
        SolverConfig groupsOnly = groupsAlways();
        groupsOnly.setPhaseConfigList(List.of(groupsOnly.getPhaseConfigList().get(0)));
        TrainingPlan plan = generated(10, 7, 5);
        assertThat(IndependentGroupsPhase.groups(plan)).hasSizeGreaterThan(1);
        TrainingPlan untouched = PlanSolver.solve(groupsOnly, plan, best -> { });
        assertThat(untouched.getSessions()).noneMatch(Session::isScheduled);

        SolverConfig groupsThenFirstFit = groupsAlways();
        groupsThenFirstFit.setPhaseConfigList(List.of(groupsThenFirstFit.getPhaseConfigList().get(0),
                new ConstructionHeuristicPhaseConfig().withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT)));
        TrainingPlan inGroups = PlanSolver.solve(groupsThenFirstFit, plan, best -> { });
        SolverConfig firstFitOnly = groupsAlways();
        firstFitOnly.setPhaseConfigList(List.of(
                new ConstructionHeuristicPhaseConfig().withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT)));
        TrainingPlan whole = PlanSolver.solve(firstFitOnly, plan, best -> { });
        assertThat(inGroups.getSessions()).allMatch(Session::isScheduled);
        // First Fit over the whole plan places the sessions in the same order, group by group: the same plan.
        assertThat(starts(inGroups)).isEqualTo(starts(whole));
    }

    /**
     * Ctrl-C (terminateEarly) while the groups are being solved: every group stops and the plan so far is kept. The
     * stop comes the moment the first group's plan is in the working solution, not after a sleep: the groups still
     * running are stopped wherever they are, the same on a fast machine and a slow one.
     */
    @Test
    void stoppingWhileGroupsAreSolvedKeepsWhatTheyHave() throws Exception {
        TrainingPlan plan = generated(20, 14, 3);
        assertThat(IndependentGroupsPhase.groups(plan)).hasSizeGreaterThan(2);
        long scheduledBefore = plan.getSessions().stream().filter(Session::isScheduled).count();
        IndependentGroupsPhase phase = new IndependentGroupsPhase();
        phase.setMinimumSessions(0);
        // short group searches: this is about stopping, not about how good the groups' plans get
        SolverConfig config = groupsAlways();
        phase.adoptSolverSettings(config, 0);
        var solverFactory = (DefaultSolverFactory<TrainingPlan>) SolverFactory.<TrainingPlan>create(PlanSolver.defaultConfig());
        var executor = Executors.newSingleThreadExecutor();
        try (var scoreDirector = solverFactory.<HardMediumSoftScore>getScoreDirectorFactory().buildScoreDirector()) {
            scoreDirector.setWorkingSolution(plan);
            Future<?> solving = executor.submit(() -> phase.changeWorkingSolution(scoreDirector,
                    () -> plan.getSessions().stream().filter(Session::isScheduled).count() > scheduledBefore));
            // A guard against a hang, not a speed test: the other groups stop within a poll.
            solving.get(2, TimeUnit.MINUTES);
            assertThat(scoreDirector.calculateScore().raw()).isEqualTo(PlanSolver.solutionManager().update(plan));
            // What the groups had placed by then is kept (a week whose lifts were not placed yet breaks Lifts per week).
            assertThat(plan.getSessions().stream().filter(Session::isScheduled).count()).isGreaterThan(scheduledBefore);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The default configuration with the groups phases (the first searches, then the polishing) on for any plan size
     * (they skip small plans by default), and short local searches (the groups take the phases after theirs): these
     * tests are about the groups, not about how good their plans get.
     */
    private static SolverConfig groupsAlways() {
        // Without the days search: its plan of a generated club week would leave the groups nothing to do.
        SolverConfig config = SearchConfigs.withoutDaysSearch(PlanSolver.defaultConfig());
        assertThat(config.getPhaseConfigList().get(0)).isInstanceOf(CustomPhaseConfig.class);
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandClassList() != null
                    && custom.getCustomPhaseCommandClassList().contains(IndependentGroupsPhase.class)) {
                // Both groups phases (the first searches, then the polishing): their own properties kept.
                Map<String, String> all = new HashMap<>(custom.getCustomProperties() == null ? Map.of()
                        : custom.getCustomProperties());
                all.put("minimumSessions", "0");
                custom.setCustomProperties(all);
            }
            if (phase instanceof LocalSearchPhaseConfig localSearch) {
                localSearch.setTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(100));
            }
        }
        return config;
    }

    private static SolverConfig limited(SolverConfig config, long moves) {
        return config.withTerminationConfig(new TerminationConfig().withMoveCountLimit(moves));
    }

    private static List<Object> starts(TrainingPlan plan) {
        return plan.getSessions().stream().map(session -> (Object) (session.getId() + "@" + session.getStartSlot())).toList();
    }
}
