package io.runplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Calendars on the command line: solve --busy/--ics/--html, export, and the one-line errors of a bad calendar. */
class CalendarCommandLineTest {

    private static final Path DATASET = Path.of("datasets");

    /** The calendar dataset and its calendars, copied so that a test may write beside them. */
    private static Path copyDataset(Path directory) throws IOException {
        Path calendars = Files.createDirectories(directory.resolve("calendars"));
        try (Stream<Path> files = Files.list(DATASET.resolve("calendars"))) {
            for (Path file : files.toList()) {
                Files.copy(file, calendars.resolve(file.getFileName()));
            }
        }
        return Files.copy(DATASET.resolve("calendar-week.json"), directory.resolve("calendar-week.json"));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void solveWritesThePlanItsCalendarsAndItsWeekView(@TempDir Path directory) throws IOException {
        Path plan = copyDataset(directory);
        Run run = runplan("solve", plan.toString(), "--moves", "20000", "--ics", directory.resolve("ics").toString(),
                "--html", directory.resolve("week.html").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[08:30-17:30 Work]", "[19:30-21:30 Choir rehearsal (moved)]",
                "[21:45-24:00 Night shift]", "[00:00-24:00 Take-home midterm (all day)]",
                "Wrote 7 calendars to ", "Wrote " + directory.resolve("week.html"));
        assertThat(names(directory.resolve("ics"))).containsExactly("athlete-ana-busy.ics", "athlete-ana.ics",
                "athlete-ben-busy.ics", "athlete-ben.ics", "athlete-chen-busy.ics", "athlete-chen.ics", "coach-mara.ics");
        assertThat(Files.readString(directory.resolve("week.html"))).contains("calendar-week");
        JsonNode solved = new ObjectMapper().readTree(directory.resolve("calendar-week.solved.json").toFile());
        JsonNode ana = solved.get("athletes").get(0);
        assertThat(ana.get("calendars").get(0).asText()).isEqualTo("calendars/ana-work.ics");
        assertThat(ana.get("busy")).hasSize(6);
        assertThat(ana.get("busy").get(0).get("calendar").asText()).isEqualTo("calendars/ana-work.ics");

        // the solved plan checks as it was solved: its calendars are imported again, not counted twice
        Run check = runplan("check", directory.resolve("calendar-week.solved.json").toString());
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("Score " + solved.get("score").asText());
    }

    @Test
    void exportWritesCalendarsThePageAndThePlanWithItsBusyTime(@TempDir Path directory) throws IOException {
        Path plan = copyDataset(directory);
        Run run = runplan("export", plan.toString(), "--ics", directory.resolve("out").toString(),
                "--html", directory.resolve("out/week.html").toString(), "--plan", directory.resolve("with-busy.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(directory.resolve("out"))).hasSize(8).contains("week.html", "coach-mara.ics");
        JsonNode written = new ObjectMapper().readTree(directory.resolve("with-busy.json").toFile());
        assertThat(written.get("coaches").get(0).get("busy")).hasSize(4);
        assertThat(written.has("score")).isFalse();
        assertThat(Files.readString(directory.resolve("out/athlete-ana.ics"))).doesNotContain("BEGIN:VEVENT");

        Run nothing = runplan("export", plan.toString());
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).isEqualTo("runplan: nothing to export: give --ics DIR, --html FILE or --plan FILE\n");
    }

    @Test
    void busyAddsACalendarFromTheCommandLine(@TempDir Path directory) throws IOException {
        Path plan = copyDataset(directory);
        Path extra = Files.writeString(directory.resolve("dentist.ics"), """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//runplan tests//EN
                BEGIN:VEVENT
                UID:dentist
                DTSTAMP:20261101T000000Z
                DTSTART:20261125T060000
                DTEND:20261125T080000
                SUMMARY:Dentist again
                END:VEVENT
                END:VCALENDAR
                """);
        Run run = runplan("check", plan.toString(), "--busy", "ana=" + extra, "--weeks");
        assertThat(run.out()).contains("[06:00-08:00 Dentist again]");

        Run unknown = runplan("check", plan.toString(), "--busy", "zoe=" + extra);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("runplan: " + plan + ": --busy zoe=" + extra
                + ": no athlete or coach 'zoe' in the plan; known: ana, ben, chen, mara\n");
        Run malformed = runplan("check", plan.toString(), "--busy", "dentist.ics");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("runplan: Invalid value for option '--busy' (ID=FILE.ics): expected ID=FILE.ics");
    }

    @Test
    void whatACalendarGotWrongButCannotChangeBusyTimeIsAWarningNamingItsLine(@TempDir Path directory) throws IOException {
        Path plan = copyDataset(directory);
        Path rota = directory.resolve("calendars/ben-rota.ics");
        Files.writeString(rota, Files.readString(rota).replaceFirst("\r?\nBEGIN:VEVENT", "\n\nBEGIN:VEVENT"));
        Run run = runplan("check", plan.toString());
        assertThat(run.exitCode()).isNotEqualTo(2);
        assertThat(run.err()).startsWith("runplan: warning: " + plan + ": $.athletes[1].calendars[0]: calendars/ben-rota.ics: "
                + "line ").contains(": a blank line (RFC 5545 has none); skipped\n");
    }

    @Test
    void aBrokenCalendarIsOneLineNamingThePlanTheEntryTheFileAndTheLineAndNothingIsWritten(@TempDir Path directory)
            throws IOException {
        Path plan = copyDataset(directory);
        Path rota = directory.resolve("calendars/ben-rota.ics");
        Files.writeString(rota, Files.readString(rota).replace("DTSTART:20261125T130000Z", "DTSTART:2026-11-25 13:00"));
        Run run = runplan("solve", plan.toString(), "--ics", directory.resolve("ics").toString(),
                "--html", directory.resolve("week.html").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("runplan: " + plan + ": $.athletes[1].calendars[0]: calendars/ben-rota.ics: "
                + "line 25: DTSTART: '2026-11-25 13:00' is not a date (20261125) or date-time (20261125T130000, Z at "
                + "the end for UTC); runplan needs it for the busy time of this event, so fix that line\n");
        assertThat(names(directory)).containsExactly("calendar-week.json", "calendars");
    }

    @Test
    void exportsRefuseToWriteOverTheirInput(@TempDir Path directory) throws IOException {
        Path plan = copyDataset(directory);
        String before = Files.readString(plan);
        Run html = runplan("export", plan.toString(), "--html", plan.toString());
        assertThat(html.exitCode()).isEqualTo(2);
        assertThat(html.err()).contains("is the input file");
        Run asPlan = runplan("export", plan.toString(), "--plan", plan.toString());
        assertThat(asPlan.exitCode()).isEqualTo(2);
        Run icsOnFile = runplan("solve", plan.toString(), "--ics", plan.toString());
        assertThat(icsOnFile.exitCode()).isEqualTo(2);
        assertThat(icsOnFile.err()).contains("is a file; --ics names a directory");
        assertThat(Files.readString(plan)).isEqualTo(before);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run runplan(String... args) {
        CommandLineTest.Run run = CommandLineTest.runplan(args);
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
