package io.runplan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.ReferenceScoreCalculator;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tight plans are valid plan files, the same for the same seed, solvable with 0/0, and much tighter than the others. */
class TightPlanGeneratorTest {

    @Test
    void sameSeedSameBytesOtherSeedOtherFile() throws Exception {
        var writer = PlanDocument.planWriter();
        String first = writer.writeValueAsString(TightPlanGenerator.generate(6, 14, 5));
        assertThat(writer.writeValueAsString(TightPlanGenerator.generate(6, 14, 5))).isEqualTo(first);
        assertThat(writer.writeValueAsString(TightPlanGenerator.generate(6, 14, 6))).isNotEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({"1, 7, 0", "1, 7, 1", "1, 7, 2", "1, 7, 3", "1, 7, 4", "1, 7, 5", "1, 7, 6", "1, 7, 7", "1, 7, 8",
            "1, 3, 1", "2, 1, 2", "3, 9, 3", "4, 14, 1", "4, 14, 2", "4, 14, 3", "6, 14, 1", "6, 14, 4", "12, 10, 5",
            "20, 14, 1", "20, 14, 2", "40, 28, 1", "60, 28, 1"})
    void everyTightPlanReadsAndItsHiddenPlanKeepsEveryRule(int athletes, int days, long seed) {
        GeneratedPlan generated = TightPlanGenerator.generateWithHiddenPlan(athletes, days, seed);
        TrainingPlan plan = read(generated.plan());
        TrainingPlan hidden = read(generated.hiddenPlan());
        assertThat(plan.getAthletes()).hasSize(athletes);
        assertThat(plan.getHorizon().days()).isEqualTo(days);

        var score = new ReferenceScoreCalculator().calculateScore(hidden);
        assertThat(score.hardScore()).as("hidden plan's hard score").isZero();
        assertThat(score.mediumScore()).as("hidden plan's medium score").isZero();

        // The plan is the hidden plan with the starts taken out, all but the pinned ones.
        Map<String, Session> hiddenById = new HashMap<>();
        hidden.getSessions().forEach(session -> hiddenById.put(session.getId(), session));
        assertThat(plan.getSessions()).hasSameSizeAs(hidden.getSessions());
        for (Session session : plan.getSessions()) {
            Session solved = hiddenById.get(session.getId());
            assertThat(solved).as(session.getId()).isNotNull();
            if (session.isPinned()) {
                assertThat(session.getStart()).isEqualTo(solved.getStart());
            } else {
                assertThat(session.isScheduled()).as(session.getId() + " is to be planned").isFalse();
            }
            if (session.getPreviousStart() != null) {
                assertThat(session.getPreviousStart()).as("previous start near, not at, the hidden one")
                        .isNotEqualTo(solved.getStart())
                        .isBetween(solved.getStart() - 1440, solved.getStart() + 1440);
            }
        }
    }

    @Test
    void tightPlansLeaveTheirHiddenPlanMuchLessRoomThanTheOthers() {
        double tightFree = 0;
        double normalFree = 0;
        for (int[] size : new int[][] {{1, 7, 1}, {1, 7, 2}, {1, 7, 3}, {4, 14, 1}, {4, 14, 2}, {6, 14, 1}}) {
            PlanSlack tight = slack(TightPlanGenerator.generateWithHiddenPlan(size[0], size[1], size[2]));
            PlanSlack normal = slack(PlanGenerator.generateWithHiddenPlan(size[0], size[1], size[2]));
            String which = size[0] + " x " + size[1] + " seed " + size[2] + ": tight " + tight + "; normal " + normal;
            assertThat(tight.meanPossibleStarts()).as(which).isLessThan(normal.meanPossibleStarts() / 2);
            assertThat(tight.meanFreeStarts()).as(which).isLessThan(normal.meanFreeStarts() / 2);
            assertThat(tight.shareFewFreeStarts()).as(which).isGreaterThan(normal.shareFewFreeStarts() + 0.2);
            tightFree += tight.meanFreeStarts();
            normalFree += normal.meanFreeStarts();
        }
        assertThat(tightFree).as("free starts per session over all six plans").isLessThan(normalFree / 3);
    }

    @Test
    void seedsVaryTheMixAsThePracticePlansDo() {
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 12; seed++) {
            JsonNode plan = TightPlanGenerator.generate(12, 14, seed);
            seen.add("grain " + plan.get("grainMinutes").asInt());
            plan.path("rules").fieldNames().forEachRemaining(rule -> seen.add("rule " + rule));
            if (plan.has("weights")) {
                seen.add("weights");
            }
            if (plan.path("coaches").size() >= 2) {
                seen.add("several coaches");
            }
            for (JsonNode athlete : plan.get("athletes")) {
                athlete.path("busy").forEach(block -> seen.add(block.get("label").asText()));
                if (athlete.path("history").size() > 0) {
                    seen.add("history");
                }
                for (JsonNode session : athlete.get("sessions")) {
                    session.fieldNames().forEachRemaining(field -> seen.add("session " + field));
                }
            }
            plan.path("coaches").forEach(coach -> coach.path("busy").forEach(block -> seen.add(block.get("label").asText())));
        }
        assertThat(seen).contains("grain 15", "grain 30", "rule visitGapMinutes", "rule liftGapAfterQualityHours",
                "rule qualitySpacingDays", "weights", "several coaches", "history", "session pinned", "session start",
                "session previousStart", "session coach", "session location", "work", "night shift",
                "sleep after night shift", "day shift", "early shift", "late shift", "school", "appointment", "clinic");
    }

    private static PlanSlack slack(GeneratedPlan generated) {
        return PlanSlack.around(read(generated.hiddenPlan()));
    }

    private static TrainingPlan read(JsonNode document) {
        return StartSlots.assign(new PlanReader().read(Path.of("tight.json"), document).plan());
    }
}
