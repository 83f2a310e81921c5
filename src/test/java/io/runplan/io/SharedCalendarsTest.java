package io.runplan.io;

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
 * Every calendar file in src/test/resources/calendars (from other projects' test suites and examples, see SOURCES.md
 * there) is either imported with the busy periods it must give over a stated window, and a warning at each line read
 * past, or refused with an error naming its line.
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
                        "2012-02-13T10:00/2012-02-17T18:00/artsprint 2012"),

                // The files added for issue 13, each over a window where it has busy time (or shows that it has
                // none), in a zone of its own; checked against ical.js as a second reader (docs/calendars.md).
                // ical.js agrees
                Expectation.busy("ical4j-1106817412.ics", "2005-03-21", 7, "Asia/Tokyo").warned(0),
                // ical.js agrees
                Expectation.busy("ical4j-2207678.ics", "2008-10-27", 7, "Europe/London", "2008-10-31T01:30/2008-10-31T01:40/Scheduled Reboot"),
                // ical.js agrees
                Expectation.busy("ical4j-Australian32Holidays.ics", "2002-01-21", 7, "UTC").warned(102),
                // ical.js agrees
                Expectation.busy("ical4j-Session6.ics", "2007-03-12", 7, "UTC", "2007-03-14T17:00/2007-03-14T18:00/Session #6: Signature distribution overview"),
                // ical.js agrees
                Expectation.busy("ical4j-apple-iphone-os-26-structured-location.ics", "2026-05-18", 7, "Europe/Vienna", "2026-05-22T10:30/2026-05-22T10:40/Antrag auf ID Austria").warned(34),
                // ical.js agrees
                Expectation.busy("ical4j-blankTzid.ics", "2015-08-24", 7, "UTC", "2015-08-26T09:00/2015-08-26T10:00/busy"),
                // ical.js agrees
                Expectation.busy("ical4j-calconnect.ics", "2005-04-11", 14, "UTC", "2005-04-11T13:00/2005-04-11T14:00/5 day daily repeating meeting", "2005-04-12T13:00/2005-04-12T14:00/5 day daily repeating meeting", "2005-04-13T13:00/2005-04-13T14:00/5 day daily repeating meeting", "2005-04-14T13:00/2005-04-14T14:00/5 day daily repeating meeting", "2005-04-15T13:00/2005-04-15T14:00/5 day daily repeating meeting"),
                // ical.js agrees
                Expectation.busy("ical4j-evolution2.ics", "2021-03-29", 7, "Asia/Dubai", "2021-03-31T14:00/2021-03-31T15:00/Webinar - Middle East M&A: How new tax rules impact M&A deals"),
                // ical.js agrees
                Expectation.busy("ical4j-multiple_calendars.ics", "1997-06-30", 7, "UTC", "1997-07-01T19:00/1997-07-01T19:30/Conference", "1997-07-01T18:00/1997-07-01T19:00/Phone Conference").warned(23),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("icalendar-issue_156_RDATE_with_PERIOD_TZID_khal.ics", "2018-03-26", 28, "Europe/Berlin", "2018-03-27T15:00/2018-03-27T16:00/Event", "2018-04-03T15:00/2018-04-03T16:00/Event", "2018-04-10T15:00/2018-04-10T16:00/Event", "2018-04-17T15:00/2018-04-17T16:00/Event").warned(12),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("icalendar-issue_165_missing_event.ics", "2015-06-29", 14, "UTC", "2015-07-03T08:00/2015-07-03T08:30/Sprint 25 Daily Standup", "2015-07-06T08:00/2015-07-06T08:30/Sprint 25 Daily Standup", "2015-07-07T08:00/2015-07-07T08:30/Sprint 25 Daily Standup", "2015-07-08T08:00/2015-07-08T08:30/Sprint 25 Daily Standup", "2015-07-09T08:00/2015-07-09T08:30/Sprint 25 Daily Standup", "2015-07-10T08:00/2015-07-10T08:30/Sprint 25 Daily Standup"),
                // ical.js agrees
                Expectation.busy("icalendar-issue_218_bad_tzid.ics", "2017-02-27", 7, "UTC", "2017-02-28T12:00/2017-02-28T12:30/TESTIN"),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("icalendar-issue_313_globally_unique_tzid.ics", "2020-04-20", 7, "UTC", "2020-04-26T12:00/2020-04-26T13:00/libical / Evolution globally unique TZID", "2020-04-26T18:00/2020-04-26T19:00/Mozilla Lightning globally unique TZID", "2020-04-26T17:00/2020-04-26T18:00/vendor prefix in front of a multi-part Olson name").warned(7, 13, 19),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("icalendar-issue_350.ics", "2022-02-21", 7, "Europe/Berlin", "2022-02-22T19:30/2022-02-22T20:30/Termin 4353 und\"so\"").warned(36),
                // ical.js agrees
                Expectation.busy("icalendar-issue_836_do_not_quote_tzid.ics", "2024-10-28", 7, "UTC", "2024-10-28T21:00/2024-10-28T22:00/Anonymous Test Event for TZID"),
                // ical.js agrees
                Expectation.busy("icalendar-pacific_fiji.ics", "2014-08-25", 7, "Pacific/Fiji"),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("icalendar-timezone_rdate.ics", "2012-02-13", 7, "UTC").warned(53),
                // ical.js agrees
                Expectation.busy("icalendar-timezone_same_start.ics", "2017-02-20", 7, "UTC", "2017-02-24T20:00/2017-02-24T20:30/Test 4"),
                // ical.js agrees
                Expectation.busy("icalendar-x_location.ics", "2016-10-24", 14, "UTC", "2016-10-28T12:00/2016-10-28T12:30/Daily Sync", "2016-10-31T13:00/2016-10-31T13:30/Daily Sync", "2016-11-01T13:00/2016-11-01T13:30/Daily Sync", "2016-11-02T13:00/2016-11-02T13:30/Daily Sync", "2016-11-03T13:00/2016-11-03T13:30/Daily Sync", "2016-11-04T13:00/2016-11-04T13:30/Daily Sync"),
                // ical.js agrees
                Expectation.busy("icaljs-daily_recur.ics", "2012-07-30", 7, "UTC", "2012-08-01T12:00/2012-08-01T13:00/Every day recurring", "2012-08-02T12:00/2012-08-02T13:00/Every day recurring", "2012-08-03T12:00/2012-08-03T13:00/Every day recurring", "2012-08-04T12:00/2012-08-04T13:00/Every day recurring", "2012-08-05T12:00/2012-08-05T13:00/Every day recurring"),
                // ical.js agrees
                Expectation.busy("icaljs-day_long_recur_yearly.ics", "2013-07-29", 7, "UTC"),
                // ical.js agrees
                Expectation.busy("icaljs-duration_instead_of_dtend.ics", "2012-06-25", 7, "UTC", "2012-06-30T13:00/2012-07-01T13:00/Really long event name thing"),
                // ical.js agrees
                Expectation.busy("icaljs-google_birthday.ics", "2013-12-09", 7, "America/Los_Angeles", "2013-12-10T00:00/2013-12-11T00:00/PErson #2's birthday", "2013-12-10T00:00/2013-12-11T00:00/PErson #2's birthday").warned(12, 13),
                // ical.js agrees
                Expectation.busy("icaljs-multiple_rrules.ics", "2012-03-26", 14, "UTC", "2012-03-26T18:00/2012-03-26T18:30/sahaja <> frashed", "2012-04-02T18:00/2012-04-02T18:30/sahaja <> frashed", "2012-04-01T18:00/2012-04-01T18:30/sahaja <> frashed", "2012-04-08T18:00/2012-04-08T18:30/sahaja <> frashed"),
                // ical.js agrees
                Expectation.busy("icaljs-recur_instances.ics", "2012-10-01", 7, "UTC", "2012-10-02T22:00/2012-10-02T22:30/Crazy Event Thingy!").warned(21),
                // ical.js agrees
                Expectation.busy("icaljs-utc_negative_zero.ics", "2012-08-20", 7, "UTC", "2012-08-21T21:00/2012-08-21T21:30/And another"),
                // ical.js agrees
                Expectation.busy("icalnet-EmptyLines2.ics", "2006-01-09", 14, "UTC", "2006-01-12T13:30/2006-01-12T14:00/Degree Evaluation", "2006-01-16T09:00/2006-01-16T11:00/IT Planning Mtg.", "2006-01-12T13:30/2006-01-12T14:00/Degree Evaluation", "2006-01-16T09:00/2006-01-16T11:00/IT Planning Mtg.").warned(17, 33, 50),
                // ical.js agrees
                Expectation.busy("icalnet-XProperty2.ics", "2008-01-14", 7, "UTC", "2008-01-17T23:30/2008-01-18T02:30/Busy"),
                // ical.js differs, see docs/calendars.md
                Expectation.refused("icsparser-ICal.ics", 16, "FREEBUSY '20170623T070000Z/20170223T110000Z': it e"),
                // ical.js differs, see docs/calendars.md
                Expectation.refused("icsparser-issue-343.ics", 69, "the event (UID UniqueIDValueHere) has no DTSTART, "),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("nodeical-Office-2012-owa.ics", "2020-10-26", 14, "UTC", "2020-10-28T02:30/2020-10-28T04:00/TEST Syd", "2020-10-28T17:30/2020-10-28T19:00/TEST", "2020-11-02T18:30/2020-11-02T20:00/TEST 3", "2020-11-02T18:30/2020-11-02T20:00/TEST2", "2020-11-05T18:30/2020-11-05T20:00/TEST2", "2020-11-06T18:30/2020-11-06T20:00/TEST2").warned(8, 27),
                // ical.js differs, see docs/calendars.md
                Expectation.refused("nodeical-badRRULE.ics", 50, "RRULE 'RRULE:AnythingRandom;FREQ=WEEKLY;BYDAY=FR,M"),
                // ical.js agrees
                Expectation.busy("nodeical-bad_ms_tz.ics", "2020-08-24", 7, "UTC", "2020-08-25T14:35/2020-08-25T15:50/[private]", "2020-08-27T14:35/2020-08-27T15:50/[private]"),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("nodeical-biweekly-exdate-until.ics", "2017-02-13", 28, "UTC", "2017-02-16T15:00/2017-02-17T01:00/Example of comma-separated exdates", "2017-02-27T15:00/2017-02-28T01:00/Example of comma-separated exdates", "2017-03-02T15:00/2017-03-03T01:00/Example of comma-separated exdates"),
                // ical.js differs, see docs/calendars.md
                Expectation.refused("nodeical-daily-count-exdate-recurrence-id.ics", 16, "the event 'More Treasure Hunting' ends (DTEND) bef"),
                // ical.js agrees
                Expectation.busy("nodeical-exchange-custom-tz.ics", "2019-04-29", 7, "UTC", "2019-04-30T02:00/2019-04-30T05:00/Test event"),
                // ical.js agrees
                Expectation.busy("nodeical-exchange_whole_day_moved_recurrence.ics", "2026-02-16", 14, "UTC").warned(62),
                // ical.js agrees
                Expectation.busy("nodeical-exchange_whole_day_moved_recurrence_offset_tz.ics", "2026-02-16", 14, "UTC").warned(22),
                // ical.js agrees
                Expectation.busy("nodeical-google-calendar-kiev-tz.ics", "2016-08-22", 14, "UTC", "2016-08-25T11:00/2016-08-25T12:00/repeated", "2016-08-27T11:00/2016-08-27T12:00/repeated", "2016-08-28T11:00/2016-08-28T12:00/repeated", "2016-08-26T11:00/2016-08-26T12:00/bla bla"),
                // ical.js agrees
                Expectation.busy("nodeical-google-recurrence-order.ics", "2026-02-09", 14, "UTC", "2026-02-10T17:00/2026-02-10T17:30/TEST RECURR 3", "2026-02-12T17:00/2026-02-12T17:30/TEST RECURR 3", "2026-02-11T17:30/2026-02-11T18:00/TEST RECURR 3 - MODIFIED"),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("nodeical-mixed-timezone-handling.ics", "2002-10-28", 2, "UTC", "2002-10-28T01:20/2002-10-29T01:21/No Timezone", "2002-10-28T01:20/2002-10-29T01:21/UTC Timezone", "2002-10-28T06:20/2002-10-29T06:21/Inline Timezone"),
                // ical.js differs, see docs/calendars.md
                Expectation.refused("nodeical-ms_timezones.ics", 152, "DTSTART has no ':' before its value; runplan needs"),
                // ical.js agrees
                Expectation.busy("nodeical-tentative-apple-calendar.ics", "2022-07-04", 7, "UTC", "2022-07-04T23:00/2022-07-04T23:50/Tentative", "2022-07-05T16:00/2022-07-05T17:00/Confirmed", "2022-07-07T16:00/2022-07-07T17:00/No Status"),
                // ical.js agrees
                Expectation.busy("nodeical-vfreebusy-zimbra.ics", "2014-04-14", 7, "UTC", "2014-04-16T15:15/2014-04-16T19:00/busy", "2014-04-16T19:55/2014-04-16T23:15/busy", "2014-04-17T19:30/2014-04-17T20:30/busy"),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("nodeical-windows-quoted-tz-rrule.ics", "2015-07-06", 14, "America/New_York", "2015-07-06T12:00/2015-07-06T16:00/Treasure Hunting", "2015-07-07T12:00/2015-07-07T16:00/Treasure Hunting", "2015-07-08T12:00/2015-07-08T16:00/Treasure Hunting", "2015-07-09T12:00/2015-07-09T16:00/Treasure Hunting", "2015-07-10T12:00/2015-07-10T16:00/Treasure Hunting", "2015-07-11T12:00/2015-07-11T16:00/Treasure Hunting", "2015-07-12T12:00/2015-07-12T16:00/Treasure Hunting", "2015-07-13T12:00/2015-07-13T16:00/Treasure Hunting", "2015-07-14T12:00/2015-07-14T16:00/Treasure Hunting", "2015-07-15T12:00/2015-07-15T16:00/Treasure Hunting").warned(5),
                // ical.js agrees
                Expectation.busy("recurring-daylight_saving_time.ics", "2019-03-25", 7, "UTC", "2019-03-28T07:30/2019-03-28T13:30/Montessori Schulklasse", "2019-03-29T07:30/2019-03-29T13:30/Montessori Schulklasse", "2019-03-27T18:00/2019-03-27T20:00/Chaostreff - CCCP", "2019-03-28T14:00/2019-03-28T16:00/#TEC - für Jugendliche", "2019-03-28T17:00/2019-03-28T19:00/OpenLab"),
                // ical.js differs, see docs/calendars.md
                Expectation.refused("recurring-end_before_start_event.ics", 32, "the event 'test1' ends (DTEND) before it starts (D"),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("recurring-issue_113_period_in_rdate.ics", "2023-09-18", 7, "UTC", "2023-09-20T19:00/2023-09-20T21:00/Test RDATE"),
                // ical.js agrees
                Expectation.busy("recurring-issue_151_macos_linux_difference.ics", "2014-07-28", 14, "UTC", "2014-08-02T01:30/2014-08-02T02:30/Vespers for the Feast of St. Joseph"),
                // ical.js agrees
                Expectation.busy("recurring-issue_18_cancel_status.ics", "2020-01-27", 7, "UTC", "2020-01-28T21:00/2020-01-28T22:00/one is cancelled", "2020-01-30T21:00/2020-01-30T22:00/one is cancelled"),
                // ical.js agrees
                Expectation.busy("recurring-issue_223_thunderbird.ics", "2025-04-21", 7, "UTC", "2025-04-23T08:00/2025-04-23T09:00/event", "2025-04-26T08:00/2025-04-26T09:00/event", "2025-04-27T08:00/2025-04-27T09:00/event", "2025-04-24T10:00/2025-04-24T11:00/event", "2025-04-25T08:00/2025-04-25T09:00/event"),
                // ical.js differs, see docs/calendars.md
                Expectation.busy("recurring-issue_27_t1.ics", "2020-04-20", 14, "Europe/Berlin", "2020-04-26T14:00/2020-04-26T14:30/Reoccur", "2020-04-28T14:00/2020-04-28T14:30/Reoccur").warned(22, 40),
                // ical.js agrees
                Expectation.busy("recurring-issue_62_moved_event.ics", "2021-12-13", 28, "UTC"),
                // ical.js agrees
                Expectation.busy("recurring-issue_75_range_parameter.ics", "2024-08-26", 28, "UTC", "2024-09-01T12:00/2024-09-01T14:00/ORIGINAL EVENT", "2024-09-03T12:00/2024-09-03T14:00/ORIGINAL EVENT", "2024-09-05T12:00/2024-09-05T14:00/ORIGINAL EVENT", "2024-09-07T12:00/2024-09-07T14:00/ORIGINAL EVENT", "2024-09-09T12:00/2024-09-09T14:00/ORIGINAL EVENT", "2024-09-11T12:00/2024-09-11T14:00/ORIGINAL EVENT", "2024-09-13T09:00/2024-09-13T16:00/MODIFIED EVENT", "2024-09-17T09:00/2024-09-17T16:00/MODIFIED EVENT", "2024-09-19T09:00/2024-09-19T16:00/MODIFIED EVENT", "2024-09-22T14:22/2024-09-22T16:13/EDITED EVENT", "2024-09-14T06:00/2024-09-14T13:00/MODIFIED EVENT", "2024-09-15T17:00/2024-09-15T19:00/MODIFIED EVENT"));
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
