package io.runplan.batch;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.io.jaxb.SolverConfigIO;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanSolver;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans share a solver factory exactly when their configurations are the same. */
class LimitsTest {

    @Test
    void plansWithEqualKeysGetEqualConfigurationsAndOthersDoNot() {
        List<Limits> limits = List.of(new Limits(null, 10_000L, 0), new Limits(null, 10_000L, 1),
                new Limits(5, null, 0), new Limits(null, null, 0));
        List<Integer> sizes = List.of(1, 7, 8, 9, 10, 12, 14, 15, 50, 51, 99, 100, 150, 151, 600, 601);
        List<Object> keys = new ArrayList<>();
        List<String> configs = new ArrayList<>();
        for (Limits limit : limits) {
            for (int size : sizes) {
                TrainingPlan plan = planOf(size);
                keys.add(limit.configKey(plan));
                configs.add(xml(limit.configFor(plan)));
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                assertThat(keys.get(i).equals(keys.get(j)))
                        .as("plans %d and %d: equal keys exactly when equal configurations", i, j)
                        .isEqualTo(configs.get(i).equals(configs.get(j)));
            }
        }
        // One-runner weeks (8 or 9 sessions) share one factory.
        assertThat(limits.get(0).configKey(planOf(8))).isEqualTo(limits.get(0).configKey(planOf(9)));
    }

    @Test
    void theDefaultConfigurationIsACopyCallersMayChange() {
        SolverConfig changed = PlanSolver.defaultConfig().withRandomSeed(42L);
        changed.getPhaseConfigList().clear();
        assertThat(PlanSolver.defaultConfig().getRandomSeed()).isNotEqualTo(42L);
        assertThat(PlanSolver.defaultConfig().getPhaseConfigList()).isNotEmpty();
        // Nested parts too: re-planning adds move selectors to the local search's union.
        var localSearch = (LocalSearchPhaseConfig) PlanSolver.defaultConfig().getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).findFirst().orElseThrow();
        var union = (UnionMoveSelectorConfig) localSearch.getMoveSelectorConfig();
        int selectors = union.getMoveSelectorList().size();
        union.getMoveSelectorList().add(new ChangeMoveSelectorConfig());
        var fresh = (LocalSearchPhaseConfig) PlanSolver.defaultConfig().getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).findFirst().orElseThrow();
        assertThat(((UnionMoveSelectorConfig) fresh.getMoveSelectorConfig()).getMoveSelectorList()).hasSize(selectors);
        assertThat(xml(PlanSolver.defaultConfig())).isEqualTo(xml(SolverConfig.createFromXmlResource(PlanSolver.CONFIG_RESOURCE)));
    }

    private static TrainingPlan planOf(int sessions) {
        return new TrainingPlan("p", null, null, io.runplan.domain.Weights.DEFAULT, List.of(), List.of(), List.of(),
                IntStream.range(0, sessions).mapToObj(i -> new Session()).toList());
    }

    private static String xml(SolverConfig config) {
        StringWriter out = new StringWriter();
        new SolverConfigIO().write(config, out);
        return out.toString();
    }
}
