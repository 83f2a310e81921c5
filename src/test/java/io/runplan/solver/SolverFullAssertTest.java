package io.runplan.solver;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Solves small plans under FULL_ASSERT, which recalculates the score from scratch after every move and fails on any
 * difference from the incremental score: it catches score corruption that single-case verifier tests cannot.
 */
class SolverFullAssertTest {

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/plans/mini-club.json", "src/test/resources/plans/format-example.json"})
    void incrementalScoreNeverDriftsFromAFullRecalculation(String file) {
        TrainingPlan plan = new PlanReader().read(Path.of(file)).plan();
        var config = PlanSolver.defaultConfig()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(4_000L));
        TrainingPlan solved = PlanSolver.solve(config, plan, best -> { });
        assertThat(solved.getScore()).isEqualTo(PlanSolver.solutionManager().update(solved));
        assertThat(solved.getScore().isSolutionInitialized()).isTrue();
    }
}
