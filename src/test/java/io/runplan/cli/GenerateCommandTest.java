package io.runplan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code runplan generate} writes the same file for the same seed, and the file solves. */
class GenerateCommandTest {

    @Test
    void sameSeedSameFileAndTheFileSolvesToAValidPlan(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.json");
        Path second = directory.resolve("second.json");
        assertThat(runplan("generate", "--athletes", "4", "--days", "7", "--seed", "9", "--out", first.toString()).out())
                .contains("Wrote " + first + ": 4 athletes");
        runplan("generate", "--athletes", "4", "--days", "7", "--seed", "9", "--out", second.toString());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

        var solve = runplan("solve", first.toString(), "--moves", "200000");
        assertThat(solve.exitCode()).isZero();
        assertThat(solve.out()).contains("Score 0hard/0medium/");
    }

    @Test
    void tightOnTheCommandLineWithItsHiddenPlan(@TempDir Path directory) throws Exception {
        Path plan = directory.resolve("tight.json");
        Path hidden = directory.resolve("tight-hidden.json");
        var generate = runplan("generate", "--tight", "--athletes", "3", "--days", "14", "--seed", "4",
                "--out", plan.toString(), "--hidden-plan", hidden.toString());
        assertThat(generate.exitCode()).isZero();
        assertThat(generate.out()).contains("Wrote " + plan + ": 3 athletes", "(seed 4, tight)", "Wrote " + hidden);
        Path again = directory.resolve("again.json");
        runplan("generate", "--tight", "--athletes", "3", "--days", "14", "--seed", "4", "--out", again.toString());
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(plan));

        var check = runplan("check", hidden.toString());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("Score 0hard/0medium/");
        assertThat(runplan("check", plan.toString()).out()).contains("Score 0hard/-");
    }

    @Test
    void helpSaysWhatTightAndHiddenPlanDo() {
        var help = runplan("generate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--tight", "12-hour day and", "pinned", "--hidden-plan", "no hard rule broken");
    }

    @Test
    void badSizesAreExitCode2() {
        assertThat(runplan("generate", "--athletes", "0", "--out", "x.json").exitCode()).isEqualTo(2);
        assertThat(runplan("generate", "--athletes", "3", "--days", "0", "--out", "x.json").exitCode()).isEqualTo(2);
    }
}
