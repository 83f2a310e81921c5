package io.runplan.bench;

import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.ReferenceScoreCalculator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated plans are valid plan files, the same for the same seed, with every kind of athlete and a coach. */
class PlanGeneratorTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 0", "3, 15, 4", "10, 7, 1", "25, 9, 2", "50, 28, 1"})
    void generatedPlanReadsAsAPlanAndIsTheSameForTheSameSeed(int athletes, int days, long seed) {
        var document = PlanGenerator.generate(athletes, days, seed);
        assertThat(PlanGenerator.generate(athletes, days, seed)).isEqualTo(document);
        TrainingPlan plan = new PlanReader().read(Path.of("generated.json"), document).plan();
        assertThat(plan.getAthletes()).hasSize(athletes);
        assertThat(plan.getHorizon().days()).isEqualTo(days);
        assertThat(plan.getCoaches()).isNotEmpty();
        // Nothing is placed yet: every session is to be planned.
        assertThat(plan.getSessions()).allMatch(session -> !session.isScheduled());
        assertThat(new ReferenceScoreCalculator().calculateScore(plan).mediumScore()).isEqualTo(-plan.getSessions().size());
    }

    @ParameterizedTest
    @CsvSource({"40, 14"})
    void aClubHasEveryKindOfCalendarAndCoachedGroups(int athletes, int days) {
        String text = PlanGenerator.generate(athletes, days, 3).toString();
        assertThat(text).contains("\"work\"", "\"classes\"", "\"early shift\"", "\"late shift\"", "\"night shift\"",
                "\"sleep\"", "\"clinic\"", "\"coach\":\"coach-", "\"location\":\"track\"", "\"history\"");
    }
}
