package io.runplan.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import io.runplan.domain.TrainingPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The time limits the command line can ask for all make a valid solver configuration. */
class PlanSolverTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 7, 10, 20, 29, 30, 31, 100, 3601})
    void everyWholeSecondLimitBuildsASolver(int seconds) {
        var config = PlanSolver.withTimeLimit(PlanSolver.defaultConfig(), Duration.ofSeconds(seconds));
        assertThatCode(() -> SolverFactory.<TrainingPlan>create(config).buildSolver()).doesNotThrowAnyException();
    }
}
