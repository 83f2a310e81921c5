package io.runplan.cli;

import ai.timefold.solver.core.config.solver.SolverConfig;
import io.runplan.batch.Limits;
import io.runplan.solver.PlanSolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options that bound a solve ({@code --seconds} or {@code --moves}, and {@code --seed}), shared by solve, replan and batch. */
final class SolverLimits {

    /**
     * One limit or the other: picocli refuses both at once, where one would otherwise win silently. The heading keeps
     * picocli from listing the two options twice in the help of a command that mixes this in.
     */
    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nStop rule (one or the other):%n")
    Limit limit;

    static final class Limit {

        @Option(names = "--seconds", paramLabel = "N", required = true,
                description = "Stop after N seconds at most (earlier when the score stops improving). Default: 30 for "
                        + "solve and for each plan of batch (1 per 100 sessions on bigger plans: 68 for 6,800 sessions), 10 for replan.")
        Integer seconds;

        @Option(names = "--moves", paramLabel = "N", required = true,
                description = "Stop after exactly N moves instead of a time limit: with the same --seed, the same plan "
                        + "every run. Not with --seconds.")
        Long moves;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Random seed of the solver. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Checks the values the user gave; bad ones are exit code 2. */
    void validate() {
        String problem = limits().problem();
        if (problem != null) {
            throw new RunplanCommand.BadInputException(problem);
        }
    }

    /** The limits as a value, for the commands that solve through {@link io.runplan.batch.PlanJob}. */
    Limits limits() {
        return new Limits(limit == null ? null : limit.seconds, moves(), seed);
    }

    /** "150000 moves, seed 7" or "at most 30 s, seed 0", for the progress header. */
    String describe(int defaultSeconds) {
        return limits().describe(defaultSeconds);
    }

    /** The default solver configuration with this seed and this move or time limit. */
    SolverConfig config(int defaultSeconds) {
        return config(PlanSolver.defaultConfig(), defaultSeconds);
    }

    /** {@code base} with this seed and this move or time limit. */
    SolverConfig config(SolverConfig base, int defaultSeconds) {
        return limits().config(base, defaultSeconds);
    }

    private Long moves() {
        return limit == null ? null : limit.moves;
    }
}
