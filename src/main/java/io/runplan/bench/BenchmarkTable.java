package io.runplan.bench;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The plain table at the end of a benchmark: per dataset and configuration the best score, when it was first
 * reached, and the average move evaluation speed, read from the report's BEST_SCORE and MOVE_EVALUATION_SPEED files.
 */
public record BenchmarkTable(Path runDirectory, List<Row> rows) {

    /**
     * One configuration on one dataset. {@code secondsToPlaced} is when every session was first placed without a
     * broken rule (0 hard, 0 medium; the targets are stated in it), or null if that never happened;
     * {@code movesPerSecond} is -1 when the run was too short for a sample of the speed statistic.
     */
    public record Row(String dataset, String configuration, HardMediumSoftScore bestScore, double secondsToBest,
            Double secondsToPlaced, long movesPerSecond) {
    }

    /** Reads the newest run under {@code report} (a benchmark directory, or one run of it). */
    public static BenchmarkTable read(Path report) {
        Path run = newestRun(report);
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(run)) {
            for (Path bestScore : files.filter(p -> p.getFileName().toString().equals("BEST_SCORE.csv")).toList()) {
                Path single = bestScore.getParent().getParent();
                List<String[]> best = csv(bestScore);
                if (best.isEmpty()) {
                    continue;
                }
                String[] last = best.get(best.size() - 1);
                List<String[]> speed = csv(bestScore.resolveSibling("MOVE_EVALUATION_SPEED.csv"));
                // -1: no sample (the statistic samples once a second; shorter runs have none).
                long movesPerSecond = Math.round(speed.stream().mapToDouble(r -> Double.parseDouble(r[1])).average().orElse(-1));
                Double secondsToPlaced = best.stream()
                        .filter(row -> isEverySessionPlaced(HardMediumSoftScore.parseScore(row[1])))
                        .map(row -> Long.parseLong(row[0]) / 1000.0)
                        .findFirst().orElse(null);
                rows.add(new Row(single.getParent().getFileName().toString(), single.getFileName().toString(),
                        HardMediumSoftScore.parseScore(last[1]), Long.parseLong(last[0]) / 1000.0, secondsToPlaced,
                        movesPerSecond));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.sort(Comparator.comparing(Row::dataset).thenComparing(Row::bestScore, Comparator.reverseOrder())
                .thenComparingDouble(Row::secondsToBest).thenComparing(Row::configuration));
        return new BenchmarkTable(run, List.copyOf(rows));
    }

    private static boolean isEverySessionPlaced(HardMediumSoftScore score) {
        return score.hardScore() == 0 && score.mediumScore() == 0;
    }

    private static Path newestRun(Path report) {
        if (Files.exists(report.resolve("plannerBenchmarkResult.xml"))) {
            return report;
        }
        try (Stream<Path> runs = Files.list(report)) {
            return runs.filter(p -> Files.exists(p.resolve("plannerBenchmarkResult.xml")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no benchmark run under " + report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a CSV file written by the benchmarker, header left out, quotes removed. */
    private static List<String[]> csv(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.replace("\"", "").split(","));
            }
        }
        return rows;
    }

    /** The best configuration of each dataset (ties: the one that got there first). */
    public List<Row> winners() {
        List<Row> winners = new ArrayList<>();
        String dataset = null;
        for (Row row : rows) {
            if (!row.dataset().equals(dataset)) {
                winners.add(row);
                dataset = row.dataset();
            }
        }
        return winners;
    }

    /** A plain text table, best first within each dataset, the winner marked with *. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-30s %-58s %-26s %10s %14s %12s%n", "dataset", "configuration",
                "best score", "time (s)", "0/0 at (s)", "moves/s"));
        List<Row> winners = winners();
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "%-30s %-58s %-26s %10.1f %14s %12s%n", row.dataset(),
                    (winners.contains(row) ? "* " : "  ") + row.configuration(), row.bestScore(), row.secondsToBest(),
                    placed(row), speed(row)));
        }
        return text.toString();
    }

    /** The same table in Markdown, for docs/benchmarks.md. */
    public String markdown() {
        StringBuilder text = new StringBuilder("| dataset | configuration | best score | reached at (s) "
                + "| 0hard/0medium at (s) | moves/s |\n|---|---|---|---|---|---|\n");
        List<Row> winners = winners();
        for (Row row : rows) {
            String configuration = winners.contains(row) ? "**" + row.configuration() + "**" : row.configuration();
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %s | %s |%n", row.dataset(), configuration,
                    row.bestScore(), row.secondsToBest(), placed(row), speed(row)));
        }
        return text.toString();
    }

    private static String speed(Row row) {
        return row.movesPerSecond() < 0 ? "-" : Long.toString(row.movesPerSecond());
    }

    private static String placed(Row row) {
        return row.secondsToPlaced() == null ? "never" : String.format(Locale.ROOT, "%.1f", row.secondsToPlaced());
    }
}
