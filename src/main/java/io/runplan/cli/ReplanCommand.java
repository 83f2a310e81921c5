package io.runplan.cli;

import io.runplan.domain.Horizon;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanWriter;
import io.runplan.replan.Change;
import io.runplan.replan.ReplanRequest;
import io.runplan.replan.Replanner;
import io.runplan.solver.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code runplan replan SOLVED.json --now TIME}: re-plans the rest of the horizon after missed sessions, new busy time
 * or days off, moving as few sessions as it can, and says what moved and why.
 */
@Command(name = "replan", mixinStandardHelpOptions = true,
        description = "Re-plan the rest of a solved plan after real life: sessions before --now are done (pinned) "
                + "unless --missed; --busy-time and --off add busy time. Moves as few sessions as it can, prints each "
                + "change with its reason and the score before and after, and writes the re-planned plan (by "
                + "default NAME.replanned.json next to the input).")
public class ReplanCommand implements Callable<Integer> {

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";
    private static final Pattern BUSY = Pattern.compile("(" + TIME + ")/(" + TIME + ")(?::(.*))?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOLVED.json", description = "The plan to revise (docs/plan-format.md, with starts); never modified.")
    Path planFile;

    @Option(names = "--now", required = true, paramLabel = "TIME",
            description = "Re-plan from this local time (2026-11-25T12:00): sessions that started before it are done.")
    String now;

    @Option(names = "--missed", arity = "1..*", paramLabel = "ID",
            description = "Sessions due before --now that did not happen: placed again after --now if the rules allow.")
    List<String> missed = new ArrayList<>();

    @Option(names = "--busy-time", arity = "1..*", paramLabel = "START/END[:label]",
            description = "New busy time of the athlete, e.g. 2026-11-26T06:00/2026-11-26T07:30:dentist (a time block; "
                    + "solve, check and export take --busy ID=FILE.ics, a calendar file).")
    List<String> busy = new ArrayList<>();

    @Option(names = "--off", arity = "1..*", paramLabel = "DATE",
            description = "Whole days the athlete cannot train (sick, travel), e.g. 2026-11-27; busy blocks labelled 'off'.")
    List<String> off = new ArrayList<>();

    @Option(names = "--athlete", paramLabel = "ID",
            description = "Re-plan this athlete only: everyone else's sessions stay, except coached groups of this "
                    + "athlete's, which move whole or not at all. Needed for --busy-time and --off when the plan has several athletes.")
    String athlete;

    @Option(names = "--out", paramLabel = "REPLANNED.json", description = "Where to write the re-planned plan.")
    Path out;

    @Option(names = "--problem-out", paramLabel = "FILE",
            description = "Write the re-planning problem as a plan file and stop, without solving: done sessions pinned,"
                    + " the others with their previous starts and bound by 'dates' to the day of --now or later, missed"
                    + " ones without a start, new busy time added. For the benchmark (a re-plan case) and other solvers.")
    Path problemOut;

    /** Solves for at most 10 s unless told otherwise. */
    static final int DEFAULT_SECONDS = 10;

    @Mixin
    SolverLimits limits = new SolverLimits();

    @Mixin
    StrictOption strictness = new StrictOption();

    @Override
    public Integer call() {
        limits.validate();
        ReplanRequest request = new ReplanRequest(time(now), athlete, missed, busy.stream().map(ReplanCommand::busy).toList(),
                off.stream().map(ReplanCommand::date).toList());
        Path target = out != null ? out : defaultOutput(planFile);
        if (Files.exists(planFile) && Files.exists(target) && SolveCommand.sameFile(planFile, target)) {
            throw new RunplanCommand.BadInputException(target + ": is the input file; runplan never writes over its "
                    + "input, choose another --out");
        }
        PlanFile input = PlanInput.read(planFile, strictness.strict, spec.commandLine().getErr());
        Replanner replanner = new Replanner();
        Replanner.Replan replan;
        try {
            replan = replanner.prepare(input, request);
        } catch (PlanFormatException e) {
            throw RunplanCommand.BadInputException.of(planFile, e);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (problemOut != null) {
            if (Files.exists(planFile) && Files.exists(problemOut) && SolveCommand.sameFile(planFile, problemOut)) {
                throw new RunplanCommand.BadInputException(problemOut + ": is the input file; runplan never writes over"
                        + " its input, choose another --problem-out");
            }
            new PlanWriter().write(replanner.problemAsPlanFile(replan), problemOut);
            stdout.printf(Locale.ROOT, "Wrote the re-planning problem to %s (%d done, %d missed, %d busy block(s) added)%n",
                    problemOut, replan.done().size(), replan.missed().size(), replan.addedBusy().size());
            stdout.flush();
            return RunplanCommand.EXIT_OK;
        }
        TrainingPlan plan = replan.plan();
        err.printf(Locale.ROOT, "Re-planning %s from %s%s: %d session(s) done, %d missed, %d busy block(s) added, %d session(s)"
                        + " held where they are (%s)%n", planFile, plan.getHorizon().describe(Math.max(replan.now(), 0)),
                athlete == null ? "" : " for " + athlete, replan.done().size(), replan.missed().size(),
                replan.addedBusy().size(), replan.heldFixed().size(),
                limits.describe(DEFAULT_SECONDS));
        var config = limits.config(DEFAULT_SECONDS);
        long startNanos = System.nanoTime();
        Replanner.ReplanResult result = replanner.solve(replan, config, best -> {
            if (best.getScore() != null) { // sessions may stay unassigned: every plan is initialized
                err.printf(Locale.ROOT, "  %6.1f s  best %s%n", (System.nanoTime() - startNanos) / 1e9, best.getScore());
                err.flush();
            }
        });
        err.printf(Locale.ROOT, "  %6.1f s  done: %s%n", (System.nanoTime() - startNanos) / 1e9, result.scoreAfter());
        err.flush();

        Set<String> changedAthletes = result.changes().stream().map(Change::athleteId).collect(Collectors.toSet());
        if (athlete != null) {
            changedAthletes.add(athlete);
        }
        PlanPrinter printer = new PlanPrinter(stdout);
        printer.printWeeks(result.solved(), a -> changedAthletes.contains(a.id()) || plan.getAthletes().size() == 1);
        printChanges(stdout, result);
        stdout.printf(Locale.ROOT, "%nScore before re-planning  %s  (the old starts in the new calendar: %s)%n",
                result.scoreBefore(), PlanPrinter.meaning(result.scoreBefore()));
        stdout.printf(Locale.ROOT, "Score after re-planning   %s  (%s)%n", result.scoreAfter(),
                PlanReport.verdict(result.solved(), result.scoreAfter()));
        printer.printBrokenRules(result.report());
        printer.printUnscheduled(result.report());
        printer.printSoftCosts(result.solved(), result.report(), false);
        new PlanWriter().write(result.document(), target);
        stdout.printf(Locale.ROOT, "%nWrote %s%n", target);
        stdout.flush();
        return RunplanCommand.EXIT_OK;
    }

    /** One line per change: what, from, to, why. */
    static void printChanges(PrintWriter out, Replanner.ReplanResult result) {
        Horizon horizon = result.solved().getHorizon();
        List<Change> changes = result.changes();
        long missedCount = changes.stream().filter(c -> c.why() == Change.Why.MISSED).count();
        out.printf(Locale.ROOT, "%nChanges: %d moved, %d dropped, %d missed (%d placed again)%s%n", result.moved(),
                result.dropped(), missedCount,
                changes.stream().filter(c -> c.why() == Change.Why.MISSED && c.to() != null).count(),
                changes.isEmpty() ? ": nothing had to change" : "");
        int idWidth = changes.stream().mapToInt(c -> c.sessionId().length()).max().orElse(0);
        for (Change change : changes) {
            out.printf(Locale.ROOT, "  %-7s  %-" + idWidth + "s  %-16s -> %-16s  %s%n", change.kind(), change.sessionId(),
                    change.from() == null ? "unscheduled" : horizon.describe(change.from()),
                    change.to() == null ? "unscheduled" : horizon.describe(change.to()), change.reason());
        }
        result.replan().addedBusy().stream().filter(Replanner.AddedBusy::clipped).forEach(block -> out.printf(Locale.ROOT,
                "  note: the new busy block '%s' began before --now; it starts at --now (%s)%n", block.label(),
                horizon.describe(block.start())));
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return input.resolveSibling(stem + ".replanned.json");
    }

    private static LocalDateTime time(String text) {
        if (text.matches(TIME)) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw new RunplanCommand.BadInputException("--now '" + text + "': expected a local time like 2026-11-25T12:00");
    }

    private static ReplanRequest.NewBusy busy(String text) {
        Matcher m = BUSY.matcher(text);
        if (m.matches()) {
            try {
                return new ReplanRequest.NewBusy(LocalDateTime.parse(m.group(1)), LocalDateTime.parse(m.group(2)), m.group(3));
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw new RunplanCommand.BadInputException("--busy-time '" + text
                + "': expected START/END[:label] like 2026-11-26T06:00/2026-11-26T07:30:dentist");
    }

    private static LocalDate date(String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw new RunplanCommand.BadInputException("--off '" + text + "': expected a date like 2026-11-27");
    }
}
