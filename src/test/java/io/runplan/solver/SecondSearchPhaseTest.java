package io.runplan.solver;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.support.SearchConfigs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The second search of a small plan beside the first: its better plan taken as a move, and its end with the first. */
class SecondSearchPhaseTest {

    private static final Path NURSE = Path.of("datasets/practice/practice-nurse-4on4off.json");

    private static TrainingPlan nurse() {
        return StartSlots.assign(new PlanReader().read(NURSE).plan());
    }

    /**
     * The athlete-days moves take the second search's best plan as one move as soon as it is better than any plan the
     * first search has been at: one move from a plan built by First Fit alone lands on the better plan.
     */
    @Test
    void theFirstSearchTakesTheSecondsBetterPlan() {
        TrainingPlan plan = nurse();
        TrainingPlan built = PlanSolver.solve(PlanSolver.withMoveLimit(firstFitOnly(), 100_000), plan, best -> { });
        TrainingPlan better = PlanSolver.solve(PlanSolver.withMoveLimit(localSearchOnly(), 300), built, best -> { });
        assertThat(better.getScore()).isGreaterThan(built.getScore());

        SecondSearchPhase.SecondSearch second = new SecondSearchPhase.SecondSearch(built, 0, 0L);
        second.found(better);
        SecondSearchPhase.hold(second);
        TrainingPlan solved = PlanSolver.solve(PlanSolver.withMoveLimit(localSearchOnly(), 1), built, best -> { });

        assertThat(solved.getScore()).isEqualTo(better.getScore());
        assertThat(solved.getScore()).isEqualTo(PlanSolver.solutionManager().update(solved));
    }

    /**
     * Under a time limit the second search runs beside the first and stops when the first ends (here by its own stop
     * rule, long before the limit): no second-search thread is left. Under a
     * move limit none starts, so that the same seed gives the same plan.
     */
    @Test
    void theSecondSearchEndsWithTheFirstAndOnlyUnderATimeLimit() throws InterruptedException {
        SolverConfig config = PlanSolver.withTimeLimit(shortSearches(), Duration.ofMinutes(10));
        Set<Thread> seconds = new CopyOnWriteArraySet<>();
        TrainingPlan solved = PlanSolver.solve(config, nurse(), best -> seconds.addAll(secondSearchThreads()));
        assertThat(solved.getScore()).isEqualTo(PlanSolver.solutionManager().update(solved));
        assertThat(seconds).as("a second search ran beside the first").isNotEmpty();
        // A guard against a thread left running, not a speed test: a stopped search ends within a step.
        for (Thread thread : seconds) {
            thread.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(thread.isAlive()).isFalse();
        }

        List<Thread> during = new CopyOnWriteArrayList<>();
        PlanSolver.solve(PlanSolver.withMoveLimit(shortSearches(), 2_000), nurse(),
                best -> during.addAll(secondSearchThreads()));
        assertThat(during).isEmpty();
    }

    /**
     * A plan at or above {@code maximumSessions} (the nurse, with the maximum set to 20 here) gets a second search only
     * when it comes to the phase short of complete ({@code incompleteAnySize}, on in the default): after First Fit the
     * nurse is complete and none starts; without First Fit every session is still out and one does.
     */
    @Test
    void aPlanAboveTheMaximumGetsOneOnlyWhenIncomplete() {
        SolverConfig complete = PlanSolver.withTimeLimit(withMaximumSessions(shortSearches(), 20), Duration.ofMinutes(10));
        List<Thread> afterFirstFit = new CopyOnWriteArrayList<>();
        PlanSolver.solve(complete, nurse(), best -> afterFirstFit.addAll(secondSearchThreads()));
        assertThat(afterFirstFit).isEmpty();

        SolverConfig incomplete = withMaximumSessions(shortSearches(), 20);
        incomplete = PlanSolver.withTimeLimit(incomplete.withPhaseList(incomplete.getPhaseConfigList().stream()
                .filter(phase -> !(phase instanceof ConstructionHeuristicPhaseConfig)).toList()), Duration.ofMinutes(10));
        Set<Thread> seconds = new CopyOnWriteArraySet<>();
        TrainingPlan solved = PlanSolver.solve(incomplete, nurse(), best -> seconds.addAll(secondSearchThreads()));
        assertThat(seconds).as("a second search ran beside the first").isNotEmpty();
        assertThat(solved.getScore()).isEqualTo(PlanSolver.solutionManager().update(solved));
    }

    /**
     * A plan below the maximum gets the small plans' make-way share in its second search's chains round a left-out
     * coached session, a plan at the maximum or above the big plans' one; both the chains round left-out sessions.
     */
    @Test
    void theMakeWayShareFollowsThePlansSize() {
        SecondSearchPhase phase = new SecondSearchPhase();
        SolverConfig defaults = PlanSolver.withTimeLimit(PlanSolver.defaultConfig(), Duration.ofMinutes(10));
        phase.adoptSolverSettings(defaults, IndependentGroupsPhase.indexOf(defaults, SecondSearchPhase.class));
        phase.setChainLeftOutPercent(30);
        phase.setMakeWayPercent(50);
        phase.setIncompleteMakeWayPercent(20);
        TrainingPlan nurse = nurse();
        phase.setMaximumSessions(nurse.getSessions().size() + 1);
        Map<String, String> small = athleteDays(phase.secondSearchConfig(nurse));
        phase.setMaximumSessions(nurse.getSessions().size());
        Map<String, String> big = athleteDays(phase.secondSearchConfig(nurse));

        assertThat(small).containsEntry("chainLeftOutPercent", "30").containsEntry("chainMakeWayPercent", "50");
        assertThat(big).containsEntry("chainLeftOutPercent", "30").containsEntry("chainMakeWayPercent", "20");
        assertThat(phase.secondSearchConfig(nurse).getTerminationConfig().getSpentLimit())
                .isEqualTo(Duration.ofMinutes(10));
    }

    /** The athlete-days moves' properties in {@code config}'s local search. */
    private static Map<String, String> athleteDays(SolverConfig config) {
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch
                    && localSearch.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig union) {
                for (var selector : union.getMoveSelectorList()) {
                    if (selector instanceof MoveIteratorFactoryConfig factory
                            && AthleteDaysMoveFactory.class.equals(factory.getMoveIteratorFactoryClass())) {
                        return factory.getMoveIteratorFactoryCustomProperties();
                    }
                }
            }
        }
        throw new AssertionError("no athlete-days moves in the local search");
    }

    private static SolverConfig withMaximumSessions(SolverConfig config, int maximum) {
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandClassList() != null
                    && custom.getCustomPhaseCommandClassList().contains(SecondSearchPhase.class)) {
                var properties = new java.util.HashMap<>(custom.getCustomProperties());
                properties.put("maximumSessions", Integer.toString(maximum));
                custom.setCustomProperties(properties);
            }
        }
        return config;
    }

    private static List<Thread> secondSearchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("runplan-second-search") && thread.isAlive()).toList();
    }

    /** The default configuration, its local searches stopped after 300 steps without a better plan. */
    /** The default's searches after the days search (which lays the nurse at her optimum at once), shorter. */
    private static SolverConfig shortSearches() {
        SolverConfig config = SearchConfigs.withoutDaysSearch(PlanSolver.defaultConfig());
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch) {
                localSearch.setTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(300));
            }
        }
        return config;
    }

    private static SolverConfig firstFitOnly() {
        SolverConfig config = PlanSolver.defaultConfig();
        return config.withPhaseList(List.of(config.getPhaseConfigList().stream()
                .filter(phase -> phase instanceof ConstructionHeuristicPhaseConfig)
                .findFirst().orElseThrow()));
    }

    private static SolverConfig localSearchOnly() {
        SolverConfig config = PlanSolver.defaultConfig();
        return config.withPhaseList(List.of(config.getPhaseConfigList().stream()
                .filter(phase -> phase instanceof LocalSearchPhaseConfig).findFirst().orElseThrow()));
    }
}
