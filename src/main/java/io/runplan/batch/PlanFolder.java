package io.runplan.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The plan files of a folder, as {@code batch} and the Spark job see them, and how a share of them is picked. */
public final class PlanFolder {

    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

    private PlanFolder() {
    }

    /**
     * A plan file, by its path relative to the folder: its name ends in {@code .json} and no part of the path starts
     * with '.' or '_' (temporary files, a crashed write's leftovers, Hadoop's {@code _SUCCESS} and {@code _temporary}).
     */
    public static boolean isPlanFile(String relativePath) {
        if (!relativePath.endsWith(".json")) {
            return false;
        }
        for (String part : relativePath.split("/")) {
            if (part.isEmpty() || part.startsWith(".") || part.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    /** The plan files under {@code folder} (every depth, links not followed), relative and '/'-separated, sorted. */
    public static List<String> list(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/"))
                    .filter(PlanFolder::isPlanFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * The message when {@code in} and {@code out} (normalized absolute paths or URIs) lie one in the other, or null: a
     * solved plan written inside IN would be read as a plan to solve by the next run, and IN inside OUT may put an
     * output on an input.
     */
    public static String overlap(String in, String out) {
        String inDir = in.endsWith("/") ? in : in + "/";
        String outDir = out.endsWith("/") ? out : out + "/";
        if (outDir.startsWith(inDir) || inDir.startsWith(outDir)) {
            return "the output folder " + out + " and the plan folder " + in + " lie one in the other; runplan never "
                    + "writes among its input: choose an output folder outside " + in;
        }
        return null;
    }

    /** {@code --shard I/N}: the I-th of N shares (from 0), every N-th file from the I-th, for a job array. */
    public record Shard(int index, int count) {

        public static final Shard ALL = new Shard(0, 1);

        /** "3/10"; null and a message when malformed. */
        public static Shard parse(String text) {
            Matcher m = SHARD.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("--shard takes I/N, the share I (from 0) of N shares, for example "
                        + "--shard 0/4; got '" + text + "'");
            }
            int count;
            int index;
            try {
                index = Integer.parseInt(m.group(1));
                count = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--shard " + text + ": numbers too large");
            }
            if (count < 1 || index >= count) {
                throw new IllegalArgumentException("--shard " + text + ": I must be from 0 to N-1 and N at least 1"
                        + " (Kubernetes' JOB_COMPLETION_INDEX and a Slurm array from 0 count that way)");
            }
            return new Shard(index, count);
        }

        /** The files of this share, in order: positions index, index + count, index + 2 count... */
        public List<String> of(List<String> files) {
            return java.util.stream.IntStream.range(0, files.size()).filter(i -> i % count == index)
                    .mapToObj(files::get).toList();
        }

        /** "summary.csv", or "summary-3-of-10.csv" for a share (shares writing one OUT must not write one file). */
        public String summaryName() {
            return count == 1 ? "summary.csv" : "summary-" + index + "-of-" + count + ".csv";
        }
    }
}
