package io.runplan.exact;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact reference for runplan's search (tests and measurement only, never the shipped solver): a CP-SAT model of
 * every rule of DOMAIN.md ({@link ExactModel}) solved lexicographically, 0 hard as constraints, then the fewest
 * unscheduled sessions (medium), then the least soft penalty. The best assignment found is set back onto the plan's
 * sessions. See docs/exact-reference.md.
 */
public final class ExactSolver {

    /** Weight of one medium in {@link Result#objective()}: medium * BIG + soft, as a single number. */
    public static final long BIG = 1_000_000_000L;

    /** How long the search may run: wall clock, and optionally CP-SAT's deterministic time (reproducible). */
    public record Limit(Duration wall, double deterministicSeconds, String parameters) {

        public Limit(Duration wall, double deterministicSeconds) {
            this(wall, deterministicSeconds, "");
        }

        /** The same limit with extra CP-SAT parameters (SatParameters in protobuf text format), for experiments. */
        public Limit withParameters(String text) {
            return new Limit(wall, deterministicSeconds, text == null ? "" : text);
        }

        public static Limit wall(Duration wall) {
            return new Limit(wall, 0);
        }

        /** A deterministic-time limit (CP-SAT's own work units, the same on every machine and run). */
        public static Limit deterministic(double seconds) {
            return new Limit(Duration.ofHours(1), seconds);
        }
    }

    /**
     * The answer. {@code status}: OPTIMAL (proven), FEASIBLE (best found within the limit), INFEASIBLE (no 0-hard
     * plan: only pinned sessions can cause it), UNKNOWN (nothing found in time). {@code objective} = medium * BIG +
     * soft and {@code bound} its proven lower bound (equal when OPTIMAL); {@code softByRule} the soft part per rule.
     */
    public record Result(String status, long medium, long soft, long objective, long bound, double seconds,
            Map<String, Long> softByRule, List<String> brokenByPins) {

        public boolean isOptimal() {
            return status.equals("OPTIMAL");
        }

        public boolean hasSolution() {
            return status.equals("OPTIMAL") || status.equals("FEASIBLE");
        }
    }

    private static volatile boolean loaded;

    private ExactSolver() {
    }

    /** Solves with a wall-clock limit, {@code workers} CP-SAT workers and a fixed seed. */
    public static Result solve(TrainingPlan plan, Duration limit, int workers, long seed) {
        return solve(plan, Limit.wall(limit), workers, seed, false);
    }

    /** Solves a plan read from a file. */
    public static Result solve(PlanFile file, Limit limit, int workers, long seed, boolean log) {
        return solve(file.plan(), limit, workers, seed, log);
    }

    public static Result solve(TrainingPlan plan, Limit limit, int workers, long seed, boolean log) {
        loadNativeLibraries();
        long began = System.nanoTime();
        ExactModel exact = new ExactModel(plan);
        if (!exact.brokenByPins.isEmpty()) {
            return new Result("INFEASIBLE", 0, 0, 0, 0, seconds(began), Map.of(), List.copyOf(exact.brokenByPins));
        }
        // A start the plan already has (a solved file, a pin) guides the first solution.
        exact.hintCurrentStarts();
        long forcedOut = exact.forcedOut;
        LinearExpr soft = exact.soft();

        // 1. Optimistic: every session that has a usable start is in (the fewest unscheduled there can be), and
        // the least soft penalty. Most plans admit it; stopped when no such plan shows up in half the limit.
        var optimistic = exact.model.getClone();
        optimistic.addEquality(exact.medium, forcedOut);
        optimistic.minimize(soft);
        Duration building = Duration.ofNanos(System.nanoTime() - began);
        CpSolver first = solver(limit, workers, seed, log, 0, building);
        CpSolverStatus status = solveWithFirstSolutionDeadline(first, optimistic,
                limit.wall().minus(building).dividedBy(2));
        CpSolver softSolver;
        CpSolverStatus softStatus;
        boolean softSolved = true;
        long medium;
        long mediumBound;
        boolean mediumProven;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            softSolver = first;
            softStatus = status;
            medium = forcedOut;
            mediumBound = forcedOut;
            mediumProven = true;
        } else {
            // 2. The fewest unscheduled sessions; 3. at that medium, the least soft penalty.
            long atLeast = status == CpSolverStatus.INFEASIBLE ? forcedOut + 1 : forcedOut;
            IntVar mediumVar = exact.model.newIntVar(atLeast, exact.plan.getSessions().size(), "unscheduled");
            exact.model.addEquality(exact.medium, mediumVar);
            exact.model.minimize(mediumVar);
            CpSolver second = solver(limit, workers, seed, log, first.response().getDeterministicTime(),
                    Duration.ofNanos(System.nanoTime() - began));
            // CP-SAT's own bound on this objective can stay below the known one after presolve: stop there.
            CpSolverStatus mediumStatus = second.solve(exact.model, new CpSolverSolutionCallback() {
                @Override
                public void onSolutionCallback() {
                    if (objectiveValue() <= atLeast) {
                        stopSearch();
                    }
                }
            });
            if (mediumStatus == CpSolverStatus.FEASIBLE && Math.round(second.objectiveValue()) == atLeast) {
                mediumStatus = CpSolverStatus.OPTIMAL;
            }
            if (mediumStatus != CpSolverStatus.OPTIMAL && mediumStatus != CpSolverStatus.FEASIBLE) {
                return new Result(mediumStatus.name(), 0, 0, 0, 0, seconds(began), Map.of(), List.of());
            }
            medium = Math.round(second.objectiveValue());
            mediumBound = Math.max(atLeast, Math.round(second.bestObjectiveBound()));
            mediumProven = mediumStatus == CpSolverStatus.OPTIMAL;
            exact.hint(exact.answer(second));
            exact.model.addLinearConstraint(exact.medium, mediumProven ? medium : mediumBound, medium);
            exact.model.minimize(soft);
            double spentDeterministic = first.response().getDeterministicTime()
                    + second.response().getDeterministicTime();
            softSolver = solver(limit, workers, seed, log, spentDeterministic,
                    Duration.ofNanos(System.nanoTime() - began));
            softStatus = softSolver.solve(exact.model);
            if (softStatus != CpSolverStatus.OPTIMAL && softStatus != CpSolverStatus.FEASIBLE) {
                // No time left for the soft: the medium answer stands, its soft unproven.
                softSolver = second;
                softStatus = CpSolverStatus.FEASIBLE;
                softSolved = false;
            }
        }
        CpSolver answer = softSolver;
        boolean[][] best = exact.answer(answer);
        long softValue = answer.value(soft);
        boolean softProven = softSolved && softStatus == CpSolverStatus.OPTIMAL;
        long softBound = softSolved ? Math.round(answer.bestObjectiveBound()) : 0;
        medium = answer.value(exact.medium);
        Map<String, Long> byRule = new LinkedHashMap<>();
        exact.softByRule.forEach((rule, expr) -> byRule.put(rule, answer.value(expr)));
        exact.apply(best);
        boolean optimal = mediumProven && softProven;
        long bound = mediumProven ? medium * BIG + softBound : mediumBound * BIG;
        return new Result(optimal ? "OPTIMAL" : "FEASIBLE", medium, softValue, medium * BIG + softValue, bound,
                seconds(began), byRule, List.of());
    }

    /**
     * Solves; stops the search when no solution has shown up by {@code deadline} (then UNKNOWN), so a plan where every
     * session cannot be in leaves time for the next step.
     */
    private static CpSolverStatus solveWithFirstSolutionDeadline(CpSolver solver, CpModel model, Duration deadline) {
        java.util.concurrent.atomic.AtomicBoolean found = new java.util.concurrent.atomic.AtomicBoolean();
        var watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "exact-first-solution-deadline");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.schedule(() -> {
            if (!found.get()) {
                solver.stopSearch();
            }
        }, deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            return solver.solve(model, new CpSolverSolutionCallback() {
                @Override
                public void onSolutionCallback() {
                    found.set(true);
                }
            });
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** A solver with what is left of the limit after {@code spentDeterministic} / {@code spentWall}. */
    private static CpSolver solver(Limit limit, int workers, long seed, boolean log, double spentDeterministic,
            Duration spentWall) {
        CpSolver solver = new CpSolver();
        var parameters = solver.getParameters();
        parameters.setNumWorkers(workers);
        parameters.setRandomSeed((int) seed);
        parameters.setLogSearchProgress(log);
        double wall = Math.max(0.01, (limit.wall().toMillis() - spentWall.toMillis()) / 1000.0);
        parameters.setMaxTimeInSeconds(wall);
        if (limit.deterministicSeconds() > 0) {
            parameters.setMaxDeterministicTime(Math.max(0.01, limit.deterministicSeconds() - spentDeterministic));
        }
        parameters.setLogToStdout(false);
        if (!limit.parameters().contains("subsolvers")) {
            // The full-problem worker with the whole model in its LP (linearization level 2): its root bound is the
            // optimum or close on the practice plans (rand-1 proven in 11-17 s, 22 s with the default worker, 29 s
            // with the core-based one; the nurse plan in 14-38 s, where those two prove nothing in 120 s).
            parameters.addSubsolvers("max_lp");
        }
        if (!limit.parameters().isBlank()) {
            try {
                com.google.protobuf.TextFormat.merge(limit.parameters(), parameters);
            } catch (com.google.protobuf.TextFormat.ParseException e) {
                throw new IllegalArgumentException("CP-SAT parameters: " + e.getMessage(), e);
            }
        }
        if (log) {
            solver.setLogCallback(System.err::println);
        }
        return solver;
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }

    static void loadNativeLibraries() {
        if (!loaded) {
            synchronized (ExactSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
