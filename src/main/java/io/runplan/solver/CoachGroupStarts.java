package io.runplan.solver;

import io.runplan.domain.Athlete;
import io.runplan.domain.Coach;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The starts an athlete's coached sessions may take beside the coach's groups other athletes' plans already hold: a
 * start that overlaps a group must join it (same start, kind and length, a place left in it), as One group at a time
 * asks. Each athlete's best plan is searched alone ({@link AthleteDaysBound}); held to these starts, the next athlete's
 * plan fits the ones before it, and their plans together keep every rule ({@link SoftBound#bestStarts}).
 */
final class CoachGroupStarts {

    /** Per coach, the coached sessions placed so far, with their starts. */
    private final Map<Coach, List<Map.Entry<Session, TimeSlot>>> placed = new HashMap<>();

    /**
     * The athletes in the order their plans are best laid one after the other: those whose coached sessions have the
     * fewest possible starts first (the others then join their groups or keep clear of them, where a runner with five
     * starts for four track sessions would find none left), the rest in the plan's order.
     */
    static List<Athlete> leastFreeFirst(TrainingPlan plan, Map<Athlete, List<Session>> byAthlete) {
        Map<Athlete, Integer> freedom = new HashMap<>();
        for (Athlete athlete : plan.getAthletes()) {
            int least = Integer.MAX_VALUE;
            for (Session session : byAthlete.getOrDefault(athlete, List.of())) {
                if (session.getCoach() != null && session.hasPossibleStarts()) {
                    least = Math.min(least, session.getPossibleStarts().size());
                }
            }
            freedom.put(athlete, least);
        }
        List<Athlete> order = new ArrayList<>(plan.getAthletes());
        order.sort(Comparator.comparingInt(freedom::get)); // stable: the plan's order among equals
        return order;
    }

    /** Adds a plan's starts: their coached sessions now hold groups. */
    void add(Map<Session, TimeSlot> starts) {
        for (var start : starts.entrySet()) {
            Coach coach = start.getKey().getCoach();
            if (coach != null) {
                placed.computeIfAbsent(coach, c -> new ArrayList<>()).add(Map.entry(start.getKey(), start.getValue()));
            }
        }
    }

    /**
     * The coached sessions of {@code sessions} some of whose possible starts clash with the groups placed, each with
     * the starts that do not; empty when none clashes.
     */
    Map<Session, List<TimeSlot>> held(List<Session> sessions) {
        Map<Session, List<TimeSlot>> held = new HashMap<>();
        for (Session session : sessions) {
            List<Map.Entry<Session, TimeSlot>> groups = session.getCoach() == null ? null : placed.get(session.getCoach());
            if (groups == null || session.isPinned()) {
                continue;
            }
            List<TimeSlot> fitting = new ArrayList<>();
            for (TimeSlot start : session.getPossibleStarts()) {
                if (fits(session, start, groups)) {
                    fitting.add(start);
                }
            }
            if (fitting.size() < session.getPossibleStarts().size()) {
                held.put(session, fitting);
            }
        }
        return held;
    }

    /** Whether every session {@code held} holds starts where it is held to. */
    static boolean keeps(Map<Session, TimeSlot> starts, Map<Session, List<TimeSlot>> held) {
        for (var hold : held.entrySet()) {
            TimeSlot start = starts.get(hold.getKey());
            if (start != null && !hold.getValue().contains(start)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Session session, TimeSlot start, List<Map.Entry<Session, TimeSlot>> groups) {
        int from = start.start();
        int to = from + session.getMinutes();
        Set<Object> joined = new HashSet<>();
        for (var group : groups) {
            Session other = group.getKey();
            int otherFrom = group.getValue().start();
            int otherTo = otherFrom + other.getMinutes();
            if (otherFrom >= to || from >= otherTo) {
                continue;
            }
            if (otherFrom != from || other.getType() != session.getType() || other.getMinutes() != session.getMinutes()) {
                return false;
            }
            joined.add(other.getAthlete());
        }
        joined.remove(session.getAthlete());
        return joined.size() < session.getCoach().groupCapacity();
    }
}
