package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound is worked out once per problem: a solve's stop rule asks for it before the search and the verdict again
 * for the plan found, a solver's copy of the same problem. A session pinned elsewhere, or the same file read anew, is
 * another problem and is worked out again.
 */
class SoftBoundMemoTest {

    private static final Path PLAN = Path.of("datasets/practice/practice-rand-2.json");

    private static TrainingPlan read() {
        return StartSlots.assign(new PlanReader().read(PLAN).plan());
    }

    @Test
    void theSolvedCopyOfAPlanHasTheBoundOfThePlan() {
        TrainingPlan plan = read();
        Optional<HardMediumSoftScore> before = SoftBound.bestPossible(plan);
        TrainingPlan solved = PlanSolver.solve(PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), 10), plan, best -> { });

        assertThat(solved).isNotSameAs(plan);
        assertThat(SoftBound.bestPossible(solved)).isSameAs(before);
        assertThat(before).contains(HardMediumSoftScore.of(0, 0, -3165));
    }

    @Test
    void aSessionPinnedElsewhereIsAnotherProblem() {
        TrainingPlan plan = read();
        Optional<HardMediumSoftScore> free = SoftBound.bestPossible(plan);
        pinLast(plan.getSessions().get(0));

        Optional<HardMediumSoftScore> pinned = SoftBound.bestPossible(plan);

        assertThat(pinned).isNotSameAs(free);
        TrainingPlan again = read();
        pinLast(again.getSessions().get(0));
        assertThat(SoftBound.bestPossible(again)).isNotSameAs(pinned).isEqualTo(pinned);
        assertThat(SoftBound.bestPossible(read())).isNotSameAs(free).isEqualTo(free);
    }

    /** Pins {@code session} at the last of its possible starts. */
    private static void pinLast(Session session) {
        session.setStartSlot(session.getPossibleStarts().get(session.getPossibleStarts().size() - 1));
        session.setPinned(true);
    }
}
