package io.runplan.cli;

import io.runplan.calendar.CalendarExport;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.report.SeasonPage;
import io.runplan.report.WeekPage;
import io.runplan.solver.PlanReport;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The calendars ({@code --ics DIR}) and the week view page ({@code --html FILE}) that solve and export write. */
final class PlanExports {

    private PlanExports() {
    }

    /** Refuses, before any work, outputs that would overwrite the plan file or cannot be written where asked. */
    static void checkTargets(Path planFile, Path icsDirectory, Path htmlFile) {
        if (htmlFile != null) {
            if (Files.isDirectory(htmlFile)) {
                throw new RunplanCommand.BadInputException(htmlFile + ": is a directory; --html names the page's file");
            }
            if (sameFile(planFile, htmlFile)) {
                throw new RunplanCommand.BadInputException(htmlFile + ": is the input file; runplan never writes over "
                        + "its input, choose another --html");
            }
        }
        if (icsDirectory != null && Files.exists(icsDirectory) && !Files.isDirectory(icsDirectory)) {
            throw new RunplanCommand.BadInputException(icsDirectory + ": is a file; --ics names a directory for the "
                    + "calendar files");
        }
    }

    static void write(PlanFile input, TrainingPlan plan, PlanReport report, Path icsDirectory, Path htmlFile,
            PrintWriter out) {
        if (icsDirectory != null) {
            List<Path> files = new CalendarExport(plan, report, input.timeZone(), Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .write(icsDirectory);
            out.printf(Locale.ROOT, "Wrote %d calendars to %s (%s)%n", files.size(), icsDirectory,
                    String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
        }
        if (htmlFile != null && SeasonPage.isSeason(input)) {
            new SeasonPage(input, plan, report).write(htmlFile);
            out.printf(Locale.ROOT, "Wrote %s (the season page)%n", htmlFile);
        } else if (htmlFile != null) {
            new WeekPage(plan, report, input.timeZone()).write(htmlFile);
            out.printf(Locale.ROOT, "Wrote %s%n", htmlFile);
        }
    }

    static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
