package io.runplan.io;

import io.runplan.domain.Horizon;
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

/**
 * Calendars as they come: what cannot change busy time is read past with a warning naming its line; what can is
 * refused naming the line and the property, in words.
 */
class CalendarLeniencyTest {

    private static final Horizon WEEK = new Horizon(LocalDate.parse("2026-11-23"), 7, 15);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String MEETING = "2026-11-23T10:00/2026-11-23T11:00/Meeting";

    @TempDir
    Path directory;

    /** A file of these lines (joined with CRLF), each event given in full. */
    private Path file(String... lines) throws IOException {
        Path file = directory.resolve("calendar-" + System.nanoTime() + ".ics");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    /** A calendar with one event "Meeting" on Monday 10:00-11:00 floating, {@code extra} lines inside it (from line 8). */
    private Path meeting(String... extra) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VEVENT", "UID:m", "DTSTAMP:20261101T000000Z", "SUMMARY:Meeting"));
        lines.addAll(List.of(extra));
        lines.addAll(List.of("END:VEVENT", "END:VCALENDAR"));
        return file(lines.toArray(String[]::new));
    }

    private static CalendarImport.Reading read(Path file) {
        return new CalendarImport(WEEK, BERLIN).read(file);
    }

    private static List<String> periods(CalendarImport.Reading reading) {
        return reading.periods().stream().map(p -> p.start() + "/" + p.end() + "/" + p.label()).toList();
    }

    private static List<String> warnings(CalendarImport.Reading reading) {
        return reading.warnings().stream().map(CalendarWarning::toString).toList();
    }

    @Test
    void blankLinesAreSkippedWithAWarning() throws IOException {
        CalendarImport.Reading reading = read(file("BEGIN:VCALENDAR", "VERSION:2.0", "", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:m", "", "", "DTSTAMP:20261101T000000Z", "SUMMARY:Meeting", "DTSTART:20261123T100000",
                "DTEND:20261123T110000", "END:VEVENT", "END:VCALENDAR", "", ""));
        assertThat(periods(reading)).containsExactly(MEETING);
        assertThat(warnings(reading)).containsExactly("line 3: a blank line (RFC 5545 has none); skipped",
                "line 7: 2 blank lines (RFC 5545 has none; the last at line 8); skipped");
    }

    @Test
    void stampsNotInUtcAreReadPastSinceNoBusyTimeHangsOnThem() throws IOException {
        CalendarImport.Reading reading = read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000",
                "CREATED:20261101T090000", "LAST-MODIFIED:20261101T090000"));
        assertThat(periods(reading)).containsExactly(MEETING);
        assertThat(warnings(reading)).containsExactly(
                "line 10: CREATED 20261101T090000 is not in UTC (RFC 5545 wants a Z at the end); runplan does not use it",
                "line 11: LAST-MODIFIED 20261101T090000 is not in UTC (RFC 5545 wants a Z at the end); runplan does not use it");
    }

    @Test
    void malformedAttendeesAndOrganizersAreNotReadAtAll() throws IOException {
        CalendarImport.Reading reading = read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000",
                "ATTENDEE;CN=Foo Bar;ROLE=REQ-PARTICIPANT:MAILTO:foo bar@example.com",
                "ATTENDEE;CN=Team: Sales:mailto:sales@example.com",
                "ORGANIZER;CN=\"Boss:mailto:boss@example.com"));
        assertThat(periods(reading)).containsExactly(MEETING);
        // the unclosed quote would swallow the rest of the file in ical4j's tokenizer, so that line goes first
        assertThat(warnings(reading)).containsExactly(
                "line 12: ORGANIZER has a quote that does not close; skipped, runplan does not need it for busy time in "
                        + "\"ORGANIZER;CN=\"Boss:mailto:boss@example.com\"");
    }

    @Test
    void anEmptyRuleRepeatsNothingAndAnExtensionPartIsIgnored() throws IOException {
        CalendarImport.Reading reading = read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000", "RRULE:",
                "EXDATE:"));
        assertThat(periods(reading)).containsExactly(MEETING);
        assertThat(warnings(reading)).containsExactly("line 10: an empty RRULE (nothing to repeat or leave out); skipped",
                "line 11: an empty EXDATE (nothing to repeat or leave out); skipped");

        CalendarImport.Reading evolution = read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000",
                "RRULE:FREQ=DAILY;COUNT=2;X-EVOLUTION-ENDDATE=20261124T110000Z"));
        assertThat(periods(evolution)).containsExactly(MEETING, "2026-11-24T10:00/2026-11-24T11:00/Meeting");
        assertThat(warnings(evolution)).singleElement().asString().startsWith("line 10: RRULE part X-EVOLUTION-ENDDATE");
    }

    @Test
    void aPropertyRunplanDoesNotNeedIsSkippedWhenItCannotBeRead() throws IOException {
        CalendarImport.Reading reading = read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000", "GEO:north;south",
                "PRIORITY:high"));
        assertThat(periods(reading)).containsExactly(MEETING);
        assertThat(reading.warnings()).extracting(CalendarWarning::line).containsExactly(10);
        assertThat(warnings(reading).get(0)).startsWith("line 10: GEO 'north;south' cannot be read (")
                .endsWith("skipped, runplan does not need it for busy time").doesNotContain("Exception", "java.");
    }

    @Test
    void aZoneWithoutTzidAndSpacesAroundATzidAreReadPast() throws IOException {
        CalendarImport.Reading reading = read(file("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VTIMEZONE", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100",
                "END:STANDARD", "END:VTIMEZONE",
                "BEGIN:VTIMEZONE", "TZID:Office ", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0500", "END:STANDARD", "END:VTIMEZONE",
                "BEGIN:VEVENT", "UID:m", "DTSTAMP:20261101T000000Z", "SUMMARY:Meeting",
                "DTSTART;TZID=\" Office\":20261123T040000", "DTEND;TZID=Office:20261123T050000", "END:VEVENT", "END:VCALENDAR"));
        assertThat(periods(reading)).containsExactly(MEETING);
        assertThat(warnings(reading)).containsExactly("line 4: a VTIMEZONE without TZID, so no time can name it; skipped",
                "line 12: TZID \"Office \" has spaces around it; read as \"Office\"",
                "line 23: TZID \" Office\" has spaces around it; read as \"Office\"");
    }

    @Test
    void windowsZoneNamesWithoutAVTimezoneAreReadAsCldrMapsThemWithAWarning() throws IOException {
        CalendarImport.Reading reading = read(file("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VEVENT", "UID:ny", "DTSTAMP:20261101T000000Z", "SUMMARY:New York",
                "DTSTART;TZID=\"(UTC-05:00) Eastern Time (US & Canada)\":20261123T090000",
                "DTEND;TZID=\"(UTC-05:00) Eastern Time (US & Canada)\":20261123T100000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:syd", "DTSTAMP:20261101T000000Z", "SUMMARY:Sydney",
                "DTSTART;TZID=\"(GMT+10:00) Canberra, Melbourne, Sydney\":20261124T090000",
                "DTEND;TZID=\"(GMT+10:00) Canberra, Melbourne, Sydney\":20261124T100000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:id", "DTSTAMP:20261101T000000Z", "SUMMARY:Berlin",
                "DTSTART;TZID=W. Europe Standard Time:20261125T090000",
                "DTEND;TZID=W. Europe Standard Time:20261125T100000", "END:VEVENT", "END:VCALENDAR"));
        // New York is at -05:00, Sydney at +11:00 (its summer) and Berlin at +01:00 in late November
        assertThat(periods(reading)).containsExactly("2026-11-23T15:00/2026-11-23T16:00/New York",
                "2026-11-23T23:00/2026-11-24T00:00/Sydney", "2026-11-25T09:00/2026-11-25T10:00/Berlin");
        assertThat(warnings(reading)).containsExactly(
                "line 8: the time zone '(UTC-05:00) Eastern Time (US & Canada)' has no VTIMEZONE in the file; read as "
                        + "the Windows zone it names, America/New_York",
                "line 15: the time zone '(GMT+10:00) Canberra, Melbourne, Sydney' has no VTIMEZONE in the file; read as "
                        + "the Windows zone it names, Australia/Sydney",
                "line 22: the time zone 'W. Europe Standard Time' has no VTIMEZONE in the file; read as the Windows zone "
                        + "it names, Europe/Berlin");
    }

    @Test
    void whatDecidesBusyTimeIsRefusedAtItsLineInWords() throws IOException {
        assertThatThrownBy(() -> read(meeting("DTSTART:2026-11-23 10:00", "DTEND:20261123T110000")))
                .hasMessage("line 8: DTSTART: '2026-11-23 10:00' is not a date (20261125) or date-time (20261125T130000, "
                        + "Z at the end for UTC); runplan needs it for the busy time of this event, so fix that line");
        assertThatThrownBy(() -> read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000", "RRULE:FREQ=WEEKLY;BYDAY=XX")))
                .hasMessageStartingWith("line 10: RRULE 'FREQ=WEEKLY;BYDAY=XX': 'XX' is not a day of the week");
        assertThatThrownBy(() -> read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000", "RRULE:FREQ=DAILY;BYDY=MO")))
                .hasMessageStartingWith("line 10: RRULE part BYDY=MO: 'BYDY' is not a part of a recurrence rule");
        assertThatThrownBy(() -> read(meeting("DTSTART:20261123T100000", "DTEND:20261123T110000", "RDATE:20261124X100000")))
                .hasMessageStartingWith("line 10: RDATE: '20261124X100000' is not a date");
        assertThatThrownBy(() -> read(meeting("DTSTART:20261123T100000", "DURATION:1H")))
                .hasMessageStartingWith("line 9: DURATION '1H': not a duration");
        assertThatThrownBy(() -> read(meeting("DTSTART;TZID=Atlantis/Central:20261123T100000", "DURATION:PT1H")))
                .hasMessageStartingWith("line 8: DTSTART names the time zone 'Atlantis/Central', which is defined nowhere");
        // at the DTEND, not at the CREATED before it nor at the event's first line
        assertThatThrownBy(() -> read(meeting("CREATED:20261101T000000Z", "DTSTART:20261123T100000", "DTEND:20261123T090000")))
                .hasMessage("line 10: the event 'Meeting' ends (DTEND) before it starts (DTSTART)");
    }

    @Test
    void noMessageNamesAJavaClass() throws IOException {
        for (String broken : List.of("RRULE:FREQ=SOMETIMES", "RRULE:FREQ=DAILY;COUNT=many", "RRULE:FREQ=DAILY;UNTIL=tomorrow",
                "EXDATE;VALUE=PERIOD:nonsense", "RECURRENCE-ID:yesterday", "DTEND;TZID=Europe/Berlin:20261123T1100Z")) {
            assertThatThrownBy(() -> read(meeting("DTSTART:20261123T100000", broken)))
                    .isInstanceOf(CalendarFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage()).as(broken).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]")
                            .doesNotContain("Exception").startsWith("line "));
        }
    }
}
