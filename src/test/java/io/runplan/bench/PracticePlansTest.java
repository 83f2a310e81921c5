package io.runplan.bench;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default search on the small practice plans (datasets/practice) and two re-plan cases (datasets/replan), each
 * with a proven optimum, with a fixed seed and no time limit: the search stops by its own rule (steps without a better
 * plan) or at the bound, so the answer is the same on any machine. Each reaches its optimum. Until session 33 this
 * held the gaps seed 1 left (rand-3 at most 120 above, the nurse re-plan 35 above); since session 34 the days search
 * lays the nurse's month and the coached athletes' plans at or next to their optimum before the local search moves,
 * and every one of them ends at it (docs/benchmarks.md).
 */
@Execution(ExecutionMode.CONCURRENT) // each search is single-threaded and long: two at a time on two cores
class PracticePlansTest {

    /** Steps without a better plan per 100 sessions that end each search (the default, 14,000, only runs on longer). */
    private static final int TEST_STEPS = 4_000;

    @ParameterizedTest(name = "{0}: optimum {1}")
    @CsvSource({
            "practice/practice-rand-2,                   3165",
            "practice/practice-rand-3,                   38510",
            "practice/practice-nurse-4on4off,            680",
            "practice/practice-rand-1,                   5410",
            "replan/replan-club-week-missed-tempo,       4545",
            "replan/replan-nurse-extra-shift,            4895",
    })
    void theDefaultSearchReachesTheProvenOptimum(String name, int optimum) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("datasets", name + ".json")).plan());
        // No time limit at all: only the search's own step count ends it, here sooner than by default (the same path
        // of the search, so the same plans, stopped earlier: each of these finds its last better plan after a stall of
        // at most 1,059 steps, the club week's, where 4,000 per 100 sessions gives it 4,760).
        var config = PlanSolver.defaultConfig().withRandomSeed(1L).withTerminationConfig(new TerminationConfig());
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch) {
                localSearch.setTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(TEST_STEPS));
            }
        }
        TrainingPlan solved = PlanSolver.solve(config, plan, best -> { });

        HardMediumSoftScore score = solved.getScore();
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isZero();
        assertThat(-score.softScore()).isEqualTo(optimum);
    }
}
