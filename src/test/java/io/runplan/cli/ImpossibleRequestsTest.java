package io.runplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests no plan can meet give a plan with reasons, or a report naming what breaks: never a crash. */
class ImpossibleRequestsTest {

    private static Path copy(String name, Path directory) throws Exception {
        return Files.copy(Path.of("src/test/resources/plans", name), directory.resolve(name));
    }

    @Test
    void pinnedSessionsThatBreakRulesAreNamedByCheck(@TempDir Path directory) throws Exception {
        Path plan = copy("pinned-breaking-rules.json", directory);
        var run = runplan("check", plan.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("BROKEN No lift before quality")
                .contains("ana-lift-agreed (Sat 28 Nov 07:00, pinned) starts before ana-race (Sat 28 Nov 09:00-09:30, pinned) ends")
                .contains("BROKEN Quality spacing")
                .contains("ana-race (Sat 28 Nov 09:00, pinned) and ana-long (Sun 29 Nov 08:00, pinned) are 1 day apart");
    }

    @Test
    void solvingAroundBrokenPinnedSessionsKeepsThemAndSaysWhatStaysBroken(@TempDir Path directory) throws Exception {
        Path plan = copy("pinned-breaking-rules.json", directory);
        var run = runplan("solve", plan.toString(), "--moves", "20000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("HARD RULES BROKEN").contains("BROKEN No lift before quality");
        JsonNode solved = new ObjectMapper().readTree(directory.resolve("pinned-breaking-rules.solved.json").toFile());
        JsonNode sessions = solved.get("athletes").get(0).get("sessions");
        assertThat(sessions.get(0).get("start").textValue()).isEqualTo("2026-11-28T09:00");
        assertThat(sessions.get(1).get("start").textValue()).isEqualTo("2026-11-28T07:00");
        assertThat(sessions.get(2).get("start").textValue()).isEqualTo("2026-11-29T08:00");
    }

    @Test
    void moreRunsThanDaysLeavesTheRestUnscheduledWithTheRuleThatStopsThem(@TempDir Path directory) throws Exception {
        Path plan = copy("ten-runs-in-a-week.json", directory);
        var run = runplan("solve", plan.toString(), "--moves", "30000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Score 0hard/-3medium/").contains("Unscheduled sessions (3)")
                .contains("breaks One run a day");
    }

    @Test
    void aCoachBusyAtEveryTrackHourLeavesTheTrackSessionUnscheduledAndSaysWhy(@TempDir Path directory) throws Exception {
        Path plan = copy("track-never-open.json", directory);
        var run = runplan("solve", plan.toString(), "--moves", "20000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ana-track: none of the")
                .contains("overlap coach mara's busy time").contains("fall outside 'track' opening hours");
    }
}
