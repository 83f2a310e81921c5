package io.runplan.bench;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.io.jaxb.SolverConfigIO;
import io.runplan.solver.PlanSolver;
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

    /** The README says the default is the benchmark's configuration of that name; this keeps it so. */
    @Test
    void defaultSolverConfigurationIsTheBenchmarksWinner() {
        var benchmark = PlannerBenchmarkConfig.createFromXmlFile(Path.of("benchmark.xml").toFile());
        var named = benchmark.getSolverBenchmarkConfigList().stream()
                .filter(solverBenchmark -> solverBenchmark.getName().equals(DEFAULT_NAME))
                .findFirst().orElseThrow().getSolverConfig();
        assertThat(phasesXml(PlanSolver.defaultConfig())).isEqualTo(phasesXml(named));
    }

    private static final String DEFAULT_NAME = "Athlete days";

    private static String phasesXml(SolverConfig config) {
        StringWriter xml = new StringWriter();
        new SolverConfigIO().write(new SolverConfig().withPhaseList(config.getPhaseConfigList()), xml);
        return xml.toString();
    }

    @Test
    void tinyBenchmarkRunsAndPrintsTheTableWithAWinnerPerDataset() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = RunplanCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "benchmark", "--config", "src/test/resources/bench/tiny-benchmark.xml");
        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("dataset", "configuration", "best score", "0/0 at (s)")
                .contains("office-worker-week", "generated-3x7-seed-1", "tight-2x7-seed-1")
                .contains("* ", "First Fit", "Groups then Late Acceptance (runplan moves)")
                .contains("Report: target/tiny-benchmark-report/");
    }
}
