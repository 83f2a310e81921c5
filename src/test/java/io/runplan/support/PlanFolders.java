package io.runplan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small folder of plan files as a night's batch finds them: two plans, one broken, and files that are not plans. */
public final class PlanFolders {

    public static final Path PLANS = Path.of("src/test/resources/plans");
    /** The broken plan's text: JSON cut short. */
    public static final String BROKEN = "{\"name\": \"x\", \"start\":";

    private PlanFolders() {
    }

    /**
     * {@code in} with week.json (one runner), club/mini-club.json (three, with a coach), broken.json, and beside them
     * notes.txt, .week.json.tmp and _SUCCESS, which are not plan files.
     */
    public static Path make(Path in) throws IOException {
        Files.createDirectories(in.resolve("club"));
        Files.copy(PLANS.resolve("format-example.json"), in.resolve("week.json"));
        Files.copy(PLANS.resolve("mini-club.json"), in.resolve("club/mini-club.json"));
        Files.writeString(in.resolve("broken.json"), BROKEN);
        Files.writeString(in.resolve("notes.txt"), "not a plan");
        Files.writeString(in.resolve(".week.json.1234.tmp"), "{");
        Files.writeString(in.resolve("_SUCCESS"), "");
        return in;
    }
}
