package io.runplan.replan;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.pillar.PillarSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.PillarChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SubPillarType;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * How a re-plan searches: with the search of {@code solve} (solverConfig.xml: First Fit places the missed and
 * unscheduled sessions, then the athlete-days moves re-place a few days of one athlete at a time, every start scored
 * with Plan stability, so sessions stay where they were unless moving pays), plus one move of its own: a group move
 * that shifts every movable coached session at one start (a coached group) to a new start together. Sessions bound to
 * their group ({@link Session#isBoundToGroup()}) move only that way, so a re-plan moves another athlete's group whole
 * or not at all; the athlete-days moves never take them.
 */
public final class ReplanMoves {

    /** How often the group move is picked beside the configuration's moves (their weights are 1 and 0.2). */
    static final double GROUP_MOVE_WEIGHT = 0.2;

    private ReplanMoves() {
    }

    /**
     * {@code base} (its seed, termination, score director and phases) with the group move added to each local search
     * phase whose moves are a union; a configuration without one gets a local search of the group move and single
     * session changes.
     */
    public static SolverConfig configure(SolverConfig base) {
        SolverConfig config = base.copyConfig();
        boolean added = false;
        for (var phase : config.getPhaseConfigList() == null ? List.<PhaseConfig>of() : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch
                    && localSearch.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig union) {
                List<MoveSelectorConfig> moves = new ArrayList<>(union.getMoveSelectorList());
                moves.add(groupMove().withFixedProbabilityWeight(GROUP_MOVE_WEIGHT));
                union.setMoveSelectorList(moves);
                added = true;
            }
        }
        if (!added) {
            List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList() == null ? List.of()
                    : config.getPhaseConfigList());
            phases.add(new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig()
                    .withMoveSelectors(new ChangeMoveSelectorConfig().withEntitySelectorConfig(
                            new EntitySelectorConfig().withFilterClass(MovesAlone.class)), groupMove())));
            config.setPhaseConfigList(phases);
        }
        return config;
    }

    /**
     * A pillar is every movable coached session with one start; NONE keeps it whole (no sub-pillars), so a group never
     * splits. To a start only: a group move to null would drop every session that happens to share a start at once
     * (measured: it undid three placed sessions in one step).
     */
    private static PillarChangeMoveSelectorConfig groupMove() {
        return new PillarChangeMoveSelectorConfig()
                .withSubPillarType(SubPillarType.NONE)
                .withPillarSelectorConfig(new PillarSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig().withFilterClass(CoachedSession.class)))
                .withValueSelectorConfig(new ValueSelectorConfig().withFilterClass(AStart.class));
    }

    /** Sessions a change move may take: all but those bound to their coached group. */
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
