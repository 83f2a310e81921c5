package io.runplan.cli;

import io.runplan.batch.Batch;
import io.runplan.batch.PlanFolder;
import io.runplan.batch.Summary;
import io.runplan.batch.SummaryRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code runplan batch IN --out OUT}: solves every plan file of a folder, K at a time, with a summary. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Solve every plan file (*.json) in the folder IN and below it, K at a time in one JVM, each as "
                + "'solve' would with its own limit, and write each solved plan to OUT under the same relative path "
                + "(whole or not at all), with OUT/summary.csv: file, athletes, sessions, score, seconds, status "
                + "(solved, skipped, failed, error, interrupted) and reason.",
                "A plan file runplan refuses is listed with the message 'solve' gives and stops nothing else. A plan "
                + "whose output is newer than it is skipped (--force solves it again), so a stopped night resumes "
                + "where it was. Files and folders whose name starts with '.' or '_' are not plan files.",
                "Exit code: 0 when every plan was solved or up to date, 4 when any was not (see summary.csv), 2 when "
                + "the command itself is wrong. Progress (plans done, failures, time to go) goes to stderr.",
                "A job array (Kubernetes Indexed Job, Slurm array) splits the night with --shard I/N: no coordination, "
                + "each share writes its own summary-I-of-N.csv (docs/batch.md)."})
public class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", description = "The folder of plan files (every depth); never modified.")
    Path in;

    @Option(names = "--out", paramLabel = "OUT", required = true,
            description = "The folder to write the solved plans and summary.csv to; not inside IN, nor IN inside it.")
    Path out;

    @Mixin
    SolverLimits limits = new SolverLimits();

    @Option(names = "--parallel", paramLabel = "K",
            description = "Solve K plans at a time. Default: half the processors, at least 1 (here ${DEFAULT-VALUE}).")
    int parallel = defaultParallel();

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Solve only share I of N (I from 0): every N-th plan file, in path order, from the I-th. "
                    + "The summary is then OUT/summary-I-of-N.csv.")
    String shard;

    @Option(names = "--force", description = "Solve every plan again, even one whose output is newer than it.")
    boolean force;

    @Mixin
    StrictOption strictness = new StrictOption();

    static int defaultParallel() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    @Override
    public Integer call() {
        limits.validate();
        if (parallel < 1) {
            throw new RunplanCommand.BadInputException("--parallel must be at least 1, got " + parallel);
        }
        PlanFolder.Shard share;
        try {
            share = shard == null ? PlanFolder.Shard.ALL : PlanFolder.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new RunplanCommand.BadInputException(e.getMessage());
        }
        if (!Files.isDirectory(in)) {
            throw new RunplanCommand.BadInputException(in + ": no such folder; batch takes a folder of plan files "
                    + "(solve takes one file)");
        }
        String overlap = PlanFolder.overlap(in.toAbsolutePath().normalize().toString(),
                out.toAbsolutePath().normalize().toString());
        if (overlap != null) {
            throw new RunplanCommand.BadInputException(overlap);
        }
        Batch batch = new Batch(new Batch.Options(in, out, limits.limits(), parallel, share, force, strictness.strict),
                spec.commandLine().getErr(), System.console() != null);
        // Ctrl-C: the running searches stop, nothing half-searched is written, the summary is; the JVM waits for it.
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            batch.interrupt();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "runplan-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            List<SummaryRow> rows = batch.run();
            return Summary.exitCode(rows);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping (Ctrl-C): the hook is running and has just been released
            }
        }
    }
}
