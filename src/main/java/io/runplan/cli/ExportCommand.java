package io.runplan.cli;

import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanWriter;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code runplan export PLAN.json}: a plan as calendar files, as a week view page, or with its calendars written out. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a plan file as it is (usually a solved one): iCalendar files per athlete and coach, the "
                + "week view as one HTML page, or the plan with its calendars' busy time written out as busy entries.")
public class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN.json", description = "The plan file to export (docs/plan-format.md); never modified.")
    Path planFile;

    @Option(names = "--ics", paramLabel = "DIR",
            description = "Write athlete-ID.ics (sessions), athlete-ID-busy.ics (\"Training\" blocks) and coach-ID.ics into DIR.")
    Path ics;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the week view: one self-contained HTML page.")
    Path html;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Write the plan with every calendar's busy time written out as busy entries (for a program "
                    + "that reads no calendars, such as a checker holding the solved plan against its input).")
    Path plan;

    @Mixin
    StrictOption strictness = new StrictOption();

    @Mixin
    BusyCalendarsOption busy = new BusyCalendarsOption();

    @Override
    public Integer call() {
        if (ics == null && html == null && plan == null) {
            throw new RunplanCommand.BadInputException("nothing to export: give --ics DIR, --html FILE or --plan FILE");
        }
        PlanExports.checkTargets(planFile, ics, html);
        if (plan != null && PlanExports.sameFile(planFile, plan)) {
            throw new RunplanCommand.BadInputException(plan + ": is the input file; runplan never writes over its input, "
                    + "choose another --plan");
        }
        PlanFile input = PlanInput.read(planFile, busy.calendars, strictness.strict, spec.commandLine().getErr());
        TrainingPlan read = StartSlots.assign(input.plan());
        PrintWriter out = spec.commandLine().getOut();
        if (plan != null) {
            PlanWriter writer = new PlanWriter();
            writer.write(writer.withCalendarBusy(input, plan), plan);
            out.printf(Locale.ROOT, "Wrote %s%n", plan);
        }
        if (ics != null || html != null) {
            PlanExports.write(input, read, PlanReport.of(read), ics, html, out);
        }
        out.flush();
        return RunplanCommand.EXIT_OK;
    }
}
