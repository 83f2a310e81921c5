package io.runplan.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Two sessions of one athlete trade starts: a speed session and an easy run swap days, say. */
public final class SameAthleteSwapMove extends AbstractMove<TrainingPlan> {

    private final Session left;
    private final Session right;

    public SameAthleteSwapMove(Session left, Session right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<TrainingPlan> scoreDirector) {
        return !Objects.equals(left.getStartSlot(), right.getStartSlot())
                && left.canStartAt(right.getStartSlot()) && right.canStartAt(left.getStartSlot());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<TrainingPlan> scoreDirector) {
        var leftStart = left.getStartSlot();
        var rightStart = right.getStartSlot();
        StartSlotChange.apply(scoreDirector, left, rightStart);
        StartSlotChange.apply(scoreDirector, right, leftStart);
    }

    @Override
    public SameAthleteSwapMove rebase(ScoreDirector<TrainingPlan> destinationScoreDirector) {
        return new SameAthleteSwapMove(destinationScoreDirector.lookUpWorkingObject(left),
                destinationScoreDirector.lookUpWorkingObject(right));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(left, right);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return java.util.Arrays.asList(left.getStartSlot(), right.getStartSlot());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SameAthleteSwapMove other && left == other.left && right == other.right;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(left), System.identityHashCode(right));
    }

    @Override
    public String toString() {
        return left.getId() + " {" + left.getStartSlot() + "} <-> " + right.getId() + " {" + right.getStartSlot() + "}";
    }
}
