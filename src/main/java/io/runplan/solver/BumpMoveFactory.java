package io.runplan.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import io.runplan.domain.Athlete;
import io.runplan.domain.Coach;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>A coached session's start may also be blocked by its coach, leading another group of the athletes that overlaps
 * it. With {@link #setGroupShiftPercent}, that group then moves on its day, all of it to one start its athletes can
 * all take: the left-out session's own start (the two groups become one) or another that no longer overlaps it. Its
 * athletes keep their days, so their chains of quality sessions stay as they were. Where the group has no such start
 * (an athlete of it free only then), each of its sessions trades days with another quality session of its athlete:
 * her hard days stay the same days, so her chain keeps its spacing and no lift lands the day before a new hard day
 * (random moves only; the exhaustive list has the shifts).
 */
public class BumpMoveFactory implements MoveIteratorFactory<TrainingPlan, AbstractMove<TrainingPlan>> {

    /** How many days either side of the new start a session may be bumped from. */
    private static final int REACH_DAYS = 1;

    /** Built once a phase: the sessions never change during one, only their starts. */
    private Map<Athlete, List<Session>> byAthlete = Map.of();
    private List<Session> movable = List.of();
    /** Each coach's sessions that may move. */
    private Map<Coach, List<Session>> byCoach = Map.of();
    private int groupShiftPercent = 0;

    /**
     * The percent of moves for a left-out coached session whose start overlaps another group of its coach in which
     * that group moves on its day, or trades days where it cannot (see above); 0: never.
     */
    public void setGroupShiftPercent(int groupShiftPercent) {
        this.groupShiftPercent = Math.max(0, Math.min(100, groupShiftPercent));
    }

    @Override
    public void phaseStarted(ScoreDirector<TrainingPlan> scoreDirector) {
        byAthlete = SameAthleteSwapMoveFactory.movableByAthlete(scoreDirector.getWorkingSolution());
        movable = byAthlete.values().stream().flatMap(List::stream).toList();
        byCoach = new HashMap<>();
        for (Session session : movable) {
            if (session.getCoach() != null) {
                byCoach.computeIfAbsent(session.getCoach(), coach -> new ArrayList<>()).add(session);
            }
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<TrainingPlan> scoreDirector) {
        byAthlete = Map.of();
        movable = List.of();
        byCoach = Map.of();
    }

    @Override
    public long getSize(ScoreDirector<TrainingPlan> scoreDirector) {
        return unscheduled().stream().mapToLong(session -> session.getPossibleStarts().size()).sum();
    }

    @Override
    public Iterator<AbstractMove<TrainingPlan>> createOriginalMoveIterator(ScoreDirector<TrainingPlan> scoreDirector) {
        List<AbstractMove<TrainingPlan>> moves = new ArrayList<>();
        for (Session session : unscheduled()) {
            for (TimeSlot start : session.getPossibleStarts()) {
                List<Session> bumped = new ArrayList<>(neighbours(session, start));
                bumped.add(0, null);
                List<Session> group = groupShiftPercent > 0 && session.getCoach() != null
                        ? groupInTheWay(session, start) : List.of();
                List<TimeSlot> shifts = group.isEmpty() ? List.of() : shifts(group, session, start);
                for (Session neighbour : bumped) {
                    moves.add(new BumpMove(session, start, neighbour));
                    for (TimeSlot shift : shifts) {
                        moves.add(groupShift(session, start, group, shift, neighbour));
                    }
                }
            }
        }
        return moves.iterator();
    }

    @Override
    public Iterator<AbstractMove<TrainingPlan>> createRandomMoveIterator(ScoreDirector<TrainingPlan> scoreDirector,
            Random random) {
        // Made once a step: the unscheduled sessions of this step.
        List<Session> unscheduled = unscheduled();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !unscheduled.isEmpty();
            }

            @Override
            public AbstractMove<TrainingPlan> next() {
                if (unscheduled.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Session session = unscheduled.get(random.nextInt(unscheduled.size()));
                List<TimeSlot> starts = session.getPossibleStarts();
                TimeSlot start = starts.get(random.nextInt(starts.size()));
                List<Session> neighbours = neighbours(session, start);
                int pick = random.nextInt(neighbours.size() + 1);
                Session bumped = pick == neighbours.size() ? null : neighbours.get(pick);
                if (session.getCoach() != null && random.nextInt(100) < groupShiftPercent) {
                    List<Session> group = groupInTheWay(session, start);
                    List<TimeSlot> shifts = group.isEmpty() ? List.of() : shifts(group, session, start);
                    if (!shifts.isEmpty()) {
                        return groupShift(session, start, group, shifts.get(random.nextInt(shifts.size())), bumped);
                    }
                    AbstractMove<TrainingPlan> swap = group.isEmpty() ? null
                            : groupDaySwap(session, start, group, sameDay(neighbours, start, bumped, random), random);
                    if (swap != null) {
                        return swap;
                    }
                }
                return new BumpMove(session, start, bumped);
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

    /** The sessions of {@code session}'s coach, of other athletes, that overlap it at {@code start} and start apart. */
    private List<Session> groupInTheWay(Session session, TimeSlot start) {
        int end = start.start() + session.getMinutes();
        List<Session> group = new ArrayList<>();
        for (Session led : byCoach.getOrDefault(session.getCoach(), List.of())) {
            if (led.getAthlete() != session.getAthlete() && led.isScheduled() && led.getStart() != start.start()
                    && led.getStart() < end && led.getEnd() > start.start()) {
                group.add(led);
            }
        }
        return group;
    }

    /**
     * The starts on {@code start}'s day that every session of {@code group} can take, other than its own, that do not
     * overlap {@code session} at {@code start}, and {@code start} itself if they all can take it.
     */
    private static List<TimeSlot> shifts(List<Session> group, Session session, TimeSlot start) {
        int end = start.start() + session.getMinutes();
        int longest = group.stream().mapToInt(Session::getMinutes).max().orElse(0);
        List<TimeSlot> shifts = new ArrayList<>();
        for (TimeSlot shift : group.get(0).getPossibleStarts()) {
            if (shift.day() == start.day()
                    && (shift.start() == start.start() || shift.start() >= end || shift.start() + longest <= start.start())
                    && group.stream().allMatch(led -> led.canStartAt(shift) && !shift.equals(led.getStartSlot()))) {
                shifts.add(shift.start() == start.start() ? start : shift);
            }
        }
        return shifts;
    }

    /** {@code session} at {@code start}, {@code group} at {@code shift} and {@code bumped} (if any) out. */
    private static SetStartsMove groupShift(Session session, TimeSlot start, List<Session> group, TimeSlot shift,
            Session bumped) {
        int size = group.size() + (bumped == null ? 1 : 2);
        Session[] sessions = new Session[size];
        TimeSlot[] starts = new TimeSlot[size];
        sessions[0] = session;
        starts[0] = start;
        for (int i = 0; i < group.size(); i++) {
            sessions[i + 1] = group.get(i);
            starts[i + 1] = shift;
        }
        if (bumped != null) {
            sessions[size - 1] = bumped;
        }
        return new SetStartsMove(sessions, starts);
    }

    /**
     * {@code session} at {@code start} (and {@code bumped} out), each session of {@code group} trading days with a
     * random other quality session of its athlete, each at a random start of its new day (the group's, half the time
     * one where its coach already leads a group that day): the athlete's hard days stay the same days, so her chain
     * keeps its spacing. Null if some session of the group has no such trade.
     */
    private AbstractMove<TrainingPlan> groupDaySwap(Session session, TimeSlot start, List<Session> group, Session bumped,
            Random random) {
        List<Session> sessions = new ArrayList<>(List.of(session));
        List<TimeSlot> starts = new ArrayList<>(List.of(start));
        for (Session led : group) {
            // The partners the trade can take: each can start on the other's day.
            List<Session> partners = new ArrayList<>();
            for (Session other : byAthlete.getOrDefault(led.getAthlete(), List.of())) {
                if (other != led && other.isQuality() && other.isScheduled() && other.getDay() != led.getDay()
                        && !sessions.contains(other) && startsOnDay(led, other.getDay())
                        && startsOnDay(other, led.getDay())) {
                    partners.add(other);
                }
            }
            if (partners.isEmpty()) {
                return null;
            }
            Session partner = partners.get(random.nextInt(partners.size()));
            TimeSlot ledStart = startOnDay(led, partner.getDay(), random.nextBoolean(), random);
            TimeSlot partnerStart = startOnDay(partner, led.getDay(), false, random);
            sessions.add(led);
            starts.add(ledStart);
            sessions.add(partner);
            starts.add(partnerStart);
        }
        if (bumped != null) {
            sessions.add(bumped);
            starts.add(null);
        }
        return new SetStartsMove(sessions.toArray(Session[]::new), starts.toArray(TimeSlot[]::new));
    }

    private static boolean startsOnDay(Session session, int day) {
        return session.getPossibleStarts().stream().anyMatch(slot -> slot.day() == day);
    }

    /**
     * A random possible start of {@code session} on {@code day}, with {@code joining} one at which its coach already
     * leads a group (if any); null if it has none there.
     */
    private TimeSlot startOnDay(Session session, int day, boolean joining, Random random) {
        List<TimeSlot> onDay = new ArrayList<>();
        for (TimeSlot slot : session.getPossibleStarts()) {
            if (slot.day() == day) {
                onDay.add(slot);
            }
        }
        if (joining && session.getCoach() != null) {
            List<TimeSlot> joined = new ArrayList<>();
            for (Session led : byCoach.getOrDefault(session.getCoach(), List.of())) {
                if (led.isScheduled() && led.getDay() == day && session.canStartAt(led.getStartSlot())
                        && !joined.contains(led.getStartSlot())) {
                    joined.add(led.getStartSlot());
                }
            }
            if (!joined.isEmpty()) {
                return joined.get(random.nextInt(joined.size()));
            }
        }
        return onDay.isEmpty() ? null : onDay.get(random.nextInt(onDay.size()));
    }

    /**
     * One of {@code neighbours} on {@code start}'s day, if any, else {@code bumped}: a trade of days moves a whole group,
     * and the left-out session's own session that day (one run a day, a lift 4 hours after) is most often what is
     * still in the way.
     */
    private static Session sameDay(List<Session> neighbours, TimeSlot start, Session bumped, Random random) {
        List<Session> sameDay = neighbours.stream().filter(neighbour -> neighbour.getDay() == start.day()).toList();
        return sameDay.isEmpty() ? bumped : sameDay.get(random.nextInt(sameDay.size()));
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
