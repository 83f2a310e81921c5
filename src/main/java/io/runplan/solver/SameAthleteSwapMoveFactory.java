package io.runplan.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import io.runplan.domain.Athlete;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Swaps of two sessions of one athlete, picked directly from the athlete's own sessions. A generic swap selector
 * draws pairs from the whole plan and, with per-session value ranges, spends most of its time looking for a partner
 * that can take the other's start; on 200 athletes that left local search at a few thousand moves a second.
 */
public class SameAthleteSwapMoveFactory implements MoveIteratorFactory<TrainingPlan, SameAthleteSwapMove> {

    /** Built once a phase: the sessions never change during one, only their starts. */
    private Map<Athlete, List<Session>> byAthlete = Map.of();
    private List<Session> all = List.of();
    private long size;

    @Override
    public void phaseStarted(ScoreDirector<TrainingPlan> scoreDirector) {
        byAthlete = movableByAthlete(scoreDirector.getWorkingSolution());
        byAthlete.values().removeIf(sessions -> sessions.size() < 2);
        all = byAthlete.values().stream().flatMap(List::stream).toList();
        size = byAthlete.values().stream().mapToLong(s -> (long) s.size() * (s.size() - 1) / 2).sum();
    }

    @Override
    public void phaseEnded(ScoreDirector<TrainingPlan> scoreDirector) {
        byAthlete = Map.of();
        all = List.of();
    }

    @Override
    public long getSize(ScoreDirector<TrainingPlan> scoreDirector) {
        return size;
    }

    @Override
    public Iterator<SameAthleteSwapMove> createOriginalMoveIterator(ScoreDirector<TrainingPlan> scoreDirector) {
        List<SameAthleteSwapMove> moves = new ArrayList<>();
        for (List<Session> sessions : movableByAthlete(scoreDirector.getWorkingSolution()).values()) {
            for (int i = 0; i < sessions.size(); i++) {
                for (int j = i + 1; j < sessions.size(); j++) {
                    if (sessions.get(i).getType() != sessions.get(j).getType()) {
                        moves.add(new SameAthleteSwapMove(sessions.get(i), sessions.get(j)));
                    }
                }
            }
        }
        return moves.iterator();
    }

    @Override
    public Iterator<SameAthleteSwapMove> createRandomMoveIterator(ScoreDirector<TrainingPlan> scoreDirector, Random random) {
        List<Session> all = this.all;
        Map<Athlete, List<Session>> byAthlete = this.byAthlete;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !all.isEmpty();
            }

            @Override
            public SameAthleteSwapMove next() {
                if (all.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Session left = all.get(random.nextInt(all.size()));
                List<Session> partners = byAthlete.get(left.getAthlete());
                Session right = partners.get(random.nextInt(partners.size()));
                return new SameAthleteSwapMove(left, right); // a self-swap or same start is not doable and skipped
            }
        };
    }

    /** Each athlete's sessions that are not pinned, in plan order. */
    static Map<Athlete, List<Session>> movableByAthlete(TrainingPlan plan) {
        Map<Athlete, List<Session>> byAthlete = new LinkedHashMap<>();
        for (Session session : plan.getSessions()) {
            if (!session.isPinned()) {
                byAthlete.computeIfAbsent(session.getAthlete(), a -> new ArrayList<>()).add(session);
            }
        }
        return byAthlete;
    }
}
