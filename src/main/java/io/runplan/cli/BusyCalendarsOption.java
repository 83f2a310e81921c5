package io.runplan.cli;

import io.runplan.io.BusyCalendar;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --busy ID=FILE.ics}: calendar files added to athletes' and coaches' busy time, for every command that reads a plan's calendars. */
final class BusyCalendarsOption {

    @Option(names = "--busy", paramLabel = "ID=FILE.ics", converter = Converter.class,
            description = "Add the busy time of an iCalendar file to athlete or coach ID (repeatable; the file is "
                    + "relative to where you run runplan).")
    List<BusyCalendar> calendars = new ArrayList<>();

    /** "ana=work.ics" into the athlete or coach id and the file; a malformed one is picocli's one-line error. */
    static final class Converter implements ITypeConverter<BusyCalendar> {

        @Override
        public BusyCalendar convert(String value) {
            int equals = value.indexOf('=');
            if (equals < 1 || equals == value.length() - 1) {
                throw new TypeConversionException("expected ID=FILE.ics, the id of an athlete or coach and a calendar "
                        + "file, e.g. --busy ana=work.ics");
            }
            String name = value.substring(equals + 1);
            return new BusyCalendar(value.substring(0, equals), Path.of(name), name);
        }
    }
}
