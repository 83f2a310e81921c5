package io.runplan.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

/** Gives a session a new start (null: unscheduled) the way Timefold must be told of it, for runplan's own moves. */
final class StartSlotChange {

    static final String VARIABLE = "startSlot";

    private StartSlotChange() {
    }

    static void apply(ScoreDirector<TrainingPlan> scoreDirector, Session session, TimeSlot start) {
        scoreDirector.beforeVariableChanged(session, VARIABLE);
        session.setStartSlot(start);
        scoreDirector.afterVariableChanged(session, VARIABLE);
    }
}
