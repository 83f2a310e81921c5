package io.runplan.serve;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanWriter;
import io.runplan.solver.LegalPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * The solves started from the workbench, one per plan at a time and any number of plans at once, each run by a
 * Timefold {@code SolverManager} of its own (a solve is configured for its plan: the local search's stop rule scales
 * with the plan's size, as on the command line). Each new best score is pushed to the plan's pages; the final plan is
 * made legal and written as {@code runplan solve} writes it, unless the file changed meanwhile.
 */
final class PlanSolves implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlanSolves.class);
    /** Progress events at most this often: a construction heuristic improves many times a second. */
    static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final PlanEvents events;
    private final ToIntFunction<TrainingPlan> defaultSeconds;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** One solve under way. */
    private static final class Running {
        final SolverManager<TrainingPlan, String> manager;
        final long startNanos = System.nanoTime();
        final CountDownLatch finished = new CountDownLatch(1);
        volatile long lastProgressNanos;
        volatile String best;

        Running(SolverManager<TrainingPlan, String> manager) {
            this.manager = manager;
        }

        double seconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }
    }

    /** What a solve says as it goes: {@code best} each time the score improves, {@code done} at the end. */
    record Progress(String score, double seconds, String limit, String message, String version) {
    }

    /** @param defaultSeconds the command line's default time limit of a solve of this plan */
    PlanSolves(PlanEvents events, ToIntFunction<TrainingPlan> defaultSeconds) {
        this.events = events;
        this.defaultSeconds = defaultSeconds;
    }

    /** Starts solving {@code expectedVersion} of the plan within {@code limit}; returns what it was started with. */
    Progress start(PlanOnDisk plan, String expectedVersion, SolveLimit limit) {
        PlanOnDisk.Job job = plan.begin(expectedVersion, "solving");
        String name = plan.name();
        try {
            TrainingPlan problem = job.input().plan();
            int seconds = defaultSeconds.applyAsInt(problem);
            SolverConfig config = PlanSolver.forPlan(limit.config(PlanSolver.defaultConfig(), seconds), problem);
            SolverManager<TrainingPlan, String> manager = SolverManager.create(PlanSolver.solverFactory(config),
                    new SolverManagerConfig().withParallelSolverCount("1"));
            Running solve = new Running(manager);
            running.put(name, solve);
            String described = limit.describe(seconds);
            manager.solveBuilder()
                    .withProblemId(name)
                    .withProblem(problem)
                    .withConfigOverride(PlanSolver.stopAtBound(config.getTerminationConfig(), problem))
                    .withBestSolutionConsumer(best -> progress(name, solve, best.getScore(), described))
                    .withFinalBestSolutionConsumer(solved -> finish(plan, job, solve, solved, described))
                    .withExceptionHandler((id, failure) -> failed(plan, job, solve, failure))
                    .run();
            return new Progress(null, 0, described, "solving " + name + " (" + described + ")", job.version().id());
        } catch (RuntimeException e) {
            running.remove(name);
            plan.finish(job, null, null, "solved");
            throw e;
        }
    }

    /** Stops the plan's solve; its best plan so far is written as at the end of a solve. */
    void stop(PlanOnDisk plan) {
        Running solve = running.get(plan.name());
        if (solve == null) {
            throw RequestRefused.conflict(plan.name() + " is not solving");
        }
        solve.manager.terminateEarly(plan.name());
    }

    /** The best score so far of the plan's solve, or null. */
    String best(String name) {
        Running solve = running.get(name);
        return solve == null ? null : solve.best;
    }

    /** Stops every solve and waits until each has written its plan (Ctrl-C). */
    @Override
    public void close() {
        List<Map.Entry<String, Running>> all = List.copyOf(running.entrySet());
        all.forEach(entry -> entry.getValue().manager.terminateEarly(entry.getKey()));
        for (Map.Entry<String, Running> entry : all) {
            try {
                entry.getValue().finished.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void progress(String name, Running solve, HardMediumSoftScore score, String limit) {
        if (score == null) { // sessions may stay unassigned: every plan Timefold reports is initialized
            return;
        }
        solve.best = score.toString();
        long now = System.nanoTime();
        if (now - solve.lastProgressNanos >= PROGRESS_NANOS) {
            solve.lastProgressNanos = now;
            events.send(name, "best", new Progress(solve.best, round(solve.seconds()), limit, null, null));
        }
    }

    /** As {@code runplan solve}: a plan stopped with a hard rule broken is made legal, then written with its report. */
    private void finish(PlanOnDisk plan, PlanOnDisk.Job job, Running solve, TrainingPlan solved, String limit) {
        String name = plan.name();
        try {
            List<LegalPlan.Unscheduled> takenOut = LegalPlan.repair(PlanSolver.solutionManager(), solved);
            PlanReport report = PlanReport.of(solved).withTakenOut(takenOut);
            var document = new PlanWriter().toDocument(job.input(), solved, report);
            String message = takenOut.isEmpty() ? null : String.format(Locale.ROOT, "The search stopped with a hard rule "
                    + "broken: left out %d session(s) to keep the plan legal (%s)", takenOut.size(),
                    String.join(", ", takenOut.stream().map(LegalPlan.Unscheduled::sessionId).toList()));
            PlanOnDisk.Version written;
            try {
                written = plan.finish(job, document, report, "solved");
            } catch (RequestRefused refused) {
                events.send(name, "done", new Progress(report.score().toString(), round(solve.seconds()), limit,
                        refused.getMessage(), null));
                return;
            }
            events.send(name, "done", new Progress(report.score().toString(), round(solve.seconds()), limit, message,
                    written.id()));
        } catch (RuntimeException e) {
            LOG.error("writing the solved plan {} failed", name, e);
            plan.finish(job, null, null, "solved");
            events.send(name, "done", new Progress(null, round(solve.seconds()), limit,
                    "the solved plan could not be written: " + e.getMessage(), null));
        } finally {
            end(name, solve);
        }
    }

    private void failed(PlanOnDisk plan, PlanOnDisk.Job job, Running solve, Throwable failure) {
        LOG.error("solving {} failed", plan.name(), failure);
        plan.finish(job, null, null, "solved");
        events.send(plan.name(), "done", new Progress(null, round(solve.seconds()), null,
                "the solve failed, nothing was written: " + failure, null));
        end(plan.name(), solve);
    }

    private void end(String name, Running solve) {
        running.remove(name, solve);
        solve.finished.countDown();
        // Not on this thread: it is one of the manager's own.
        CompletableFuture.runAsync(solve.manager::close);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
