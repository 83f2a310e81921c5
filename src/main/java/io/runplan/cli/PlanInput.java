package io.runplan.cli;

import io.runplan.io.BusyCalendar;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plan file a command was given, turning format errors into the one-line message users see, and printing
 * on stderr a warning for each unknown field and for each fault of its calendars that was read past.
 */
final class PlanInput {

    private PlanInput() {
    }

    static PlanFile read(Path file, boolean strict, PrintWriter err) {
        return read(file, List.of(), strict, err);
    }

    /**
     * Reads {@code file} with the calendars of {@code --busy ID=FILE.ics} options added; warnings go to {@code err};
     * with {@code strict} an unknown field is an error.
     */
    static PlanFile read(Path file, List<String> busyOptions, boolean strict, PrintWriter err) {
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
        PlanFile plan;
        try {
            plan = new PlanReader(strict).read(file, calendars);
        } catch (PlanFormatException e) {
            throw RunplanCommand.BadInputException.of(file, e);
        }
        // as errors are: "runplan: " and one line naming the plan and the JSON path (and a calendar's file and line)
        plan.warnings().forEach(warning -> err.println("runplan: warning: " + RunplanCommand.oneLine(file + ": " + warning)));
        err.flush();
        return plan;
    }
}
