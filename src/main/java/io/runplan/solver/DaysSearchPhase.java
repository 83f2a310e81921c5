package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Before First Fit, each athlete's best plan as the bound's days search found it ({@link SoftBound#bestStarts}): the
 * cheapest her own calendar and rules allow. Put together they are often the best plan there is (one runner's week,
 * fortnight or season: the search then stops at once, at the bound); where they clash (a coach's groups, a session
 * past midnight) the plan is taken only if it scores better than the plan before, else put back as it was. Pinned
 * sessions stay where they are. A plan of more than {@code maximumSessions} sessions skips this (the days search
 * gives up on most of its athletes).
 */
public class DaysSearchPhase implements PhaseCommand<TrainingPlan> {

    private int maximumSessions = SoftBound.DAYS_SEARCH_MAXIMUM_PLAN;

    public void setMaximumSessions(int maximumSessions) {
        this.maximumSessions = maximumSessions;
    }

    @Override
    @SuppressWarnings("unchecked") // Timefold's public ScoreDirector does not score; its own one does
    public void changeWorkingSolution(ScoreDirector<TrainingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        TrainingPlan plan = scoreDirector.getWorkingSolution();
        if (plan.getSessions().size() > maximumSessions || isPhaseTerminated.getAsBoolean()) {
            return;
        }
        Map<Session, TimeSlot> starts = SoftBound.bestStarts(plan);
        if (starts.isEmpty()) {
            return;
        }
        var scoring = (InnerScoreDirector<TrainingPlan, HardMediumSoftScore>) scoreDirector;
        HardMediumSoftScore before = scoring.calculateScore().raw();
        Map<Session, TimeSlot> previous = new HashMap<>();
        for (var start : starts.entrySet()) {
            Session session = start.getKey();
            if (!session.isPinned() && start.getValue() != session.getStartSlot()) {
                previous.put(session, session.getStartSlot());
                set(scoreDirector, session, start.getValue());
            }
        }
        scoreDirector.triggerVariableListeners();
        if (scoring.calculateScore().raw().compareTo(before) <= 0) {
            previous.forEach((session, start) -> set(scoreDirector, session, start));
            scoreDirector.triggerVariableListeners();
        }
    }

    private static void set(ScoreDirector<TrainingPlan> scoreDirector, Session session, TimeSlot start) {
        scoreDirector.beforeVariableChanged(session, "startSlot");
        session.setStartSlot(start);
        scoreDirector.afterVariableChanged(session, "startSlot");
    }
}
