package io.runplan.support;

import io.runplan.cli.RunplanCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A short season made and solved through the command line once per test run: the nurse's last 8 weeks to her
 * marathon (datasets/athletes/noor-nurse.json), solved with a move limit, so the same plan on every machine.
 */
public final class SolvedSeason {

    public static final String RACE = "2027-04-25";
    public static final int WEEKS = 8;
    /** Moves count the construction's too: complete from about 15,000 on, and the same plan at 17,000 as at 20,000
     * (solve --moves: 7 s against 13 s). */
    public static final String MOVES = "17000";
    private static Path directory;

    private SolvedSeason() {
    }

    /** The season's plan file, as {@code runplan season} wrote it. */
    public static synchronized Path season() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("runplan-season");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            directory.toFile().deleteOnExit();
            run("season", "datasets/athletes/noor-nurse.json", "--race", RACE, "--distance", "marathon", "--weeks",
                    String.valueOf(WEEKS), "--out", directory.resolve("noor.season.json").toString());
            run("solve", directory.resolve("noor.season.json").toString(), "--moves", MOVES, "--out",
                    directory.resolve("noor.season.solved.json").toString());
        }
        return directory.resolve("noor.season.json");
    }

    /** The season solved, as {@code runplan solve} wrote it. */
    public static Path solved() {
        return season().resolveSibling("noor.season.solved.json");
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RunplanCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + ": exit code " + code + "\n" + err);
        }
    }
}
