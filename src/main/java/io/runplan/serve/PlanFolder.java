package io.runplan.serve;

import io.runplan.io.AtomicFile;
import io.runplan.io.PlanWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder the workbench serves: its plan files are the {@code *.json} files directly in it (hidden ones aside);
 * the workbench's own files (the versions kept for undo) live in its hidden {@code .runplan} folder.
 */
final class PlanFolder {

    /** A plan's name in an address: a file name in this folder, never a path out of it. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._ -]{0,200}\\.json");

    private final Path directory;
    private final boolean strict;
    private final Consumer<PlanOnDisk.Change> onChange;
    private final Map<String, PlanOnDisk> plans = new ConcurrentHashMap<>();

    PlanFolder(Path directory, boolean strict, Consumer<PlanOnDisk.Change> onChange) {
        this.directory = directory.toAbsolutePath().normalize();
        this.strict = strict;
        this.onChange = onChange;
    }

    Path directory() {
        return directory;
    }

    /** The plan files now in the folder, by name. */
    List<String> names() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> FILE_NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The plan file {@code name}; 404 when the folder has none. */
    PlanOnDisk plan(String name) {
        checkName(name);
        if (!Files.isRegularFile(directory.resolve(name))) {
            throw RequestRefused.notFound(name + ": no such plan file in " + directory);
        }
        return plans.computeIfAbsent(name, this::open);
    }

    /** The plan files the workbench has read since it started (for noticing changes made on disk). */
    PlanOnDisk known(String name) {
        return plans.get(name);
    }

    /** Adds a new plan file {@code name} with {@code bytes}, if they read as a plan file and the name is free. */
    synchronized PlanOnDisk create(String name, byte[] bytes) {
        checkName(name);
        Path target = directory.resolve(name);
        if (Files.exists(target)) {
            throw RequestRefused.conflict(name + ": the folder has a plan file of this name already; open it and upload "
                    + "the new version there, or choose another name");
        }
        PlanOnDisk.validate(directory.resolve("." + name + ".upload.tmp"), name, bytes, strict);
        AtomicFile.write(target, stream -> stream.write(bytes));
        return plan(name);
    }

    private PlanOnDisk open(String name) {
        return new PlanOnDisk(directory.resolve(name), new PlanHistory(directory, name), strict, onChange);
    }

    private static void checkName(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            throw RequestRefused.badInput("'" + name + "': a plan is named by its file in the folder, like "
                    + "club-week.json (letters, digits, '.', '_', '-' and spaces, ending in .json)");
        }
    }
}
