package io.runplan.solver;

import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * A custom phase of runplan that needs the solver's own settings (seed, environment mode, score settings, the phases
 * around it), which Timefold does not hand to a custom phase named by class.
 */
interface SolverSettingsAware {

    /** {@code phaseIndex}: where this phase is in {@code solver}'s phase list. */
    void adoptSolverSettings(SolverConfig solver, int phaseIndex);
}
