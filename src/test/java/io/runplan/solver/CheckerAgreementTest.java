package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.support.Checkplan;
import io.runplan.support.RandomPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.runplan.domain.Rule;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** runplan's constraint streams and the independent checker agree to the unit on random plans, legal or not. */
class CheckerAgreementTest {

    @BeforeAll
    static void needsChecker() {
        assumeTrue(Checkplan.isAvailable(), "python3 or ../shared/tools/checkplan.py is missing");
    }

    @Test
    void randomPlansScoreTheSameAsTheChecker(@TempDir Path directory) {
        SolutionManager<TrainingPlan, HardMediumSoftScore> manager = PlanSolver.solutionManager();
        PlanWriter writer = new PlanWriter();
        Random random = new Random(42);
        Map<Path, String> runplanScores = new LinkedHashMap<>();
        Set<Rule> rulesSeen = EnumSet.noneOf(Rule.class);
        List<Path> sources = List.of(Path.of("src/test/resources/plans/mini-club.json"));
        for (Path source : sources) {
            for (int i = 0; i < 150; i++) {
                PlanFile file = new PlanReader().read(source);
                RandomPlans.shuffle(file.plan(), random);
                PlanReport report = PlanReport.of(manager, file.plan());
                Path target = directory.resolve(source.getFileName() + "-" + i + ".json");
                writer.write(writer.toDocument(file, file.plan(), report), target);
                runplanScores.put(target, report.score().toString());
                report.rules().forEach(rule -> rulesSeen.add(rule.rule()));
            }
        }
        Map<Path, String> checkerScores = Checkplan.scoreAll(new ArrayList<>(runplanScores.keySet()));
        List<String> disagreements = new ArrayList<>();
        runplanScores.forEach((file, score) -> {
            if (!score.equals(checkerScores.get(file))) {
                disagreements.add(file.getFileName() + ": runplan " + score + ", checkplan " + checkerScores.get(file));
            }
        });
        assertThat(disagreements).isEmpty();
        // The comparison means something only if the random plans break every rule somewhere.
        assertThat(rulesSeen).containsExactlyInAnyOrder(Rule.values());
    }
}
