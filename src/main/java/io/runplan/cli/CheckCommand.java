package io.runplan.cli;

import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
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
import java.util.concurrent.Callable;

/** {@code runplan check PLAN.json}: scores a plan as it is and lists every broken rule with its reason. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Score a plan file as it is (a hand-made plan or an earlier answer) and list every broken rule. "
                + "Exit code 1 if a hard rule is broken, 2 if the file is malformed.")
public class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN.json", description = "The plan file to check (docs/plan-format.md).")
    Path planFile;

    @Option(names = "--weeks", description = "Also print the week table of every athlete.")
    boolean weeks;

    @Option(names = "--reasons", description = "Also list every soft match with its reason.")
    boolean reasons;

    @Mixin
    StrictOption strictness = new StrictOption();

    @Mixin
    BusyCalendarsOption busy = new BusyCalendarsOption();

    @Override
    public Integer call() {
        PlanFile input = PlanInput.read(planFile, busy.calendars, strictness.strict, spec.commandLine().getErr());
        TrainingPlan plan = StartSlots.assign(input.plan());
        PlanReport report = PlanReport.of(plan);
        PrintWriter out = spec.commandLine().getOut();
        PlanPrinter printer = new PlanPrinter(out);
        if (weeks) {
            printer.printWeeks(plan);
        }
        printer.printScore(plan, report);
        printer.printBrokenRules(report);
        printer.printUnscheduled(report);
        printer.printSoftCosts(plan, report, reasons);
        out.flush();
        return report.isFeasible() ? RunplanCommand.EXIT_OK : RunplanCommand.EXIT_HARD_BROKEN;
    }
}
