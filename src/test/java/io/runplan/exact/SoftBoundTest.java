package io.runplan.exact;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.SoftBound;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The least soft cost {@link SoftBound} gives is never above a plan's optimum: the search stops when it reaches the
 * bound, so a bound too high would stop it short of the optimum and call the plan the best possible.
 */
@Execution(ExecutionMode.CONCURRENT) // computation only (no time limit, no port): beside other classes
class SoftBoundTest {

    /** Optima (or best known) of the shipped plans, as datasets/practice/README.md and datasets/tight/README.md say. */
    private static final Map<String, Integer> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("datasets/practice/practice-rand-1.json", 5410);
        KNOWN.put("datasets/practice/practice-rand-2.json", 3165);
        KNOWN.put("datasets/practice/practice-rand-3.json", 38510);
        KNOWN.put("datasets/practice/practice-nurse-4on4off.json", 680);
        KNOWN.put("datasets/practice/practice-club-20-2w.json", 6520);
        KNOWN.put("datasets/practice/practice-club-60-4w.json", 39720);
        KNOWN.put("datasets/tight/tight-two-athletes-month.json", 10170);
    }

    @Test
    void neverAboveTheShippedPlansOptima() {
        List<String> above = new ArrayList<>();
        for (var plan : KNOWN.entrySet()) {
            var bound = SoftBound.bestPossible(StartSlots.assign(new PlanReader().read(Path.of(plan.getKey())).plan()));
            assertThat(bound).as(plan.getKey()).isPresent();
            if (-bound.get().softScore() > plan.getValue()) {
                above.add(plan.getKey() + ": bound " + bound.get() + ", optimum " + plan.getValue());
            }
        }
        assertThat(above).isEmpty();
    }

    /**
     * Small plans that make each part of the bound count (gym time with one visit per lift or, with lift spacing 0,
     * one in all; coached sessions; preferred windows), under the rule and weight variants of the
     * model agreement test, each solved to its proven optimum: the bound is never above it, and it is the optimum
     * itself for some of them (a bound of 0 everywhere would pass the first part). The practice plans above hold
     * previous starts and bigger coaches' groups.
     */
    @Test
    void neverAboveTheExactOptimumAndSometimesEqualToIt() throws IOException {
        // Each proven in about a second or two, but the four weeks with a coach (the default rules only).
        Map<String, List<String>> sources = new LinkedHashMap<>();
        sources.put("src/test/resources/plans/format-example.json", ExactModelAgreementTest.VARIANTS);
        sources.put("src/test/resources/plans/missed-tuesday.json", ExactModelAgreementTest.VARIANTS);
        sources.put("datasets/office-worker-week.json", ExactModelAgreementTest.VARIANTS);
        sources.put("src/test/resources/plans/short-lift-week.json", List.of("{}"));
        List<String> above = new ArrayList<>();
        List<String> equal = new ArrayList<>();
        int proven = 0;
        for (var entry : sources.entrySet()) {
            String source = entry.getKey();
            for (String variant : entry.getValue()) {
                TrainingPlan plan = ExactModelAgreementTest.read(source, variant);
                HardMediumSoftScore bound = SoftBound.bestPossible(plan).orElseThrow();
                ExactSolver.Result exact = ExactSolver.solve(plan, ExactSolver.Limit.deterministic(30), 1, 0, false);
                if (!exact.isOptimal() || exact.medium() != 0) {
                    continue;
                }
                proven++;
                String name = Path.of(source).getFileName() + " " + variant;
                if (-bound.softScore() > exact.soft()) {
                    above.add(name + ": bound " + bound + ", optimum " + exact.soft());
                } else if (-bound.softScore() == exact.soft()) {
                    equal.add(name);
                }
            }
        }
        assertThat(above).isEmpty();
        assertThat(proven).isEqualTo(10);
        assertThat(equal).isNotEmpty();
    }
}
