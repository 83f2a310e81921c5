package io.runplan.spark;

import io.runplan.batch.Limits;
import io.runplan.batch.PlanFolder;
import io.runplan.batch.PlanJob;
import io.runplan.batch.Summary;
import io.runplan.batch.SummaryRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Spark job: {@code spark-submit --class io.runplan.spark.SolveAll runplan.jar IN OUT [--seconds N | --moves N]
 * [--seed S]}. Solves every plan file under IN (any file system Spark reads: local, HDFS, S3 through s3a) in
 * {@code mapPartitions}, one solver factory per partition and configuration, each plan through {@link PlanJob} as
 * {@code solve} and {@code batch} do; writes each solved plan under OUT at the same relative path and
 * OUT/summary.csv, as {@code batch} does. Exit code 0, or 4 when any plan was not solved, 2 for a wrong command.
 */
@Command(name = "io.runplan.spark.SolveAll", mixinStandardHelpOptions = true,
        description = {"Solve every plan file (*.json) under IN on a Spark cluster and write the solved plans under OUT "
                + "at the same relative paths, with OUT/summary.csv (as 'runplan batch' does).",
                "IN and OUT are any paths Spark reads and writes: file:, hdfs:, s3a:. Plan files read from other than "
                + "the local file system must carry their busy time inline (runplan export --plan writes calendars' "
                + "busy time out). Exit code 0, 4 when any plan was not solved (see summary.csv), 2 for a wrong command."})
public final class SolveAll implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "The folder of plan files (every depth).")
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The folder for the solved plans and summary.csv.")
    String out;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Limit limit;

    static final class Limit {
        @Option(names = "--seconds", paramLabel = "N", required = true,
                description = "Stop each plan after N seconds at most. Default: as solve (30, or 1 per 100 sessions).")
        Integer seconds;

        @Option(names = "--moves", paramLabel = "N", required = true,
                description = "Stop each plan after exactly N moves: with the same --seed, the plans batch writes.")
        Long moves;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--strict", description = "Refuse a plan file with a field runplan does not know, as solve --strict.")
    boolean strict;

    @Option(names = "--force", description = "Solve every plan again, even one whose output is newer than it.")
    boolean force;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Split the plans into P partitions. Default: 4 per core Spark has (spark.default.parallelism).")
    Integer partitions;

    /** What the job does, sent to the executors. */
    public record Job(String in, String out, Limits limits, boolean strict, boolean force, Integer partitions)
            implements java.io.Serializable {
    }

    public static void main(String[] args) {
        int exitCode = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Parses the command line and runs the job on a new Spark context (spark-submit's master and settings). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SolveAll());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("runplan: " + PlanJob.oneLine(exception.getMessage()) + " (see --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof PlanJob.Refused || exception instanceof UncheckedIOException) {
                err.println("runplan: " + PlanJob.oneLine(exception.getMessage()));
                return 2;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        Limits limits = new Limits(limit == null ? null : limit.seconds, limit == null ? null : limit.moves, seed);
        if (limits.problem() != null) {
            throw new PlanJob.Refused(limits.problem());
        }
        if (partitions != null && partitions < 1) {
            throw new PlanJob.Refused("--partitions must be at least 1, got " + partitions);
        }
        Job job = new Job(in, out, limits, strict, force, partitions);
        SparkConf conf = new SparkConf().setAppName("runplan SolveAll");
        PrintWriter err = new PrintWriter(System.err, true);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            return Summary.exitCode(run(spark, job, err));
        }
    }

    /**
     * Runs {@code job} on {@code spark}: lists the plan files on the driver, solves them on the executors, writes
     * OUT/summary.csv from the driver; returns the rows, sorted by file.
     */
    public static List<SummaryRow> run(JavaSparkContext spark, Job job, PrintWriter err) {
        Configuration hadoop = spark.hadoopConfiguration();
        try {
            Path inPath = new Path(job.in());
            FileSystem inFs = inPath.getFileSystem(hadoop);
            if (!inFs.exists(inPath) || !inFs.getFileStatus(inPath).isDirectory()) {
                throw new PlanJob.Refused(job.in() + ": no such folder; SolveAll takes a folder of plan files");
            }
            Path inRoot = inFs.makeQualified(inPath);
            Path outPath = new Path(job.out());
            FileSystem outFs = outPath.getFileSystem(hadoop);
            Path outRoot = outFs.makeQualified(outPath);
            String overlap = PlanFolder.overlap(inRoot.toString(), outRoot.toString());
            if (overlap != null) {
                throw new PlanJob.Refused(overlap);
            }
            Map<String, Long> planTimes = list(inFs, inRoot);
            Map<String, Long> outputTimes = outFs.exists(outRoot) ? list(outFs, outRoot) : Map.of();
            List<String> files = planTimes.keySet().stream().sorted().toList();
            List<SolvePartition.Task> tasks = new ArrayList<>();
            for (String file : files) {
                Long written = outputTimes.get(file);
                tasks.add(new SolvePartition.Task(file, !job.force() && written != null && written > planTimes.get(file)));
            }
            int slices = Math.max(1, Math.min(files.size(),
                    job.partitions() != null ? job.partitions() : 4 * spark.defaultParallelism()));
            err.printf(Locale.ROOT, "Solving %d plan file%s of %s into %s in %d partition%s (%s)%n", files.size(),
                    files.size() == 1 ? "" : "s", inRoot, outRoot, slices, slices == 1 ? "" : "s",
                    job.limits().moves() != null || job.limits().seconds() != null
                            ? job.limits().describe(0) : "each plan's default time, seed " + job.limits().seed());
            err.flush();
            List<SummaryRow> rows = new ArrayList<>(spark.parallelize(dealt(tasks, slices), slices)
                    .mapPartitions(new SolvePartition(job, inRoot.toString(), outRoot.toString(), bytes(hadoop)))
                    .collect());
            rows.sort(Comparator.comparing(SummaryRow::file));
            rows.stream().filter(SummaryRow::failed).forEach(row -> err.println("runplan: "
                    + (row.status() == SummaryRow.Status.FAILED ? "" : row.file() + ": ") + row.reason()));
            Path summary = new Path(outRoot, PlanFolder.Shard.ALL.summaryName());
            SolvePartition.writeWhole(outFs, summary, "driver", stream -> stream.write(Summary.bytes(rows)));
            err.println("Wrote " + summary + ": " + Summary.counts(rows));
            err.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * The tasks dealt round the partitions (task i to about partition i mod P; {@code parallelize} cuts a list into P
     * consecutive slices): a sub-folder of big plans then does not land on one partition.
     */
    static List<SolvePartition.Task> dealt(List<SolvePartition.Task> tasks, int slices) {
        List<SolvePartition.Task> order = new ArrayList<>(tasks.size());
        for (int slice = 0; slice < slices; slice++) {
            for (int i = slice; i < tasks.size(); i += slices) {
                order.add(tasks.get(i));
            }
        }
        return order;
    }

    /** The plan files under {@code root}, by relative path, with the time each was last written. */
    private static Map<String, Long> list(FileSystem fs, Path root) throws IOException {
        String base = root.toUri().getPath();
        String prefix = base.endsWith("/") ? base : base + "/";
        Map<String, Long> files = new HashMap<>();
        RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
        while (listing.hasNext()) {
            FileStatus status = listing.next();
            String path = status.getPath().toUri().getPath();
            if (status.isFile() && path.startsWith(prefix)) {
                String relative = path.substring(prefix.length());
                if (PlanFolder.isPlanFile(relative)) {
                    files.put(relative, status.getModificationTime());
                }
            }
        }
        return files;
    }

    /** The driver's Hadoop settings (s3a keys and all), for the executors' own file system clients. */
    private static byte[] bytes(Configuration hadoop) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            hadoop.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What goes into a file written whole. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream stream) throws IOException;
    }
}
