package io.runplan;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;
import io.runplan.support.Checkplan;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped dataset solves to a plan that breaks no hard rule and places every session, read back from the
 * written file; where the independent checker is beside the project (../shared, with python3), it scores the
 * written plan exactly as runplan does. The solver stops as soon as that plan is found (a fixed seed and no time
 * limit, so the result is the same on every machine). The checker reads no calendars: a plan whose busy time comes
 * from calendar files is held against the plan with that busy time written out (export --plan).
 */
@Execution(ExecutionMode.CONCURRENT) // independent single-threaded solves: two at a time on two cores
class DatasetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"office-worker-week", "shift-nurse-4-weeks", "club-week", "calendar-week", "season-half-marathon",
            "season-marathon-nurse", "replan/replan-club-week-missed-tempo", "replan/replan-nurse-extra-shift",
            "replan/replan-club-20-ana-sick"})
    void solvedPlanIsValidAndTheCheckerAgreesToTheUnit(String dataset, @TempDir Path directory) {
        Path source = Path.of("datasets", dataset + ".json");
        PlanFile input = new PlanReader().read(source);
        TrainingPlan solved = PlanSolver.solve(PlanSolver.defaultConfig()
                .withTerminationConfig(new TerminationConfig()
                        .withBestScoreLimit("0hard/0medium/" + Integer.MIN_VALUE + "soft")
                        .withMoveCountLimit(2_000_000L)), StartSlots.assign(input.plan()), best -> { });
        PlanReport report = PlanReport.of(solved);
        Path target = directory.resolve(Path.of(dataset).getFileName() + ".solved.json");
        PlanWriter writer = new PlanWriter();
        writer.write(writer.toDocument(input, solved, report, target), target);
        assertThat(report.score().hardScore()).isZero();
        assertThat(report.score().mediumScore()).isZero();
        PlanFile written = new PlanReader().read(target);
        assertThat(written.warnings()).isEmpty();
        assertThat(PlanReport.of(StartSlots.assign(written.plan())).score()).isEqualTo(report.score());
        assertThat(written.document().get("score").textValue()).isEqualTo(report.score().toString());

        if (!Checkplan.isAvailable()) {
            return;
        }
        Path original = source;
        if (!input.calendars().isEmpty()) {
            original = directory.resolve(Path.of(dataset).getFileName() + ".with-busy.json");
            writer.write(writer.withCalendarBusy(input, original), original);
        }
        String check = Checkplan.run(target, original);
        assertThat(Checkplan.score(check)).isEqualTo(report.score().toString());
        assertThat(check).doesNotContain("Changed input").doesNotContain("WARN").contains("CHECK hard=0 medium=0");
    }
}
