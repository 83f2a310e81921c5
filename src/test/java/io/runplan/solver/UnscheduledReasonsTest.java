package io.runplan.solver;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A session that does not fit is left unscheduled with a reason a runner can act on. */
class UnscheduledReasonsTest {

    private static PlanReport solve(String file) {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("src/test/resources/plans", file)).plan());
        TrainingPlan solved = PlanSolver.solve(PlanSolver.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(20_000L)), plan, best -> { });
        return PlanReport.of(solved);
    }

    @Test
    void aTrackSessionWhenTheTrackIsNeverOpenAndTheCoachFreeSaysWhy() {
        PlanReport report = solve("track-never-open.json");
        assertThat(report.score().hardScore()).isZero();
        assertThat(report.unscheduledReasons()).containsOnlyKeys("ana-track");
        assertThat(report.unscheduledReasons().get("ana-track"))
                .contains("overlap coach mara's busy time")
                .contains("fall outside 'track' opening hours");
    }

    @Test
    void aThirdQualitySessionInThreeDaysNamesTheRuleItWouldBreak() {
        PlanReport report = solve("three-speed-in-three-days.json");
        assertThat(report.score().hardScore()).isZero();
        assertThat(report.score().mediumScore()).isEqualTo(-1);
        String reason = report.unscheduledReasons().values().iterator().next();
        assertThat(reason).startsWith("every one of its").contains("breaks Quality spacing");
    }
}
