package io.runplan.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import io.runplan.domain.Athlete;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * {@link BumpMove}s for the sessions that are unscheduled right now: a random one of them, a random start it could
 * take, and a random session of its athlete on that day or a day either side to make room (or none). Local search
 * with change moves alone finds a free place for a session only when there is one; in a full week it needs a
 * neighbour moved out of the way first.
 */
public class BumpMoveFactory implements MoveIteratorFactory<TrainingPlan, BumpMove> {

    /** How many days either side of the new start a session may be bumped from. */
    private static final int REACH_DAYS = 1;

    /** Built once a phase: the sessions never change during one, only their starts. */
    private Map<Athlete, List<Session>> byAthlete = Map.of();
    private List<Session> movable = List.of();

    @Override
    public void phaseStarted(ScoreDirector<TrainingPlan> scoreDirector) {
        byAthlete = SameAthleteSwapMoveFactory.movableByAthlete(scoreDirector.getWorkingSolution());
        movable = byAthlete.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public void phaseEnded(ScoreDirector<TrainingPlan> scoreDirector) {
        byAthlete = Map.of();
        movable = List.of();
    }

    @Override
    public long getSize(ScoreDirector<TrainingPlan> scoreDirector) {
        return unscheduled().stream().mapToLong(session -> session.getPossibleStarts().size()).sum();
    }

    @Override
    public Iterator<BumpMove> createOriginalMoveIterator(ScoreDirector<TrainingPlan> scoreDirector) {
        List<BumpMove> moves = new ArrayList<>();
        for (Session session : unscheduled()) {
            for (TimeSlot start : session.getPossibleStarts()) {
                moves.add(new BumpMove(session, start, null));
                for (Session neighbour : neighbours(session, start)) {
                    moves.add(new BumpMove(session, start, neighbour));
                }
            }
        }
        return moves.iterator();
    }

    @Override
    public Iterator<BumpMove> createRandomMoveIterator(ScoreDirector<TrainingPlan> scoreDirector, Random random) {
        // Made once a step: the unscheduled sessions of this step.
        List<Session> unscheduled = unscheduled();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !unscheduled.isEmpty();
            }

            @Override
            public BumpMove next() {
                if (unscheduled.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Session session = unscheduled.get(random.nextInt(unscheduled.size()));
                List<TimeSlot> starts = session.getPossibleStarts();
                TimeSlot start = starts.get(random.nextInt(starts.size()));
                List<Session> neighbours = neighbours(session, start);
                int pick = random.nextInt(neighbours.size() + 1);
                return new BumpMove(session, start, pick == neighbours.size() ? null : neighbours.get(pick));
            }
        };
    }

    private List<Session> unscheduled() {
        List<Session> unscheduled = new ArrayList<>();
        for (Session session : movable) {
            if (session.getStartSlot() == null && !session.getPossibleStarts().isEmpty()) {
                unscheduled.add(session);
            }
        }
        return unscheduled;
    }

    /** The athlete's other scheduled sessions within {@link #REACH_DAYS} of {@code start}'s day. */
    private List<Session> neighbours(Session session, TimeSlot start) {
        List<Session> neighbours = new ArrayList<>();
        for (Session other : byAthlete.getOrDefault(session.getAthlete(), List.of())) {
            if (other != session && other.getStartSlot() != null
                    && Math.abs(other.getDay() - start.day()) <= REACH_DAYS) {
                neighbours.add(other);
            }
        }
        return neighbours;
    }
}
