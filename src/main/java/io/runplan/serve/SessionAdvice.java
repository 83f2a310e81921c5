package io.runplan.serve;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.runplan.domain.Horizon;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;
import io.runplan.report.SessionExplanation;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the page shows for one session: why it is where it is (the week view's explanation), and the best other starts
 * ranked by score, each with what it would change ({@code SolutionManager.recommendAssignment}).
 */
final class SessionAdvice {

    private SessionAdvice() {
    }

    static PlanViews.Explanation explain(PlanOnDisk.Version version, String sessionId) {
        TrainingPlan plan = version.plan().plan();
        Session session = find(plan, sessionId);
        SessionExplanation explanation = new SessionExplanation(plan, version.report());
        Horizon horizon = plan.getHorizon();
        return new PlanViews.Explanation(session.getId(), session.getAthlete().id(), explanation.summary(session),
                session.isScheduled() ? PlanViews.time(horizon, session.getStart()) : null,
                session.isScheduled() ? PlanViews.time(horizon, session.getEnd()) : null, session.isPinned(),
                explanation.broken(session), explanation.why(session), explanation.costs(session),
                session.isScheduled() ? null : version.report().unscheduledReasons().get(session.getId()));
    }

    /**
     * The {@code limit} best starts for the session, best first, its other sessions and everyone else's as they are.
     * The plan is changed while the solution manager tries the starts, and put back as it was.
     */
    static List<PlanViews.Recommendation> recommend(PlanOnDisk.Version version, String sessionId, int limit) {
        TrainingPlan plan = version.plan().plan();
        Session session = find(plan, sessionId);
        if (session.isPinned()) {
            throw RequestRefused.conflict(sessionId + " is pinned: it keeps its start; unpin it to look for other starts");
        }
        SolutionManager<TrainingPlan, HardMediumSoftScore> manager = PlanSolver.solutionManager();
        Horizon horizon = plan.getHorizon();
        ScoreAnalysis<HardMediumSoftScore> now = manager.analyze(plan, ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        TimeSlot start = session.getStartSlot();
        session.setStartSlot(null);
        try {
            ScoreAnalysis<HardMediumSoftScore> without = manager.analyze(plan, ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
            List<RecommendedAssignment<TimeSlot, HardMediumSoftScore>> ranked = manager.recommendAssignment(plan, session,
                    Session::getStartSlot, ScoreAnalysisFetchPolicy.FETCH_ALL);
            List<PlanViews.Recommendation> best = new ArrayList<>();
            for (RecommendedAssignment<TimeSlot, HardMediumSoftScore> recommendation : ranked) {
                if (best.size() == limit) {
                    break;
                }
                if (recommendation.proposition() == null) {
                    continue; // "leave it unscheduled" is what unschedule is for
                }
                best.add(recommendation(horizon, sessionId, recommendation, now, without, start));
            }
            return best;
        } finally {
            session.setStartSlot(start);
            manager.update(plan);
        }
    }

    private static PlanViews.Recommendation recommendation(Horizon horizon, String sessionId,
            RecommendedAssignment<TimeSlot, HardMediumSoftScore> recommendation, ScoreAnalysis<HardMediumSoftScore> now,
            ScoreAnalysis<HardMediumSoftScore> without, TimeSlot current) {
        ScoreAnalysis<HardMediumSoftScore> diff = recommendation.scoreAnalysisDiff();
        HardMediumSoftScore score = without.score().add(diff.score());
        // Per rule: (the plan without the session) + (what placing it there adds) - (the plan as it is).
        Map<String, HardMediumSoftScore> byRule = new LinkedHashMap<>();
        for (Rule rule : Rule.values()) {
            HardMediumSoftScore change = scoreOf(without, rule).add(scoreOf(diff, rule)).subtract(scoreOf(now, rule));
            if (!change.isZero()) {
                byRule.put(rule.ruleName(), change);
            }
        }
        List<PlanViews.RuleChange> changes = new ArrayList<>();
        byRule.forEach((rule, change) -> changes.add(new PlanViews.RuleChange(rule, signed(change),
                reasons(diff, rule, sessionId))));
        TimeSlot slot = recommendation.proposition();
        return new PlanViews.Recommendation(PlanViews.time(horizon, slot.start()), slot.label(), slot.equals(current),
                score.toString(), signed(score.subtract(now.score())), changes);
    }

    private static HardMediumSoftScore scoreOf(ScoreAnalysis<HardMediumSoftScore> analysis, Rule rule) {
        ConstraintAnalysis<HardMediumSoftScore> constraint = analysis.constraintMap().values().stream()
                .filter(c -> c.constraintRef().constraintName().equals(rule.ruleName())).findFirst().orElse(null);
        return constraint == null ? HardMediumSoftScore.ZERO : constraint.score();
    }

    /** The reasons the session would carry under {@code rule} at the recommended start. */
    private static List<String> reasons(ScoreAnalysis<HardMediumSoftScore> diff, String rule, String sessionId) {
        List<String> reasons = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : diff.constraintMap().values()) {
            if (!constraint.constraintRef().constraintName().equals(rule) || constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftScore> match : constraint.matches()) {
                if (match.score().compareTo(HardMediumSoftScore.ZERO) < 0 && match.justification() instanceof Reason reason
                        && reason.sessionIds().contains(sessionId)) {
                    reasons.add(reason.text());
                }
            }
        }
        return reasons;
    }

    /** "+12soft", "-1hard/+30soft", "0": a difference of scores, only its non-zero levels. */
    static String signed(HardMediumSoftScore score) {
        List<String> parts = new ArrayList<>();
        if (score.hardScore() != 0) {
            parts.add(String.format("%+dhard", score.hardScore()));
        }
        if (score.mediumScore() != 0) {
            parts.add(String.format("%+dmedium", score.mediumScore()));
        }
        if (score.softScore() != 0) {
            parts.add(String.format("%+dsoft", score.softScore()));
        }
        return parts.isEmpty() ? "0" : String.join("/", parts);
    }

    static Session find(TrainingPlan plan, String sessionId) {
        return plan.getSessions().stream().filter(s -> s.getId().equals(sessionId)).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("no session '" + sessionId + "' in the plan"));
    }
}
