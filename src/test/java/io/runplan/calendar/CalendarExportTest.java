package io.runplan.calendar;

import io.runplan.domain.Horizon;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.CalendarImport;
import io.runplan.report.SessionExplanation;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;
import io.runplan.support.SolvedCalendarWeek;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The calendars runplan writes: read back by ical4j with the same events, imported back as the same busy time, UIDs
 * stable across re-plans, and accepted by a real calendar program (calcurse, where installed).
 */
class CalendarExportTest {

    private static final Instant STAMP = Instant.parse("2026-11-20T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path directory;

    private static Map<String, Calendar> export(TrainingPlan plan, PlanReport report, ZoneId zone) {
        return new CalendarExport(plan, report, zone, STAMP).calendars();
    }

    /** What ical4j reads from a calendar's text: "UID start end summary" per event. */
    private static List<String> readBack(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<String> events = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            events.add(value(event, Property.UID) + " " + date(event, Property.DTSTART) + " " + date(event, Property.DTEND)
                    + " " + value(event, Property.SUMMARY));
        }
        return events;
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue).orElse("-");
    }

    private static Object date(VEvent event, String name) {
        return event.<DateProperty<?>>getProperty(name).map(DateProperty::getDate).orElse(null);
    }

    @Test
    void everyAthletesCalendarReadsBackAsHerScheduledSessions() throws Exception {
        TrainingPlan plan = SolvedCalendarWeek.plan();
        PlanReport report = SolvedCalendarWeek.report();
        Map<String, Calendar> calendars = export(plan, report, BERLIN);
        assertThat(calendars.keySet()).containsExactly("athlete-ana.ics", "athlete-ana-busy.ics", "athlete-ben.ics",
                "athlete-ben-busy.ics", "athlete-chen.ics", "athlete-chen-busy.ics", "coach-mara.ics");
        SessionExplanation explanation = new SessionExplanation(plan, report);
        Horizon horizon = plan.getHorizon();
        for (var athlete : plan.getAthletes()) {
            List<String> expected = plan.sessionsOf(athlete).stream().filter(Session::isScheduled)
                    .sorted(java.util.Comparator.comparingInt(Session::getStart).thenComparing(Session::getId))
                    .map(s -> s.getId() + "-20261123@runplan " + horizon.toDateTime(s.getStart()).atZone(BERLIN) + " "
                            + horizon.toDateTime(s.getEnd()).atZone(BERLIN) + " " + explanation.summary(s))
                    .toList();
            String text = CalendarExport.text(calendars.get("athlete-" + athlete.id() + ".ics"));
            // ical4j names the zone it builds from the file's VTIMEZONE its own way; the offsets are what count
            List<String> events = readBack(text).stream().map(e -> e.replaceAll("\\[[^]]*]", "[Europe/Berlin]")).toList();
            assertThat(events).hasSize(expected.size()).containsExactlyElementsOf(expected);
            assertThat(text).contains("DTSTART;TZID=Europe/Berlin:", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
                    "DESCRIPTION:Why here:", "X-WR-CALNAME:Training: " + athlete.name());
        }
    }

    @Test
    void theBusyOnlyCalendarImportsBackAsTheSessionsTimes() throws IOException {
        TrainingPlan plan = SolvedCalendarWeek.plan();
        List<Path> files = new CalendarExport(plan, SolvedCalendarWeek.report(), BERLIN, STAMP).write(directory);
        assertThat(files).allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(Files.list(directory).map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        Horizon horizon = plan.getHorizon();
        for (var athlete : plan.getAthletes()) {
            List<String> busy = new CalendarImport(horizon, BERLIN)
                    .busyPeriods(directory.resolve("athlete-" + athlete.id() + "-busy.ics")).stream()
                    .map(p -> p.start() + "/" + p.end() + "/" + p.label()).toList();
            List<String> sessions = plan.sessionsOf(athlete).stream().filter(Session::isScheduled)
                    .map(s -> horizon.toDateTime(s.getStart()) + "/" + horizon.toDateTime(s.getEnd()) + "/Training").toList();
            assertThat(busy).containsExactlyInAnyOrderElementsOf(sessions);
            // and in another time zone the same instants, an hour earlier in London
            assertThat(new CalendarImport(horizon, ZoneId.of("Europe/London"))
                    .busyPeriods(directory.resolve("athlete-" + athlete.id() + "-busy.ics")).get(0).start())
                    .isEqualTo(LocalDateTime.parse(busy.stream().sorted().findFirst().orElseThrow().split("/")[0]).minusHours(1));
        }
    }

    @Test
    void aCoachGetsOneEventPerGroupSheLeads() throws Exception {
        TrainingPlan plan = SolvedCalendarWeek.plan();
        String text = CalendarExport.text(export(plan, SolvedCalendarWeek.report(), BERLIN).get("coach-mara.ics"));
        List<String> events = readBack(text);
        long groups = plan.getSessions().stream().filter(s -> s.getCoach() != null && s.isScheduled())
                .map(s -> s.getStart() + "/" + s.getType() + "/" + s.getMinutes()).distinct().count();
        assertThat(events).hasSize((int) groups);
        assertThat(events.get(0)).startsWith("mara-").contains("Lead speed session, 1h at track: ");
    }

    @Test
    void uidsStayTheSameWhenTheWeekIsReplannedAndDifferForAnotherWeek() throws Exception {
        TrainingPlan plan = SolvedCalendarWeek.plan();
        PlanReport report = SolvedCalendarWeek.report();
        Set<String> before = uids(export(plan, report, BERLIN));
        // a re-plan moves a session: the same UIDs, so a calendar app updates the event instead of adding one
        Session easy = plan.getSessions().stream().filter(s -> s.getId().equals("ana-easy-1")).findFirst().orElseThrow();
        var old = easy.getStartSlot();
        easy.setStartSlot(plan.getHorizon().slot(old.day(), old.minuteOfDay() + 15));
        try {
            Set<String> after = uids(export(plan, report, BERLIN));
            assertThat(after).isEqualTo(before);
        } finally {
            easy.setStartSlot(old);
        }
        assertThat(before).contains("ana-easy-1-20261123@runplan", "ana-easy-1-20261123-busy@runplan")
                .allSatisfy(uid -> assertThat(uid).endsWith("@runplan"));
    }

    private static Set<String> uids(Map<String, Calendar> calendars) {
        Set<String> uids = new TreeSet<>();
        Pattern uid = Pattern.compile("^UID:(.*)$", Pattern.MULTILINE);
        calendars.values().forEach(c -> {
            Matcher m = uid.matcher(CalendarExport.text(c).replace("\r\n ", "").replace("\r", ""));
            while (m.find()) {
                uids.add(m.group(1));
            }
        });
        return uids;
    }

    @Test
    void withoutATimeZoneTimesAreFloatingLikeThePlans() throws Exception {
        TrainingPlan plan = SolvedCalendarWeek.plan();
        String text = CalendarExport.text(export(plan, SolvedCalendarWeek.report(), null).get("athlete-ana.ics"));
        assertThat(text).doesNotContain("TZID", "VTIMEZONE").containsPattern("DTSTART:2026112\\dT\\d{6}\r\n");
        Session first = plan.sessionsOf(plan.getAthletes().get(0)).stream().filter(Session::isScheduled)
                .min(java.util.Comparator.comparingInt(Session::getStart)).orElseThrow();
        assertThat(readBack(text).get(0)).contains(" " + plan.getHorizon().toDateTime(first.getStart()) + " ");
    }

    @Test
    void aFixedOffsetZoneIsWrittenAsUtcTimes() throws Exception {
        TrainingPlan plan = SolvedCalendarWeek.plan();
        String text = CalendarExport.text(export(plan, SolvedCalendarWeek.report(), java.time.ZoneOffset.ofHours(2))
                .get("athlete-ana.ics"));
        Session first = plan.sessionsOf(plan.getAthletes().get(0)).stream().filter(Session::isScheduled)
                .min(java.util.Comparator.comparingInt(Session::getStart)).orElseThrow();
        String utc = plan.getHorizon().toDateTime(first.getStart()).minusHours(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        assertThat(text).doesNotContain("TZID", "VTIMEZONE").contains("DTSTART:" + utc + "\r\n");
    }

    @Test
    void oddIdsMakeSafeFileNamesAndUids() throws Exception {
        // ids are free text in a plan file; a file name or UID keeps safe characters and a hash of the rest
        Path file = directory.resolve("odd.json");
        Files.writeString(file, """
                { "name": "odd", "start": "2026-11-23", "days": 7,
                  "athletes": [ { "id": "ana/../x", "sessions": [
                      { "id": "easy run #1", "type": "EASY_RUN", "minutes": 40, "start": "2026-11-24T07:00" } ] },
                    { "id": "ana:..:x", "sessions": [] } ] }
                """);
        TrainingPlan plan = StartSlots.assign(new io.runplan.io.PlanReader().read(file).plan());
        Map<String, Calendar> calendars = export(plan, PlanReport.of(plan), null);
        assertThat(calendars.keySet()).allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9._-]+\\.ics"))
                .hasSize(4).doesNotHaveDuplicates();
        assertThat(calendars.keySet().iterator().next()).startsWith("athlete-ana_.._x-");
        assertThat(readBack(CalendarExport.text(calendars.values().iterator().next())).get(0))
                .matches("easy_run__1-[0-9a-f]{8}-20261123@runplan 2026-11-24T07:00 2026-11-24T07:40 Easy run, 40 min");
    }

    @Test
    void calcurseImportsEveryExportedCalendarWithoutComplaint() throws Exception {
        assumeTrue(onPath("calcurse"), "calcurse is not installed");
        TrainingPlan plan = SolvedCalendarWeek.plan();
        Map<String, Calendar> calendars = export(plan, SolvedCalendarWeek.report(), BERLIN);
        List<Path> files = new CalendarExport(plan, SolvedCalendarWeek.report(), BERLIN, STAMP).write(directory.resolve("ics"));
        for (Path file : files) {
            Path data = Files.createDirectories(directory.resolve("calcurse-" + file.getFileName()));
            Process process = new ProcessBuilder("calcurse", "-D", data.toString(), "-i", file.toString())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            int events = readBack(CalendarExport.text(calendars.get(file.getFileName().toString()))).size();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).as(file.getFileName().toString())
                    .containsPattern("\\b" + events + " apps? / 0 events / 0 todos / 0 skipped");
            assertThat(Files.readAllLines(data.resolve("apts"))).hasSize(events);
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
