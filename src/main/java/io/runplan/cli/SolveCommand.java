package io.runplan.cli;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.runplan.batch.PlanJob;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** {@code runplan solve PLAN.json}: places the sessions, prints the plan and why, writes the solved plan file. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve a plan file: place every session it can, print the weeks, the score and the reasons, "
                + "and write the solved plan (by default NAME.solved.json next to the input), and if asked its "
                + "calendars (--ics) and week view (--html).")
public class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN.json", description = "The plan file to solve (docs/plan-format.md); never modified.")
    Path planFile;

    @Option(names = "--out", paramLabel = "SOLVED.json", description = "Where to write the solved plan.")
    Path out;

    @Mixin
    SolverLimits limits = new SolverLimits();

    @Option(names = "--solver-config", paramLabel = "SOLVER.xml",
            description = "Solve with this Timefold solver configuration instead of the default (for example one "
                    + "configuration of benchmark.xml as a <solver> file); --seconds, --moves and --seed still apply.")
    Path solverConfig;

    @Option(names = "--reasons", description = "Also list every soft match with its reason.")
    boolean reasons;

    @Mixin
    StrictOption strictness = new StrictOption();

    @Mixin
    BusyCalendarsOption busy = new BusyCalendarsOption();

    @Option(names = "--ics", paramLabel = "DIR",
            description = "Also write the plan as calendars: athlete-ID.ics, athlete-ID-busy.ics and coach-ID.ics in DIR.")
    Path ics;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the week view: one self-contained HTML page.")
    Path html;

    /** The time limit when none is given: {@link PlanJob#defaultSeconds}. */
    static int defaultSeconds(TrainingPlan plan) {
        return PlanJob.defaultSeconds(plan);
    }

    @Override
    public Integer call() {
        limits.validate();
        SolverConfig baseConfig = SolverConfigFile.readOrDefault(solverConfig);
        Path target = out != null ? out : defaultOutput(planFile);
        if (Files.exists(planFile) && Files.exists(target) && sameFile(planFile, target)) {
            throw new RunplanCommand.BadInputException(target + ": is the input file; runplan never writes over its "
                    + "input, choose another --out");
        }
        PlanExports.checkTargets(planFile, ics, html);
        PlanFile input = PlanInput.read(planFile, busy.calendars, strictness.strict, spec.commandLine().getErr());
        PrintWriter err = spec.commandLine().getErr();
        TrainingPlan plan = StartSlots.assign(input.plan());
        err.printf(Locale.ROOT, "Solving %s: %d athletes, %d sessions, %d days (%s)%n", planFile,
                plan.getAthletes().size(), plan.getSessions().size(), plan.getHorizon().days(),
                limits.describe(defaultSeconds(plan)));
        var config = limits.limits().configFor(baseConfig, plan);
        Progress progress = new Progress(err);
        Solver<TrainingPlan> solver = withUsersConfig(() -> PlanSolver.buildSolver(config, plan, progress::onBest));
        // Ctrl-C stops the solver; the JVM waits until the best plan so far is written.
        AtomicBoolean interrupted = new AtomicBoolean();
        return CtrlC.whileRunning(() -> {
            interrupted.set(true);
            solver.terminateEarly();
        }, () -> solveAndWrite(input, solver, progress, target, interrupted));
    }

    /**
     * Runs {@code step}; with a --solver-config, Timefold checks some settings only when it builds or starts a
     * phase, and its complaint then is about the user's file (exit code 2), not a bug in runplan.
     */
    private <T> T withUsersConfig(Supplier<T> step) {
        if (solverConfig == null) {
            return step.get();
        }
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SolverConfigFile.unusable(solverConfig, e);
        }
    }

    private int solveAndWrite(PlanFile input, Solver<TrainingPlan> solver, Progress progress, Path target,
            AtomicBoolean interrupted) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingPlan solved = withUsersConfig(() -> solver.solve(input.plan()));
        progress.done(solved.getScore());
        if (interrupted.get()) {
            err.println("Interrupted: the solver stopped; writing the best plan found so far.");
            err.flush();
        }

        PlanJob.Solved result = PlanJob.finish(input, solved, target);
        if (result.takenOutText() != null) {
            err.printf(Locale.ROOT, "The search stopped with a hard rule broken: %s; score now %s%n",
                    result.takenOutText(), solved.getScore());
            err.flush();
        }
        PlanReport report = result.report();
        PlanPrinter printer = new PlanPrinter(stdout);
        printer.printWeeks(solved);
        printer.printScore(solved, report);
        printer.printBrokenRules(report);
        printer.printUnscheduled(report);
        printer.printSoftCosts(solved, report, reasons);
        result.write(target);
        stdout.printf(Locale.ROOT, "%nWrote %s%n", target);
        PlanExports.write(input, solved, report, ics, html, stdout);
        stdout.flush();
        if (interrupted.get()) {
            err.println("Interrupted: wrote the best plan found so far to " + target);
            err.flush();
        }
        return RunplanCommand.EXIT_OK;
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return input.resolveSibling(stem + ".solved.json");
    }

    static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Live progress on stderr: elapsed time and the best score each time it improves. */
    private static final class Progress {
        private final PrintWriter err;
        private final long startNanos = System.nanoTime();

        Progress(PrintWriter err) {
            this.err = err;
        }

        void onBest(TrainingPlan best) {
            if (best.getScore() != null) { // sessions may stay unassigned: every plan is initialized
                err.printf(Locale.ROOT, "  %6.1f s  best %s%n", elapsedSeconds(), best.getScore());
                err.flush();
            }
        }

        void done(HardMediumSoftScore score) {
            err.printf(Locale.ROOT, "  %6.1f s  done: %s%n", elapsedSeconds(), score);
            err.flush();
        }

        private double elapsedSeconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }
    }
}
