package io.runplan.replan;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.pillar.PillarSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.PillarChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SubPillarType;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;

/**
 * How a re-plan searches: Timefold's default construction heuristic (it places the missed and unscheduled
 * sessions), then tabu search over the default change and swap moves for sessions that may move alone,
 * plus group moves: one move shifts every movable coached session at one start (a coached group) to a new start
 * together. Sessions bound to their group ({@link Session#isBoundToGroup()}) move only that way, so a re-plan moves
 * a group whole or not at all; a single change move could only split it, or pass through a plan where the group's
 * members overlap at different starts (One group at a time) before the last member follows.
 */
public final class ReplanMoves {

    /**
     * Each step takes the best of this many sampled moves. Every move of a re-plan pays Plan stability, so the default
     * Late Acceptance (which takes the first move that fixes the hard score, then accepts anything as good as the
     * broken plan of 400 steps before) wanders off the cheap repair and rarely comes back; measured on the club week,
     * it moved a lift three days where tabu search found the one-day move (README, Re-planning).
     */
    static final int MOVES_PER_STEP = 1000;
    /** Sessions moved in the last few steps stay put, so the search does not undo its own repair. */
    static final int ENTITY_TABU_SIZE = 5;

    private ReplanMoves() {
    }

    /** {@code base} (its seed, termination and score director) with the re-planning phases. */
    public static SolverConfig configure(SolverConfig base) {
        var change = new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(movesAlone());
        var swap = new SwapMoveSelectorConfig()
                .withEntitySelectorConfig(movesAlone())
                .withSecondaryEntitySelectorConfig(movesAlone());
        // A pillar is every movable entity with one start; NONE keeps it whole (no sub-pillars), so a group never splits.
        // To a start only: unscheduling is a single change move's job; a group move to null would drop every
        // session that happens to share a start at once (measured: it undid three placed sessions in one step).
        var groupMove = new PillarChangeMoveSelectorConfig()
                .withSubPillarType(SubPillarType.NONE)
                .withPillarSelectorConfig(new PillarSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig().withFilterClass(CoachedSession.class)))
                .withValueSelectorConfig(new ValueSelectorConfig().withFilterClass(AStart.class));
        return base.withPhases(
                new ConstructionHeuristicPhaseConfig(),
                new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(change, swap, groupMove))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(ENTITY_TABU_SIZE))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(MOVES_PER_STEP)));
    }

    private static EntitySelectorConfig movesAlone() {
        return new EntitySelectorConfig().withFilterClass(MovesAlone.class);
    }

    /** Sessions a change or swap move may take: all but those bound to their coached group. */
    public static final class MovesAlone implements SelectionFilter<TrainingPlan, Session> {
        @Override
        public boolean accept(ScoreDirector<TrainingPlan> scoreDirector, Session session) {
            return !session.isBoundToGroup();
        }
    }

    /** Values a group move takes: starts, never "unscheduled". */
    public static final class AStart implements SelectionFilter<TrainingPlan, Object> {
        @Override
        public boolean accept(ScoreDirector<TrainingPlan> scoreDirector, Object start) {
            return start != null;
        }
    }

    /** Sessions a group move takes: coached ones, grouped by their start. */
    public static final class CoachedSession implements SelectionFilter<TrainingPlan, Session> {
        @Override
        public boolean accept(ScoreDirector<TrainingPlan> scoreDirector, Session session) {
            return session.isCoached();
        }
    }
}
