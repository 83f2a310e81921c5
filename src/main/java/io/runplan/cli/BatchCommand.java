package io.runplan.cli;

import io.runplan.batch.Batch;
import io.runplan.batch.PlanFolder;
import io.runplan.batch.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code runplan batch IN --out OUT}: solves every plan file of a folder, K at a time, with a summary. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Solve every plan file of a folder, K at a time, as 'solve' would, into OUT at the same "
                + "paths, with OUT/summary.csv.",
                "",
                "Every file under IN (every depth) whose name ends in .json is a plan file, but for files and folders "
                + "whose name starts with '.' or '_'. Each gets its own limit (--seconds or --moves per plan) and is "
                + "written whole or not at all. OUT/summary.csv lists file, athletes, sessions, score, seconds, "
                + "status (solved, skipped, failed, error, interrupted) and reason: for a plan file runplan refuses, "
                + "the message 'solve' gives; it stops nothing else. Progress (plans done, failures, time to go) "
                + "goes to stderr.",
                "",
                "A re-run skips every plan whose output is newer than it (--force solves it again), so a stopped "
                + "night resumes where it was. A job array (Kubernetes Indexed Job, Slurm array) splits a night with "
                + "--shard I/N, no coordination needed: each share writes OUT/summary-I-of-N.csv (docs/batch.md).",
                "",
                "Exit code: 0 when every plan was solved or up to date, 4 when any was not (see summary.csv), 2 when "
                + "the command itself is wrong.",
                ""})
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

    @Option(names = "--strict",
            description = "Refuse a plan file that has a field runplan does not know (a misspelling), as solve --strict "
                    + "does: it is listed as failed, with that message, and not written. Keys starting with x- are "
                    + "always allowed.")
    boolean strict;

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
        Batch batch = new Batch(new Batch.Options(in, out, limits.limits(), parallel, share, force, strict),
                spec.commandLine().getErr(), System.console() != null);
        // Ctrl-C: the running searches stop, nothing half-searched is written, the summary is; the JVM waits for it.
        return CtrlC.whileRunning(batch::interrupt, () -> Summary.exitCode(batch.run()));
    }
}
