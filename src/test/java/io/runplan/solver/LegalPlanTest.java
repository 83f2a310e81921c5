package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runplan.bench.PlanGenerator;
import io.runplan.cli.CommandLineTest;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.support.Guarantees;
import io.runplan.support.RandomPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarantee of the README: a written plan breaks no hard rule that a pinned session does not break by itself.
 * {@link LegalPlan} takes out as few sessions as it can find (none that could go back) from plans left illegal.
 */
class LegalPlanTest {

    private static final SolutionManager<TrainingPlan, HardMediumSoftScore> MANAGER = PlanSolver.solutionManager();

    @ParameterizedTest
    @ValueSource(strings = {"datasets/office-worker-week.json", "datasets/shift-nurse-4-weeks.json",
            "datasets/club-week.json", "datasets/calendar-week.json", "src/test/resources/plans/mini-club.json",
            "src/test/resources/plans/format-example.json", "src/test/resources/plans/pinned-breaking-rules.json",
            "src/test/resources/plans/missed-tuesday.json", "src/test/resources/plans/dated-two-weeks.json"})
    void randomIllegalPlansAreMadeLegalByTakingOutOnlySessionsThatCannotGoBack(String file) {
        Random random = new Random(file.hashCode());
        for (int round = 0; round < 5; round++) {
            TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of(file)).plan());
            RandomPlans.shuffle(plan, random);
            assertRepairedMinimally(plan);
        }
    }

    @Test
    void generatedPlansShuffledAreMadeLegal() {
        for (long seed = 1; seed <= 3; seed++) {
            TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("generated.json"), PlanGenerator.generate(6, 14, seed)).plan());
            RandomPlans.shuffle(plan, new Random(seed));
            assertRepairedMinimally(plan);
        }
    }

    /** solve stopped after a few moves, as a time limit or Ctrl-C stops it: the written plan keeps the guarantee. */
    @ParameterizedTest
    @ValueSource(strings = {"datasets/office-worker-week.json", "datasets/shift-nurse-4-weeks.json",
            "datasets/club-week.json", "datasets/calendar-week.json", "src/test/resources/plans/pinned-breaking-rules.json",
            "generated"})
    void solveStoppedEarlyWritesALegalPlan(String file, @TempDir Path directory) throws Exception {
        Path plan = Path.of(file);
        if (file.equals("generated")) {
            plan = directory.resolve("generated.json");
            new ObjectMapper().writeValue(plan.toFile(), PlanGenerator.generate(12, 14, 7));
        }
        for (String moves : List.of("1", "300", "3000")) {
            Path out = directory.resolve("out-" + moves + ".json");
            CommandLineTest.Run run = CommandLineTest.runplan("solve", plan.toString(), "--moves", moves, "--seed", "2",
                    "--out", out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Guarantees.hardBreaksNotCausedByPins(out)).as(file + " after " + moves + " moves").isEmpty();
        }
    }

    @Test
    void aLegalPlanIsLeftAsItIs() {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("src/test/resources/plans/missed-tuesday.json")).plan());
        TrainingPlan solved = PlanSolver.solve(PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), 5_000), plan, best -> { });
        Map<String, TimeSlot> before = starts(solved);
        assertThat(LegalPlan.repair(MANAGER, solved)).isEmpty();
        assertThat(starts(solved)).isEqualTo(before);
    }

    @Test
    void pinnedSessionsThatBreakARuleByThemselvesStayAndTheRestIsMadeLegal() {
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of("src/test/resources/plans/pinned-breaking-rules.json")).plan());
        // the tempo on the race day and the second lift overlapping it: both break rules with the pinned race
        Session tempo = session(plan, "ana-tempo");
        Session lift = session(plan, "ana-lift-2");
        tempo.setStartSlot(plan.getHorizon().slot(5, 10 * 60));
        lift.setStartSlot(plan.getHorizon().slot(5, 10 * 60));
        List<LegalPlan.Unscheduled> takenOut = LegalPlan.repair(MANAGER, plan);

        assertThat(takenOut).extracting(LegalPlan.Unscheduled::sessionId).containsExactlyInAnyOrder("ana-lift-2", "ana-tempo");
        assertThat(takenOut.get(1).describe()).startsWith("the search stopped with it at Sat 28 Nov 10:00 breaking a hard rule (")
                .contains("Quality spacing: ana-race (Sat 28 Nov 09:00, pinned) and ana-tempo (Sat 28 Nov 10:00) are 0 days apart");
        assertThat(Guarantees.hardBreaksNotCausedByPins(plan)).isEmpty();
        assertThat(plan.getScore().hardScore()).isNegative(); // the pinned race, lift and long run still break rules
        assertThat(session(plan, "ana-race").getStartSlot()).isNotNull();
    }

    private static void assertRepairedMinimally(TrainingPlan plan) {
        Map<String, TimeSlot> before = starts(plan);
        List<LegalPlan.Unscheduled> takenOut = LegalPlan.repair(MANAGER, plan);
        assertThat(Guarantees.hardBreaksNotCausedByPins(plan)).isEmpty();
        Set<String> out = takenOut.stream().map(LegalPlan.Unscheduled::sessionId).collect(Collectors.toSet());
        for (Session session : plan.getSessions()) {
            if (out.contains(session.getId())) {
                assertThat(session.getStartSlot()).isNull();
                assertThat(session.isPinned()).isFalse();
            } else {
                assertThat(session.getStartSlot()).as(session.getId()).isEqualTo(before.get(session.getId()));
            }
        }
        // none of them could go back on its own
        int hard = MANAGER.update(plan).hardScore();
        for (String id : out) {
            Session session = session(plan, id);
            session.setStartSlot(before.get(id));
            assertThat(MANAGER.update(plan).hardScore()).as(id + " put back").isLessThan(hard);
            session.setStartSlot(null);
        }
        MANAGER.update(plan);
    }

    private static Map<String, TimeSlot> starts(TrainingPlan plan) {
        Map<String, TimeSlot> starts = new HashMap<>();
        plan.getSessions().forEach(session -> starts.put(session.getId(), session.getStartSlot()));
        return starts;
    }

    private static Session session(TrainingPlan plan, String id) {
        return plan.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }
}
