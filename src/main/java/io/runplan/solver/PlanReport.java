package io.runplan.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan scores and why: per rule its score and one reason per match, and for every unscheduled session the
 * reason it did not fit.
 */
public record PlanReport(HardMediumSoftScore score, List<RuleScore> rules, Map<String, String> unscheduledReasons) {

    /** One rule's part of the score. */
    public record RuleScore(Rule rule, HardMediumSoftScore score, List<Reason> reasons) {
    }

    /**
     * Finding why a session does not fit tries every start it has; past this many sessions (a plan cut short long
     * before every session was placed) the rest get a short reason, so a report stays quick.
     */
    static final int SEARCHED_REASONS = 25;

    public static PlanReport of(TrainingPlan plan) {
        return of(PlanSolver.solutionManager(), plan);
    }

    public static PlanReport of(SolutionManager<TrainingPlan, HardMediumSoftScore> manager, TrainingPlan plan) {
        ScoreAnalysis<HardMediumSoftScore> analysis = manager.analyze(plan, ScoreAnalysisFetchPolicy.FETCH_ALL);
        List<RuleScore> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            ConstraintAnalysis<HardMediumSoftScore> constraint = analysis.constraintMap().values().stream()
                    .filter(c -> c.constraintRef().constraintName().equals(rule.ruleName()))
                    .findFirst().orElse(null);
            if (constraint == null || constraint.score().isZero()) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            for (MatchAnalysis<HardMediumSoftScore> match : constraint.matches()) {
                if (match.justification() instanceof Reason reason) {
                    reasons.add(reason);
                }
            }
            reasons.sort(Comparator.naturalOrder());
            rules.add(new RuleScore(rule, constraint.score(), List.copyOf(reasons)));
        }
        Map<String, String> unscheduled = new LinkedHashMap<>();
        int searched = 0;
        for (Session session : plan.getSessions()) {
            if (session.isScheduled()) {
                continue;
            }
            if (session.getPossibleStarts().isEmpty() || searched++ < SEARCHED_REASONS) {
                unscheduled.put(session.getId(), UnscheduledReasons.explain(manager, plan, session));
            } else {
                unscheduled.put(session.getId(), "not placed; the starts of the first " + SEARCHED_REASONS
                        + " unscheduled sessions were searched for a reason, not this one's: solve longer, then check again");
            }
        }
        return new PlanReport(analysis.score(), List.copyOf(rules), unscheduled);
    }

    /** This report with the reasons of sessions {@link LegalPlan} took out saying so first. */
    public PlanReport withTakenOut(List<LegalPlan.Unscheduled> takenOut) {
        if (takenOut.isEmpty()) {
            return this;
        }
        Map<String, String> reasons = new LinkedHashMap<>(unscheduledReasons);
        for (LegalPlan.Unscheduled session : takenOut) {
            reasons.computeIfPresent(session.sessionId(), (id, reason) -> session.describe() + "; " + reason);
        }
        return new PlanReport(score, rules, reasons);
    }

    /** "every hard rule kept; every session placed", or what is broken and how many sessions are unscheduled. */
    public static String verdict(HardMediumSoftScore score) {
        return (score.hardScore() == 0 ? "every hard rule kept" : "HARD RULES BROKEN") + "; "
                + (score.mediumScore() == 0 ? "every session placed" : -score.mediumScore() + " session(s) unscheduled");
    }

    /**
     * {@link #verdict(HardMediumSoftScore)}, and "no better plan exists" when {@link SoftBound} proves it; else, for a
     * valid complete plan within {@link #CLOSE_PERCENT} % of the bound, how far above the best possible it is at most
     * (rounded up: a proof too). Further off, the bound says little (it leaves out what ties sessions together).
     */
    public static String verdict(TrainingPlan plan, HardMediumSoftScore score) {
        var best = SoftBound.bestPossible(plan);
        if (SoftBound.reached(score, best)) {
            return verdict(score) + "; no better plan exists";
        }
        if (best.isPresent() && score.hardScore() == 0 && score.mediumScore() == 0 && best.get().softScore() < 0) {
            long least = -(long) best.get().softScore();
            long cost = -(long) score.softScore();
            long tenthsOfPercent = (1000 * (cost - least) + least - 1) / least; // rounded up
            if (tenthsOfPercent <= 10 * CLOSE_PERCENT) {
                return verdict(score) + String.format(java.util.Locale.ROOT, "; at most %d.%d %% above the best possible",
                        tenthsOfPercent / 10, tenthsOfPercent % 10);
            }
        }
        return verdict(score);
    }

    /** How close to the bound a plan must be for the verdict to say how close. */
    static final int CLOSE_PERCENT = 10;

    public boolean isFeasible() {
        return score.hardScore() == 0;
    }

    /** Hard rules first, in the order of docs/rules.md. */
    public List<RuleScore> ofLevel(Rule.Level level) {
        return rules.stream().filter(r -> r.rule().level() == level).toList();
    }
}
