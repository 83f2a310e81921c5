package io.runplan.support;

import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.runplan.solver.DaysSearchPhase;

import static org.assertj.core.api.Assertions.assertThat;

/** Solver configurations for tests of one part of the search. */
public final class SearchConfigs {

    private SearchConfigs() {
    }

    /**
     * {@code config} without the days search's phase ({@link DaysSearchPhase}): for tests of the phases and moves after
     * it. Since session 34 it lays a small plan of a coach's athletes (the nurse's month, the two-athlete month, a
     * generated club week) at or near its optimum before any of them runs, so they would have nothing left to do.
     */
    public static SolverConfig withoutDaysSearch(SolverConfig config) {
        int phases = config.getPhaseConfigList().size();
        config.setPhaseConfigList(config.getPhaseConfigList().stream()
                .filter(phase -> !(phase instanceof CustomPhaseConfig custom
                        && custom.getCustomPhaseCommandClassList() != null
                        && custom.getCustomPhaseCommandClassList().contains(DaysSearchPhase.class)))
                .toList());
        assertThat(config.getPhaseConfigList()).as("the days search's phase").hasSize(phases - 1);
        return config;
    }
}
