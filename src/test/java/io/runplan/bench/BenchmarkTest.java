package io.runplan.bench;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import io.runplan.cli.RunplanCommand;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The shipped benchmark.xml is a valid benchmark; a tiny one runs end to end through the command. */
class BenchmarkTest {

    @Test
    void shippedBenchmarkConfigurationBuilds() {
        assertThatCode(() -> PlannerBenchmarkFactory.createFromXmlFile(Path.of("benchmark.xml").toFile()))
                .doesNotThrowAnyException();
    }

    @Test
    void tinyBenchmarkRunsAndPrintsTheTableWithAWinnerPerDataset() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = RunplanCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "benchmark", "--config", "src/test/resources/bench/tiny-benchmark.xml");
        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("dataset", "configuration", "best score")
                .contains("office-worker-week", "generated-3x7-seed-1")
                .contains("* ", "First Fit", "Late Acceptance (same-athlete swaps)")
                .contains("Report: target/tiny-benchmark-report/");
    }
}
