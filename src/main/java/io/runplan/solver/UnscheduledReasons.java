package io.runplan.solver;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.List;

/** Says in words why a session was left unscheduled: what every start it could take would break. */
final class UnscheduledReasons {

    private UnscheduledReasons() {
    }

    static String explain(SolutionManager<TrainingPlan, HardMediumSoftScore> manager, TrainingPlan plan, Session session) {
        if (session.getPossibleStarts().isEmpty()) {
            return StartSlots.explainNoStart(plan, session);
        }
        List<RecommendedAssignment<TimeSlot, HardMediumSoftScore>> recommendations =
                manager.recommendAssignment(plan, session, Session::getStartSlot, ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT);
        // Leaving it unassigned is one of the recommendations; the reason is about the best real start.
        RecommendedAssignment<TimeSlot, HardMediumSoftScore> best = recommendations.stream()
                .filter(recommendation -> recommendation.proposition() != null)
                .findFirst().orElse(null);
        if (best == null) {
            return "no start was found for it";
        }
        TimeSlot slot = best.proposition();
        if (best.scoreAnalysisDiff().score().hardScore() >= 0) {
            return "it can go at " + slot.label() + " without breaking a hard rule; run solve (longer) to place it";
        }
        session.setStartSlot(slot);
        try {
            ScoreAnalysis<HardMediumSoftScore> analysis = manager.analyze(plan, ScoreAnalysisFetchPolicy.FETCH_ALL);
            List<String> broken = new ArrayList<>();
            analysis.constraintMap().values().forEach(constraint -> constraint.matches().forEach(match -> {
                if (match.score().hardScore() < 0 && match.justification() instanceof Reason reason
                        && reason.sessionIds().contains(session.getId())) {
                    broken.add(constraint.constraintRef().constraintName() + ": " + reason.text());
                }
            }));
            return "every one of its " + session.getPossibleStarts().size() + " possible starts breaks a hard rule; the"
                    + " least bad, " + slot.label() + ", breaks " + (broken.isEmpty() ? "a hard rule" : String.join("; ", broken));
        } finally {
            session.setStartSlot(null);
            manager.update(plan);
        }
    }
}
