package io.runplan.spark;

import ai.timefold.solver.core.api.solver.SolverFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runplan.batch.PlanJob;
import io.runplan.batch.SolverFactories;
import io.runplan.batch.SummaryRow;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.AtomicFile;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One partition of the Spark job, on an executor: its plans one after the other, each read, solved, made legal and
 * written through {@link PlanJob}, with one solver factory per configuration for the whole partition. A plan that
 * fails is a row with its reason; it never fails the task (Spark would retry the whole partition for nothing).
 */
final class SolvePartition implements FlatMapFunction<Iterator<SolvePartition.Task>, SummaryRow> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A plan file by its path relative to IN, and whether its output is already newer than it. */
    static final class Task implements Serializable {
        // A plain class, not a record: Spark's Kryo (4.x) cannot build records.
        final String file;
        final boolean upToDate;

        Task(String file, boolean upToDate) {
            this.file = file;
            this.upToDate = upToDate;
        }
    }

    private final SolveAll.Job job;
    private final String inRoot;
    private final String outRoot;
    private final byte[] hadoopSettings;

    SolvePartition(SolveAll.Job job, String inRoot, String outRoot, byte[] hadoopSettings) {
        this.job = job;
        this.inRoot = inRoot;
        this.outRoot = outRoot;
        this.hadoopSettings = hadoopSettings;
    }

    @Override
    public Iterator<SummaryRow> call(Iterator<Task> tasks) throws IOException {
        Configuration hadoop = new Configuration(false);
        hadoop.readFields(new DataInputStream(new ByteArrayInputStream(hadoopSettings)));
        SolverFactories<SolverFactory<TrainingPlan>> factories = SolverFactories.plain();
        java.nio.file.Path scratch = null;
        List<SummaryRow> rows = new ArrayList<>();
        try {
            while (tasks.hasNext()) {
                Task task = tasks.next();
                Path source = new Path(new Path(inRoot), task.file);
                if (scratch == null && !isLocal(source)) {
                    scratch = Files.createTempDirectory("runplan-spark-");
                }
                rows.add(solve(task, source, new Path(new Path(outRoot), task.file), hadoop, factories, scratch));
            }
        } finally {
            if (scratch != null) {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
        return rows.iterator();
    }

    private SummaryRow solve(Task task, Path source, Path target, Configuration hadoop,
            SolverFactories<SolverFactory<TrainingPlan>> factories, java.nio.file.Path scratch) {
        long start = System.nanoTime();
        try {
            FileSystem outFs = target.getFileSystem(hadoop);
            if (task.upToDate) {
                SummaryRow skipped = skipped(task.file, outFs, target);
                if (skipped != null) {
                    return skipped;
                }
            }
            // A local plan is read where it is (its calendars beside it, solve's message naming it); any other is
            // read from a copy, its message naming the original.
            java.nio.file.Path local;
            String name;
            if (isLocal(source)) {
                local = Paths.get(source.toUri());
                name = local.toString();
            } else {
                local = scratch.resolve(Integer.toString(task.file.hashCode() & 0x7fffffff)).resolve(source.getName());
                Files.createDirectories(local.getParent());
                try (InputStream stream = source.getFileSystem(hadoop).open(source)) {
                    Files.copy(stream, local, StandardCopyOption.REPLACE_EXISTING);
                }
                name = source.toString();
            }
            PlanFile plan = PlanJob.read(local, name, List.of(), job.strict());
            SolverFactory<TrainingPlan> factory = factories.forPlan(job.limits(), plan.plan());
            TrainingPlan solved = factory.buildSolver(job.limits().stopFor(plan.plan())).solve(plan.plan());
            java.nio.file.Path localTarget = isLocal(target) ? Paths.get(target.toUri()) : null;
            PlanJob.Solved result = PlanJob.finish(plan, solved, localTarget);
            if (localTarget != null) {
                result.write(localTarget);
            } else {
                writeWhole(outFs, target, attempt(), stream -> new PlanWriter().writeTo(result.document(), stream));
            }
            return PlanJob.solvedRow(task.file, plan, result, seconds(start));
        } catch (IOException e) {
            return PlanJob.failedRow(task.file, new UncheckedIOException("cannot read or write " + task.file + ": "
                    + e.getMessage(), e), seconds(start));
        } catch (RuntimeException | StackOverflowError e) {
            return PlanJob.failedRow(task.file, e, seconds(start));
        }
    }

    /** The row of a plan whose output is newer than it, read from that output; null to solve it again. */
    private static SummaryRow skipped(String file, FileSystem fs, Path target) {
        try (InputStream stream = fs.open(target)) {
            JsonNode written = JSON.readTree(stream);
            return SummaryRow.skipped(file, written);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean isLocal(Path path) {
        return "file".equals(path.toUri().getScheme());
    }

    /** The task attempt, so that two attempts of one partition (speculation) never share a temporary file. */
    private static String attempt() {
        TaskContext context = TaskContext.get();
        return context == null ? "0" : Long.toString(context.taskAttemptId());
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target} and renames it over the target, so no reader
     * sees half a file (on HDFS; on S3 a file appears whole when written anyway).
     */
    static void writeWhole(FileSystem fs, Path target, String attempt, SolveAll.Content content) throws IOException {
        if (isLocal(target)) {
            AtomicFile.write(Paths.get(target.toUri()), content::writeTo);
            return;
        }
        Path temporary = new Path(target.getParent(), "." + target.getName() + "." + attempt + ".tmp");
        try (FSDataOutputStream stream = fs.create(temporary, true)) {
            content.writeTo(stream);
        }
        if (fs.exists(target)) {
            fs.delete(target, false);
        }
        if (!fs.rename(temporary, target)) {
            fs.delete(temporary, false);
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
