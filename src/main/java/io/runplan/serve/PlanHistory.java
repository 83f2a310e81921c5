package io.runplan.serve;

import io.runplan.io.AtomicFile;
import io.runplan.io.PlanWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions of one plan file the workbench has seen, kept as whole copies on disk
 * ({@code DIR/.runplan/history/PLAN.json/000001.json}, ...), so that undo works after a restart. The newest copy is
 * the file as the workbench last saw it; a file changed by another program is recorded as a new version when it is
 * noticed, so undoing it brings back what was there before. At most {@link #KEPT} versions are kept.
 */
final class PlanHistory {

    /** Enough for an afternoon of changes; the oldest go first. */
    static final int KEPT = 100;
    private static final Pattern VERSION_FILE = Pattern.compile("\\d{6}\\.json");

    private final Path directory;

    PlanHistory(Path folder, String fileName) {
        this.directory = folder.resolve(".runplan").resolve("history").resolve(fileName);
    }

    /** The newest version's bytes, or null when none is kept. */
    byte[] newest() {
        List<Path> versions = versions();
        return versions.isEmpty() ? null : read(versions.get(versions.size() - 1));
    }

    /** Records {@code bytes} as the newest version unless it already is. */
    void record(byte[] bytes) {
        byte[] newest = newest();
        if (newest != null && Arrays.equals(newest, bytes)) {
            return;
        }
        List<Path> versions = versions();
        int next = versions.isEmpty() ? 1 : number(versions.get(versions.size() - 1)) + 1;
        AtomicFile.write(directory.resolve(String.format(Locale.ROOT, "%06d.json", next)), s -> s.write(bytes));
        for (int i = 0; i < versions.size() + 1 - KEPT; i++) {
            delete(versions.get(i));
        }
    }

    /** How many earlier versions undo can bring back. */
    int undoable() {
        return Math.max(0, versions().size() - 1);
    }

    /** Drops the newest version and returns the one before it (now the newest), or null when there is none. */
    byte[] dropNewest() {
        List<Path> versions = versions();
        if (versions.size() < 2) {
            return null;
        }
        byte[] previous = read(versions.get(versions.size() - 2));
        delete(versions.get(versions.size() - 1));
        return previous;
    }

    private List<Path> versions() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> VERSION_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history " + directory + ": " + e.getMessage(), e);
        }
    }

    private static int number(Path version) {
        return Integer.parseInt(version.getFileName().toString().substring(0, 6));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
