package io.runplan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        assertThat(runplan("solve", CLUB.toString(), "--seed", "7", "--moves", "150000", "--out", first.toString())
                .exitCode()).isZero();
        assertThat(runplan("solve", CLUB.toString(), "--seed", "7", "--moves", "150000", "--out", second.toString())
                .exitCode()).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readString(first)).contains("\"score\" : \"0hard/0medium/");
    }

    /**
     * Runs {@code runplan solve} in its own JVM and sends it SIGINT once it has a plan. A non-interactive shell may
     * start programs with SIGINT ignored (as CI and background jobs do), so python3 restores the default first.
     */
    @Test
    void ctrlCDuringSolveWritesTheBestPlanSoFarAndSaysSo(@TempDir Path directory) throws Exception {
        assumeTrue(available("python3") && available("kill"), "python3 and kill are needed to send Ctrl-C");
        Path out = directory.resolve("interrupted.json");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                java, "-cp", classPath, RunplanCommand.class.getName(),
                "solve", CLUB.toString(), "--seconds", "120", "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(directory.resolve("stdout.txt").toFile()).start();
        CountDownLatch hasPlan = new CountDownLatch(1);
        StringBuilder stderr = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                    if (line.contains("best 0hard/0medium")) {
                        hasPlan.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            assertThat(hasPlan.await(60, TimeUnit.SECONDS)).as("a plan within 60 s: " + stderr).isTrue();
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops after Ctrl-C").isTrue();
        } finally {
            process.destroyForcibly();
        }
        reader.join(10_000);
        assertThat(process.exitValue()).isEqualTo(130);
        assertThat(stderr.toString()).contains("Interrupted: wrote the best plan found so far to " + out);
        assertThat(Files.readString(out)).contains("\"score\" : \"0hard/0medium/");
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".tmp"))).isEmpty();
        }
    }

    private static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
