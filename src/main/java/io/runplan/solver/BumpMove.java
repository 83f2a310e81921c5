package io.runplan.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An unscheduled session takes a start, and one session of the same athlete near it (or none) leaves the plan to
 * make room: the Saturday track session goes in and the Saturday easy run comes out, to be placed again by a later
 * move. The number of unscheduled sessions stays the same (or drops), so the search can walk through such chains
 * instead of needing the easy run moved first, a worse step it rarely takes.
 */
public final class BumpMove extends AbstractMove<TrainingPlan> {

    private final Session session;
    private final TimeSlot start;
    private final Session bumped;

    /** {@code bumped} may be null: then the session is simply placed. */
    public BumpMove(Session session, TimeSlot start, Session bumped) {
        this.session = session;
        this.start = start;
        this.bumped = bumped;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<TrainingPlan> scoreDirector) {
        return session.getStartSlot() == null && session.canStartAt(start)
                && (bumped == null || bumped.getStartSlot() != null);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<TrainingPlan> scoreDirector) {
        if (bumped != null) {
            StartSlotChange.apply(scoreDirector, bumped, null);
        }
        StartSlotChange.apply(scoreDirector, session, start);
    }

    @Override
    public BumpMove rebase(ScoreDirector<TrainingPlan> destinationScoreDirector) {
        return new BumpMove(destinationScoreDirector.lookUpWorkingObject(session),
                destinationScoreDirector.lookUpWorkingObject(start),
                bumped == null ? null : destinationScoreDirector.lookUpWorkingObject(bumped));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return bumped == null ? List.of(session) : List.of(session, bumped);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(start);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BumpMove other && session == other.session && Objects.equals(start, other.start)
                && bumped == other.bumped;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(session), start, System.identityHashCode(bumped));
    }

    @Override
    public String toString() {
        return session.getId() + " {null -> " + start + "}" + (bumped == null ? "" : ", " + bumped.getId() + " out");
    }
}
