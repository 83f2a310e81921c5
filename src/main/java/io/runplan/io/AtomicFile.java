package io.runplan.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all: to a temporary file beside the target, renamed over it. Every file runplan
 * writes (plans, calendars, pages, tables) goes through here, so a crash or a full disk never leaves half a file.
 */
public final class AtomicFile {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream stream) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target}, creating its directory if needed. */
    public static void write(Path target, Content content) {
        Path directory = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            // Beside the target (a rename within one directory is atomic), with the usual file permissions.
            Path temporary = directory.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    content.writeTo(stream);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) {
        write(target, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
