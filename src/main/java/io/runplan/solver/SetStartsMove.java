package io.runplan.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Gives several sessions new starts at once (null: unscheduled): a re-planned stretch of an athlete's days. */
public final class SetStartsMove extends AbstractMove<TrainingPlan> {

    private final Session[] sessions;
    private final TimeSlot[] starts;

    public SetStartsMove(Session[] sessions, TimeSlot[] starts) {
        this.sessions = sessions;
        this.starts = starts;
    }

    /**
     * Doable even when every start stays: a re-planning that finds the same plan is a step like any other, so that
     * the search's step counts (and its stop rule) see it.
     */
    @Override
    public boolean isMoveDoable(ScoreDirector<TrainingPlan> scoreDirector) {
        return sessions.length > 0;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<TrainingPlan> scoreDirector) {
        for (int i = 0; i < sessions.length; i++) {
            if (sessions[i].getStartSlot() != starts[i]) {
                StartSlotChange.apply(scoreDirector, sessions[i], starts[i]);
            }
        }
    }

    @Override
    public SetStartsMove rebase(ScoreDirector<TrainingPlan> destinationScoreDirector) {
        Session[] rebasedSessions = new Session[sessions.length];
        TimeSlot[] rebasedStarts = new TimeSlot[starts.length];
        for (int i = 0; i < sessions.length; i++) {
            rebasedSessions[i] = destinationScoreDirector.lookUpWorkingObject(sessions[i]);
            rebasedStarts[i] = starts[i] == null ? null : destinationScoreDirector.lookUpWorkingObject(starts[i]);
        }
        return new SetStartsMove(rebasedSessions, rebasedStarts);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(sessions);
    }

    @Override
    public Collection<?> getPlanningValues() {
        List<TimeSlot> values = new ArrayList<>();
        for (TimeSlot start : starts) {
            if (start != null) {
                values.add(start);
            }
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetStartsMove other && Arrays.equals(sessions, other.sessions)
                && Arrays.equals(starts, other.starts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sessions), Arrays.hashCode(starts));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sessions.length; i++) {
            text.append(i == 0 ? "" : ", ").append(sessions[i].getId()).append(" -> ")
                    .append(starts[i] == null ? "unscheduled" : starts[i].label());
        }
        return text.toString();
    }
}
