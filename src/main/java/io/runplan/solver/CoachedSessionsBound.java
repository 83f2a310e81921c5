package io.runplan.solver;

import io.runplan.domain.Athlete;
import io.runplan.domain.Coach;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coach time with what the athletes pay to share their groups' starts: a coach leads fewer groups when her athletes'
 * sessions start together, but each athlete's best plan may want her session elsewhere. For each coached session and
 * each of its starts, what its athlete's least cost grows by when the session is held there (her days search,
 * {@link AthleteDaysBound}, run again); then the least of coach time plus those growths over every way to share the
 * sessions out into groups (a start each, at most the coach's capacity, one session per athlete). Each athlete pays
 * the most any one of her sessions asks, not the sum, so the answer stays a lower bound; so it does when a search gives
 * up (that session's growth counts as the least known, down to 0).
 *
 * <p>The growths are worked out by day first, each session held to one day; the search over the groups then uses a
 * day's growth for each of its starts, and only the days a best sharing uses are worked out start by start, until the
 * best sharing uses starts whose growth is known: the least then holds for every start. The sharing is searched in
 * passes of a rising ceiling (iterative deepening): when the steps run out, every sharing is known to cost at least
 * the last ceiling, which is what it answers.
 */
final class CoachedSessionsBound {

    /**
     * The most coached sessions whose sharing is searched; more: Coach time by the groups' count alone. A club's many
     * alike sessions (practice-club-20-2w: 40 sessions in groups of 8) spend every step of both searches and prove
     * nothing more.
     */
    static final int MAXIMUM_SESSIONS = 32;
    /** Steps of all the athletes' searches with a session held to a day or a start, and of each one. */
    private static final long WHAT_IF_STEPS = 300_000;
    private static final long WHAT_IF_SEARCH_STEPS = 20_000;
    /** Steps of the search over the groups, all passes together. */
    private static final long SHARING_STEPS = 200_000;
    /** Steps of the search for the fewest groups of one coach's sessions of one kind. */
    private static final long GROUPS_STEPS = 20_000;

    /**
     * Whether to ask what an athlete's least cost grows to, her days search having taken {@code steps}: one that took
     * more than a what-if search may gives up there too, and all the what-ifs together would spend their budget for
     * nothing (a month of free sessions); her cost then counts as not growing.
     */
    static boolean mayAskWhatIf(long steps) {
        return steps <= WHAT_IF_SEARCH_STEPS;
    }

    /** Sessions that may share a group: same coach, type and minutes. */
    record Kind(Coach coach, SessionType type, int minutes) {
        static Kind of(Session session) {
            return new Kind(session.getCoach(), session.getType(), session.getMinutes());
        }
    }

    /** The coached sessions of each kind, in the plan's order. */
    static Map<Kind, List<Session>> kinds(TrainingPlan plan) {
        Map<Kind, List<Session>> kinds = new LinkedHashMap<>();
        for (Session session : plan.getSessions()) {
            if (session.getCoach() != null) {
                kinds.computeIfAbsent(Kind.of(session), kind -> new ArrayList<>()).add(session);
            }
        }
        return kinds;
    }

    /**
     * The fewest groups {@code sessions} (all of {@code kind}) need: at least as many as the coach's capacity and the
     * busiest athlete ask, more when their starts cannot be shared out so ({@link CoachGroupsBound}).
     */
    static int fewestGroups(Kind kind, List<Session> sessions) {
        int capacity = Math.max(1, kind.coach().groupCapacity());
        int byCapacity = (sessions.size() + capacity - 1) / capacity;
        Map<Athlete, Integer> perAthlete = new HashMap<>();
        sessions.forEach(session -> perAthlete.merge(session.getAthlete(), 1, Integer::sum));
        int byAthlete = perAthlete.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return CoachGroupsBound.fewestGroups(sessions, capacity, Math.max(byCapacity, byAthlete), GROUPS_STEPS);
    }

    /** Coach time by the groups' count alone: each kind's fewest groups of its minutes. */
    static long groupsLeast(TrainingPlan plan) {
        long minutes = 0;
        for (var entry : kinds(plan).entrySet()) {
            minutes += (long) entry.getKey().minutes() * fewestGroups(entry.getKey(), entry.getValue());
        }
        return minutes * plan.getWeights().of(Rule.COACH_TIME);
    }

    private record Option(int start, int day) {
    }

    private final TrainingPlan plan;
    private final Map<Athlete, List<Session>> byAthlete;
    private final Map<Athlete, Long> athleteLeast;
    private final int n;
    private final Session[] sessions; // in search order
    private final int[] kindOf;
    private final int[] athleteOf;
    private final long[] groupCost;
    private final int[] capacity;
    private final int[] fewest;
    private final Option[][] options; // per session, cheapest known growth first after each refinement
    private final long[][] growth;
    private final boolean[][] exact;
    private final Map<Integer, Integer>[] optionAt; // per session, start -> option
    private int[][] openings;
    private long whatIfStepsLeft = WHAT_IF_STEPS;
    private long sharingStepsLeft = SHARING_STEPS;

    // The search's state.
    private final int[] groupKind;
    private final int[] groupStart;
    private final int[] groupSize;
    private final long[] groupAthletes;
    private final long[] athleteGrowth;
    private final int[] openOfKind;
    private final int[] freeOfKind;
    private final int[] placedOfKind;
    private final int[] kindCount;
    private final int[] chosenOption;
    private final int[] bestOption;
    private long threshold;
    private long nextThreshold;

    @SuppressWarnings("unchecked")
    private CoachedSessionsBound(TrainingPlan plan, Map<Kind, List<Session>> kinds, Map<Athlete, List<Session>> byAthlete,
                                 Map<Athlete, Long> athleteLeast) {
        this.plan = plan;
        this.byAthlete = byAthlete;
        this.athleteLeast = athleteLeast;
        int weight = plan.getWeights().of(Rule.COACH_TIME);
        List<Kind> kindList = new ArrayList<>(kinds.keySet());
        groupCost = new long[kindList.size()];
        capacity = new int[kindList.size()];
        fewest = new int[kindList.size()];
        kindCount = new int[kindList.size()];
        List<Session> all = new ArrayList<>();
        for (int k = 0; k < kindList.size(); k++) {
            Kind kind = kindList.get(k);
            groupCost[k] = (long) kind.minutes() * weight;
            capacity[k] = Math.max(1, kind.coach().groupCapacity());
            fewest[k] = fewestGroups(kind, kinds.get(kind));
            kindCount[k] = kinds.get(kind).size();
            List<Session> ofKind = new ArrayList<>(kinds.get(kind));
            ofKind.sort(Comparator.comparingInt(session -> SoftBound.startsOf(session).size()));
            all.addAll(ofKind);
        }
        n = all.size();
        sessions = all.toArray(new Session[0]);
        kindOf = new int[n];
        athleteOf = new int[n];
        Map<Athlete, Integer> athletes = new HashMap<>();
        options = new Option[n][];
        growth = new long[n][];
        exact = new boolean[n][];
        optionAt = new Map[n];
        for (int i = 0; i < n; i++) {
            Session session = sessions[i];
            kindOf[i] = kindList.indexOf(Kind.of(session));
            athleteOf[i] = athletes.computeIfAbsent(session.getAthlete(), athlete -> athletes.size());
            List<TimeSlot> starts = SoftBound.startsOf(session);
            options[i] = starts.stream().map(start -> new Option(start.start(), start.day())).toArray(Option[]::new);
            growth[i] = new long[options[i].length];
            exact[i] = new boolean[options[i].length];
        }
        groupKind = new int[n];
        groupStart = new int[n];
        groupSize = new int[n];
        groupAthletes = new long[n];
        athleteGrowth = new long[athletes.size()];
        openOfKind = new int[kindList.size()];
        freeOfKind = new int[kindList.size()];
        placedOfKind = new int[kindList.size()];
        chosenOption = new int[n];
        bestOption = new int[n];
    }

    /**
     * The least of Coach time plus what the athletes' least costs grow by to share the groups' starts, given each
     * athlete's least cost without the groups in {@code athleteLeast} (those whose days search ended; the others' costs
     * count as not growing). At least {@link #groupsLeast}; that alone for a plan with too many coached sessions.
     */
    static long least(TrainingPlan plan, Map<Athlete, List<Session>> byAthlete, Map<Athlete, Long> athleteLeast) {
        Map<Kind, List<Session>> kinds = kinds(plan);
        int coached = kinds.values().stream().mapToInt(List::size).sum();
        if (coached == 0) {
            return 0;
        }
        if (coached > MAXIMUM_SESSIONS) {
            return groupsLeast(plan);
        }
        return new CoachedSessionsBound(plan, kinds, byAthlete, athleteLeast).search();
    }

    private long search() {
        long floor = 0;
        for (int k = 0; k < fewest.length; k++) {
            floor += fewest[k] * groupCost[k];
        }
        long ceiling = 0;
        for (int k = 0; k < fewest.length; k++) {
            ceiling += kindCount[k] * groupCost[k]; // each session alone, where its athlete's best plan has it
        }
        long room = ceiling - floor; // a growth this big never pays for a group saved
        if (room <= 0) {
            return floor;
        }
        for (int i = 0; i < n; i++) {
            growByDay(i, room);
        }
        threshold = floor;
        while (true) {
            sortOptions();
            findOpenings();
            long least = deepen();
            if (least < 0) {
                return threshold; // steps spent: nothing cheaper than the last ceiling
            }
            boolean refined = false;
            for (int i = 0; i < n; i++) {
                int o = bestOption[i];
                if (o >= 0 && !exact[i][o]) {
                    growAt(i, o);
                    refined = true;
                }
            }
            if (!refined) {
                return least;
            }
            for (int i = 0; i < n; i++) {
                drop(i, room);
            }
            threshold = least; // growths only grew: nothing is cheaper than this sharing was
        }
    }

    /** The growth of session {@code i}'s athlete when it is held to each of its days; over {@code room}: left out. */
    private void growByDay(int i, long room) {
        Athlete athlete = sessions[i].getAthlete();
        Long least = athleteLeast.get(athlete);
        Map<Integer, List<Integer>> byDay = new TreeMap<>();
        for (int o = 0; o < options[i].length; o++) {
            byDay.computeIfAbsent(options[i][o].day(), day -> new ArrayList<>()).add(o);
        }
        for (List<Integer> onDay : byDay.values()) {
            long grows = 0;
            if (least != null && byDay.size() > 1) {
                grows = whatIf(i, onDay, least);
            }
            boolean known = least == null || onDay.size() == 1 || grows == Long.MAX_VALUE || whatIfStepsLeft <= 0;
            for (int o : onDay) {
                growth[i][o] = grows;
                exact[i][o] = known;
            }
        }
        drop(i, room);
    }

    /** The growth of session {@code i}'s athlete at its option {@code o}. */
    private void growAt(int i, int o) {
        if (whatIfStepsLeft > 0) {
            growth[i][o] = Math.max(growth[i][o], whatIf(i, List.of(o), athleteLeast.get(sessions[i].getAthlete())));
        }
        exact[i][o] = true;
    }

    /** Session {@code i}'s options whose growth reaches {@code room}, or that no plan of her calendar allows, go. */
    private void drop(int i, long room) {
        List<Integer> kept = new ArrayList<>();
        for (int o = 0; o < options[i].length; o++) {
            if (growth[i][o] < room) {
                kept.add(o);
            }
        }
        if (kept.size() == options[i].length) {
            return;
        }
        Option[] keptOptions = new Option[kept.size()];
        long[] keptGrowth = new long[kept.size()];
        boolean[] keptExact = new boolean[kept.size()];
        for (int j = 0; j < kept.size(); j++) {
            keptOptions[j] = options[i][kept.get(j)];
            keptGrowth[j] = growth[i][kept.get(j)];
            keptExact[j] = exact[i][kept.get(j)];
        }
        options[i] = keptOptions;
        growth[i] = keptGrowth;
        exact[i] = keptExact;
    }

    /**
     * How much more session {@code i}'s athlete pays at least with it held to {@code held} of its options: 0 when the
     * search gives up, {@link Long#MAX_VALUE} when no plan of hers keeps every rule so.
     */
    private long whatIf(int i, List<Integer> held, long least) {
        Session session = sessions[i];
        List<TimeSlot> all = SoftBound.startsOf(session);
        List<TimeSlot> starts = new ArrayList<>();
        for (TimeSlot start : all) {
            for (int o : held) {
                if (options[i][o].start() == start.start()) {
                    starts.add(start);
                }
            }
        }
        Athlete athlete = session.getAthlete();
        AthleteDaysBound.Result result = AthleteDaysBound.leastCost(plan, athlete, byAthlete.get(athlete),
                Map.of(session, starts), Math.min(whatIfStepsLeft, WHAT_IF_SEARCH_STEPS));
        whatIfStepsLeft -= Math.max(1, result.steps());
        if (!result.complete()) {
            return 0;
        }
        if (result.cost() == AthleteDaysBound.INFEASIBLE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, result.cost() - least);
    }

    private void sortOptions() {
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[options[i].length];
            for (int o = 0; o < order.length; o++) {
                order[o] = o;
            }
            long[] grows = growth[i];
            Arrays.sort(order, Comparator.comparingLong(o -> grows[o]));
            Option[] sorted = new Option[order.length];
            long[] sortedGrowth = new long[order.length];
            boolean[] sortedExact = new boolean[order.length];
            Map<Integer, Integer> at = new HashMap<>();
            for (int j = 0; j < order.length; j++) {
                sorted[j] = options[i][order[j]];
                sortedGrowth[j] = growth[i][order[j]];
                sortedExact[j] = exact[i][order[j]];
                at.put(sorted[j].start(), j);
            }
            options[i] = sorted;
            growth[i] = sortedGrowth;
            exact[i] = sortedExact;
            optionAt[i] = at;
        }
    }

    /**
     * Per session, the starts at which it may open a group: those of its options that no other start of its kind
     * outdoes (every session of the kind that may take this one may take that one, and grows no more there).
     */
    private void findOpenings() {
        Map<Long, long[]> byKey = new HashMap<>(); // per kind and start: each session's growth there, or -1
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < options[i].length; o++) {
                long key = (long) kindOf[i] << 32 | options[i][o].start();
                long[] vector = byKey.computeIfAbsent(key, unused -> {
                    long[] empty = new long[n];
                    Arrays.fill(empty, -1);
                    return empty;
                });
                vector[i] = growth[i][o];
            }
        }
        List<Long> keys = new ArrayList<>(byKey.keySet());
        keys.sort(Comparator.naturalOrder());
        List<Long> kept = new ArrayList<>();
        for (long key : keys) {
            long[] vector = byKey.get(key);
            boolean outdone = false;
            for (long other : keys) {
                if (other != key && other >>> 32 == key >>> 32 && outdoes(byKey.get(other), vector, other < key)) {
                    outdone = true;
                    break;
                }
            }
            if (!outdone) {
                kept.add(key);
            }
        }
        openings = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> own = new ArrayList<>();
            for (long key : kept) {
                if (key >>> 32 == kindOf[i]) {
                    Integer o = optionAt[i].get((int) key);
                    if (o != null) {
                        own.add(o);
                    }
                }
            }
            long[] grows = growth[i];
            own.sort(Comparator.comparingLong(o -> grows[o]));
            openings[i] = own.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Whether start {@code a} is as good as {@code b} for every session (and better for one, or first of equals). */
    private static boolean outdoes(long[] a, long[] b, boolean aFirst) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (b[i] >= 0 && (a[i] < 0 || a[i] > b[i])) {
                return false;
            }
            if (b[i] >= 0 && a[i] < b[i] || b[i] < 0 && a[i] >= 0) {
                better = true;
            }
        }
        return better || aFirst;
    }

    /**
     * The least cost of a sharing, searched in passes of a rising ceiling from {@link #threshold}; its options in
     * {@link #bestOption}. -1 when the steps run out ({@link #threshold} then is proven).
     */
    private long deepen() {
        while (true) {
            nextThreshold = Long.MAX_VALUE;
            Arrays.fill(bestOption, -1);
            boolean found = share(0, 0, 0);
            if (sharingStepsLeft < 0) {
                return -1;
            }
            if (found) {
                return threshold;
            }
            if (nextThreshold == Long.MAX_VALUE) {
                return threshold; // cannot happen: each session alone is a sharing
            }
            threshold = nextThreshold;
        }
    }

    private boolean share(int i, int open, long cost) {
        if (--sharingStepsLeft < 0) {
            return false;
        }
        long least = cost + remainingLeast(i, open);
        if (least > threshold) {
            nextThreshold = Math.min(nextThreshold, least);
            return false;
        }
        if (i == n) {
            System.arraycopy(chosenOption, 0, bestOption, 0, n);
            return true;
        }
        int k = kindOf[i];
        int a = athleteOf[i];
        long athleteBit = 1L << a;
        long before = athleteGrowth[a];
        placedOfKind[k]++;
        for (int g = 0; g < open; g++) {
            if (groupKind[g] != k || groupSize[g] >= capacity[k] || (groupAthletes[g] & athleteBit) != 0) {
                continue;
            }
            Integer o = optionAt[i].get(groupStart[g]);
            if (o == null) {
                continue;
            }
            groupSize[g]++;
            groupAthletes[g] |= athleteBit;
            freeOfKind[k]--;
            athleteGrowth[a] = Math.max(before, growth[i][o]);
            chosenOption[i] = o;
            boolean found = share(i + 1, open, cost + athleteGrowth[a] - before);
            athleteGrowth[a] = before;
            freeOfKind[k]++;
            groupAthletes[g] &= ~athleteBit;
            groupSize[g]--;
            if (found || sharingStepsLeft < 0) {
                placedOfKind[k]--;
                return found;
            }
        }
        for (int o : openings[i]) {
            groupKind[open] = k;
            groupStart[open] = options[i][o].start();
            groupSize[open] = 1;
            groupAthletes[open] = athleteBit;
            openOfKind[k]++;
            freeOfKind[k] += capacity[k] - 1;
            athleteGrowth[a] = Math.max(before, growth[i][o]);
            chosenOption[i] = o;
            boolean found = share(i + 1, open + 1, cost + groupCost[k] + athleteGrowth[a] - before);
            athleteGrowth[a] = before;
            freeOfKind[k] -= capacity[k] - 1;
            openOfKind[k]--;
            if (found || sharingStepsLeft < 0) {
                placedOfKind[k]--;
                return found;
            }
        }
        placedOfKind[k]--;
        return false;
    }

    /** The least the sessions from {@code i} on add: the groups their kinds still need, each athlete's least growth. */
    private long remainingLeast(int i, int open) {
        long least = 0;
        for (int k = 0; k < fewest.length; k++) {
            int remaining = kindCount[k] - placedOfKind[k];
            long groups = Math.max(fewest[k] - openOfKind[k],
                    (remaining - freeOfKind[k] + capacity[k] - 1) / capacity[k]);
            least += Math.max(0, groups) * groupCost[k];
        }
        long[] grows = new long[athleteGrowth.length];
        for (int j = i; j < n; j++) {
            if (options[j].length == 0) {
                return Long.MAX_VALUE / 4;
            }
            grows[athleteOf[j]] = Math.max(grows[athleteOf[j]], growth[j][0] - athleteGrowth[athleteOf[j]]);
        }
        for (long grow : grows) {
            least += grow;
        }
        return least;
    }
}
