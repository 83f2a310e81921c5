package io.runplan.report;

import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;
import io.runplan.support.SolvedCalendarWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The week view's HTML: every session there with its time, problems listed and marked, nothing from outside. */
class WeekPageTest {

    @Test
    void everyScheduledSessionIsOnThePageWithItsTimeAndWhy() {
        TrainingPlan plan = SolvedCalendarWeek.plan();
        String html = new WeekPage(plan, SolvedCalendarWeek.report(), SolvedCalendarWeek.input().timeZone()).html();
        for (Session session : plan.getSessions()) {
            assertThat(session.isScheduled()).isTrue();
            assertThat(html).contains("data-session=\"" + session.getId() + "\"");
        }
        assertThat(html).contains("<title>calendar-week: training week</title>", "times in Europe/Berlin",
                "Score " + SolvedCalendarWeek.report().score(), "every hard rule kept; every session placed",
                "Ana", "Ben", "Chen", "Coach", "mara", "Take-home midterm (all day)", "Why each session is where it is",
                "Inside your day 06:00-21:30.")
                .doesNotContain("class=\"problems\"", "broken\"");
        // hard days are marked in the day's heading
        assertThat(html).contains("<div class=\"head hard\" title=\"Tue 24 Nov: hard day\">Tue 24 <span class=\"badge\">H</span>");
    }

    @Test
    void isOneFileWithNothingFromOutside() {
        String html = new WeekPage(SolvedCalendarWeek.plan(), SolvedCalendarWeek.report(), null).html();
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "<link", "src=", "url(", "http:", "https:");
    }

    @Test
    void brokenRulesAndUnscheduledSessionsAreListedAndMarked() {
        TrainingPlan pinned = StartSlots.assign(new PlanReader().read(Path.of("src/test/resources/plans/pinned-breaking-rules.json")).plan());
        PlanReport report = PlanReport.of(pinned);
        String html = new WeekPage(pinned, report, null).html();
        assertThat(report.isFeasible()).isFalse();
        assertThat(html).contains("class=\"problems\"", "Broken: ", "HARD RULES BROKEN", "score bad");
        String brokenId = report.ofLevel(io.runplan.domain.Rule.Level.HARD).get(0).reasons().get(0).sessionIds().get(0);
        assertThat(html).containsPattern("class=\"item [a-z-]+ broken\" data-session=\"" + brokenId + "\"");

        TrainingPlan closed = StartSlots.assign(new PlanReader().read(Path.of("src/test/resources/plans/track-never-open.json")).plan());
        String unscheduled = new WeekPage(closed, PlanReport.of(closed), null).html();
        Session never = closed.getSessions().stream().filter(s -> s.getFacility() != null).findFirst().orElseThrow();
        assertThat(unscheduled).contains("Unscheduled sessions", "<b>" + never.getId() + "</b>")
                .doesNotContain("data-session=\"" + never.getId() + "\"");
    }

    @Test
    void textFromThePlanIsEscaped(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("plan.json");
        Files.writeString(file, """
                { "name": "<script>alert(1)</script>", "start": "2026-11-23", "days": 7,
                  "athletes": [ { "id": "a", "name": "Ana <b>& Co</b>",
                    "busy": [ { "start": "2026-11-23T08:00", "end": "2026-11-23T09:00", "label": "\\"><img src=x>" } ],
                    "sessions": [ { "id": "a\\"1", "type": "CORE", "minutes": 20, "start": "2026-11-23T07:00" } ] } ] }
                """);
        TrainingPlan plan = StartSlots.assign(new PlanReader().read(file).plan());
        String html = new WeekPage(plan, PlanReport.of(plan), null).html();
        assertThat(html).doesNotContain("<script>alert", "<b>& Co", "<img src=x>", "a\"1")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Ana &lt;b&gt;&amp; Co&lt;/b&gt;");
    }

    @Test
    void writesTheFileWhole(@TempDir Path directory) throws IOException {
        Path target = directory.resolve("pages/week.html");
        new WeekPage(SolvedCalendarWeek.plan(), SolvedCalendarWeek.report(), null).write(target);
        assertThat(Files.readString(target)).endsWith("</html>\n");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("week.html");
        }
    }
}
