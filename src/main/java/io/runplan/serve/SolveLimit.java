package io.runplan.serve;

import ai.timefold.solver.core.config.solver.SolverConfig;
import io.runplan.solver.PlanSolver;

import java.time.Duration;

/**
 * How long a solve or a re-plan started from the workbench may run: exactly {@code moves} moves (repeatable with the
 * same seed), or at most {@code seconds}, or, when neither is given, the command line's default for that action.
 */
record SolveLimit(Long moves, Integer seconds, long seed) {

    static final SolveLimit DEFAULT = new SolveLimit(null, null, 0);

    /** This limit with what the request gives instead (moves, seconds, seed); the one it gives of moves and seconds wins. */
    SolveLimit override(RequestBody request) {
        Long requestMoves = request.positive("moves");
        Long requestSeconds = request.positive("seconds");
        if (requestMoves != null && requestSeconds != null) {
            throw RequestRefused.badInput("give 'moves' or 'seconds', not both (as --moves and --seconds)");
        }
        long requestSeed = request.whole("seed", seed);
        if (requestMoves != null) {
            return new SolveLimit(requestMoves, null, requestSeed);
        }
        if (requestSeconds != null) {
            return new SolveLimit(null, Math.toIntExact(Math.min(requestSeconds, 24 * 3600)), requestSeed);
        }
        return new SolveLimit(moves, seconds, requestSeed);
    }

    /** {@code base} with this seed and this move or time limit ({@code defaultSeconds} when none is given). */
    SolverConfig config(SolverConfig base, int defaultSeconds) {
        SolverConfig config = base.withRandomSeed(seed);
        return moves != null ? PlanSolver.withMoveLimit(config, moves)
                : PlanSolver.withTimeLimit(config, Duration.ofSeconds(seconds != null ? seconds : defaultSeconds));
    }

    /** "20000 moves, seed 0" or "at most 30 s, seed 0". */
    String describe(int defaultSeconds) {
        return (moves != null ? moves + " moves" : "at most " + (seconds != null ? seconds : defaultSeconds) + " s")
                + ", seed " + seed;
    }
}
