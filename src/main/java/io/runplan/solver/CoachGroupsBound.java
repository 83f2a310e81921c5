package io.runplan.solver;

import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fewest groups a coach must lead for the coached sessions of one kind (same coach, type and minutes), as Coach
 * time counts them: a group is one start that each of its sessions may take, at most the coach's capacity, one
 * session per athlete. At least as many as capacity and the busiest athlete ask; more when no such number of starts
 * can be shared out (the athletes' calendars keep them apart). A search over the sessions, fewest starts first, each
 * joining a group already opened or opening one; a new group's start only matters by which sessions could join it,
 * so only starts that no other start of the session outdoes are tried. Past its step budget it answers the last
 * number it proved too few plus one, which is still never above the truth.
 */
final class CoachGroupsBound {

    /** The most sessions of one kind searched (bits of a long); more: the capacity's and athletes' count. */
    private static final int MAXIMUM_SESSIONS = 63;

    private final int capacity;
    private final long[] athleteOf; // per session, its athlete's bit
    /** Per session (searched order), the sessions that share a start with it, one mask per start no other outdoes. */
    private final long[][] openings;
    private final int sessions;
    private final long[] groupMembersMay;
    private final int[] groupSize;
    private final long[] groupAthletes;
    private long stepsLeft;

    private CoachGroupsBound(List<Session> kind, int capacity, long budget) {
        this.capacity = capacity;
        this.stepsLeft = budget;
        List<Session> ordered = new ArrayList<>(kind);
        ordered.sort(Comparator.comparingInt(session -> SoftBound.startsOf(session).size()));
        sessions = ordered.size();
        Map<Integer, Long> sharing = new HashMap<>(); // start -> sessions that may take it
        Map<Object, Long> athletes = new HashMap<>();
        athleteOf = new long[sessions];
        for (int i = 0; i < sessions; i++) {
            Session session = ordered.get(i);
            athleteOf[i] = athletes.computeIfAbsent(session.getAthlete(), athlete -> 1L << athletes.size());
            for (TimeSlot start : SoftBound.startsOf(session)) {
                sharing.merge(start.start(), 1L << i, (a, b) -> a | b);
            }
        }
        openings = new long[sessions][];
        for (int i = 0; i < sessions; i++) {
            List<Long> masks = new ArrayList<>();
            for (TimeSlot start : SoftBound.startsOf(ordered.get(i))) {
                long mask = sharing.get(start.start());
                if (!masks.contains(mask)) {
                    masks.add(mask);
                }
            }
            openings[i] = masks.stream().filter(mask -> masks.stream().noneMatch(
                    other -> other != mask.longValue() && (other & mask) == mask)).mapToLong(Long::longValue).toArray();
        }
        groupMembersMay = new long[sessions];
        groupSize = new int[sessions];
        groupAthletes = new long[sessions];
    }

    /**
     * The fewest groups for {@code kind}'s sessions (each with its possible starts), at least {@code least} (what
     * capacity and the athletes ask), searched for at most {@code budget} steps.
     */
    static int fewestGroups(List<Session> kind, int capacity, int least, long budget) {
        if (kind.size() > MAXIMUM_SESSIONS || kind.isEmpty()) {
            return least;
        }
        CoachGroupsBound search = new CoachGroupsBound(kind, capacity, budget);
        for (int groups = Math.max(1, least); groups < kind.size(); groups++) {
            if (search.fits(0, 0, groups) || search.stepsLeft < 0) {
                return groups;
            }
        }
        return Math.max(least, kind.size());
    }

    /** Whether sessions {@code next} on can join the {@code open} groups or open new ones, {@code groups} in all. */
    private boolean fits(int next, int open, int groups) {
        if (next == sessions) {
            return true;
        }
        if (--stepsLeft < 0) {
            return true; // given up: not proven too few
        }
        long bit = 1L << next;
        for (int g = 0; g < open; g++) {
            if ((groupMembersMay[g] & bit) != 0 && groupSize[g] < capacity && (groupAthletes[g] & athleteOf[next]) == 0) {
                groupSize[g]++;
                groupAthletes[g] |= athleteOf[next];
                boolean fits = fits(next + 1, open, groups);
                groupSize[g]--;
                groupAthletes[g] &= ~athleteOf[next];
                if (fits) {
                    return true;
                }
            }
        }
        if (open == groups) {
            return false;
        }
        for (long mask : openings[next]) {
            groupMembersMay[open] = mask;
            groupSize[open] = 1;
            groupAthletes[open] = athleteOf[next];
            if (fits(next + 1, open + 1, groups)) {
                return true;
            }
        }
        return false;
    }
}
