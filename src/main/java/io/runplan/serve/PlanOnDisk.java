package io.runplan.serve;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.io.AtomicFile;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;
import io.runplan.solver.StartSlots;
import io.runplan.io.PlanWriter;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One plan file of the workbench's folder. The file on disk is the truth: every request reads it again (a file another
 * program changed is noticed, recorded in the history and announced), every change is checked against the version the
 * page was showing (a stale one is refused, so two tabs never lose each other's changes), read back through the
 * command line's reader (so bad input gets its messages and is never written), scored, written whole, and kept in the
 * history for undo. One change at a time per plan; while a solve or a re-plan runs, changes are refused.
 */
final class PlanOnDisk {

    /** The plan file's own layout, as {@link PlanWriter} writes it. */
    private static final ObjectMapper WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int READ_ATTEMPTS = 3;

    /**
     * One version of the file as read: its bytes and their hash (the version the page sends back), and either the plan
     * with its score, report and the reader's warnings, or the command line's message saying what is wrong with it.
     * The report (the reasons of unscheduled sessions try their starts) is worked out when first asked for, so that
     * listing a folder of plans needs their scores only; ask for it under the plan's lock ({@link #read}).
     */
    static final class Version {
        private final String id;
        private final byte[] bytes;
        private final FileTime modified;
        private final PlanFile plan;
        private final HardMediumSoftScore score;
        private final List<String> warnings;
        private final String error;
        private PlanReport report;

        private Version(String id, byte[] bytes, FileTime modified, PlanFile plan, PlanReport report,
                List<String> warnings, String error) {
            this.id = id;
            this.bytes = bytes;
            this.modified = modified;
            this.plan = plan;
            this.report = report;
            this.score = plan == null ? null : report != null ? report.score()
                    : PlanSolver.solutionManager().update(plan.plan());
            this.warnings = warnings;
            this.error = error;
        }

        String id() {
            return id;
        }

        byte[] bytes() {
            return bytes;
        }

        FileTime modified() {
            return modified;
        }

        /** The plan as read, or null for a file that is no plan. */
        PlanFile plan() {
            return plan;
        }

        HardMediumSoftScore score() {
            return score;
        }

        PlanReport report() {
            if (report == null && plan != null) {
                report = PlanReport.of(plan.plan());
            }
            return report;
        }

        List<String> warnings() {
            return warnings;
        }

        /** The command line's message for a file that is no plan, or null. */
        String error() {
            return error;
        }

        boolean isValid() {
            return plan != null;
        }
    }

    /** Why the file changed, for the pages showing it: "moved ana-track", "changed on disk by another program". */
    record Change(String file, Version version, String cause) {
    }

    private final Path file;
    private final String name;
    private final PlanHistory history;
    private final boolean strict;
    private final Consumer<Change> onChange;
    private Version current;
    private String activity;

    PlanOnDisk(Path file, PlanHistory history, boolean strict, Consumer<Change> onChange) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.history = history;
        this.strict = strict;
        this.onChange = onChange;
    }

    String name() {
        return name;
    }

    /** The file as it is now; a change made by another program since the last reading is recorded and announced. */
    synchronized Version current() {
        for (int attempt = 1; ; attempt++) {
            byte[] bytes = bytes();
            if (current != null && Arrays.equals(current.bytes(), bytes)) {
                return current;
            }
            Version read = read(bytes, null);
            // The reader reads the file itself; a program writing it meanwhile means reading again.
            if (!Arrays.equals(bytes(), bytes) && attempt < READ_ATTEMPTS) {
                continue;
            }
            boolean changedByOthers = current != null;
            if (read.isValid() && history.newest() != null) {
                // Once the workbench keeps versions of a file, it keeps every plan it sees there (a file that is no plan,
                // such as one half written, is kept only if undo is asked for while it is there).
                history.record(bytes);
            }
            current = read;
            if (changedByOthers) {
                onChange.accept(new Change(name, read, "changed on disk by another program"));
            }
            return read;
        }
    }

    /** Runs {@code reading} on the current version, so that nothing changes the plan's objects meanwhile. */
    synchronized <T> T read(Function<Version, T> reading) {
        return reading.apply(current());
    }

    /** "solving" or "re-planning" while one runs, else null. */
    synchronized String activity() {
        return activity;
    }

    /** How many versions back undo can go (a file on disk that is not the newest version kept counts as one more). */
    synchronized int undoable() {
        Version now = current();
        byte[] newest = history.newest();
        return history.undoable() + (newest != null && !Arrays.equals(newest, now.bytes()) ? 1 : 0);
    }

    /**
     * Applies {@code edit} to the plan document of {@code expectedVersion}, reads the result back as the command line
     * would, and writes it with its new score; returns the new version.
     */
    synchronized Version change(String expectedVersion, String cause, Consumer<ObjectNode> edit) {
        Version now = editable(expectedVersion);
        ObjectNode document = now.plan().document().deepCopy();
        edit.accept(document);
        PlanFile edited = parse(document);
        PlanReport report = PlanReport.of(edited.plan());
        return write(new PlanWriter().toDocument(edited, edited.plan(), report), report, cause);
    }

    /** Replaces the file with {@code bytes} (an edited plan file), if they read as a plan file. */
    synchronized Version replace(String expectedVersion, byte[] bytes) {
        Version now = current();
        requireIdle();
        requireVersion(now, expectedVersion);
        validate(file.resolveSibling("." + name + ".upload.tmp"), name, bytes, strict);
        return writeBytes(bytes, null, "replaced by an uploaded file");
    }

    /** Brings back the version before this one. */
    synchronized Version undo(String expectedVersion) {
        Version now = current();
        requireIdle();
        requireVersion(now, expectedVersion);
        history.record(now.bytes());
        byte[] previous = history.dropNewest();
        if (previous == null) {
            throw RequestRefused.conflict(name + ": nothing to undo: this is the first version the workbench has of it");
        }
        AtomicFile.write(file, stream -> stream.write(previous));
        return announce(read(bytes(), null), "undone");
    }

    /**
     * Starts a solve or a re-plan of {@code expectedVersion}: changes are refused until {@link #finish}; returns the
     * version and a fresh copy of its plan for the solver to work on.
     */
    synchronized Job begin(String expectedVersion, String what) {
        Version now = editable(expectedVersion);
        activity = what;
        try {
            return new Job(now, parse(now.plan().document().deepCopy()));
        } catch (RuntimeException e) {
            activity = null;
            throw e;
        }
    }

    /** A solve's or re-plan's starting point. */
    record Job(Version version, PlanFile input) {
    }

    /**
     * Ends what {@link #begin} started, writing {@code document} (null: nothing to write), whose plan {@code report}
     * scores, if the file is still the version it started from; a file changed meanwhile is kept and the result refused.
     */
    synchronized Version finish(Job job, ObjectNode document, PlanReport report, String cause) {
        activity = null;
        Version now = current();
        if (document == null) {
            return now;
        }
        if (!now.id().equals(job.version().id())) {
            throw RequestRefused.conflict(name + " changed on disk while " + cause.replace("solved", "solving")
                    .replace("re-planned", "re-planning") + "; the file as it is now was kept and the result not written");
        }
        return write(document, report, cause);
    }

    /** Reads {@code document} as the plan file it would be; bad input is the command line's message. */
    PlanFile parse(ObjectNode document) {
        try {
            PlanFile plan = new PlanReader(strict).read(file, document);
            StartSlots.assign(plan.plan());
            return plan;
        } catch (PlanFormatException e) {
            throw RequestRefused.badInput(name + ": " + e.describe());
        }
    }

    /**
     * Checks that {@code bytes} read as a plan file (through a hidden file beside {@code temporary}, so that the
     * message is the command line's and calendars are found where the plan will be); nothing is written otherwise.
     */
    static void validate(Path temporary, String shownName, byte[] bytes, boolean strict) {
        try {
            AtomicFile.write(temporary, stream -> stream.write(bytes));
            new PlanReader(strict).read(temporary);
        } catch (PlanFormatException e) {
            throw RequestRefused.badInput(shownName + ": " + e.describe());
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover hidden file is harmless; the next upload overwrites it
            }
        }
    }

    private Version editable(String expectedVersion) {
        Version now = current();
        requireIdle();
        requireVersion(now, expectedVersion);
        if (!now.isValid()) {
            throw RequestRefused.conflict(now.error() + " (fix the file first: upload a corrected plan, or undo)");
        }
        return now;
    }

    private void requireIdle() {
        if (activity != null) {
            throw RequestRefused.conflict(name + " is " + activity + "; stop it or wait until it ends, its plan "
                    + "would be written over this change");
        }
    }

    private void requireVersion(Version now, String expectedVersion) {
        if (expectedVersion == null || expectedVersion.isBlank()) {
            throw RequestRefused.badInput(name + ": the request names no 'version'; send the version of the plan you are "
                    + "changing (the 'version' of GET /api/plans/" + name + "), so that no change made meanwhile is lost");
        }
        if (!expectedVersion.equals(now.id())) {
            throw RequestRefused.conflict(name + " has changed since this page read it (in another tab or by another "
                    + "program): your version " + expectedVersion + ", now " + now.id() + ". The page now shows the plan "
                    + "as it is; make your change again if it still applies.");
        }
    }

    private Version write(ObjectNode document, PlanReport report, String cause) {
        byte[] bytes;
        try {
            bytes = WRITER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return writeBytes(bytes, report, cause);
    }

    /** Writes {@code bytes}; {@code report} (or null) scores the plan they hold, so it is not worked out again. */
    private Version writeBytes(byte[] bytes, PlanReport report, String cause) {
        history.record(current().bytes());
        AtomicFile.write(file, stream -> stream.write(bytes));
        history.record(bytes);
        byte[] written = bytes();
        return announce(read(written, Arrays.equals(written, bytes) ? report : null), cause);
    }

    private Version announce(Version version, String cause) {
        current = version;
        onChange.accept(new Change(name, version, cause));
        return version;
    }

    private byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw RequestRefused.notFound(name + ": no such plan file (was it moved or deleted?)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file as read now ({@code bytes}); its report is {@code known}, or worked out when that is null. */
    private Version read(byte[] bytes, PlanReport known) {
        String id = id(bytes);
        FileTime modified = modified();
        try {
            PlanFile plan = new PlanReader(strict).read(file);
            StartSlots.assign(plan.plan());
            List<String> warnings = plan.warnings().stream().map(w -> name + ": " + w).toList();
            return new Version(id, bytes, modified, plan, known, warnings, null);
        } catch (PlanFormatException e) {
            return new Version(id, bytes, modified, null, null, List.of(), name + ": " + e.describe());
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The first 16 hex digits of the bytes' SHA-256: the version a page sends back with a change. */
    static String id(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
