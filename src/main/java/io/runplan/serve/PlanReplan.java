package io.runplan.serve;

import io.runplan.io.PlanFormatException;
import io.runplan.replan.ReplanRequest;
import io.runplan.replan.Replanner;
import io.runplan.solver.PlanSolver;

import java.util.List;

/**
 * "Missed", "sick days" and "new busy time" on the page: the command line's re-plan ({@link Replanner}) of the plan
 * as it is, written as the plan's next version. Its fields are the options of {@code runplan replan}: {@code now},
 * {@code missed}, {@code off}, {@code busyTime} and {@code athlete}, and the messages are the same.
 */
final class PlanReplan {

    static final List<String> FIELDS = List.of("version", "now", "missed", "off", "busyTime", "athlete", "moves",
            "seconds", "seed");
    private static final List<String> BUSY_FIELDS = List.of("start", "end", "label");

    private PlanReplan() {
    }

    /** Re-plans the plan of the request's version and writes the result; returns what the re-plan changed. */
    static Replanner.ReplanResult run(PlanOnDisk plan, RequestBody request, SolveLimit serverLimit, int defaultSeconds,
            PlanEvents events) {
        SolveLimit limit = serverLimit.override(request);
        List<ReplanRequest.NewBusy> busy = request.objects("busyTime", BUSY_FIELDS).stream()
                .map(block -> new ReplanRequest.NewBusy(block.time("start"), block.time("end"), block.optionalText("label")))
                .toList();
        ReplanRequest replanRequest = new ReplanRequest(request.time("now"), request.optionalText("athlete"),
                request.texts("missed"), busy, request.dates("off"));
        PlanOnDisk.Job job = plan.begin(request.optionalText("version"), "re-planning");
        Replanner.ReplanResult result;
        try {
            Replanner replanner = new Replanner();
            Replanner.Replan replan;
            try {
                replan = replanner.prepare(job.input(), replanRequest);
            } catch (PlanFormatException e) {
                throw RequestRefused.badInput(plan.name() + ": " + e.describe());
            }
            long startNanos = System.nanoTime();
            long[] lastSent = {startNanos - PlanSolves.PROGRESS_NANOS};
            result = replanner.solve(replan, limit.config(PlanSolver.defaultConfig(), defaultSeconds), best -> {
                long now = System.nanoTime();
                // sessions may stay unassigned: every plan Timefold reports is initialized
                if (best.getScore() != null && now - lastSent[0] >= PlanSolves.PROGRESS_NANOS) {
                    lastSent[0] = now;
                    events.send(plan.name(), "best", new PlanSolves.Progress(best.getScore().toString(),
                            Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0, limit.describe(defaultSeconds),
                            "re-planning", null));
                }
            });
        } catch (RuntimeException e) {
            plan.finish(job, null, null, "re-planned");
            throw e;
        }
        plan.finish(job, result.document(), result.report(), "re-planned");
        return result;
    }
}
