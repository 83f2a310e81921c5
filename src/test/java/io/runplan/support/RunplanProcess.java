package io.runplan.support;

import io.runplan.cli.RunplanCommand;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code runplan ARGS} in a JVM of its own, as a user starts it in a terminal, that a test can Ctrl-C. A
 * non-interactive shell may start programs with SIGINT ignored (as CI and background jobs do), so python3 restores
 * the default first; tests that send Ctrl-C assume {@link #canSendCtrlC()}.
 */
public final class RunplanProcess implements AutoCloseable {

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(Predicate<String> line, CountDownLatch seen) {
    }

    private RunplanProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "runplan output");
        reader.start();
    }

    /** Starts {@code runplan args}; what it prints (standard output and error, in one) is kept. */
    public static RunplanProcess start(String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                java, "-cp", classPath, RunplanCommand.class.getName()));
        command.addAll(List.of(args));
        return new RunplanProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Whether this machine has what sending Ctrl-C takes (python3, kill). */
    public static boolean canSendCtrlC() {
        return available("python3") && available("kill");
    }

    /** Waits until a line it printed matches (true), or the process ends or the time runs out (false). */
    public boolean awaitLine(Predicate<String> line, long seconds) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        synchronized (output) {
            if (output.toString().lines().anyMatch(line)) {
                return true;
            }
            waiters.add(new Waiter(line, seen));
        }
        return seen.await(seconds, TimeUnit.SECONDS);
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    public void ctrlC() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** Waits for the end: the exit code, or null when it is still running after {@code seconds}. */
    public Integer awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return null;
        }
        reader.join(10_000);
        return process.exitValue();
    }

    /** What it printed so far. */
    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (output) {
                    output.append(line).append('\n');
                    for (Waiter waiter : waiters) {
                        if (waiter.line().test(line)) {
                            waiter.seen().countDown();
                        }
                    }
                }
            }
        } catch (IOException ended) {
            // the process ended
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
