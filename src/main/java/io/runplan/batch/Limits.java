package io.runplan.batch;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanSolver;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * What bounds one solve: {@code --seconds} or {@code --moves} (at most one; neither means the plan's default time),
 * and {@code --seed}. A value, so the Spark job can send it to its executors.
 */
public record Limits(Integer seconds, Long moves, long seed) implements Serializable {

    public Limits {
        if (seconds != null && moves != null) {
            throw new IllegalArgumentException("--seconds and --moves are one or the other");
        }
    }

    /** The message for a value out of range, or null when they are fine (bad ones are the user's: exit code 2). */
    public String problem() {
        if (seconds != null && seconds < 1) {
            return "--seconds must be at least 1, got " + seconds;
        }
        if (moves != null && moves < 1) {
            return "--moves must be at least 1, got " + moves;
        }
        return null;
    }

    /** "150000 moves, seed 7" or "at most 30 s, seed 0". */
    public String describe(int defaultSeconds) {
        return (moves != null ? moves + " moves" : "at most " + seconds(defaultSeconds) + " s") + ", seed " + seed;
    }

    /** {@code base} with this seed and this move or time limit. */
    public SolverConfig config(SolverConfig base, int defaultSeconds) {
        var config = base.withRandomSeed(seed);
        return moves != null ? PlanSolver.withMoveLimit(config, moves)
                : PlanSolver.withTimeLimit(config, Duration.ofSeconds(seconds(defaultSeconds)));
    }

    /**
     * How a solve of {@code plan} with a solver factory of {@link #configFor(TrainingPlan)} stops: these limits, or
     * once the plan is as good as any can be ({@link PlanSolver#stopAtBound}).
     */
    public SolverConfigOverride<TrainingPlan> stopFor(TrainingPlan plan) {
        return PlanSolver.stopAtBound(config(new SolverConfig(), PlanJob.defaultSeconds(plan)).getTerminationConfig(),
                plan);
    }

    /** The default configuration with these limits, scaled to {@code plan} ({@link PlanSolver#forPlan}). */
    public SolverConfig configFor(TrainingPlan plan) {
        return configFor(PlanSolver.defaultConfig(), plan);
    }

    /**
     * What {@link #configFor(TrainingPlan)} reads of a plan: plans with equal keys get equal configurations, so they
     * can share a solver factory. (Comparing the configurations themselves means writing them as XML, which costs
     * more than solving a small plan.)
     */
    public Object configKey(TrainingPlan plan) {
        return List.of(this, PlanJob.defaultSeconds(plan), PlanSolver.stepScale(plan));
    }

    /** {@code base} (read afresh: it is changed) with these limits, scaled to {@code plan}. */
    public SolverConfig configFor(SolverConfig base, TrainingPlan plan) {
        return PlanSolver.forPlan(config(base, PlanJob.defaultSeconds(plan)), plan);
    }

    private int seconds(int defaultSeconds) {
        return seconds != null ? seconds : defaultSeconds;
    }
}
