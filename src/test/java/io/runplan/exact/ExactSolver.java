package io.runplan.exact;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

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
    public record Limit(Duration wall, double deterministicSeconds) {

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

    public static Result solve(TrainingPlan plan, Limit limit, int workers, long seed, boolean log) {
        loadNativeLibraries();
        long began = System.nanoTime();
        ExactModel exact = new ExactModel(plan);
        if (!exact.brokenByPins.isEmpty()) {
            return new Result("INFEASIBLE", 0, 0, 0, 0, seconds(began), Map.of(), List.copyOf(exact.brokenByPins));
        }
        // A start the plan already has (a solved file, a pin) guides the first solution.
        for (int i = 0; i < exact.sessions.size(); i++) {
            hint(exact, i, exact.sessions.get(i).getStartSlot());
        }

        // 1. The fewest unscheduled sessions.
        exact.model.minimize(exact.medium);
        CpSolver first = solver(limit, workers, seed, log, 0, Duration.ZERO);
        CpSolverStatus status = first.solve(exact.model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Result(status.name(), 0, 0, 0, 0, seconds(began), Map.of(), List.of());
        }
        long medium = Math.round(first.objectiveValue());
        long mediumBound = Math.round(first.bestObjectiveBound());
        boolean mediumProven = status == CpSolverStatus.OPTIMAL;
        boolean[][] firstAnswer = answer(exact, first);

        // 2. At that medium, the least soft penalty, starting from the first answer.
        exact.model.clearHints();
        for (int i = 0; i < exact.sessions.size(); i++) {
            for (int k = 0; k < firstAnswer[i].length; k++) {
                exact.model.addHint(exact.placed.get(i).get(k), firstAnswer[i][k]);
            }
            exact.model.addHint(exact.unscheduled.get(i), !anyTrue(firstAnswer[i]));
        }
        if (mediumProven) {
            exact.model.addEquality(exact.medium, medium);
        } else {
            exact.model.addLessOrEqual(exact.medium, medium);
        }
        LinearExpr soft = exact.soft();
        exact.model.minimize(soft);
        Duration spent = Duration.ofNanos(System.nanoTime() - began);
        CpSolver second = solver(limit, workers, seed, log, first.response().getDeterministicTime(), spent);
        CpSolverStatus softStatus = second.solve(exact.model);

        boolean[][] best;
        long softValue;
        long softBound;
        Map<String, Long> byRule = new LinkedHashMap<>();
        if (softStatus == CpSolverStatus.OPTIMAL || softStatus == CpSolverStatus.FEASIBLE) {
            best = answer(exact, second);
            softValue = Math.round(second.objectiveValue());
            softBound = Math.round(second.bestObjectiveBound());
            exact.softByRule.forEach((rule, expr) -> byRule.put(rule, second.value(expr)));
            medium = second.value(exact.medium);
        } else {
            // No time left for the second solve: the first answer stands, its soft unproven.
            best = firstAnswer;
            softValue = first.value(soft);
            softBound = 0;
            softStatus = CpSolverStatus.FEASIBLE;
            exact.softByRule.forEach((rule, expr) -> byRule.put(rule, first.value(expr)));
        }
        for (int i = 0; i < exact.sessions.size(); i++) {
            TimeSlot start = null;
            for (int k = 0; k < best[i].length; k++) {
                if (best[i][k]) {
                    start = exact.starts.get(i).get(k);
                }
            }
            exact.sessions.get(i).setStartSlot(start);
        }
        boolean optimal = mediumProven && softStatus == CpSolverStatus.OPTIMAL;
        long bound = mediumProven ? medium * BIG + softBound : mediumBound * BIG;
        return new Result(optimal ? "OPTIMAL" : "FEASIBLE", medium, softValue, medium * BIG + softValue, bound,
                seconds(began), byRule, List.of());
    }

    private static void hint(ExactModel exact, int i, TimeSlot current) {
        if (current == null) {
            return;
        }
        List<TimeSlot> starts = exact.starts.get(i);
        for (int k = 0; k < starts.size(); k++) {
            if (starts.get(k).start() == current.start()) {
                exact.model.addHint(exact.placed.get(i).get(k), true);
            }
        }
    }

    private static boolean[][] answer(ExactModel exact, CpSolver solver) {
        boolean[][] values = new boolean[exact.sessions.size()][];
        for (int i = 0; i < values.length; i++) {
            List<BoolVar> vars = exact.placed.get(i);
            values[i] = new boolean[vars.size()];
            for (int k = 0; k < vars.size(); k++) {
                values[i][k] = solver.booleanValue(vars.get(k));
            }
        }
        return values;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean value : values) {
            if (value) {
                return true;
            }
        }
        return false;
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
        if (log) {
            solver.setLogCallback(System.err::println);
        }
        return solver;
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }

    private static void loadNativeLibraries() {
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
