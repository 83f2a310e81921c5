package io.runplan.batch;

import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.AtomicFile;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code runplan batch}: every plan file of a folder solved with Timefold's {@link SolverManager}, K at a time, each
 * through {@link PlanJob} like {@code solve}, written under the same relative path in the output folder, with a row
 * of {@code summary.csv} each. A plan that fails has its row and reason and stops nothing else.
 *
 * <p>The main thread reads the plans and hands them to the solver threads as slots free up, so no more than K plans
 * (and the one being read) are in memory, whatever the size of the folder.
 */
public final class Batch {

    /** What to solve and how: the folders, the limits of each plan, K, the share of the files, --force, --strict. */
    public record Options(Path in, Path out, Limits limits, int parallel, PlanFolder.Shard shard, boolean force,
            boolean strict) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final BatchProgress progress;
    private final Semaphore slots;
    private final List<SummaryRow> rows = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SolverManager<TrainingPlan, String>> running = new ConcurrentHashMap<>();
    /**
     * Per plan handed to a solver, what records its row once its search has stopped after Ctrl-C: a job stopped before
     * its solver thread took it up never calls its final-plan consumer (Timefold cancels it), and without its row the
     * batch would wait for it until the JVM gave up.
     */
    private final Map<String, Runnable> afterStop = new ConcurrentHashMap<>();
    private final SolverFactories<SolverManager<TrainingPlan, String>> managers;
    private volatile boolean interrupted;

    public Batch(Options options, PrintWriter err, boolean terminal) {
        this.options = options;
        this.progress = new BatchProgress(err, terminal);
        this.slots = new Semaphore(options.parallel());
        // A manager per distinct configuration, each with K threads; the slots keep K plans at once in all.
        var managerConfig = new SolverManagerConfig().withParallelSolverCount(String.valueOf(options.parallel()));
        this.managers = SolverFactories.of(factory -> SolverManager.create(factory, managerConfig));
    }

    /** Solves the share of plans, writes the summary and returns its rows (sorted by file). */
    public List<SummaryRow> run() {
        List<String> files = options.shard().of(PlanFolder.list(options.in()));
        progress.start(files.size(), String.format(java.util.Locale.ROOT, "Solving %d plan file%s of %s%s into %s, %d at "
                        + "a time (%s)", files.size(), files.size() == 1 ? "" : "s", options.in(),
                options.shard().count() == 1 ? "" : " (share " + options.shard().index() + " of "
                        + options.shard().count() + ")", options.out(), options.parallel(), describeLimits()));
        try {
            for (String file : files) {
                if (interrupted) {
                    break;
                }
                Path input = options.in().resolve(file);
                Path target = options.out().resolve(file);
                SummaryRow upToDate = options.force() ? null : upToDate(file, input, target);
                if (upToDate != null) {
                    record(upToDate);
                    continue;
                }
                slots.acquireUninterruptibly();
                if (interrupted) {
                    slots.release();
                    break;
                }
                submit(file, input, target);
            }
            slots.acquireUninterruptibly(options.parallel()); // every plan handed out is finished
            slots.release(options.parallel());
        } finally {
            managers.all().forEach(SolverManager::close);
        }
        progress.finish();
        List<SummaryRow> sorted;
        synchronized (rows) {
            sorted = rows.stream().sorted(java.util.Comparator.comparing(SummaryRow::file)).toList();
        }
        Path summary = options.out().resolve(options.shard().summaryName());
        AtomicFile.write(summary, stream -> stream.write(Summary.bytes(sorted)));
        progress.say("Wrote " + summary + ": " + Summary.counts(sorted));
        return sorted;
    }

    /**
     * Stops (Ctrl-C): no plan is handed out any more, the searches running stop and write nothing (a half-searched
     * plan written would look up to date to the next run); {@link #run} then writes the summary and returns.
     */
    public void interrupt() {
        interrupted = true;
        running.forEach((file, manager) -> manager.terminateEarly(file));
        afterStop.keySet().forEach(this::recordOnceStopped);
    }

    /** Records {@code file}'s row as interrupted once its search has stopped, if nothing else has by then. */
    private void recordOnceStopped(String file) {
        Runnable record = afterStop.get(file);
        if (record != null) {
            Thread thread = new Thread(record, "runplan-batch-stopped");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private String describeLimits() {
        Limits limits = options.limits();
        return limits.moves() != null || limits.seconds() != null ? limits.describe(PlanJob.DEFAULT_SECONDS)
                : "each plan at most 30 s, or 1 s per 100 sessions on a bigger one, seed " + limits.seed();
    }

    /** The row of a plan whose output is newer than it, or null when it must be solved. */
    private static SummaryRow upToDate(String file, Path input, Path target) {
        try {
            if (!Files.isRegularFile(target) || !Files.isRegularFile(input)
                    || Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(input)) <= 0) {
                return null;
            }
            JsonNode written = JSON.readTree(target.toFile());
            return SummaryRow.skipped(file, written);
        } catch (IOException | RuntimeException unreadable) {
            return null; // not a plan runplan wrote: solve again
        }
    }

    private void submit(String file, Path input, Path target) {
        long start = System.nanoTime();
        AtomicBoolean finished = new AtomicBoolean();
        Consumer<SummaryRow> complete = row -> {
            if (finished.compareAndSet(false, true)) {
                running.remove(file);
                afterStop.remove(file);
                record(row);
                slots.release();
            }
        };
        try {
            PlanFile plan = PlanJob.read(input, List.of(), options.strict());
            plan.warnings().forEach(warning -> progress.say("runplan: warning: " + PlanJob.oneLine(input + ": " + warning)));
            SolverManager<TrainingPlan, String> manager = managers.forPlan(options.limits(), plan.plan());
            Supplier<SummaryRow> interruptedRow = () -> new SummaryRow(file, plan.plan().getAthletes().size(),
                    plan.plan().getSessions().size(), null, seconds(start), SummaryRow.Status.INTERRUPTED,
                    "stopped before its search ended; nothing written (run batch again to solve it)");
            AtomicBoolean searchStarted = new AtomicBoolean();
            running.put(file, manager);
            SolverJob<TrainingPlan, String> job = manager.solveBuilder()
                    .withProblemId(file)
                    .withProblem(plan.plan())
                    .withConfigOverride(options.limits().stopFor(plan.plan()))
                    .withSolverJobStartedEventConsumer(event -> searchStarted.set(true))
                    .withFinalBestSolutionConsumer(solved -> complete.accept(interrupted ? interruptedRow.get()
                            : write(file, plan, solved, target, start)))
                    .withExceptionHandler((id, failure) -> complete.accept(PlanJob.failedRow(file, failure, seconds(start))))
                    .run();
            Runnable recordIfNeverStarted = () -> {
                try {
                    job.getFinalBestSolution(); // returns once the search has stopped, or at once if it never started
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    return; // the exception handler records its row
                }
                if (!searchStarted.get()) { // else its final-plan consumer records it (as interrupted, or solved)
                    complete.accept(interruptedRow.get());
                }
            };
            if (!finished.get()) {
                afterStop.put(file, recordIfNeverStarted);
            }
            if (interrupted) {
                manager.terminateEarly(file); // Ctrl-C came between the check in run() and this job's start
                recordOnceStopped(file);
            }
        } catch (RuntimeException e) {
            complete.accept(PlanJob.failedRow(file, e, seconds(start)));
        }
    }

    private static SummaryRow write(String file, PlanFile plan, TrainingPlan solved, Path target, long start) {
        try {
            PlanJob.Solved result = PlanJob.finish(plan, solved, target);
            result.write(target);
            return PlanJob.solvedRow(file, plan, result, seconds(start));
        } catch (RuntimeException e) {
            return PlanJob.failedRow(file, e, seconds(start));
        }
    }

    private void record(SummaryRow row) {
        rows.add(row);
        progress.record(row);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
