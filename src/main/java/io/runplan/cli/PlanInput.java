package io.runplan.cli;

import io.runplan.io.BusyCalendar;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the plan file a command was given, turning format errors into the one-line message users see. */
final class PlanInput {

    private PlanInput() {
    }

    static PlanFile read(Path file) {
        return read(file, List.of());
    }

    /** Reads {@code file} with the calendars of {@code --busy ID=FILE.ics} options added. */
    static PlanFile read(Path file, List<String> busyOptions) {
        if (!Files.isRegularFile(file)) {
            throw new RunplanCommand.BadInputException(file + ": no such file");
        }
        List<BusyCalendar> calendars = new ArrayList<>();
        for (String option : busyOptions == null ? List.<String>of() : busyOptions) {
            int equals = option.indexOf('=');
            if (equals < 1 || equals == option.length() - 1) {
                throw new RunplanCommand.BadInputException("--busy " + option + ": expected ID=FILE.ics, the id of an "
                        + "athlete or coach and a calendar file, e.g. --busy ana=work.ics");
            }
            String name = option.substring(equals + 1);
            calendars.add(new BusyCalendar(option.substring(0, equals), Path.of(name), name));
        }
        try {
            return new PlanReader().read(file, calendars);
        } catch (PlanFormatException e) {
            throw RunplanCommand.BadInputException.of(file, e);
        }
    }
}
