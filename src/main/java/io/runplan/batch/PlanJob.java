package io.runplan.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.BusyCalendar;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;
import io.runplan.solver.StartSlots;
import io.runplan.io.PlanWriter;
import io.runplan.solver.LegalPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plan file along the path every command that solves takes: read it (a refused file gets the message
 * {@code solve} prints), solve it with the limits scaled to its size, make it legal ({@link LegalPlan#repair}), report
 * it and build the document to write. {@code solve}, {@code batch} and the Spark job all go through here, so the same
 * file, limits and seed give the same plan from each.
 */
public final class PlanJob {

    /** Solves for at most 30 s unless told otherwise, or 1 s per 100 sessions on a plan bigger than 3,000. */
    static final int DEFAULT_SECONDS = 30;
    static final int SESSIONS_PER_DEFAULT_SECOND = 100;
    private static final int MAX_MESSAGE = 600;

    private PlanJob() {
    }

    /** A club of 200 for a month (6,800 sessions) gets 68 s: its groups alone take about 30 s on 2 cores. */
    public static int defaultSeconds(TrainingPlan plan) {
        return Math.max(DEFAULT_SECONDS, plan.getSessions().size() / SESSIONS_PER_DEFAULT_SECOND);
    }

    /**
     * A plan file runplan will not solve, or a file it cannot write: the message names the file, the place in it and
     * what to do, as {@code solve} prints it after "runplan: ".
     */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Reads {@code file} with the calendars of {@code --busy} options added; with {@code strict} an unknown field is an error. */
    public static PlanFile read(Path file, List<BusyCalendar> calendars, boolean strict) {
        return read(file, file.toString(), calendars, strict);
    }

    /**
     * Reads {@code file}, naming it {@code name} in a refusal: the Spark job reads a copy of a file of another file
     * system and names the original.
     */
    public static PlanFile read(Path file, String name, List<BusyCalendar> calendars, boolean strict) {
        if (!Files.isRegularFile(file)) {
            throw new Refused(name + ": no such file");
        }
        PlanFile plan;
        try {
            plan = new PlanReader(strict).read(file, calendars);
        } catch (PlanFormatException e) {
            throw new Refused(name + ": " + e.describe());
        }
        StartSlots.assign(plan.plan()); // reading builds no value ranges: solving needs them
        return plan;
    }

    /** What a solved plan comes to: the sessions left out to keep it legal, its report and the document to write. */
    public record Solved(TrainingPlan plan, List<LegalPlan.Unscheduled> takenOut, PlanReport report, ObjectNode document) {

        /** Writes the document to {@code target} whole or not at all. */
        public void write(Path target) {
            new PlanWriter().write(document, target);
        }

        /** "left out 2 sessions to keep the plan legal (a-1, b-3)", or null when none was. */
        public String takenOutText() {
            if (takenOut.isEmpty()) {
                return null;
            }
            return String.format(Locale.ROOT, "left out %d session%s to keep the plan legal (%s)", takenOut.size(),
                    takenOut.size() == 1 ? "" : "s",
                    String.join(", ", takenOut.stream().map(LegalPlan.Unscheduled::sessionId).toList()));
        }
    }

    /**
     * Makes {@code solved} (the search's plan for {@code input}) legal, reports it and builds its document for
     * {@code target} (calendar paths are rewritten relative to it; null keeps them as they are).
     */
    public static Solved finish(PlanFile input, TrainingPlan solved, Path target) {
        List<LegalPlan.Unscheduled> takenOut = LegalPlan.repair(PlanSolver.solutionManager(), solved);
        PlanReport report = PlanReport.of(solved).withTakenOut(takenOut);
        ObjectNode document = new PlanWriter().toDocument(input, solved, report, target);
        return new Solved(solved, takenOut, report, document);
    }

    /** The row of the batch summary for a plan that was solved and written. */
    public static SummaryRow solvedRow(String file, PlanFile input, Solved solved, double seconds) {
        List<String> notes = new ArrayList<>();
        if (solved.takenOutText() != null) {
            notes.add(solved.takenOutText());
        }
        input.warnings().forEach(warning -> notes.add("warning: " + warning));
        return new SummaryRow(file, input.plan().getAthletes().size(), input.plan().getSessions().size(),
                solved.report().score().toString(), seconds, SummaryRow.Status.SOLVED, oneLine(String.join("; ", notes)));
    }

    /**
     * The row for a plan that could not be solved: {@code failed} with solve's message for a file runplan refuses,
     * {@code error} with the internal error otherwise.
     */
    public static SummaryRow failedRow(String file, Throwable failure, double seconds) {
        if (failure instanceof Refused || failure instanceof UncheckedIOException) {
            return new SummaryRow(file, null, null, null, seconds, SummaryRow.Status.FAILED, oneLine(failure.getMessage()));
        }
        return new SummaryRow(file, null, null, null, seconds, SummaryRow.Status.ERROR,
                "internal error, please report it: " + oneLine(String.valueOf(failure)));
    }

    /** Messages quote the user's text; control characters and great lengths must not break the one line. */
    public static String oneLine(String message) {
        String flat = message == null ? "" : message.replaceAll("\\p{Cntrl}", " ");
        return flat.length() > MAX_MESSAGE ? flat.substring(0, MAX_MESSAGE) + "..." : flat;
    }
}
