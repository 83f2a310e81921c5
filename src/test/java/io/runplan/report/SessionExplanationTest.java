package io.runplan.report;

import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The explanation states what the rules found, read from their matches, not worked out a second time. */
class SessionExplanationTest {

    private final TrainingPlan plan = StartSlots.assign(
            new PlanReader().read(Path.of("src/test/resources/plans/pinned-breaking-rules.json")).plan());
    private final SessionExplanation explanation = new SessionExplanation(plan, PlanReport.of(plan));

    @Test
    void aLiftBeforeTheRaceAndTheDayBeforeTheLongRunSaysSoAndNamesBothBrokenRules() {
        Session lift = session("ana-lift-agreed");
        assertThat(explanation.why(lift)).contains("A hard day, but before its quality session.")
                .noneMatch(line -> line.contains("No quality session the next day"));
        assertThat(explanation.broken(lift))
                .anyMatch(line -> line.startsWith("No lift before quality: ana-lift-agreed (Sat 28 Nov 07:00, pinned)"))
                .anyMatch(line -> line.startsWith("No lift the day before quality: ana-lift-agreed"));
    }

    @Test
    void aQualitySessionOnItsOwnDayIsAHardDayWithNothingBroken() {
        Session longRun = session("ana-long");
        assertThat(explanation.why(longRun)).contains("A hard day: this is a quality session.", "Inside your day 06:00-21:00.");
        assertThat(explanation.broken(longRun)).noneMatch(line -> line.startsWith("Day window"));
    }

    private Session session(String id) {
        return plan.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }
}
