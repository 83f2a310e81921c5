package io.runplan.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The time limits the command line can ask for all make a valid solver configuration; the stop rule's scaling. */
class PlanSolverTest {

    /**
     * The local search's two step limits (14,000 once every session is placed, 42,000 while one is left out, for 100
     * sessions) are both scaled to the plan: by the square of its size below 100 sessions. The groups drop both.
     */
    @Test
    void bothStepLimitsOfTheStopRuleAreScaledToThePlan() {
        TrainingPlan plan = new PlanReader().read(Path.of("datasets/tight/tight-two-athletes-month.json")).plan();
        TerminationConfig stop = localSearchStop(PlanSolver.forPlan(PlanSolver.defaultConfig(), plan));

        assertThat(plan.getSessions()).hasSize(58);
        assertThat(stop.getUnimprovedStepCountLimit()).isEqualTo(42_000 * 58 / 100 * 58 / 100);
        assertThat(stop.getTerminationConfigList()).singleElement().satisfies(complete -> {
            assertThat(complete.getUnimprovedStepCountLimit()).isEqualTo(14_000 * 58 / 100 * 58 / 100);
            assertThat(complete.getBestScoreLimit()).startsWith("0hard/0medium/");
        });
        TerminationConfig groups = IndependentGroupsPhase.withoutStepLimits(stop);
        assertThat(groups.getUnimprovedStepCountLimit()).isNull();
        assertThat(groups.getTerminationConfigList()).isNull();
    }

    /**
     * Below 20 sessions the count goes with the cube: a one-runner week (9 sessions or fewer) gets 58 steps (175 while
     * a session is left out), a fortnight of 15 sessions 236; from 20 sessions on the square alone.
     */
    @Test
    void aSmallPlansStepLimitGoesWithTheCubeOfItsSize() {
        assertThat(PlanSolver.scaledSteps(14_000, 5)).isEqualTo(58);
        assertThat(PlanSolver.scaledSteps(14_000, 9)).isEqualTo(58);
        assertThat(PlanSolver.scaledSteps(42_000, 9)).isEqualTo(175);
        assertThat(PlanSolver.scaledSteps(14_000, 10)).isEqualTo(70);
        assertThat(PlanSolver.scaledSteps(14_000, 15)).isEqualTo(236);
        assertThat(PlanSolver.scaledSteps(14_000, 20)).isEqualTo(560);
        assertThat(PlanSolver.scaledSteps(14_000, 58)).isEqualTo(14_000 * 58 / 100 * 58 / 100);
        assertThat(PlanSolver.scaledSteps(14_000, 200)).isEqualTo(28_000);
    }

    private static TerminationConfig localSearchStop(SolverConfig config) {
        return config.getPhaseConfigList().stream().filter(LocalSearchPhaseConfig.class::isInstance)
                .findFirst().orElseThrow().getTerminationConfig();
    }

    /**
     * A one-runner week whose best plan costs only its gym time: the search stops once it has that plan (the least
     * any plan can cost, SoftBound), long before its stop rule would, and it is the plan the search ends with
     * without the bound. Move limits, not time: the same seed gives the same plan.
     */
    @Test
    void theSearchStopsAtThePlansBoundWithThePlanItWouldEndWith() {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("datasets/office-worker-week.json")).plan());
        var bound = SoftBound.bestPossible(plan).orElseThrow();
        var config = PlanSolver.forPlan(PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), 20_000), plan);

        var stopping = (DefaultSolver<TrainingPlan>) PlanSolver.buildSolver(config, plan, best -> { });
        TrainingPlan stopped = stopping.solve(plan);
        var searching = (DefaultSolver<TrainingPlan>) PlanSolver.solverFactory(config).buildSolver();
        TrainingPlan searched = searching.solve(plan);

        assertThat(bound).hasToString("0hard/0medium/-130soft");
        assertThat(stopped.getScore()).isEqualTo(bound);
        assertThat(searched.getScore()).isEqualTo(bound);
        assertThat(starts(stopped)).isEqualTo(starts(searched));
        assertThat(stopping.getScoreCalculationCount()).isLessThan(searching.getScoreCalculationCount() / 2);
    }

    /**
     * A runner's season (91 sessions, each bound to its week): the days search's best plan (DaysSearchPhase) is its
     * optimum (3615, proven by CP-SAT), before a single move of the local search; without that phase, First Fit and
     * the same move are far from it.
     */
    @Test
    void theDaysSearchPutsARunnersSeasonAtItsOptimumBeforeAnyMove() {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("datasets/season-half-marathon.json")).plan());
        var config = PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), 1);
        var withoutPhase = PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), 1);
        withoutPhase.setPhaseConfigList(withoutPhase.getPhaseConfigList().stream()
                .filter(phase -> !(phase instanceof CustomPhaseConfig custom
                        && custom.getCustomPhaseCommandClassList().contains(DaysSearchPhase.class)))
                .toList());

        TrainingPlan solved = PlanSolver.solve(config, plan, best -> { });
        TrainingPlan firstFit = PlanSolver.solve(withoutPhase, plan, best -> { });

        assertThat(solved.getScore()).hasToString("0hard/0medium/-3615soft");
        assertThat(firstFit.getScore().compareTo(solved.getScore())).isNegative();
    }

    private static List<Integer> starts(TrainingPlan plan) {
        return plan.getSessions().stream().map(Session::getStart).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 7, 10, 20, 29, 30, 31, 100, 3601})
    void everyWholeSecondLimitBuildsASolver(int seconds) {
        var config = PlanSolver.withTimeLimit(PlanSolver.defaultConfig(), Duration.ofSeconds(seconds));
        assertThatCode(() -> SolverFactory.<TrainingPlan>create(config).buildSolver()).doesNotThrowAnyException();
    }
}
