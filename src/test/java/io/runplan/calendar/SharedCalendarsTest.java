package io.runplan.calendar;

import io.runplan.domain.Horizon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every calendar file in src/test/resources/calendars (written by other projects' test suites, see SOURCES.md there)
 * is either imported with the busy periods read off the file by hand, or refused with an error naming its line.
 */
class SharedCalendarsTest {

    static final Path SHARED = Path.of("src", "test", "resources", "calendars");

    /**
     * What each file must give: busy periods ("start/end/label") and warnings at these lines (none unless said), or an
     * error at a line.
     */
    record Expectation(String file, String firstDay, int days, String zone, List<String> periods, List<Integer> warnings,
            int errorLine, String errorText) {

        static Expectation busy(String file, String firstDay, int days, String zone, String... periods) {
            return new Expectation(file, firstDay, days, zone, List.of(periods), List.of(), -1, null);
        }

        static Expectation refused(String file, int line, String text) {
            return new Expectation(file, "2026-11-23", 7, "UTC", List.of(), List.of(), line, text);
        }

        /** The same, read with a warning at each of these lines. */
        Expectation warned(Integer... lines) {
            return new Expectation(file, firstDay, days, zone, periods, List.of(lines), errorLine, errorText);
        }

        @Override
        public String toString() {
            return file + (errorLine >= 0 ? " refused" : " in " + zone + " from " + firstDay);
        }
    }

    static Stream<Expectation> expectations() {
        return Stream.of(
                // DAILY;COUNT=7 from 1 Jan 2006 12:00 for an hour, less the EXDATEs on the 3rd and 4th
                Expectation.busy("ical4j-EXDATE.ics", "2006-01-01", 7, "Australia/Brisbane",
                        "2006-01-01T12:00/2006-01-01T13:00/Repeating Event", "2006-01-02T12:00/2006-01-02T13:00/Repeating Event",
                        "2006-01-05T12:00/2006-01-05T13:00/Repeating Event", "2006-01-06T12:00/2006-01-06T13:00/Repeating Event",
                        "2006-01-07T12:00/2006-01-07T13:00/Repeating Event"),
                // Outlook's zone name "Canberra, Melbourne, Sydney"; weekdays 09:30-09:45 without end, 17 years on
                Expectation.busy("ical4j-Standup.ics", "2026-11-23", 7, "Australia/Sydney",
                        "2026-11-23T09:30/2026-11-23T09:45/Standup", "2026-11-24T09:30/2026-11-24T09:45/Standup",
                        "2026-11-25T09:30/2026-11-25T09:45/Standup", "2026-11-26T09:30/2026-11-26T09:45/Standup",
                        "2026-11-27T09:30/2026-11-27T09:45/Standup"),
                // the same, read in UTC in its first week: 09:30 at +11:00 (daylight saving) is 22:30 the day before
                Expectation.busy("ical4j-Standup.ics", "2009-03-09", 7, "UTC",
                        "2009-03-09T22:30/2009-03-09T22:45/Standup", "2009-03-10T22:30/2009-03-10T22:45/Standup",
                        "2009-03-11T22:30/2009-03-11T22:45/Standup", "2009-03-12T22:30/2009-03-12T22:45/Standup",
                        "2009-03-15T22:30/2009-03-15T22:45/Standup"),
                // Evolution's zone id "/softwarestudio.org/Tzfile/America/Chicago", the VTIMEZONE after the event
                Expectation.busy("ical4j-evolution.ics", "2008-06-24", 1, "UTC", "2008-06-24T18:00/2008-06-24T19:30/test"),
                // "invalid" for ical4j by a blank line before END:VCALENDAR: skipped with a warning; a yearly all-day
                // birthday marked busy (TRANSP:OPAQUE)
                Expectation.busy("ical4j-invalid-korganizer.ics", "2026-01-12", 7, "UTC",
                        "2026-01-16T00:00/2026-01-17T00:00/Ted's Birthday").warned(19),
                Expectation.refused("ical4j-invalid-overlaps.ics", 1, "expected the component VCALENDAR here, found VEVENT"),
                // every property folded after its name; MONTHLY;COUNT=12;BYDAY=2TH in UTC
                Expectation.busy("ical4j-korganizer_sample.ics", "2003-04-10", 1, "UTC",
                        "2003-04-10T03:00/2003-04-10T05:00/San Gabriel Valley Linux User Group -- general meeting"),
                Expectation.busy("ical4j-korganizer_sample.ics", "2003-03-13", 2, "America/Los_Angeles",
                        "2003-03-13T19:00/2003-03-13T21:00/San Gabriel Valley Linux User Group -- general meeting"),
                // a conference over three days, in UTC
                Expectation.busy("ical4j-rfc5545-sec4.1.ics", "1996-09-16", 7, "UTC",
                        "1996-09-18T14:30/1996-09-20T22:00/Networld+Interop Conference"),
                // the event is before the first change its VTIMEZONE lists: at that change's TZOFFSETFROM, -04:00,
                // with a warning (docs/calendars.md: ical4j took -05:00, ical.js UTC, libical -04:00)
                Expectation.busy("ical4j-rfc5545-sec4.2.ics", "1998-03-12", 1, "Europe/London",
                        "1998-03-12T12:30/1998-03-12T13:30/XYZ Project Review").warned(30),
                // only a to-do: nothing busy
                Expectation.busy("ical4j-rfc5545-sec4.4.ics", "1998-04-13", 7, "UTC"),
                // a zone named "custom_America/New_York": 08:00 EDT is 14:00 in Berlin (summer time)
                Expectation.busy("icalendar-america_new_york.ics", "2014-08-29", 1, "Europe/Berlin",
                        "2014-08-29T14:00/2014-08-29T16:00/an event with a custom tz name"),
                Expectation.refused("icalendar-broken_ical.ics", 4, "DTSTART;;VALUE=DATE-TIME"),
                Expectation.busy("icalendar-empty.ics", "2026-11-23", 7, "UTC"),
                // no DTEND or DURATION: each of the 10 occurrences takes no time (RFC 5545 3.6.1)
                Expectation.busy("icalendar-issue_1081_event_with_rrule.ics", "2025-01-01", 14, "UTC"),
                Expectation.busy("icalendar-issue_1231_recurrence.ics", "2025-04-28", 1, "UTC"),
                // three VFREEBUSY: busy-unavailable, busy (the default type), and free periods that are not busy
                Expectation.busy("icalendar-issue_798_freebusy.ics", "1997-03-08", 2, "UTC",
                        "1997-03-08T16:00/1997-03-09T00:30/unavailable", "1997-03-08T16:00/1997-03-08T19:00/busy",
                        "1997-03-08T20:00/1997-03-08T21:00/busy"),
                Expectation.refused("icalendar-multiple_timezones.ics", 28, "RDATE: '133000Z' is not a date"),
                Expectation.refused("icalendar-rfc_5545_RDATE_example.ics", 2, "has no DTSTART"),
                Expectation.refused("icalendar-rfc_7953_1.ics", 1, "found VAVAILABILITY"),
                Expectation.busy("icalendar-timezoned.ics", "2012-02-13", 7, "Europe/Vienna",
                        "2012-02-13T10:00/2012-02-17T18:00/artsprint 2012"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void importsTheBusyTimeReadOffTheFileOrRefusesItAtItsLine(Expectation expected) {
        Horizon horizon = new Horizon(LocalDate.parse(expected.firstDay()), expected.days(), 15);
        CalendarImport calendarImport = new CalendarImport(horizon, ZoneId.of(expected.zone()));
        Path file = SHARED.resolve(expected.file());
        if (expected.errorLine() >= 0) {
            assertThatThrownBy(() -> calendarImport.busyPeriods(file))
                    .isInstanceOfSatisfying(CalendarFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(expected.errorLine());
                        assertThat(e.getMessage()).startsWith("line " + expected.errorLine() + ": ")
                                .contains(expected.errorText()).doesNotContain("\n");
                    });
        } else {
            CalendarImport.Reading reading = calendarImport.read(file);
            List<String> periods = reading.periods().stream()
                    .map(p -> p.start() + "/" + p.end() + "/" + p.label()).toList();
            assertThat(periods).containsExactlyInAnyOrderElementsOf(expected.periods());
            assertThat(reading.warnings()).extracting(CalendarWarning::line).as(reading.warnings().toString())
                    .containsExactlyElementsOf(expected.warnings());
            assertThat(reading.warnings()).allSatisfy(w -> assertThat(w.text()).doesNotContain("\n", "Exception", "java."));
        }
    }

    @Test
    void everySharedCalendarHasAnExpectation() throws IOException {
        Set<String> covered = expectations().map(Expectation::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(SHARED)) {
            Map<String, Boolean> coverage = new TreeMap<>();
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ics"))
                    .forEach(n -> coverage.put(n, covered.contains(n)));
            assertThat(coverage).isNotEmpty().doesNotContainValue(false);
        }
    }

    @Test
    void readsTheFileOnceWhateverTheHorizon() {
        // the weekly stand-up over four weeks: 20 weekdays, each 15 minutes, none on a weekend
        Horizon horizon = new Horizon(LocalDate.parse("2026-11-23"), 28, 15);
        List<BusyPeriod> periods = new CalendarImport(horizon, ZoneId.of("Australia/Sydney"))
                .busyPeriods(SHARED.resolve("ical4j-Standup.ics"));
        assertThat(periods).hasSize(20).allSatisfy(p -> {
            assertThat(p.start().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(java.time.Duration.between(p.start(), p.end()).toMinutes()).isEqualTo(15);
            assertThat(p.line()).isEqualTo(22);
        });
        assertThat(periods.get(0).start()).isEqualTo(LocalDateTime.parse("2026-11-23T09:30"));
    }
}
