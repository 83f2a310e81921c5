package io.runplan.support;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless Chromium (Debian's package, on PATH) for the tests that open runplan's pages; they skip where it is missing. */
public final class Chromium {

    private static final String[] FLAGS = {"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"};

    private Chromium() {
    }

    /** The chromium program, or null when it is not installed. */
    public static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "chromium"))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Runs chromium on a {@code width} x {@code height} window with {@code arguments}; returns what it printed. */
    public static String run(Path directory, int width, int height, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(directory, "chromium-profile-");
        List<String> command = new ArrayList<>(List.of(find().toString()));
        command.addAll(Arrays.asList(FLAGS));
        command.add("--user-data-dir=" + profile);
        command.add("--window-size=" + width + "," + height);
        command.addAll(Arrays.asList(arguments));
        Path log = directory.resolve("chromium-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        return out;
    }

    /** The share of the image's pixels within a small distance of {@code rgb}. */
    public static double share(BufferedImage image, int rgb) {
        int hits = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                int dr = ((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff);
                int dg = ((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff);
                int db = (pixel & 0xff) - (rgb & 0xff);
                if (Math.abs(dr) + Math.abs(dg) + Math.abs(db) <= 12) {
                    hits++;
                }
            }
        }
        return hits / (double) (image.getWidth() * image.getHeight());
    }
}
