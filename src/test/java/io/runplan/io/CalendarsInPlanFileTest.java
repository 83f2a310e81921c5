package io.runplan.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan file names calendar files per athlete and coach ("calendars", relative to the plan file) and its time zone
 * ("timeZone"); their busy time joins the plan, a written plan carries it as busy entries naming the calendar, and
 * reading that plan again imports the calendar afresh instead of counting its busy time twice.
 */
class CalendarsInPlanFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORK = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//runplan tests//EN
            BEGIN:VEVENT
            UID:work
            DTSTAMP:20261101T000000Z
            DTSTART;TZID=Europe/Berlin:20261102T083000
            DTEND;TZID=Europe/Berlin:20261102T173000
            RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
            SUMMARY:Work
            END:VEVENT
            END:VCALENDAR
            """;

    @TempDir
    Path directory;
    Path plan;

    @BeforeEach
    void writePlan() throws IOException {
        Files.createDirectories(directory.resolve("calendars"));
        Files.writeString(directory.resolve("calendars/ana-work.ics"), WORK);
        Files.writeString(directory.resolve("calendars/mara.ics"), WORK.replace("SUMMARY:Work", "SUMMARY:Clinic")
                .replace("BYDAY=MO,TU,WE,TH,FR", "BYDAY=TU"));
        plan = directory.resolve("plan.json");
        Files.writeString(plan, """
                { "name": "calendars", "start": "2026-11-23", "days": 7, "timeZone": "Europe/Berlin",
                  "coaches": [ { "id": "mara", "calendars": ["calendars/mara.ics"] } ],
                  "athletes": [ { "id": "ana", "calendars": ["calendars/ana-work.ics"],
                                  "busy": [ { "start": "2026-11-28T09:00", "end": "2026-11-28T11:00", "label": "brunch" } ],
                                  "sessions": [ { "id": "ana-easy", "type": "EASY_RUN", "minutes": 40 } ] } ] }
                """);
    }

    private static List<String> blocks(List<BusyBlock> busy) {
        return busy.stream().map(b -> b.describe() + (b.getCalendar() == null ? "" : " <" + b.getCalendar() + ">")).toList();
    }

    @Test
    void busyTimeComesFromTheNamedCalendarsBesideTheFileBlocks() {
        PlanFile file = new PlanReader().read(plan);
        TrainingPlan read = file.plan();
        Athlete ana = read.getAthletes().get(0);
        Coach mara = read.getCoaches().get(0);
        assertThat(blocks(ana.busy())).containsExactly(
                "brunch Sat 28 Nov 09:00-11:00",
                "Work Mon 23 Nov 08:30-17:30 <calendars/ana-work.ics>", "Work Tue 24 Nov 08:30-17:30 <calendars/ana-work.ics>",
                "Work Wed 25 Nov 08:30-17:30 <calendars/ana-work.ics>", "Work Thu 26 Nov 08:30-17:30 <calendars/ana-work.ics>",
                "Work Fri 27 Nov 08:30-17:30 <calendars/ana-work.ics>");
        assertThat(blocks(mara.busy())).containsExactly("Clinic Tue 24 Nov 08:30-17:30 <calendars/mara.ics>");
        assertThat(read.getBusyBlocks()).hasSize(7);
        assertThat(file.timeZone()).hasToString("Europe/Berlin");
        assertThat(file.calendars()).containsEntry(ana, List.of("calendars/ana-work.ics"))
                .containsEntry(mara, List.of("calendars/mara.ics"));
    }

    @Test
    void theTimeZoneConvertsZonedTimes() throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(plan.toFile());
        document.put("timeZone", "Europe/London");
        JSON.writeValue(plan.toFile(), document);
        Athlete ana = StartSlots.assign(new PlanReader().read(plan).plan()).getAthletes().get(0);
        assertThat(blocks(ana.busy())).contains("Work Mon 23 Nov 07:30-16:30 <calendars/ana-work.ics>");
    }

    @Test
    void aWrittenPlanCarriesTheBusyTimeAndReadingItAgainCountsItOnce() throws IOException {
        PlanFile file = new PlanReader().read(plan);
        PlanWriter writer = new PlanWriter();
        Path solved = directory.resolve("plan.solved.json");
        writer.write(writer.toDocument(file, file.plan(), PlanReport.of(StartSlots.assign(file.plan())), solved), solved);

        JsonNode ana = JSON.readTree(solved.toFile()).get("athletes").get(0);
        assertThat(ana.get("calendars").get(0).asText()).isEqualTo("calendars/ana-work.ics");
        assertThat(ana.get("busy")).hasSize(6);
        assertThat(ana.get("busy").get(1).toString()).isEqualTo("{\"start\":\"2026-11-23T08:30\",\"end\":\"2026-11-23T17:30\","
                + "\"label\":\"Work\",\"calendar\":\"calendars/ana-work.ics\"}");
        JsonNode mara = JSON.readTree(solved.toFile()).get("coaches").get(0);
        assertThat(fieldNames(mara)).containsExactly("id", "calendars", "busy");

        // read again, beside the calendars: the copies give way to the calendar itself, so nothing counts twice
        PlanFile again = new PlanReader().read(solved);
        assertThat(blocks(again.plan().getAthletes().get(0).busy()))
                .isEqualTo(blocks(file.plan().getAthletes().get(0).busy()));
        // and a calendar changed since then is read as it is now
        Files.writeString(directory.resolve("calendars/ana-work.ics"), WORK.replace("T173000", "T180000"));
        assertThat(blocks(StartSlots.assign(new PlanReader().read(solved).plan()).getAthletes().get(0).busy()))
                .contains("Work Mon 23 Nov 08:30-18:00 <calendars/ana-work.ics>").hasSize(6);
        // written again, the copies are replaced, not added to
        PlanFile third = new PlanReader().read(solved);
        Path written = directory.resolve("third.json");
        writer.write(writer.withCalendarBusy(third, written), written);
        assertThat(JSON.readTree(written.toFile()).get("athletes").get(0).get("busy")).hasSize(6);
    }

    @Test
    void withoutItsCalendarsAWrittenPlanKeepsTheBusyTimeItWasMadeAround() throws IOException {
        PlanFile file = new PlanReader().read(plan);
        PlanWriter writer = new PlanWriter();
        ObjectNode document = writer.withCalendarBusy(file, null);
        ((ObjectNode) document.get("athletes").get(0)).remove("calendars");
        ((ObjectNode) document.get("coaches").get(0)).remove("calendars");
        Path copy = directory.resolve("no-calendars.json");
        writer.write(document, copy);
        TrainingPlan read = StartSlots.assign(new PlanReader().read(copy).plan());
        assertThat(read.getAthletes().get(0).busy()).hasSize(6);
        assertThat(read.getCoaches().get(0).busy()).hasSize(1);
    }

    @Test
    void aPlanWrittenElsewhereStillFindsItsCalendars() throws IOException {
        PlanFile file = new PlanReader().read(plan);
        Path elsewhere = directory.resolve("out/deeper/plan.solved.json");
        PlanWriter writer = new PlanWriter();
        writer.write(writer.toDocument(file, file.plan(), PlanReport.of(StartSlots.assign(file.plan())), elsewhere), elsewhere);
        JsonNode ana = JSON.readTree(elsewhere.toFile()).get("athletes").get(0);
        assertThat(ana.get("calendars").get(0).asText()).isEqualTo("../../calendars/ana-work.ics");
        assertThat(ana.get("busy").get(1).get("calendar").asText()).isEqualTo("../../calendars/ana-work.ics");
        assertThat(StartSlots.assign(new PlanReader().read(elsewhere).plan()).getAthletes().get(0).busy()).hasSize(6);
    }

    @Test
    void aCalendarGivenOnTheCommandLineJoinsItsPerson() throws IOException {
        Path extra = directory.resolve("gym-class.ics");
        Files.writeString(extra, WORK.replace("SUMMARY:Work", "SUMMARY:Spin class").replace("BYDAY=MO,TU,WE,TH,FR", "BYDAY=SA")
                .replace("T083000", "T183000").replace("T173000", "T193000"));
        PlanFile file = new PlanReader().read(plan, List.of(new BusyCalendar("ana", extra, "gym-class.ics")));
        assertThat(blocks(file.plan().getAthletes().get(0).busy())).contains("Spin class Sat 28 Nov 18:30-19:30 <gym-class.ics>")
                .hasSize(7);

        assertThatThrownBy(() -> new PlanReader().read(plan, List.of(new BusyCalendar("zoe", extra, "gym-class.ics"))))
                .isInstanceOfSatisfying(PlanFormatException.class, e -> assertThat(e.describe())
                        .isEqualTo("--busy zoe=gym-class.ics: no athlete or coach 'zoe' in the plan; known: ana, mara"));
    }

    @Test
    void anUnreadableCalendarIsOneErrorNamingTheEntryTheFileAndTheLine() throws IOException {
        Files.writeString(directory.resolve("calendars/ana-work.ics"), WORK.replace("DTSTART;TZID", "DTSTART;;TZID"));
        assertThatThrownBy(() -> new PlanReader().read(plan)).isInstanceOfSatisfying(PlanFormatException.class, e -> {
            assertThat(e.jsonPath()).isEqualTo("$.athletes[0].calendars[0]");
            assertThat(e.getMessage()).startsWith("calendars/ana-work.ics: line 7: not valid iCalendar");
        });
        Files.delete(directory.resolve("calendars/ana-work.ics"));
        assertThatThrownBy(() -> new PlanReader().read(plan)).isInstanceOfSatisfying(PlanFormatException.class, e -> {
            assertThat(e.jsonPath()).isEqualTo("$.athletes[0].calendars[0]");
            assertThat(e.getMessage()).startsWith("calendars/ana-work.ics: no such file (looked for ")
                    .contains("relative to the plan file");
        });
    }

    @Test
    void badCalendarFieldsAreErrorsWithTheirPath() throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(plan.toFile());
        document.put("timeZone", "Europe/Atlantis");
        assertThat(error(document)).isEqualTo("$.timeZone: unknown time zone 'Europe/Atlantis'; use a name like "
                + "Europe/Berlin, America/New_York or UTC");
        document.put("timeZone", "UTC");
        ((ArrayNode) document.get("athletes").get(0).get("calendars")).add("calendars/ana-work.ics");
        assertThat(error(document)).startsWith("$.athletes[0].calendars[1]: 'calendars/ana-work.ics' is listed twice");
        ((ObjectNode) document.get("athletes").get(0)).put("calendars", "calendars/ana-work.ics");
        assertThat(error(document)).startsWith("$.athletes[0].calendars: expected a list");
    }

    private String error(ObjectNode document) throws IOException {
        JSON.writeValue(plan.toFile(), document);
        try {
            new PlanReader().read(plan);
            throw new AssertionError("read without error");
        } catch (PlanFormatException e) {
            return e.describe();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
