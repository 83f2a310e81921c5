package io.runplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runplan.support.PlanFolders;
import io.runplan.support.RunplanProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code runplan batch} as a platform runs it at night: many plans, one broken, re-runs, shares of a job array. */
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void solvesEveryPlanAsSolveDoesListsTheBrokenOneWithSolvesMessageAndExitsFour(@TempDir Path directory)
            throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        Path out = directory.resolve("out");

        CommandLineTest.Run run = runplan("batch", in.toString(), "--out", out.toString(), "--moves", "2000",
                "--parallel", "2");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("Solving 3 plan files", "3/3 plans, 1 failed", "2 solved, 1 failed");
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("file,athletes,sessions,score,seconds,status,reason");
        assertThat(summary).hasSize(4);
        assertThat(summary.get(1)).startsWith("broken.json,,,,").contains(",failed,");
        assertThat(summary.get(2)).startsWith("club/mini-club.json,3,20,0hard/").contains(",solved,");
        assertThat(summary.get(3)).startsWith("week.json,1,5,0hard/0medium/").contains(",solved,");
        assertThat(out.resolve("notes.txt")).doesNotExist();

        // The broken plan's reason is the message solve gives for it, word for word.
        CommandLineTest.Run solveBroken = runplan("solve", in.resolve("broken.json").toString(), "--moves", "2000");
        assertThat(solveBroken.exitCode()).isEqualTo(2);
        String message = solveBroken.err().strip().replaceFirst("^runplan: ", "");
        assertThat(summary.get(1)).endsWith(",failed," + csvField(message));
        assertThat(run.err()).contains("runplan: " + message);

        // Each written plan is the one solve writes with the same moves and seed.
        for (String plan : List.of("week.json", "club/mini-club.json")) {
            Path solved = directory.resolve("solve-" + plan.replace('/', '-'));
            assertThat(runplan("solve", in.resolve(plan).toString(), "--moves", "2000", "--out", solved.toString())
                    .exitCode()).isZero();
            assertThat(JSON.readTree(out.resolve(plan).toFile())).as(plan).isEqualTo(JSON.readTree(solved.toFile()));
        }
    }

    /**
     * Ctrl-C in the middle of a night: the searches running stop, nothing half-searched is written (it would look up
     * to date to the next run), no plan is started after it, and the summary lists what was done and what was cut.
     */
    @Test
    void ctrlCStopsTheSearchesWritesNoHalfSearchedPlanAndWritesTheSummary(@TempDir Path directory) throws Exception {
        assumeTrue(RunplanProcess.canSendCtrlC(), "python3 and kill are needed to send Ctrl-C");
        Path in = Files.createDirectories(directory.resolve("in"));
        for (String name : List.of("a.json", "b.json", "c.json")) {
            // 299 sessions with 120 s each: no search ends by itself within the test.
            Files.copy(Path.of("datasets/practice/practice-club-20-2w.json"), in.resolve(name));
        }
        Path out = directory.resolve("out");
        try (RunplanProcess batch = RunplanProcess.start("batch", in.toString(), "--out", out.toString(), "--seconds",
                "120", "--parallel", "1")) {
            assertThat(batch.awaitLine(line -> line.startsWith("Solving 3 plan files"), 60))
                    .as("started: " + batch.output()).isTrue();
            Thread.sleep(3000); // the first plan read and its search started
            batch.ctrlC();
            assertThat(batch.awaitExit(60)).as("stops after Ctrl-C: " + batch.output()).isEqualTo(130);
            assertThat(batch.output()).contains("Wrote " + out.resolve("summary.csv"));
        }
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary).hasSize(2);
        assertThat(summary.get(1)).startsWith("a.json,20,299,,").contains(",interrupted,");
        try (var written = Files.walk(out)) {
            assertThat(written.filter(Files::isRegularFile).map(file -> out.relativize(file).toString()))
                    .containsExactly("summary.csv");
        }
    }

    @Test
    void aReRunSkipsPlansWhoseOutputIsNewerAndForceSolvesThemAgain(@TempDir Path directory) throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        Files.delete(in.resolve("broken.json"));
        Path out = directory.resolve("out");
        assertThat(runplan("batch", in.toString(), "--out", out.toString(), "--moves", "1000").exitCode()).isZero();
        String firstScore = JSON.readTree(out.resolve("week.json").toFile()).get("score").textValue();
        Path club = out.resolve("club/mini-club.json");
        FileTime written = Files.getLastModifiedTime(club);
        // The week's plan file changes after its output was written: it alone is solved again.
        Files.setLastModifiedTime(in.resolve("week.json"), FileTime.fromMillis(written.toMillis() + 60_000));

        CommandLineTest.Run again = runplan("batch", in.toString(), "--out", out.toString(), "--moves", "1000");

        assertThat(again.exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(club)).isEqualTo(written);
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary.get(1)).startsWith("club/mini-club.json,3,20,0hard/").contains(",skipped,");
        assertThat(summary.get(2)).startsWith("week.json,1,5," + firstScore + ",").contains(",solved,");

        CommandLineTest.Run forced = runplan("batch", in.toString(), "--out", out.toString(), "--moves", "1000", "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).noneMatch(line -> line.contains(",skipped,"));
        assertThat(Files.getLastModifiedTime(club)).isNotEqualTo(written);
    }

    @Test
    void sharesOfAJobArrayTakeEveryNthFileEachAndWriteTheirOwnSummary(@TempDir Path directory) throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        Path out = directory.resolve("out");
        // In path order: broken.json, club/mini-club.json, week.json.
        CommandLineTest.Run first = runplan("batch", in.toString(), "--out", out.toString(), "--moves", "1000",
                "--shard", "0/2");
        CommandLineTest.Run second = runplan("batch", in.toString(), "--out", out.toString(), "--moves", "1000",
                "--shard", "1/2");

        assertThat(first.exitCode()).isEqualTo(4);
        assertThat(second.exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("summary-0-of-2.csv"))).hasSize(3)
                .anyMatch(line -> line.startsWith("broken.json,")).anyMatch(line -> line.startsWith("week.json,"));
        assertThat(Files.readAllLines(out.resolve("summary-1-of-2.csv"))).hasSize(2)
                .anyMatch(line -> line.startsWith("club/mini-club.json,"));
        assertThat(out.resolve("summary.csv")).doesNotExist();
        assertThat(out.resolve("week.json")).exists();
        assertThat(out.resolve("club/mini-club.json")).exists();
    }

    @Test
    void strictRefusesAPlanWithAnUnknownFieldAsSolveStrictDoes(@TempDir Path directory) throws Exception {
        Path in = Files.createDirectories(directory.resolve("in"));
        String text = Files.readString(PlanFolders.PLANS.resolve("format-example.json"))
                .replaceFirst("\"days\"", "\"x-note\": \"mine\", \"dayz\": 1, \"days\"");
        Files.writeString(in.resolve("typo.json"), text);
        Path out = directory.resolve("out");

        CommandLineTest.Run lenient = runplan("batch", in.toString(), "--out", out.toString(), "--moves", "500");
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.err()).contains("runplan: warning: " + in.resolve("typo.json") + ": $.dayz");
        assertThat(Files.readString(out.resolve("summary.csv"))).contains("warning: $.dayz");

        CommandLineTest.Run strict = runplan("batch", in.toString(), "--out", out.toString(), "--moves", "500",
                "--strict", "--force");
        String solveStrict = runplan("solve", in.resolve("typo.json").toString(), "--strict", "--moves", "500").err()
                .strip().replaceFirst("^runplan: ", "");
        assertThat(strict.exitCode()).isEqualTo(4);
        assertThat(Files.readString(out.resolve("summary.csv"))).contains(",failed,").contains("--strict")
                .contains(csvField(solveStrict));
    }

    @Test
    void aWrongCommandIsOneLineAndExitCodeTwoWithNothingWritten(@TempDir Path directory) throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        String[][] commands = {
                {"batch", directory.resolve("none").toString(), "--out", directory.resolve("out").toString()},
                {"batch", in.toString(), "--out", in.resolve("solved").toString()},
                {"batch", in.resolve("club").toString(), "--out", in.toString()},
                {"batch", in.toString(), "--out", directory.resolve("out").toString(), "--shard", "2/2"},
                {"batch", in.toString(), "--out", directory.resolve("out").toString(), "--shard", "x"},
                {"batch", in.toString(), "--out", directory.resolve("out").toString(), "--parallel", "0"},
                {"batch", in.toString(), "--out", directory.resolve("out").toString(), "--moves", "0"},
                {"batch", in.toString()},
        };
        for (String[] command : commands) {
            CommandLineTest.Run run = runplan(command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(String.join(" ", command)).hasSize(1);
            assertThat(run.err()).startsWith("runplan: ");
        }
        assertThat(directory.resolve("out")).doesNotExist();
        assertThat(in.resolve("solved")).doesNotExist();
    }

    @Test
    void helpSaysWhatBatchWritesAndItsExitCodes() {
        CommandLineTest.Run help = runplan("batch", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("summary.csv", "--parallel", "--shard", "--force", "--moves", "Exit code");
    }

    /** A field as RFC 4180 writes it: quoted, quotes doubled, when it holds a comma, a quote or a line break. */
    static String csvField(String text) {
        return text.matches("(?s).*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
