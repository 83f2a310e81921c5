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
 * The default search on the small practice plans (datasets/practice) and a re-plan case (datasets/replan), each with
 * a proven optimum, with a fixed seed and no time limit: the search stops by its own rule (steps without a better
 * plan), so the answer is the same on any machine. Where it does not reach the optimum yet, the test holds the gap
 * seed 1 has now (docs/benchmarks.md), so that a change that makes it worse is seen. One seed is one path of the
 * search: with chain re-laying and the deeper stop rule (session 20) seed 1 reaches rand-1's optimum (6185 before),
 * and rand-3 ends 120 above its (seeds 0-4 at 10 s: 38510, 38630, 38510, 38510, 38510); with a chain's quality
 * sessions at their earliest equal start (session 21) it reaches the nurse's (710 before), and with a missed session
 * put first on a random day of a re-laid chain, the nurse re-plan's (5410 on some seeds before). Since the first search
 * lays chains round a left-out session too (session 27), seed 1 ends the nurse re-plan 35 above its optimum (+0.7 %):
 * seeds 0-5 end at 4930, 4930, 4895, 4895, 4895, 4895, against 4930, 4895, 4930, 5360, 4895, 4895 before.
 */
@Execution(ExecutionMode.CONCURRENT) // each search is single-threaded and long: two at a time on two cores
class PracticePlansTest {

    /** Steps without a better plan per 100 sessions that end each search (the default, 14,000, only runs on longer). */
    private static final int TEST_STEPS = 4_000;

    @ParameterizedTest(name = "{0}: optimum {1}, at most {2}")
    @CsvSource({
            "practice/practice-rand-2,                   3165,  3165",
            "practice/practice-rand-3,                   38510, 38630",
            "practice/practice-nurse-4on4off,            680,   680",
            "practice/practice-rand-1,                   5410,  5410",
            "replan/replan-club-week-missed-tempo,       4545,  4545",
            "replan/replan-nurse-extra-shift,            4895,  4930",
    })
    void theDefaultSearchReachesTheProvenOptimumOrHoldsItsGap(String name, int optimum, int atMost) {
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
        assertThat(-score.softScore()).isGreaterThanOrEqualTo(optimum).isLessThanOrEqualTo(atMost);
    }
}
