package io.runplan.cli;

import io.runplan.support.RunplanProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The same seed and move limit give the same file; Ctrl-C keeps the best plan found so far. */
class RepeatableAndInterruptibleTest {

    private static final Path CLUB = Path.of("datasets/club-week.json");

    @Test
    void sameSeedAndMoveLimitWriteTheIdenticalPlanFile(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.json");
        Path second = directory.resolve("second.json");
        assertThat(runplan("solve", CLUB.toString(), "--seed", "7", "--moves", "8000", "--out", first.toString())
                .exitCode()).isZero();
        assertThat(runplan("solve", CLUB.toString(), "--seed", "7", "--moves", "8000", "--out", second.toString())
                .exitCode()).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readString(first)).contains("\"score\" : \"0hard/0medium/");
    }

    /** Runs {@code runplan solve} in its own JVM and sends it SIGINT once it has a plan. */
    @Test
    void ctrlCDuringSolveWritesTheBestPlanSoFarAndSaysSo(@TempDir Path directory) throws Exception {
        assumeTrue(RunplanProcess.canSendCtrlC(), "python3 and kill are needed to send Ctrl-C");
        Path out = directory.resolve("interrupted.json");
        try (RunplanProcess solve = RunplanProcess.start("solve", CLUB.toString(), "--seconds", "120", "--out",
                out.toString())) {
            assertThat(solve.awaitLine(line -> line.contains("best 0hard/0medium"), 60))
                    .as("a plan within 60 s: " + solve.output()).isTrue();
            solve.ctrlC();
            assertThat(solve.awaitExit(60)).as("stops after Ctrl-C").isEqualTo(130);
            assertThat(solve.output()).contains("Interrupted: wrote the best plan found so far to " + out);
        }
        assertThat(Files.readString(out)).contains("\"score\" : \"0hard/0medium/");
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".tmp"))).isEmpty();
        }
    }
}
