package io.runplan.cli;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.Reason;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Renders a plan and its report for the console: week tables, the score, unscheduled sessions, cost per rule. */
final class PlanPrinter {

    private final PrintWriter out;

    PlanPrinter(PrintWriter out) {
        this.out = out;
    }

    /** Per athlete, days down and the day's sessions and busy blocks across, in time order. */
    void printWeeks(TrainingPlan plan) {
        printWeeks(plan, athlete -> true);
    }

    /** The week tables of the athletes {@code shown} accepts. */
    void printWeeks(TrainingPlan plan, Predicate<Athlete> shown) {
        Horizon horizon = plan.getHorizon();
        for (Athlete athlete : plan.getAthletes()) {
            if (!shown.test(athlete)) {
                continue;
            }
            List<Session> sessions = plan.sessionsOf(athlete);
            out.printf(Locale.ROOT, "%n%s%s  day %s%n", athlete.id(),
                    athlete.name().equals(athlete.id()) ? "" : " (" + athlete.name() + ")", athlete.day());
            out.println("  day          H  sessions, [busy]        (H = hard day: a speed session or long run)");
            for (int day = 0; day < horizon.days(); day++) {
                List<Cell> cells = new ArrayList<>();
                boolean hard = plan.isHardDay(athlete, day);
                for (Session session : sessions) {
                    if (session.isScheduled() && session.getDay() == day) {
                        cells.add(new Cell(session.getMinuteOfDay(), describe(session)));
                    }
                }
                for (BusyBlock block : athlete.busy()) {
                    int dayStart = day * Minutes.PER_DAY;
                    int from = Math.max(block.getStart(), dayStart);
                    int to = Math.min(block.getEnd(), dayStart + Minutes.PER_DAY);
                    if (from < to) {
                        cells.add(new Cell(from - dayStart, "[" + Minutes.clock(from - dayStart) + "-"
                                + Minutes.clock(to - dayStart) + " " + block.getLabel() + "]"));
                    }
                }
                cells.sort(Comparator.comparingInt(Cell::minuteOfDay));
                out.printf(Locale.ROOT, "  %-12s %s  %s%n", horizon.describeDay(day), hard ? "H" : " ",
                        String.join("  ", cells.stream().map(Cell::text).toList()));
            }
        }
    }

    private static String describe(Session session) {
        StringBuilder text = new StringBuilder();
        text.append(Minutes.clock(session.getMinuteOfDay())).append('-')
                .append(Minutes.clock(Minutes.minuteOfDay(session.getEnd())))
                .append(' ').append(session.getType().label())
                .append(" (").append(session.getId());
        if (!session.getLocation().equals(session.getType().defaultLocation())) {
            text.append(" @").append(session.getLocation());
        }
        if (session.getCoach() != null) {
            text.append(" with ").append(session.getCoach().id());
        }
        if (session.isPinned()) {
            text.append(", pinned");
        }
        return text.append(')').toString();
    }

    private record Cell(int minuteOfDay, String text) {
    }

    /** The score and what it means; when no plan of the problem can score better (SoftBound), it says so. */
    void printScore(TrainingPlan plan, PlanReport report) {
        out.printf(Locale.ROOT, "%nScore %s  (%s)%n", report.score(), PlanReport.verdict(plan, report.score()));
    }

    /** What a score means ({@link PlanReport#verdict}). */
    static String meaning(HardMediumSoftScore score) {
        return PlanReport.verdict(score);
    }

    /** Every broken hard rule, with one line per match naming the sessions. */
    void printBrokenRules(PlanReport report) {
        for (PlanReport.RuleScore rule : report.ofLevel(Rule.Level.HARD)) {
            out.printf(Locale.ROOT, "%nBROKEN %s (%s, %d)%n", rule.rule().ruleName(), rule.score(), rule.reasons().size());
            for (Reason reason : rule.reasons()) {
                out.println("  - " + reason.text());
            }
        }
    }

    void printUnscheduled(PlanReport report) {
        if (report.unscheduledReasons().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%nUnscheduled sessions (%d):%n", report.unscheduledReasons().size());
        report.unscheduledReasons().forEach((id, reason) -> out.println("  - " + id + ": " + reason));
    }

    /** The soft cost per rule, every soft rule listed (0 included) so the table reads the same for every plan. */
    void printSoftCosts(TrainingPlan plan, PlanReport report, boolean withReasons) {
        out.printf(Locale.ROOT, "%nSoft cost per rule (penalty = weight x size):%n");
        for (Rule rule : Rule.values()) {
            if (rule.level() != Rule.Level.SOFT) {
                continue;
            }
            var score = report.rules().stream().filter(r -> r.rule() == rule).findFirst();
            int weight = plan.getWeights().of(rule);
            out.printf(Locale.ROOT, "  %-17s %7d   (%d matches, weight %d%s)%n", rule.ruleName(),
                    score.map(s -> -s.score().softScore()).orElse(0),
                    score.map(s -> s.reasons().size()).orElse(0), weight, weight == 0 ? ", switched off" : "");
            if (withReasons) {
                score.ifPresent(s -> s.reasons().forEach(reason -> out.println("      " + reason.text())));
            }
        }
    }
}
