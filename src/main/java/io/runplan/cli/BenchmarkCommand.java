package io.runplan.cli;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import io.runplan.bench.BenchmarkTable;
import io.runplan.bench.PlanGenerator;
import io.runplan.bench.TightPlanGenerator;
import io.runplan.io.AtomicFile;
import io.runplan.io.PlanWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code runplan benchmark}: runs Timefold's benchmarker over solver configurations and prints who won. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Run the benchmark (benchmark.xml): every solver configuration on every dataset. Writes "
                + "Timefold's HTML report under local/benchmark-report and prints, per dataset and configuration, "
                + "the best score and when it was reached.")
public class BenchmarkCommand implements Callable<Integer> {

    /**
     * Generated datasets named in a benchmark config are made on first use: generated-ATHLETESxDAYS-seed-S.json, or
     * tight-ATHLETESxDAYS-seed-S.json for {@code generate --tight}.
     */
    private static final Pattern GENERATED = Pattern.compile(
            "<inputSolutionFile>\\s*([^<]*(generated|tight)-(\\d+)x(\\d+)-seed-(\\d+)\\.json)\\s*</inputSolutionFile>");

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "benchmark.xml",
            description = "Benchmark configuration. Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table as Markdown (for docs/benchmarks.md).")
    Path markdown;

    @Option(names = "--from-report", paramLabel = "DIR",
            description = "Print the table of an earlier run (its report folder, or the benchmark folder for the newest "
                    + "run) instead of running the benchmark.")
    Path fromReport;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(config)) {
            throw new RunplanCommand.BadInputException(config + ": no such file; run from the project root or pass --config");
        }
        var out = spec.commandLine().getOut();
        Path report;
        if (fromReport != null) {
            report = fromReport;
        } else {
            generateMissingDatasets(Files.readString(config));
            var benchmarkConfig = PlannerBenchmarkConfig.createFromXmlFile(config.toFile());
            try {
                report = PlannerBenchmarkFactory.create(benchmarkConfig).buildPlannerBenchmark().benchmark().toPath();
            } catch (IllegalArgumentException chartFailed) {
                // Timefold draws its HTML charts after every run has written its statistics; a chart it cannot draw
                // (an infinite percentage when a run made no moves) must not lose the measurements.
                report = benchmarkConfig.getBenchmarkDirectory().toPath();
                spec.commandLine().getErr().println("runplan: warning: the HTML report could not be drawn ("
                        + chartFailed.getMessage() + "); the table below comes from the runs' statistics");
            }
        }
        out.println();
        BenchmarkTable table = BenchmarkTable.read(report);
        out.print(table.render());
        out.println();
        out.println("Report: " + table.runDirectory().resolve("index.html"));
        if (markdown != null) {
            AtomicFile.writeString(markdown, table.markdown());
            out.println("Markdown table: " + markdown);
        }
        out.flush();
        return RunplanCommand.EXIT_OK;
    }

    private void generateMissingDatasets(String configText) {
        Matcher m = GENERATED.matcher(configText);
        while (m.find()) {
            Path file = Path.of(m.group(1).strip());
            if (!Files.exists(file)) {
                int athletes = Integer.parseInt(m.group(3));
                int days = Integer.parseInt(m.group(4));
                long seed = Long.parseLong(m.group(5));
                new PlanWriter().write(m.group(2).equals("tight") ? TightPlanGenerator.generate(athletes, days, seed)
                        : PlanGenerator.generate(athletes, days, seed), file);
                spec.commandLine().getErr().println("Generated " + file);
            }
        }
    }
}
