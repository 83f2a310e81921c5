package io.runplan.io;

import io.runplan.cli.RunplanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of broken plan files (src/test/resources/hostile, with the message each must give in EXPECTED.tsv):
 * every one is exit code 2 and one line naming the file and the JSON path, for solve and check alike, and no
 * file is written or changed.
 */
class HostileInputTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(CORPUS.resolve("EXPECTED.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t", 2))
                .map(parts -> Arguments.of(parts[0], parts[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFileIsOneLineNamingFileAndPathWithExitCode2(String file, String expected, @TempDir Path directory)
            throws IOException {
        Path plan = Files.copy(CORPUS.resolve(file), directory.resolve(file));
        byte[] before = Files.readAllBytes(plan);
        for (String[] args : new String[][] {{"check", plan.toString()}, {"solve", plan.toString(), "--moves", "100"}}) {
            Run run = Run.of(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString()).startsWith("runplan: " + plan + ": $").contains(expected);
            assertThat(run.err().strip().lines()).as("one line, no stack trace: " + run).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(Files.readAllBytes(plan)).isEqualTo(before);
        try (var files = Files.list(directory)) {
            assertThat(files).as("nothing written").hasSize(1);
        }
    }

    @Test
    void twentyMegabytesOfSessionsIsRefusedWithThePathWhereTheLimitIsPassed(@TempDir Path directory) throws IOException {
        Path plan = directory.resolve("huge.json");
        try (Writer writer = Files.newBufferedWriter(plan, StandardCharsets.UTF_8)) {
            writer.write("{\"name\":\"huge\",\"start\":\"2026-11-23\",\"days\":7,\"athletes\":[{\"id\":\"a\",\"sessions\":[");
            for (int i = 0; i < 400_000; i++) {
                writer.write((i == 0 ? "" : ",") + "{\"id\":\"session-" + i + "\",\"type\":\"EASY_RUN\",\"minutes\":30}");
            }
            writer.write("]}]}");
        }
        assertThat(Files.size(plan)).isGreaterThan(20L * 1024 * 1024);
        Run run = Run.of("check", plan.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("runplan: " + plan + ": $.athletes[0].sessions[50000]: more than 50000 sessions");
    }

    /** One run of the command line, in this JVM. */
    record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = RunplanCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(exitCode, out.toString(), err.toString());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr: " + err.strip();
        }
    }
}
