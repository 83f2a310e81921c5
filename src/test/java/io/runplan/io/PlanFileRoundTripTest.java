package io.runplan.io;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A solved plan written to a file and read back is the same plan with the same score. */
class PlanFileRoundTripTest {

    @Test
    void writtenSolvedPlanReadsBackWithTheSameStartsAndScore(@TempDir Path directory) throws Exception {
        Path source = Path.of("src/test/resources/plans/mini-club.json");
        String before = Files.readString(source);
        PlanFile input = new PlanReader().read(source);
        TrainingPlan solved = PlanSolver.solve(PlanSolver.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(3_000L)), StartSlots.assign(input.plan()), best -> { });
        PlanReport report = PlanReport.of(solved);
        Path target = directory.resolve("mini-club.solved.json");
        PlanWriter writer = new PlanWriter();
        writer.write(writer.toDocument(input, solved, report), target);

        PlanFile reread = new PlanReader().read(target);
        PlanReport rereadReport = PlanReport.of(StartSlots.assign(reread.plan()));
        assertThat(rereadReport.score()).isEqualTo(report.score());
        assertThat(starts(reread.plan())).isEqualTo(starts(solved));
        assertThat(reread.document().get("score").textValue()).isEqualTo(report.score().toString());
        assertThat(Files.readString(source)).as("the input file is never modified").isEqualTo(before);
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mini-club.solved.json");
        }
    }

    private static Map<String, String> starts(TrainingPlan plan) {
        return plan.getSessions().stream().collect(Collectors.toMap(Session::getId,
                s -> s.isScheduled() ? s.getStartSlot().label() : "unscheduled"));
    }
}
