package io.runplan.io;

import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Horizon;
import io.runplan.domain.Rules;
import io.runplan.domain.Weights;
import io.runplan.domain.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What counts as busy time in a calendar, and how each case of RFC 5545 lands in the plan's local time. */
class CalendarImportTest {

    private static final Horizon WEEK = new Horizon(LocalDate.parse("2026-11-23"), 7, 15);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path directory;

    private Path calendar(String... events) throws IOException {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//runplan tests//EN\r\n");
        for (String event : events) {
            text.append(event.strip().replace("\n", "\r\n")).append("\r\n");
        }
        text.append("END:VCALENDAR\r\n");
        Path file = directory.resolve("calendar-" + System.nanoTime() + ".ics");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String event(String uid, String... properties) {
        return "BEGIN:VEVENT\nUID:" + uid + "\nDTSTAMP:20261101T000000Z\n" + String.join("\n", properties) + "\nEND:VEVENT";
    }

    private static List<String> periods(Horizon horizon, ZoneId zone, Path file) {
        return new CalendarImport(horizon, zone).busyPeriods(file).stream()
                .map(p -> p.start() + "/" + p.end() + "/" + p.label()).toList();
    }

    @Test
    void anAllDayEventIsBusyOnlyWhenMarkedBusy() throws IOException {
        Path file = calendar(
                event("birthday", "SUMMARY:Ted's birthday", "DTSTART;VALUE=DATE:20261124", "DTEND;VALUE=DATE:20261125"),
                event("exam", "SUMMARY:Exam day", "DTSTART;VALUE=DATE:20261125", "TRANSP:OPAQUE"),
                event("away", "SUMMARY:Away", "DTSTART;VALUE=DATE:20261127", "DTEND;VALUE=DATE:20261129",
                        "X-MICROSOFT-CDO-BUSYSTATUS:OOF"),
                event("holiday", "SUMMARY:Holiday", "DTSTART;VALUE=DATE:20261126", "TRANSP:TRANSPARENT"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactly(
                "2026-11-25T00:00/2026-11-26T00:00/Exam day",
                "2026-11-27T00:00/2026-11-29T00:00/Away");
    }

    @Test
    void freeAndCancelledEventsAreNotBusy() throws IOException {
        Path file = calendar(
                event("free", "SUMMARY:Lunch (optional)", "DTSTART:20261123T120000", "DTEND:20261123T130000", "TRANSP:TRANSPARENT"),
                event("outlook-free", "SUMMARY:Webinar", "DTSTART:20261123T140000", "DTEND:20261123T150000",
                        "X-MICROSOFT-CDO-BUSYSTATUS:FREE"),
                event("cancelled", "SUMMARY:Board meeting", "DTSTART:20261124T090000", "DTEND:20261124T100000", "STATUS:CANCELLED"),
                event("meeting", "SUMMARY:Team meeting", "DTSTART:20261124T100000", "DTEND:20261124T110000"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactly("2026-11-24T10:00/2026-11-24T11:00/Team meeting");
    }

    @Test
    void anOverriddenInstanceReplacesTheOneItNamesAndACancelledOneRemovesIt() throws IOException {
        Path file = calendar(
                event("work", "SUMMARY:Work", "DTSTART;TZID=Europe/Berlin:20261102T083000", "DTEND;TZID=Europe/Berlin:20261102T170000",
                        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "EXDATE;TZID=Europe/Berlin:20261127T083000"),
                // Tuesday's work moved to the afternoon, Wednesday's cancelled (given in UTC: the same instant)
                event("work", "SUMMARY:Work (late shift)", "RECURRENCE-ID;TZID=Europe/Berlin:20261124T083000",
                        "DTSTART;TZID=Europe/Berlin:20261124T120000", "DTEND;TZID=Europe/Berlin:20261124T200000"),
                event("work", "SUMMARY:Work", "RECURRENCE-ID:20261125T073000Z", "STATUS:CANCELLED",
                        "DTSTART;TZID=Europe/Berlin:20261125T083000", "DTEND;TZID=Europe/Berlin:20261125T170000"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactlyInAnyOrder(
                "2026-11-23T08:30/2026-11-23T17:00/Work",
                "2026-11-24T12:00/2026-11-24T20:00/Work (late shift)",
                "2026-11-26T08:30/2026-11-26T17:00/Work");
    }

    @Test
    void recurrenceDatesAddOccurrencesAndPeriods() throws IOException {
        Path file = calendar(event("physio", "SUMMARY:Physio", "DTSTART:20261116T180000", "DURATION:PT45M",
                "RDATE:20261124T180000,20261126T073000", "RDATE;VALUE=PERIOD:20261128T100000/PT2H"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactlyInAnyOrder(
                "2026-11-24T18:00/2026-11-24T18:45/Physio",
                "2026-11-26T07:30/2026-11-26T08:15/Physio",
                "2026-11-28T10:00/2026-11-28T12:00/Physio");
    }

    @Test
    void zonedTimesFollowEachZonesOwnDaylightSavingTime() throws IOException {
        // US summer time ends a week after Europe's: 10:00 in New York is 15:00 in Berlin on 27 Oct, 16:00 on 3 Nov
        Path file = calendar("""
                BEGIN:VTIMEZONE
                TZID:America/New_York
                BEGIN:STANDARD
                DTSTART:20071104T020000
                RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
                TZOFFSETFROM:-0400
                TZOFFSETTO:-0500
                TZNAME:EST
                END:STANDARD
                BEGIN:DAYLIGHT
                DTSTART:20070311T020000
                RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
                TZOFFSETFROM:-0500
                TZOFFSETTO:-0400
                TZNAME:EDT
                END:DAYLIGHT
                END:VTIMEZONE""",
                event("seminar", "SUMMARY:Seminar", "DTSTART;TZID=America/New_York:20261020T100000",
                        "DTEND;TZID=America/New_York:20261020T113000", "RRULE:FREQ=WEEKLY;COUNT=4"));
        Horizon twoWeeks = new Horizon(LocalDate.parse("2026-10-26"), 14, 15);
        assertThat(periods(twoWeeks, BERLIN, file)).containsExactly(
                "2026-10-27T15:00/2026-10-27T16:30/Seminar",
                "2026-11-03T16:00/2026-11-03T17:30/Seminar");
    }

    @Test
    void floatingTimesAreTakenAsTheyAreAndUtcIsConverted() throws IOException {
        Path file = calendar(
                event("floating", "SUMMARY:Dentist", "DTSTART:20261123T150000", "DTEND:20261123T160000"),
                event("utc", "SUMMARY:Call", "DTSTART:20261123T150000Z", "DTEND:20261123T160000Z"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactly(
                "2026-11-23T15:00/2026-11-23T16:00/Dentist",
                "2026-11-23T16:00/2026-11-23T17:00/Call");
        assertThat(periods(WEEK, ZoneId.of("UTC"), file)).containsExactly(
                "2026-11-23T15:00/2026-11-23T16:00/Dentist",
                "2026-11-23T15:00/2026-11-23T16:00/Call");
    }

    @Test
    void aNightShiftCrossesMidnightAndTimeOutsideTheHorizonIsCut() throws IOException {
        Path file = calendar(
                event("night", "SUMMARY:Night shift", "DTSTART:20261122T190000", "DTEND:20261123T070000",
                        "RRULE:FREQ=DAILY;INTERVAL=3"),
                event("private", "SUMMARY:Therapy", "CLASS:PRIVATE", "DTSTART:20261129T230000", "DTEND:20261130T010000"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactly(
                "2026-11-23T00:00/2026-11-23T07:00/Night shift",
                "2026-11-25T19:00/2026-11-26T07:00/Night shift",
                "2026-11-28T19:00/2026-11-29T07:00/Night shift",
                "2026-11-29T23:00/2026-11-30T00:00/busy");
    }

    @Test
    void busyBlocksAreAbsoluteMinutesOfThePersonNamingTheirCalendar() throws IOException {
        Path file = calendar(event("night", "SUMMARY:Night shift", "DTSTART:20261124T190000", "DTEND:20261125T070000"));
        Athlete ana = new Athlete("ana", "Ana", Window.DEFAULT_DAY, 20, Rules.DEFAULT, Weights.DEFAULT, List.of(), List.of(), 1);
        List<BusyBlock> blocks = new CalendarImport(WEEK, BERLIN).busyBlocks(file, "calendars/ana.ics", ana);
        assertThat(blocks).singleElement().satisfies(block -> {
            assertThat(block.getOwner()).isSameAs(ana);
            assertThat(block.getStart()).isEqualTo(1440 + 19 * 60);
            assertThat(block.getEnd()).isEqualTo(2 * 1440 + 7 * 60);
            assertThat(block.getLabel()).isEqualTo("Night shift");
            assertThat(block.describe()).isEqualTo("Night shift Tue 24 Nov 19:00-Wed 25 Nov 07:00");
            assertThat(block.getCalendar()).isEqualTo("calendars/ana.ics");
        });
    }

    @Test
    void secondsRoundOutwardsToWholeMinutes() throws IOException {
        Path file = calendar(event("odd", "SUMMARY:Odd", "DTSTART:20261123T101530", "DTEND:20261123T104510"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactly("2026-11-23T10:15/2026-11-23T10:46/Odd");
    }

    @Test
    void aZoneWhoseChangesAreRdatesKeepsItsOffsetsWhateverDayItIsRead() throws IOException {
        // Berlin's summer time given as RDATEs, as some exporters write a zone; ical4j alone ran an hour off past today
        Path file = calendar("""
                BEGIN:VTIMEZONE
                TZID:Berlin by dates
                BEGIN:DAYLIGHT
                DTSTART:20250330T020000
                RDATE:20260329T020000,20270328T020000,20280326T020000
                TZOFFSETFROM:+0100
                TZOFFSETTO:+0200
                END:DAYLIGHT
                BEGIN:STANDARD
                DTSTART:20251026T030000
                RDATE:20261025T030000,20271031T030000,20281029T030000
                TZOFFSETFROM:+0200
                TZOFFSETTO:+0100
                END:STANDARD
                END:VTIMEZONE""",
                event("m", "SUMMARY:Monthly", "DTSTART;TZID=Berlin by dates:20260701T100000",
                        "DTEND;TZID=Berlin by dates:20260701T110000", "RRULE:FREQ=MONTHLY;COUNT=26"));
        Horizon twoYears = new Horizon(LocalDate.parse("2026-07-01"), 800, 15);
        List<String> utc = periods(twoYears, ZoneId.of("UTC"), file);
        assertThat(utc).hasSize(26).contains("2026-07-01T08:00/2026-07-01T09:00/Monthly",
                "2026-12-01T09:00/2026-12-01T10:00/Monthly", "2027-07-01T08:00/2027-07-01T09:00/Monthly",
                "2028-01-01T09:00/2028-01-01T10:00/Monthly", "2028-08-01T08:00/2028-08-01T09:00/Monthly");
        assertThat(periods(twoYears, BERLIN, file)).allSatisfy(p -> assertThat(p).contains("T10:00/"));
    }

    @Test
    void aZoneNamedWithoutItsVTimezoneHasJavaTimesRules() throws IOException {
        // ical4j alone read these from its own bundled zones, an hour off for zones without summer time today
        Path file = calendar(
                event("b", "SUMMARY:Brisbane", "DTSTART;TZID=Australia/Brisbane:20261123T100000", "DURATION:PT1H"),
                event("p", "SUMMARY:Perth", "DTSTART;TZID=Australia/Perth:20261123T100000", "DURATION:PT1H"),
                event("j", "SUMMARY:Johannesburg", "DTSTART;TZID=Africa/Johannesburg:20261123T100000", "DURATION:PT1H"));
        assertThat(periods(new Horizon(LocalDate.parse("2026-11-22"), 3, 15), ZoneId.of("UTC"), file)).containsExactly(
                "2026-11-23T00:00/2026-11-23T01:00/Brisbane", "2026-11-23T02:00/2026-11-23T03:00/Perth",
                "2026-11-23T08:00/2026-11-23T09:00/Johannesburg");
    }

    @Test
    void periodsOfAnRdateWithAZoneAreInThatZone() throws IOException {
        Path file = calendar(event("clinic", "SUMMARY:Clinic", "DTSTART;TZID=America/New_York:20261116T090000",
                "DTEND;TZID=America/New_York:20261116T100000",
                "RDATE;VALUE=PERIOD;TZID=America/New_York:20261124T090000/20261124T113000,20261125T090000/PT1H"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactly("2026-11-24T15:00/2026-11-24T17:30/Clinic",
                "2026-11-25T15:00/2026-11-25T16:00/Clinic");
    }

    @Test
    void anOverrideForThisAndFutureMovesTheRestOfTheSeries() throws IOException {
        Path file = calendar(
                event("club", "SUMMARY:Run club", "DTSTART;TZID=Europe/Berlin:20261102T180000",
                        "DTEND;TZID=Europe/Berlin:20261102T190000", "RRULE:FREQ=DAILY;COUNT=40"),
                // from Wednesday on an hour and a half later and half an hour longer
                event("club", "SUMMARY:Run club (later)", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20261125T180000",
                        "DTSTART;TZID=Europe/Berlin:20261125T193000", "DTEND;TZID=Europe/Berlin:20261125T210000"),
                // and Friday's, given on its own, is cancelled
                event("club", "SUMMARY:Run club", "RECURRENCE-ID;TZID=Europe/Berlin:20261127T180000", "STATUS:CANCELLED",
                        "DTSTART;TZID=Europe/Berlin:20261127T193000", "DTEND;TZID=Europe/Berlin:20261127T210000"));
        assertThat(periods(WEEK, BERLIN, file)).containsExactly(
                "2026-11-23T18:00/2026-11-23T19:00/Run club", "2026-11-24T18:00/2026-11-24T19:00/Run club",
                "2026-11-25T19:30/2026-11-25T21:00/Run club (later)", "2026-11-26T19:30/2026-11-26T21:00/Run club (later)",
                "2026-11-28T19:30/2026-11-28T21:00/Run club (later)", "2026-11-29T19:30/2026-11-29T21:00/Run club (later)");
    }

    @Test
    void dtendWinsOverADurationThatDisagreesWithIt() throws IOException {
        // RFC 5545 allows one of the two; calendar apps read DTEND, so the evening is busy
        Path file = calendar(event("party", "SUMMARY:Party", "DTSTART:20261123T180000", "DTEND:20261123T230000",
                "DURATION:PT0S"));
        CalendarImport.Reading reading = new CalendarImport(WEEK, BERLIN).read(file);
        assertThat(reading.periods()).extracting(p -> p.start() + "/" + p.end()).containsExactly("2026-11-23T18:00/2026-11-23T23:00");
        assertThat(reading.warnings()).extracting(CalendarWarning::toString).containsExactly(
                "line 10: the event 'Party' has both DTEND and DURATION PT0S, which disagree; DTEND taken");
    }

    @Test
    void everyCalendarOfAFileIsRead() throws IOException {
        Path file = directory.resolve("two.ics");
        Files.writeString(file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:a\r\n"
                + event("a", "SUMMARY:First", "DTSTART:20261123T100000", "DTEND:20261123T110000").replace("\n", "\r\n")
                + "\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:b\r\n"
                + event("b", "SUMMARY:Second", "DTSTART:20261124T100000", "DTEND:20261124T110000").replace("\n", "\r\n")
                + "\r\nEND:VCALENDAR\r\n");
        assertThat(periods(WEEK, BERLIN, file)).containsExactly("2026-11-23T10:00/2026-11-23T11:00/First",
                "2026-11-24T10:00/2026-11-24T11:00/Second");
    }

    @Test
    void anAllDaySeriesTakesADateTimeRecurrenceIdByItsDay() throws IOException {
        // Exchange marks the moved day of an all-day series with a date-time RECURRENCE-ID at midnight
        Path file = calendar(
                event("away", "SUMMARY:Away", "DTSTART;VALUE=DATE:20261123", "DTEND;VALUE=DATE:20261124",
                        "RRULE:FREQ=DAILY;COUNT=3", "X-MICROSOFT-CDO-BUSYSTATUS:OOF"),
                event("away", "SUMMARY:Away (moved)", "RECURRENCE-ID;TZID=W. Europe Standard Time:20261124T000000",
                        "DTSTART;VALUE=DATE:20261127", "DTEND;VALUE=DATE:20261128", "X-MICROSOFT-CDO-BUSYSTATUS:OOF"));
        CalendarImport.Reading reading = new CalendarImport(WEEK, BERLIN).read(file);
        assertThat(reading.periods()).extracting(p -> p.start() + "/" + p.end() + "/" + p.label()).containsExactly(
                "2026-11-23T00:00/2026-11-24T00:00/Away", "2026-11-25T00:00/2026-11-26T00:00/Away",
                "2026-11-27T00:00/2026-11-28T00:00/Away (moved)");
        assertThat(reading.warnings()).extracting(CalendarWarning::toString).contains(
                "line 17: RECURRENCE-ID '20261124T000000' is a date and time for an all-day series; taken as the day 2026-11-24");
    }

    @Test
    void problemsNameTheirLine() throws IOException {
        Path unknownZone = calendar(event("x", "SUMMARY:Mars time", "DTSTART;TZID=Mars/Olympus:20261123T100000",
                "DTEND;TZID=Mars/Olympus:20261123T110000"));
        assertThatThrownBy(() -> periods(WEEK, BERLIN, unknownZone)).isInstanceOf(CalendarFormatException.class)
                .hasMessageStartingWith("line 8: DTSTART names the time zone 'Mars/Olympus', which is defined nowhere");

        Path backwards = calendar(event("a", "SUMMARY:ok", "DTSTART:20261123T100000", "DTEND:20261123T110000"),
                event("b", "SUMMARY:Backwards", "DTSTART:20261123T100000", "DTEND:20261123T090000"));
        assertThatThrownBy(() -> periods(WEEK, BERLIN, backwards))
                .hasMessage("line 16: the event 'Backwards' ends (DTEND) before it starts (DTSTART)");

        Path everySecond = calendar(event("s", "DTSTART:20261123T100000Z", "DURATION:PT1S", "RRULE:FREQ=SECONDLY"));
        assertThatThrownBy(() -> periods(WEEK, BERLIN, everySecond)).hasMessageContaining("line 9: the event (UID s) repeats every second");

        // the bad value sits on the line after two folded ones: lines are counted in the file, not after unfolding
        Path folded = directory.resolve("folded.ics");
        Files.writeString(folded, "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:f\nSUMMARY:A long\n  summary\n"
                + "DESCRIPTION:folded\n  twice\n  here\nDTSTART:2026-11-23\nEND:VEVENT\nEND:VCALENDAR\n");
        assertThatThrownBy(() -> periods(WEEK, BERLIN, folded)).isInstanceOfSatisfying(CalendarFormatException.class,
                e -> assertThat(e.line()).isEqualTo(11));
    }

    @Test
    void whatIsNoCalendarIsRefusedAsAWhole() throws IOException {
        Path empty = directory.resolve("empty.ics");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> periods(WEEK, BERLIN, empty)).hasMessageContaining("the file is empty");

        Path binary = directory.resolve("binary.ics");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        assertThatThrownBy(() -> periods(WEEK, BERLIN, binary)).hasMessageContaining("not UTF-8 text");

        Path json = directory.resolve("plan.ics");
        Files.writeString(json, "{\"name\": \"not a calendar\"}\n");
        assertThatThrownBy(() -> periods(WEEK, BERLIN, json)).isInstanceOfSatisfying(CalendarFormatException.class,
                e -> assertThat(e).hasMessageStartingWith("line 1: not valid iCalendar"));

        Path truncated = directory.resolve("truncated.ics");
        Files.writeString(truncated, "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:t\nDTSTART:20261123T100000\n");
        assertThatThrownBy(() -> periods(WEEK, BERLIN, truncated)).isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("not valid iCalendar");

        assertThatThrownBy(() -> periods(WEEK, BERLIN, directory.resolve("missing.ics"))).hasMessage("no such file");
    }
}
