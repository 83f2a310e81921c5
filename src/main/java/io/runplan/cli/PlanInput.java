package io.runplan.cli;

import io.runplan.batch.PlanJob;
import io.runplan.io.BusyCalendar;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;
import io.runplan.solver.StartSlots;

import java.io.PrintWriter;
import java.nio.file.Path;
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
    static PlanFile read(Path file, List<BusyCalendar> calendars, boolean strict, PrintWriter err) {
        PlanFile plan;
        try {
            plan = PlanJob.read(file, calendars, strict);
        } catch (PlanJob.Refused e) {
            throw new RunplanCommand.BadInputException(e.getMessage());
        }
        return warned(file, plan, err);
    }

    /** Reads the document {@code tree} as the plan file {@code file} (whose directory calendar paths are relative to). */
    static PlanFile read(Path file, com.fasterxml.jackson.databind.JsonNode tree, boolean strict, PrintWriter err) {
        PlanFile plan;
        try {
            plan = new PlanReader(strict).read(file, tree);
        } catch (PlanFormatException e) {
            throw RunplanCommand.BadInputException.of(file, e);
        }
        StartSlots.assign(plan.plan()); // reading builds no value ranges (PlanJob.read does, for files)
        return warned(file, plan, err);
    }

    private static PlanFile warned(Path file, PlanFile plan, PrintWriter err) {
        // as errors are: "runplan: " and one line naming the plan and the JSON path (and a calendar's file and line)
        plan.warnings().forEach(warning -> err.println("runplan: warning: " + RunplanCommand.oneLine(file + ": " + warning)));
        err.flush();
        return plan;
    }
}
