package io.runplan.support;

import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.Reason;
import io.runplan.solver.StartSlots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The README's guarantees, checked on any plan: no broken hard rule that pinned sessions do not break alone. */
public final class Guarantees {

    private Guarantees() {
    }

    /** Every hard match of {@code plan} that names a session that is not pinned: what the guarantee forbids. */
    public static List<String> hardBreaksNotCausedByPins(TrainingPlan plan) {
        Set<String> pinned = plan.getSessions().stream().filter(Session::isPinned).map(Session::getId)
                .collect(Collectors.toSet());
        List<String> breaks = new ArrayList<>();
        PlanSolver.solutionManager().analyze(plan, ScoreAnalysisFetchPolicy.FETCH_ALL).constraintMap().values()
                .forEach(constraint -> constraint.matches().forEach(match -> {
                    if (match.score().hardScore() < 0 && match.justification() instanceof Reason reason
                            && !pinned.containsAll(reason.sessionIds())) {
                        breaks.add(constraint.constraintRef().constraintName() + ": " + reason.text());
                    }
                }));
        return breaks;
    }

    /** The same, for a plan file as written. */
    public static List<String> hardBreaksNotCausedByPins(Path planFile) {
        return hardBreaksNotCausedByPins(StartSlots.assign(new PlanReader().read(planFile).plan()));
    }
}
