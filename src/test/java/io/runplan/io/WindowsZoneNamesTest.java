package io.runplan.io;

import io.runplan.domain.Horizon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Windows zone name of tz.alias (CLDR's windowsZones: each id, and its display name with UTC and with GMT)
 * names a real zone, and an event in it, with no VTIMEZONE in the file, imports at that zone's time.
 */
class WindowsZoneNamesTest {

    @TempDir
    Path directory;

    private static Map<String, String> aliases() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WindowsZoneNamesTest.class.getResourceAsStream("/tz.alias")) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream().collect(Collectors.toMap(Function.identity(),
                properties::getProperty, (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyCldrWindowsZoneIsThereUnderItsIdAndBothDisplayNames() throws IOException {
        Map<String, String> aliases = aliases();
        assertThat(aliases).containsEntry("Eastern Standard Time", "America/New_York")
                .containsEntry("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York")
                .containsEntry("(GMT-05:00) Eastern Time (US & Canada)", "America/New_York")
                .containsEntry("(GMT+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney")
                .containsEntry("Hawaiian Standard Time", "Pacific/Honolulu");
        long displayNames = aliases.keySet().stream().filter(name -> name.startsWith("(UTC")).count();
        long oldNames = aliases.keySet().stream().filter(name -> name.startsWith("(GMT")).count();
        assertThat(displayNames).isEqualTo(oldNames).isGreaterThanOrEqualTo(139);
        assertThat(aliases.values()).allSatisfy(zone -> assertThat(ZoneId.of(zone)).isNotNull());
    }

    @Test
    void anEventInEachImportsAtThatZonesTime() throws IOException {
        Map<String, String> aliases = aliases();
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        int n = 0;
        for (String name : aliases.keySet()) {
            String tzId = "TZID=\"" + name + "\"";
            text.append("BEGIN:VEVENT\r\nUID:").append(n++).append("\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:").append(name)
                    .append("\r\nDTSTART;").append(tzId).append(":20260115T120000\r\nDTEND;").append(tzId)
                    .append(":20260115T130000\r\nEND:VEVENT\r\n");
        }
        text.append("END:VCALENDAR\r\n");
        Path file = directory.resolve("windows.ics");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        CalendarImport.Reading reading = new CalendarImport(new Horizon(LocalDate.parse("2026-01-14"), 3, 15), ZoneOffset.UTC)
                .read(file);
        assertThat(reading.periods()).hasSize(aliases.size()).allSatisfy(period -> {
            LocalDateTime expected = LocalDateTime.parse("2026-01-15T12:00").atZone(ZoneId.of(aliases.get(period.label())))
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            assertThat(period.start()).as(period.label()).isEqualTo(expected);
        });
        // a warning for each name that is not also an IANA id ("UTC" is both)
        assertThat(reading.warnings()).isNotEmpty();
    }
}
