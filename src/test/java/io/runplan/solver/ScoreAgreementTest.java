package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.runplan.domain.Rule;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.support.Checkplan;
import io.runplan.support.RandomPlans;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three scores written apart agree to the unit on random plans (legal and illegal starts, overlaps, unscheduled
 * sessions): the constraint streams, the plain-Java {@link ReferenceScoreCalculator} and, on a sample, the
 * independent checker ../shared/tools/checkplan.py where it is beside the project (with python3).
 */
@Execution(ExecutionMode.CONCURRENT) // computation only (no time limit, no port): beside other classes
@Order(1) // long and single-method: started first, not left alone at the end
class ScoreAgreementTest {

    /** Plans to shuffle, and how many random plans to make of each: 2,500 in all. */
    private static final Map<String, Integer> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("src/test/resources/plans/mini-club.json", 600);
        SOURCES.put("src/test/resources/plans/format-example.json", 300);
        // sessions bound to their week by dates (rule Session dates)
        SOURCES.put("src/test/resources/plans/dated-two-weeks.json", 200);
        SOURCES.put("datasets/office-worker-week.json", 400);
        SOURCES.put("datasets/shift-nurse-4-weeks.json", 400);
        SOURCES.put("datasets/club-week.json", 400);
        // busy time from calendar files: the checker sees it through the busy entries the writer adds
        SOURCES.put("datasets/calendar-week.json", 200);
    }

    private static final int CHECKER_SAMPLE_EVERY = 10;

    @Test
    void constraintStreamsReferenceAndCheckerAgreeOnRandomPlans(@TempDir Path directory) {
        SolutionManager<TrainingPlan, HardMediumSoftScore> manager = PlanSolver.solutionManager();
        ReferenceScoreCalculator reference = new ReferenceScoreCalculator();
        boolean withChecker = Checkplan.isAvailable();
        PlanWriter writer = new PlanWriter();
        Random random = new Random(20261122);
        List<String> disagreements = new ArrayList<>();
        Map<Path, String> sampled = new LinkedHashMap<>();
        Set<Rule> rulesBroken = EnumSet.noneOf(Rule.class);
        int plans = 0;
        for (Map.Entry<String, Integer> source : SOURCES.entrySet()) {
            PlanFile file = new PlanReader().read(Path.of(source.getKey()));
            for (int i = 0; i < source.getValue(); i++, plans++) {
                TrainingPlan plan = StartSlots.assign(file.plan());
                RandomPlans.shuffle(plan, random);
                HardMediumSoftScore streams = manager.update(plan);
                HardMediumSoftScore plain = reference.calculateScore(plan);
                if (!streams.equals(plain)) {
                    disagreements.add(source.getKey() + " #" + i + ": constraint streams " + streams + ", reference " + plain);
                }
                if (i % CHECKER_SAMPLE_EVERY != 0) {
                    continue;
                }
                Path target = directory.resolve(Path.of(source.getKey()).getFileName() + "-" + i + ".json");
                sampled.put(target, streams.toString());
                if (withChecker) {
                    PlanReport report = PlanReport.of(manager, plan);
                    report.rules().forEach(rule -> rulesBroken.add(rule.rule()));
                    writer.write(writer.toDocument(file, plan, report), target);
                } else {
                    // the rules broken without the reasons of unscheduled sessions, which take most of a report's time
                    manager.analyze(plan).constraintMap().values().stream().filter(c -> !c.score().isZero())
                            .forEach(c -> rulesBroken.add(Rule.byName(c.constraintRef().constraintName()).orElseThrow()));
                }
            }
        }
        assertThat(plans).isGreaterThanOrEqualTo(2000);
        assertThat(disagreements).isEmpty();
        assertThat(sampled).hasSizeGreaterThanOrEqualTo(200);
        // The comparison means something only if the random plans break every rule somewhere.
        assertThat(rulesBroken).containsExactlyInAnyOrder(Rule.values());

        if (!withChecker) {
            return;
        }
        Map<Path, String> checker = Checkplan.scoreAll(new ArrayList<>(sampled.keySet()));
        sampled.forEach((plan, score) -> {
            if (!score.equals(checker.get(plan))) {
                disagreements.add(plan.getFileName() + ": runplan " + score + ", checkplan " + checker.get(plan));
            }
        });
        assertThat(disagreements).isEmpty();
    }
}
