package io.runplan.solver;

import io.runplan.domain.Athlete;
import io.runplan.domain.PastSession;
import io.runplan.domain.Rule;
import io.runplan.domain.Rules;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The least soft cost of one athlete's sessions, searched day by day: every way to give each session a day on which it
 * has a possible start, keeping the rules that days alone decide (One run a day, One of a kind a day, Quality spacing,
 * Lift spacing, No lift the day before quality, Lifts per week, and a lift on a quality session's day only if it can
 * start late enough after it). Each session costs the cheapest of its starts on its day (Preferred time, Plan
 * stability); the day rules' own costs are counted exactly (Lift on easy day, Rest day, Quality gap, Missing lift, one
 * gym overhead per gym day); and a day holding two sessions or more has their starts searched (overlaps, the Recovery
 * gap, a gym visit's span and gaps), once per day and set of sessions. Left out: other athletes (a coach's groups) and
 * overlaps across midnight. So the result is never above the cost of a real plan, a lower bound ({@link SoftBound}),
 * and on one runner's weeks it is the optimum itself; the starts found are her best plan ({@link DaysSearchPhase}).
 * <p>
 * Branch and bound, quality sessions first, then lifts, then the other runs and cross-training, core last (within
 * each, those with a previous start or pinned first: they cost the most away from their day), each trying its
 * cheapest days first. What prunes a branch: the cost so far, what the days placed add by their hours, and for each
 * session still to place its cheapest day still allowed and with room beside the sessions there, plus the gym visits
 * these must open, and the lifts still to place laid over the days together with each week's Missing lift
 * ({@link #remainingLeast}); a day that cannot hold its sessions ends the branch at once. Passes with a rising
 * ceiling, from just above that least cost, find a plan close to it before the search sinks into a poor part of the
 * tree ({@link #search}). Sessions free over the weeks (a month's), up to {@link #MAXIMUM_SESSIONS}, are searched over
 * the whole horizon; sessions bound to one week each (a season) week after week, each week once per way the week
 * before ends ({@link Entry}). It gives
 * up after a number of steps ({@code budget}); a caller then falls back on a weaker bound. Sessions that differ in nothing but their id take
 * days in order (one of two mirror-image assignments is enough).
 */
final class AthleteDaysBound {

    private static final int DAY = 1440;

    /** A day and a set of sessions on it (bits of their index). */
    private record DaySet(int day, long sessions) {
        @Override
        public boolean equals(Object other) {
            return other instanceof DaySet set && set.day == day && set.sessions == sessions;
        }

        @Override
        public int hashCode() {
            // The sessions' bits mixed (a record's own hash folds bits 32 apart onto each other): one map of many sets.
            return Long.hashCode((sessions + day) * 0x9E3779B97F4A7C15L);
        }
    }

    /**
     * What the hours of a day add for a set of sessions (-1: they cannot all fit), and the best starts found (minute
     * of the day per session of the set, in index order), or null when the search of starts gave up.
     */
    private record DayResult(long extra, int[] members, int[] minutes) {
    }

    /** The least cost, or {@link #INFEASIBLE} when no assignment keeps the day rules; complete: not given up. */
    record Result(long cost, boolean complete, long steps, Map<Session, TimeSlot> starts) {
        Result(long cost, boolean complete, long steps) {
            this(cost, complete, steps, null);
        }
    }

    /**
     * What the days before a search's first day hold, as far as its rules look back: the day of the last quality
     * session and of the last lift ({@link #NONE}: none, or too long ago to matter), whether the day right before is
     * a hard day (null: not known, counted as hard, the cheaper case for a lift on the first day), and whether a
     * planned lift lies on it (then no quality session on the first day). The same record says how a week ends, for
     * the next.
     */
    record Entry(int qualityDay, int liftDay, Boolean dayBeforeHard, boolean liftTheDayBefore) {
        static final int NONE = Integer.MIN_VALUE / 2;
        static final Entry UNKNOWN = new Entry(NONE, NONE, null, false);

        static Entry history(Athlete athlete) {
            PastSession quality = athlete.lastQualityInHistory();
            PastSession lift = athlete.lastLiftInHistory();
            return new Entry(quality == null ? NONE : Math.floorDiv(quality.start(), DAY),
                    lift == null ? NONE : Math.floorDiv(lift.start(), DAY), athlete.isHardDayInHistory(-1), false);
        }

        /** How days up to {@code end} (exclusive) end, the last quality session and lift being these. */
        static Entry ending(int qualityDay, int liftDay, int end, int liftSpacingDays) {
            int lift = liftDay >= end - Math.max(1, liftSpacingDays) ? liftDay : NONE;
            return new Entry(qualityDay, lift, qualityDay == end - 1, lift == end - 1);
        }
    }

    static final long INFEASIBLE = Long.MAX_VALUE;
    /** The most sessions one search places (a day's sessions are the bits of a long). */
    private static final int MAXIMUM_SESSIONS = 63;
    /** Steps of the search of one day's starts before it settles for the day search's own count. */
    private static final long DAY_STEPS = 20_000;
    /**
     * More sessions than this, each bound to one week's days (a season), are searched week by week only; sessions free
     * over the weeks are searched over the whole horizon, up to {@link #MAXIMUM_SESSIONS}.
     */
    private static final int WHOLE_MAXIMUM_SESSIONS = 24;
    /** Steps of the search over the whole horizon before trying week by week. */
    private static final long WHOLE_STEPS = 50_000;
    /** How much each pass's ceiling rises above what the pass before cut off: times this ({@link #search}). */
    private static final long PASS_GROWTH = 8;
    /** Past this width above the least cost, the last pass searches without a ceiling. */
    private static final long LAST_PASS_WIDTH = 1L << 40;

    private final Athlete athlete;
    private final Rules rules;
    private final int days;
    private final int fullWeeks;
    private final Item[] items;
    private final int qualityCount;
    private final int liftCount;
    private final long[] remainingCheapest;
    private final int liftEasyWeight;
    private final int restWeight;
    private final int gapWeight;
    private final int missingWeight;
    private final long gymOverheadCost;
    private final long gymMinutesCost;
    /** Sessions held to some of their starts (what-if searches of a coach's groups), else none. */
    private final Map<Session, List<TimeSlot>> only;
    /** What lies before this search's days. */
    private final Entry entry;
    /** Whether the search finds the least cost per way its days end ({@link #exits}), not just the least. */
    private final boolean perExit;
    private final Map<Entry, Long> bestByExit = new HashMap<>();
    /** How the days end, once the quality sessions and lifts are placed. */
    private Entry exit;
    private final long budget;
    /** The days this search covers, [from, to): the whole horizon, or one week of it (see {@link #leastCost}). */
    private final int windowFrom;
    private final int windowTo;

    private final int[] runs;
    private final int[] cores;
    private final int[] crosses;
    private final int[] gymSessions;
    private final int[] trainingSessions;
    private final int[] qualityOn;
    private final int[] liftOn;
    private final int[] liftsInWeek;
    private final int[] restDaysLeft;
    private final int[] placedDay;
    /** Per placed session, the index of its day among its item's days. */
    private final int[] placedK;
    /** Per day, the placed sessions (bits of their index). */
    private final long[] dayMask;
    /** A day's extra cost for a set of sessions on it, once worked out ({@link #dayExtra}). */
    private final Map<DaySet, DayResult> dayExtras = new HashMap<>();
    /** The starts of the best assignment found (per item), or null; per way the days end when {@link #perExit}. */
    private TimeSlot[] bestStarts;
    private final Map<Entry, TimeSlot[]> startsByExit = new HashMap<>();
    private final int gymWeight;
    private long best = INFEASIBLE;
    private long steps;
    private boolean gaveUp;
    /** Per day, the cheapest lift still to place that may take it ({@link #remainingLeast}'s scratch). */
    private final long[] liftDayLeast;
    /** Per full week, how many lifts still to place may take one of its days ({@link #remainingLeast}'s scratch). */
    private final int[] liftReach;
    /**
     * The last lift whose days {@link #remainingLeast} scanned, and per day its cost there (Lift on easy day's least
     * in; {@link #INFEASIBLE}: not open to it) and what the day's hours add.
     */
    private int liftScanOf;
    private final long[] liftOpenCost;
    private final long[] liftOpenHours;
    /** Per day, whether a quality session still to place may take it ({@link #remainingLeast}'s scratch). */
    private final boolean[] hardLater;
    /** Per full week, the last lift counted in {@link #liftReach}. */
    private final int[] liftReachedBy;
    /** Per session still to place, the first day it may take as a twin ({@link #remainingLeast}'s scratch). */
    private final int[] lowestDays;
    /** {@link #liftDaysLeast}'s states ({@link #liftState}) on one day and the next. */
    private final long[] liftDaysNow;
    private final long[] liftDaysNext;
    /** Per kind of {@link #dayKind}, the gym days its sessions may share ({@link #remainingLeast}'s scratch). */
    private final boolean[][] gymDayOfKind;
    /** Per day, what its hours add for the sessions placed on it now ({@link #dayExtra}; 0 for one session). */
    private final long[] dayExtraNow;
    /** The last item at the gym, or -1. */
    private final int lastGymItem;
    /** The least of what the ceiling of the pass cut off: no plan is cheaper, if the pass found none. */
    private long cutOff = INFEASIBLE;
    /** Whether a plan was found (below the ceiling of the pass). */
    private boolean found;

    /**
     * One session with the days it may take, cheapest first: per day the cheapest start's cost, the latest start and the
     * earliest end; and its starts with their costs, sorted per day when a day's search first asks
     * ({@link #dayStarts}).
     */
    private record Item(Session session, int[] days, long[] cost, int[] latestStart, int[] earliestEnd,
                        List<TimeSlot> starts, long[] startCost, int[][] dayStartMinutes, long[][] dayStartCosts,
                        int twinBefore) {
    }

    private AthleteDaysBound(TrainingPlan plan, Athlete athlete, List<Session> sessions, Map<Session, List<TimeSlot>> only,
                             long budget, int windowFrom, int windowTo, Entry entry, boolean perExit) {
        this.only = only;
        this.entry = entry;
        this.perExit = perExit;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.athlete = athlete;
        this.rules = athlete.rules();
        this.days = plan.getHorizon().days();
        this.fullWeeks = days / 7;
        this.budget = budget;
        this.liftEasyWeight = plan.getWeights().of(Rule.LIFT_ON_EASY_DAY);
        this.restWeight = plan.getWeights().of(Rule.REST_DAY);
        this.gapWeight = plan.getWeights().of(Rule.QUALITY_GAP);
        this.missingWeight = plan.getWeights().of(Rule.MISSING_LIFT);
        this.gymWeight = plan.getWeights().of(Rule.GYM_TIME);
        this.gymOverheadCost = (long) gymWeight * athlete.gymVisitOverheadMinutes();
        long gymMinutes = 0;
        List<Session> ordered = new ArrayList<>(sessions);
        // Kinds in rank order, a previous start's or pinned first, by type, the session with the fewest days first (it
        // fails soonest), else in the plan's order (a stable sort): among plans of the same cost the first found, which DaysSearchPhase proposes, then
        // places like sessions as the file lists them, as First Fit would.
        ordered.sort(Comparator.comparingInt(AthleteDaysBound::rank)
                .thenComparing(session -> session.getPreviousStart() == null && !session.isPinned())
                .thenComparing(Session::getType)
                .thenComparingInt(session -> distinctDays(startsOf(session, only))));
        items = new Item[ordered.size()];
        int quality = 0;
        int lifts = 0;
        for (int i = 0; i < items.length; i++) {
            Session session = ordered.get(i);
            int twin = -1;
            for (int j = i - 1; j >= 0 && twin < 0; j--) {
                if (twins(items[j].session(), session, only)) {
                    twin = j;
                }
            }
            items[i] = item(plan, session, startsOf(session, only), twin);
            if (session.isQuality()) {
                quality++;
            } else if (session.isLift()) {
                lifts++;
            }
            if (session.isAtGym()) {
                gymMinutes += session.getMinutes();
            }
        }
        this.gymMinutesCost = (long) gymWeight * gymMinutes;
        this.qualityCount = quality;
        this.liftCount = lifts;
        remainingCheapest = new long[items.length + 1];
        for (int i = items.length - 1; i >= 0; i--) {
            long cheapest = items[i].days().length == 0 ? INFEASIBLE / 4 : items[i].cost()[0];
            remainingCheapest[i] = remainingCheapest[i + 1] + cheapest;
        }
        runs = new int[days];
        cores = new int[days];
        crosses = new int[days];
        gymSessions = new int[days];
        trainingSessions = new int[days];
        qualityOn = new int[days];
        liftOn = new int[days];
        liftsInWeek = new int[Math.max(1, fullWeeks)];
        restDaysLeft = new int[Math.max(1, fullWeeks)];
        Arrays.fill(restDaysLeft, 7);
        placedDay = new int[items.length];
        placedK = new int[items.length];
        dayMask = new long[days];
        gymDayOfKind = new boolean[DAY_KINDS][days];
        liftDayLeast = new long[days];
        liftReach = new int[Math.max(1, fullWeeks)];
        hardLater = new boolean[days];
        liftOpenCost = new long[days];
        liftOpenHours = new long[days];
        liftReachedBy = new int[Math.max(1, fullWeeks)];
        lowestDays = new int[items.length];
        int liftStates = (lifts + 1) * (rules.liftsPerWeekMax() + 1) * Math.max(1, rules.liftSpacingDays());
        liftDaysNow = new long[liftStates];
        liftDaysNext = new long[liftStates];
        dayExtraNow = new long[days];
        int lastGym = -1;
        for (int i = 0; i < items.length; i++) {
            if (items[i].session().isAtGym()) {
                lastGym = i;
            }
        }
        lastGymItem = lastGym;
    }

    /**
     * The least cost of {@code sessions} (all of {@code athlete}'s, each with its possible starts built), or given up
     * after {@code budget} steps.
     */
    static Result leastCost(TrainingPlan plan, Athlete athlete, List<Session> sessions, long budget) {
        return leastCost(plan, athlete, sessions, Map.of(), budget);
    }

    /**
     * {@link #leastCost(TrainingPlan, Athlete, List, long)} with the sessions of {@code only} held to the starts it
     * gives them (a subset of their possible starts): the least cost of the plans that start them there.
     */
    static Result leastCost(TrainingPlan plan, Athlete athlete, List<Session> sessions, Map<Session, List<TimeSlot>> only,
                            long budget) {
        int days = plan.getHorizon().days();
        long spent = 0;
        List<List<Session>> weeks = byWeek(plan, sessions, only);
        if (sessions.size() <= WHOLE_MAXIMUM_SESSIONS || weeks == null) {
            // Sessions free over weeks have no search but the whole horizon's: it gets the whole budget.
            Result whole = new AthleteDaysBound(plan, athlete, sessions, only,
                    weeks == null ? budget : Math.min(budget, WHOLE_STEPS), 0, days, Entry.history(athlete), false).run();
            if (whole.complete()) {
                return whole;
            }
            spent = whole.steps();
        }
        if (weeks == null) {
            return new Result(0, false, spent);
        }
        Result chained = chained(plan, athlete, weeks, only, budget - spent);
        if (chained.complete()) {
            return new Result(chained.cost(), true, spent + chained.steps(), chained.starts());
        }
        spent += chained.steps();
        Result apart = apart(plan, athlete, weeks, only, budget - spent);
        return new Result(apart.cost(), apart.complete(), spent + apart.steps(), apart.starts());
    }

    /**
     * The athlete's sessions per week of the horizon, or null when some session may start in two weeks (or in none).
     */
    private static List<List<Session>> byWeek(TrainingPlan plan, List<Session> sessions, Map<Session, List<TimeSlot>> only) {
        int weeks = (plan.getHorizon().days() + 6) / 7;
        List<List<Session>> byWeek = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            byWeek.add(new ArrayList<>());
        }
        for (Session session : sessions) {
            int week = -1;
            for (TimeSlot start : startsOf(session, only)) {
                if (week >= 0 && start.day() / 7 != week) {
                    return null;
                }
                week = start.day() / 7;
            }
            if (week < 0) {
                return null; // a session with no possible start: nothing to search
            }
            byWeek.get(week).add(session);
        }
        return byWeek;
    }

    /**
     * The least cost week after week, when each session may only start in one week (a season's, by its dates): for
     * each way the weeks so far can end ({@link Entry}), the least they cost, and each week searched once per way the
     * week before ends. Nothing is left out between the weeks, so this is as close as searching the whole horizon.
     */
    private static Result chained(TrainingPlan plan, Athlete athlete, List<List<Session>> weeks,
                                  Map<Session, List<TimeSlot>> only, long budget) {
        int days = plan.getHorizon().days();
        long missingWeek = (long) athlete.rules().liftsMissing(0) * plan.getWeights().of(Rule.MISSING_LIFT);
        record Way(long cost, Way before, Map<Session, TimeSlot> starts) {
        }
        Map<Entry, Way> ways = new HashMap<>();
        ways.put(Entry.history(athlete), new Way(0, null, Map.of()));
        long steps = 0;
        for (int week = 0; week < weeks.size(); week++) {
            int from = 7 * week;
            int to = Math.min(days, from + 7);
            List<Session> own = weeks.get(week);
            Map<Entry, Way> next = new HashMap<>();
            for (var way : ways.entrySet()) {
                Entry before = way.getKey();
                long cost = way.getValue().cost();
                if (own.isEmpty()) {
                    Entry after = Entry.ending(before.qualityDay(), before.liftDay(), to, athlete.rules().liftSpacingDays());
                    Way through = new Way(cost + (to - from == 7 ? missingWeek : 0), way.getValue(), Map.of());
                    next.merge(after, through, (a, b) -> a.cost() <= b.cost() ? a : b);
                    continue;
                }
                AthleteDaysBound search = new AthleteDaysBound(plan, athlete, own, only, budget - steps, from, to, before, true);
                Map<Entry, Long> exits = search.exits();
                steps += search.steps;
                if (exits == null) {
                    return new Result(0, false, steps);
                }
                for (var exit : exits.entrySet()) {
                    Way after = new Way(cost + exit.getValue(), way.getValue(),
                            search.startsOf(search.startsByExit.get(exit.getKey())));
                    next.merge(exit.getKey(), after, (a, b) -> a.cost() <= b.cost() ? a : b);
                }
            }
            if (next.isEmpty()) {
                return new Result(INFEASIBLE, true, steps);
            }
            ways = next;
        }
        Way last = ways.values().stream().min(Comparator.comparingLong(Way::cost)).orElseThrow();
        Map<Session, TimeSlot> starts = new HashMap<>();
        for (Way way = last; way != null && starts != null; way = way.before()) {
            if (way.starts() == null) {
                starts = null; // a week whose starts are not known (a day's search gave up): a bound, no plan
            } else {
                starts.putAll(way.starts());
            }
        }
        return new Result(last.cost(), true, steps, starts);
    }

    /**
     * The least cost week by week, each week searched apart from the others: what ties a week to the next (Quality gap
     * and spacing across the weekend, a lift the day before the next week's quality session, a lift on Monday after
     * Sunday's quality session) counts 0 or its least, so the sum stays a lower bound. When {@link #chained} gives up.
     */
    private static Result apart(TrainingPlan plan, Athlete athlete, List<List<Session>> weeks,
                                Map<Session, List<TimeSlot>> only, long budget) {
        int days = plan.getHorizon().days();
        long cost = 0;
        long steps = 0;
        Map<Session, TimeSlot> starts = new HashMap<>();
        for (int week = 0; week < weeks.size(); week++) {
            List<Session> own = weeks.get(week);
            if (own.isEmpty()) {
                if (week < days / 7) {
                    cost += (long) athlete.rules().liftsMissing(0) * plan.getWeights().of(Rule.MISSING_LIFT);
                }
                continue;
            }
            Entry before = week == 0 ? Entry.history(athlete) : Entry.UNKNOWN;
            Result result = new AthleteDaysBound(plan, athlete, own, only, budget - steps, 7 * week,
                    Math.min(days, 7 * week + 7), before, false).run();
            steps += result.steps();
            if (!result.complete() || result.cost() == INFEASIBLE) {
                return new Result(result.complete() ? INFEASIBLE : 0, result.complete(), steps);
            }
            cost += result.cost();
            if (starts != null && result.starts() != null) {
                starts.putAll(result.starts());
            } else {
                starts = null;
            }
        }
        return new Result(cost, true, steps, starts); // the weeks' best starts: a plan to try, whatever it costs
    }

    private Result run() {
        search();
        return new Result(gaveUp ? 0 : best, !gaveUp, steps, gaveUp ? null : startsOf(bestStarts));
    }

    /** The least cost per way the days end (empty: no way keeps the day rules), or null when given up. */
    private Map<Entry, Long> exits() {
        search();
        return gaveUp ? null : bestByExit;
    }

    private void search() {
        if (items.length > MAXIMUM_SESSIONS) {
            gaveUp = true; // more than a day's bit set can name
            return;
        }
        for (Item item : items) {
            if (item.days().length == 0) {
                return;
            }
        }
        long start = gymMinutesCost;
        if (qualityCount == 0) {
            start += qualityGapCost();
        }
        if (liftCount == 0) {
            start += missingLiftCost();
        }
        if (perExit) {
            place(0, start);
            return;
        }
        long least = remainingLeast(0, INFEASIBLE);
        if (least == INFEASIBLE) {
            return; // a session with no day left
        }
        // Passes with a rising ceiling, the first just above the least cost: a pass below the best plan prunes all
        // but plans cheaper than its ceiling, so a plan close to the bound is found (and so proven) before the
        // search sinks into a poor part of the tree. Each pass is complete below its ceiling; the last has none. A pass
        // that finds nothing tells the least its ceiling cut off, no plan being cheaper: the next pass's ceiling lies
        // above that by a rise that grows pass after pass (a what-if holding a session far from its previous start
        // costs thousands more at once; a month's plans lie a few units apart), none when nothing was cut off.
        long base = start + least;
        for (long widen = 1, rise = 1; !found && !gaveUp; ) {
            best = widen > LAST_PASS_WIDTH ? INFEASIBLE : base + widen;
            cutOff = INFEASIBLE;
            place(0, start);
            if (best == INFEASIBLE || found || cutOff == INFEASIBLE) {
                break;
            }
            rise *= PASS_GROWTH;
            widen = cutOff - base + rise;
        }
        if (!found) {
            best = INFEASIBLE;
        }
    }

    /** What a plan below the current step must beat to count. */
    private long ceiling(int index) {
        if (!perExit) {
            return best;
        }
        if (index < qualityCount + liftCount) {
            return INFEASIBLE; // how the days end is not known yet
        }
        return bestByExit.getOrDefault(exit, INFEASIBLE);
    }

    /** How the days end: the last quality session and lift placed (or those before the days). */
    private Entry exitOfPlaced() {
        int quality = entry.qualityDay();
        int lift = entry.liftDay();
        for (int day = windowFrom; day < windowTo; day++) {
            if (qualityOn[day] > 0) {
                quality = day;
            }
            if (liftOn[day] > 0) {
                lift = day;
            }
        }
        return Entry.ending(quality, lift, windowTo, rules.liftSpacingDays());
    }

    private void place(int index, long cost) {
        if (gaveUp) {
            return;
        }
        if (perExit && index == qualityCount + liftCount) {
            exit = exitOfPlaced();
        }
        long ceiling = ceiling(index);
        if (cost + remainingCheapest[index] >= ceiling) {
            cutOff = Math.min(cutOff, cost + remainingCheapest[index]);
            return;
        }
        if (++steps > budget) {
            gaveUp = true;
            return;
        }
        if (index == items.length) {
            long total = cost + placedDaysLeast(index); // every day's sessions known: what their hours add
            if (total >= ceiling) {
                cutOff = Math.min(cutOff, total);
            } else {
                if (perExit) {
                    bestByExit.put(exit, total);
                    startsByExit.put(exit, placedStarts());
                } else {
                    best = total;
                    bestStarts = placedStarts();
                    found = true;
                }
            }
            return;
        }
        if (index > 0) {
            long known = cost + placedDaysLeast(index);
            long least = remainingLeast(index, ceiling - known);
            if (least == INFEASIBLE) {
                return;
            }
            if (known + least >= ceiling) {
                cutOff = Math.min(cutOff, known + least);
                return;
            }
        }
        Item item = items[index];
        Session session = item.session();
        int lowestDay = item.twinBefore() < 0 ? Integer.MIN_VALUE : placedDay[item.twinBefore()];
        for (int k = 0; k < item.days().length && !gaveUp; k++) {
            int day = item.days()[k];
            if (day < lowestDay || !allowed(item, k, index)) {
                continue;
            }
            long added = item.cost()[k] + dayCost(session, day);
            placedDay[index] = day;
            placedK[index] = k;
            dayMask[day] |= 1L << index;
            if (!fits(day)) {
                dayMask[day] &= ~(1L << index);
                continue;
            }
            long extraBefore = dayExtraNow[day];
            long mask = dayMask[day];
            dayExtraNow[day] = Long.bitCount(mask) < 2 ? 0 : dayExtras.get(new DaySet(day, mask)).extra();
            apply(session, day, +1);
            long next = cost + added + restCost(session, day);
            if (index + 1 == qualityCount) {
                next += qualityGapCost();
            }
            if (liftCount > 0 && index + 1 == qualityCount + liftCount) {
                next += missingLiftCost();
            }
            place(index + 1, next);
            dayExtraNow[day] = extraBefore;
            apply(session, day, -1);
            dayMask[day] &= ~(1L << index);
            undoRest(session, day);
        }
    }

    /**
     * The least the sessions from {@code index} on add, or at least {@code limit} when that is reached, or
     * {@link #INFEASIBLE} when one has no day left: the days search's bound, tighter than each session's cheapest day
     * as the days fill up. Each session counts its cheapest day still allowed beside the sessions placed, a lift with
     * Lift on easy day (a day a quality session still to place may take counting as hard). Gym visits: sessions of one
     * kind never share a day ({@link #dayKind}), so each of them that lands on a day with no gym session yet brings a
     * visit of its own; the kind whose sessions would bring the most counts its overheads. The lifts still to place
     * count together, Missing lift in: the more of {@link #liftDaysLeast} and of their cheapest days apart plus
     * {@link #missingLiftLeast}.
     */
    private long remainingLeast(int index, long limit) {
        long sum = 0;
        long[] visitsByKind = new long[DAY_KINDS];
        int[] kindSessions = new int[DAY_KINDS];
        int[] kindGymDays = new int[DAY_KINDS];
        boolean hardDaysKnown = index >= qualityCount;
        int liftsLeft = Math.max(0, qualityCount + liftCount - Math.max(index, qualityCount));
        boolean liftDays = liftsLeft >= 1 && rules.liftSpacingDays() >= 1;
        if (liftDays) {
            Arrays.fill(liftDayLeast, INFEASIBLE);
        }
        if (liftsLeft > 0) {
            Arrays.fill(liftReach, 0);
            Arrays.fill(liftReachedBy, -1);
        }
        liftScanOf = -1;
        // While quality sessions are still to place, a lift's day counts as hard if one of them may still take it.
        boolean guessHard = !hardDaysKnown && liftsLeft > 0;
        if (guessHard) {
            Arrays.fill(hardLater, false);
        }
        long liftsLeast = 0;
        int j = index;
        for (; j < items.length && sum < limit; j++) {
            Item item = items[j];
            int twin = item.twinBefore();
            // Twins take days in order: none before the day of the one before it, or the least that one may take.
            int lowestDay = twin < 0 ? Integer.MIN_VALUE : twin < index ? placedDay[twin] : lowestDays[twin];
            lowestDays[j] = lowestDay;
            boolean liftCosts = item.session().isLift();
            if (guessHard && j < qualityCount) {
                for (int k = 0; k < item.days().length; k++) {
                    int day = item.days()[k];
                    if (!hardLater[day] && day >= lowestDay && allowed(item, k, index)) {
                        hardLater[day] = true;
                    }
                }
            }
            int kind = item.session().isAtGym() ? dayKind(item.session()) : -1;
            long least = INFEASIBLE;
            long withVisit = INFEASIBLE; // counting the overhead of a new gym day
            // A lift's twin still to place has the same open days from the same first one: the scan of it is reused.
            boolean rescan = !liftCosts || twin < index || liftScanOf != twin;
            if (liftCosts) {
                liftScanOf = j;
            }
            for (int k = 0; k < item.days().length; k++) {
                int day = item.days()[k];
                if (!liftCosts && item.cost()[k] >= withVisit) {
                    break; // the days come cheapest first, before what placing adds; a lift's every day counts below
                }
                if (rescan) {
                    if (day < lowestDay || !allowed(item, k, index) || !fitsWith(j, k)) {
                        if (liftCosts) {
                            liftOpenCost[day] = INFEASIBLE;
                        }
                        continue;
                    }
                } else if (liftOpenCost[day] == INFEASIBLE) {
                    continue;
                }
                long cost = item.cost()[k];
                if (liftCosts) {
                    if (rescan) {
                        liftOpenCost[day] = cost + liftOnEasyDayLeast(day, guessHard);
                        liftOpenHours[day] = liftDays ? hoursAdd(j, day) : 0;
                    }
                    cost = liftOpenCost[day];
                    if (liftDays) {
                        liftDayLeast[day] = Math.min(liftDayLeast[day], cost + liftOpenHours[day]);
                    }
                    int week = day / 7;
                    if (week < fullWeeks && liftReachedBy[week] != j) {
                        liftReachedBy[week] = j;
                        liftReach[week]++;
                    }
                    if (kind >= 0 && gymSessions[day] > 0 && !gymDayOfKind[kind][day]) {
                        gymDayOfKind[kind][day] = true;
                        kindGymDays[kind]++;
                    }
                }
                least = Math.min(least, cost);
                withVisit = Math.min(withVisit, kind >= 0 && gymSessions[day] == 0 ? cost + gymOverheadCost : cost);
            }
            if (least == INFEASIBLE) {
                return INFEASIBLE;
            }
            sum += least;
            if (liftCosts) {
                liftsLeast += least;
                if (kind >= 0) {
                    visitsByKind[kind] += withVisit - least;
                    kindSessions[kind]++;
                }
            } else if (kind >= 0) {
                visitsByKind[kind] += withVisit - least;
                kindSessions[kind]++;
                for (int k = 0; k < item.days().length; k++) {
                    int day = item.days()[k];
                    if (gymSessions[day] > 0 && !gymDayOfKind[kind][day] && day >= lowestDay && allowed(item, k, index)
                            && fitsWith(j, k)) {
                        gymDayOfKind[kind][day] = true;
                        kindGymDays[kind]++;
                    }
                }
            }
        }
        long visits = 0;
        for (int kind = 0; kind < DAY_KINDS; kind++) {
            // Sessions of a kind on days apart: those beyond the gym days they could share each bring a visit.
            long beyond = Math.max(0, kindSessions[kind] - kindGymDays[kind]) * gymOverheadCost;
            visits = Math.max(visits, Math.max(visitsByKind[kind], beyond));
            if (kindSessions[kind] > 0) {
                Arrays.fill(gymDayOfKind[kind], false);
            }
        }
        boolean complete = j == items.length;
        long lifts = liftsLeast + missingLiftLeast(liftsLeft, complete);
        if (liftDays && complete) {
            long laid = liftDaysLeast(liftsLeft);
            if (laid == INFEASIBLE) {
                return INFEASIBLE;
            }
            lifts = Math.max(lifts, laid);
        }
        return sum - liftsLeast + lifts + visits;
    }

    /**
     * The least the {@code lifts} lifts still to place cost on their days, Missing lift included, when each day counts
     * its cheapest lift ({@link #liftDayLeast}): day after day, a lift taken or not, no two closer than Lift spacing,
     * at most the week's maximum, and each full week's lifts short of the minimum paid as it ends (the lifts placed
     * counted in). Each lift's cheapest day alone lets several lifts count one good day, and Missing lift alone lets
     * them go anywhere: a nurse whose few hard days bunch in two weeks pays here, before every way to lay her lifts
     * on them is tried.
     */
    private long liftDaysLeast(int lifts) {
        int spacing = rules.liftSpacingDays();
        int maxInWeek = rules.liftsPerWeekMax();
        long[] now = liftDaysNow;
        long[] next = liftDaysNext;
        Arrays.fill(now, INFEASIBLE);
        now[liftState(0, Math.min(maxInWeek, liftsPlacedIn(windowFrom / 7)), 0)] = 0;
        for (int day = windowFrom; day < windowTo; day++) {
            if (day > windowFrom && day % 7 == 0) {
                weekEnds(now, next, lifts, day / 7 - 1, liftsPlacedIn(day / 7));
                long[] swap = now;
                now = next;
                next = swap;
            }
            Arrays.fill(next, INFEASIBLE);
            long dayCost = liftDayLeast[day];
            boolean capped = day / 7 < fullWeeks;
            for (int taken = 0; taken <= lifts; taken++) {
                for (int inWeek = 0; inWeek <= maxInWeek; inWeek++) {
                    for (int blocked = 0; blocked < spacing; blocked++) {
                        long cost = now[liftState(taken, inWeek, blocked)];
                        if (cost == INFEASIBLE) {
                            continue;
                        }
                        int rest = liftState(taken, inWeek, Math.max(0, blocked - 1));
                        next[rest] = Math.min(next[rest], cost);
                        if (blocked == 0 && taken < lifts && dayCost != INFEASIBLE && (!capped || inWeek < maxInWeek)) {
                            int take = liftState(taken + 1, Math.min(maxInWeek, inWeek + 1), spacing - 1);
                            next[take] = Math.min(next[take], cost + dayCost);
                        }
                    }
                }
            }
            long[] swap = now;
            now = next;
            next = swap;
        }
        weekEnds(now, next, lifts, (windowTo - 1) / 7, 0);
        long least = INFEASIBLE;
        for (int inWeek = 0; inWeek <= maxInWeek; inWeek++) {
            for (int blocked = 0; blocked < spacing; blocked++) {
                least = Math.min(least, next[liftState(lifts, inWeek, blocked)]);
            }
        }
        return least;
    }

    /**
     * {@link #liftDaysLeast}: the states of {@code now} (up to {@code lifts} taken) as {@code week} ends, into
     * {@code next}, its lifts short paid; the next week starts with the lifts placed in it.
     */
    private void weekEnds(long[] now, long[] next, int lifts, int week, int placedInNext) {
        Arrays.fill(next, INFEASIBLE);
        int maxInWeek = rules.liftsPerWeekMax();
        boolean full = week < fullWeeks;
        for (int taken = 0; taken <= lifts; taken++) {
            for (int inWeek = 0; inWeek <= maxInWeek; inWeek++) {
                for (int blocked = 0; blocked < rules.liftSpacingDays(); blocked++) {
                    long cost = now[liftState(taken, inWeek, blocked)];
                    if (cost == INFEASIBLE) {
                        continue;
                    }
                    long lacking = full ? (long) rules.liftsMissing(inWeek) * missingWeight : 0;
                    int state = liftState(taken, Math.min(maxInWeek, placedInNext), blocked);
                    next[state] = Math.min(next[state], cost + lacking);
                }
            }
        }
    }

    /**
     * Lift on easy day's least for a lift on {@code day}: none on a hard day, half the day after one. With
     * {@code guessHard} (quality sessions still to place) a day one of them may still take counts as hard
     * ({@link #hardLater}).
     */
    private long liftOnEasyDayLeast(int day, boolean guessHard) {
        if (mayBeHard(day, guessHard)) {
            return 0;
        }
        return mayBeHard(day - 1, guessHard) ? liftEasyWeight / 2 : liftEasyWeight;
    }

    private boolean mayBeHard(int day, boolean guessHard) {
        return isHardDay(day) || guessHard && day >= windowFrom && hardLater[day];
    }

    /**
     * What the hours of {@code day} add when item {@code j} joins the sessions placed on it (its quality session: a
     * lift 4 hours after it may miss its preferred time); asked after {@link #fitsWith}, which worked it out. Never
     * below 0 (a day's search that gave up answers 0), and two such on different days add up, as lifts' days do.
     */
    private long hoursAdd(int j, int day) {
        if (dayMask[day] == 0) {
            return 0;
        }
        return Math.max(0, dayExtras.get(new DaySet(day, dayMask[day] | 1L << j)).extra() - dayExtraNow[day]);
    }

    /** The lifts placed in {@code week}, if a full one (a part week has no minimum or maximum). */
    private int liftsPlacedIn(int week) {
        return week < fullWeeks ? liftsInWeek[week] : 0;
    }

    /** {@link #liftDaysLeast}'s state: lifts taken, lifts in the day's week, days still closed by the last. */
    private int liftState(int taken, int inWeek, int blocked) {
        return (taken * (rules.liftsPerWeekMax() + 1) + inWeek) * rules.liftSpacingDays() + blocked;
    }

    /**
     * Missing lift's least while {@code liftsLeft} lifts are still to place: each can make up at most one lift a week
     * lacks, so the weeks' shortfall beyond their number is sure; and a week lacking more lifts than those that can
     * still take one of its days ({@link #liftReach}, when {@code reachKnown}) stays short by the rest. A tight athlete
     * with fewer lifts than her weeks want pays the first whatever her days (counted from the start, the first pass's
     * ceiling lies above it); the second ends a branch whose lifts, twins laid in day order, left an early week behind.
     */
    private long missingLiftLeast(int liftsLeft, boolean reachKnown) {
        if (liftsLeft == 0) {
            return 0;
        }
        long missing = 0;
        long beyondReach = 0;
        for (int week = windowFrom / 7; week < fullWeeks && 7 * week < windowTo; week++) {
            int lacking = rules.liftsMissing(liftsInWeek[week]);
            missing += lacking;
            beyondReach += Math.max(0, lacking - liftReach[week]);
        }
        long least = Math.max(missing - liftsLeft, reachKnown ? beyondReach : 0);
        return Math.max(0, least) * missingWeight;
    }

    private static final int DAY_KINDS = 4;

    /** Kinds whose sessions never share a day under the athlete's rules (lifts, runs, core, cross), or -1. */
    private int dayKind(Session session) {
        if (session.isLift()) {
            return rules.liftSpacingDays() >= 1 ? 0 : -1;
        }
        if (session.isRun()) {
            return rules.runsPerDay() == 1 ? 1 : -1;
        }
        return switch (session.getType()) {
            case CORE -> 2;
            case CROSS_TRAINING -> 3;
            default -> -1;
        };
    }

    /**
     * Whether {@code item} may take its {@code k}-th day given what is placed, the items before {@code placed} (the
     * rules days decide).
     */
    private boolean allowed(Item item, int k, int placed) {
        Session session = item.session();
        int day = item.days()[k];
        if (session.isRun() && runs[day] >= rules.runsPerDay()) {
            return false;
        }
        switch (session.getType()) {
            case CORE -> {
                if (cores[day] > 0) {
                    return false;
                }
            }
            case CROSS_TRAINING -> {
                if (crosses[day] > 0) {
                    return false;
                }
            }
            default -> {
            }
        }
        if (session.isQuality()) {
            int min = rules.qualitySpacingMin();
            if (day - entry.qualityDay() < min || near(qualityOn, day, min)) {
                return false;
            }
            if (day == windowFrom && entry.liftTheDayBefore()) {
                return false; // No lift the day before quality: the lift lies in the week before
            }
        }
        if (session.isLift()) {
            int spacing = rules.liftSpacingDays();
            if (day - entry.liftDay() < spacing || near(liftOn, day, spacing)) {
                return false;
            }
            if (day + 1 < days && qualityOn[day + 1] > 0) {
                return false; // No lift the day before quality (every quality session is placed before any lift)
            }
            int week = day / 7;
            if (week < fullWeeks && liftsInWeek[week] >= rules.liftsPerWeekMax()) {
                return false;
            }
            if (qualityOn[day] > 0) {
                int needed = rules.allowLiftRightAfterQuality() ? 0 : rules.liftGapMinutes();
                for (int q = 0; q < Math.min(qualityCount, placed); q++) {
                    if (placedDay[q] == day) {
                        int qualityIndex = indexOfDay(items[q], day);
                        if (item.latestStart()[k] - items[q].earliestEnd()[qualityIndex] < needed) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Whether some day closer than {@code distance} to {@code day} is marked (a spacing of 0 or 1 allows all). */
    private boolean near(int[] marked, int day, int distance) {
        for (int d = Math.max(0, day - distance + 1); d <= Math.min(days - 1, day + distance - 1); d++) {
            if (marked[d] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Costs a session adds by its day given what is placed: Gym time's overhead, Lift on easy day. */
    private long dayCost(Session session, int day) {
        long cost = 0;
        if (session.isAtGym() && gymSessions[day] == 0) {
            cost += gymOverheadCost;
        }
        if (session.isLift() && !isHardDay(day)) {
            cost += isHardDay(day - 1) ? liftEasyWeight / 2 : liftEasyWeight;
        }
        return cost;
    }

    private boolean isHardDay(int day) {
        if (day < windowFrom) { // the day before the first: a lift on the first day asks
            return entry.dayBeforeHard() == null || entry.dayBeforeHard();
        }
        return qualityOn[day] > 0;
    }

    /** Rest day's cost of placing a training session (not core) on {@code day}; applied before this is asked. */
    private long restCost(Session session, int day) {
        int week = day / 7;
        if (session.getType() == SessionType.CORE || week >= fullWeeks || trainingSessions[day] != 1) {
            return 0;
        }
        int before = restDaysLeft[week];
        restDaysLeft[week] = before - 1;
        int wanted = rules.restDaysPerWeek();
        return (long) restWeight * (Math.max(0, wanted - (before - 1)) - Math.max(0, wanted - before));
    }

    private void undoRest(Session session, int day) {
        int week = day / 7;
        if (session.getType() == SessionType.CORE || week >= fullWeeks || trainingSessions[day] != 0) {
            return;
        }
        restDaysLeft[week]++;
    }

    private void apply(Session session, int day, int delta) {
        if (session.isRun()) {
            runs[day] += delta;
        }
        switch (session.getType()) {
            case CORE -> cores[day] += delta;
            case CROSS_TRAINING -> crosses[day] += delta;
            default -> {
            }
        }
        if (session.isAtGym()) {
            gymSessions[day] += delta;
        }
        if (session.getType() != SessionType.CORE) {
            trainingSessions[day] += delta;
        }
        if (session.isQuality()) {
            qualityOn[day] += delta;
        }
        if (session.isLift()) {
            liftOn[day] += delta;
            if (day / 7 < fullWeeks) {
                liftsInWeek[day / 7] += delta;
            }
        }
    }

    /**
     * The starts of the placed sessions: each day's best starts when its sessions were searched together, else each
     * session's cheapest start on its day; null when some day's search of starts gave up (a bound, but no plan).
     */
    private TimeSlot[] placedStarts() {
        TimeSlot[] starts = new TimeSlot[items.length];
        for (int day = windowFrom; day < windowTo; day++) {
            long mask = dayMask[day];
            if (Long.bitCount(mask) >= 2) {
                DayResult known = dayExtras.get(new DaySet(day, mask));
                if (known == null || known.minutes() == null) {
                    return null;
                }
                for (int m = 0; m < known.members().length; m++) {
                    int i = known.members()[m];
                    starts[i] = slot(items[i], day, known.minutes()[m]);
                }
            }
        }
        for (int i = 0; i < items.length; i++) {
            if (starts[i] == null) {
                starts[i] = slot(items[i], placedDay[i], dayStarts(items[i], placedK[i])[0]);
            }
        }
        return starts;
    }

    private static TimeSlot slot(Item item, int day, int minute) {
        for (TimeSlot start : item.starts()) {
            if (start.day() == day && start.minuteOfDay() == minute) {
                return start;
            }
        }
        throw new IllegalStateException(item.session().getId() + " has no start on day " + day + " at " + minute);
    }

    /** The item's sessions with {@code starts} (per item), or null. */
    private Map<Session, TimeSlot> startsOf(TimeSlot[] starts) {
        if (starts == null) {
            return null;
        }
        Map<Session, TimeSlot> bySession = new HashMap<>();
        for (int i = 0; i < items.length; i++) {
            bySession.put(items[i].session(), starts[i]);
        }
        return bySession;
    }

    /**
     * Whether the sessions placed on {@code day} fit in it together (worked out once per set): a day that cannot hold
     * them cannot hold more either, so the search stops there, not at the last session.
     */
    private boolean fits(int day) {
        long mask = dayMask[day];
        if (Long.bitCount(mask) < 2) {
            return true;
        }
        return dayExtras.computeIfAbsent(new DaySet(day, mask), key -> dayExtra(mask)).extra() >= 0;
    }

    /**
     * The least the placed sessions' days add by their hours (at the end: exactly what they add): each day's
     * extra as it is now, less what a gym session still to come could save by joining two of its gym visits into one.
     */
    private long placedDaysLeast(int index) {
        boolean gymToCome = index <= lastGymItem;
        long sum = 0;
        for (int day = windowFrom; day < windowTo; day++) {
            long extra = dayExtraNow[day];
            if (extra > 0 && gymToCome && gymSessions[day] > 1) {
                extra = Math.max(0, extra - gymOverheadCost * (gymSessions[day] - 1));
            }
            sum += extra;
        }
        return sum;
    }

    /** Whether item {@code j} (not placed) fits on its {@code k}-th day beside the sessions placed there. */
    private boolean fitsWith(int j, int k) {
        int day = items[j].days()[k];
        if (dayMask[day] == 0) {
            return true;
        }
        long mask = dayMask[day] | 1L << j;
        placedK[j] = k; // the day's search reads each member's day from here
        return dayExtras.computeIfAbsent(new DaySet(day, mask), key -> dayExtra(mask)).extra() >= 0;
    }

    /**
     * The least cost of the sessions of {@code mask} on their day, starts chosen, above what the day search counted
     * for them (each one's cheapest start on the day, and one gym overhead): -1 when they cannot all fit. A search of
     * their starts, cheapest first; past {@link #DAY_STEPS} steps it answers 0, which is never too much.
     */
    private DayResult dayExtra(long mask) {
        int[] members = new int[Long.bitCount(mask)];
        int n = 0;
        long counted = 0;
        boolean gym = false;
        for (int i = 0; i < items.length; i++) {
            if ((mask & (1L << i)) != 0) {
                members[n++] = i;
                counted += items[i].cost()[placedK[i]];
                gym |= items[i].session().isAtGym();
            }
        }
        if (gym) {
            counted += gymOverheadCost;
        }
        long[] remaining = new long[members.length + 1];
        for (int m = members.length - 1; m >= 0; m--) {
            remaining[m] = remaining[m + 1] + items[members[m]].cost()[placedK[members[m]]];
        }
        DaySearch search = new DaySearch(members, remaining, gym ? gymOverheadCost : 0);
        search.choose(0, 0);
        steps += DAY_STEPS - Math.max(0, search.stepsLeft);
        if (steps > budget) {
            gaveUp = true;
        }
        if (search.stepsLeft < 0) {
            return new DayResult(0, members, null);
        }
        if (search.best == INFEASIBLE) {
            return new DayResult(-1, members, null);
        }
        return new DayResult(Math.max(0, search.best - counted), members, search.bestChosen);
    }

    /** The starts of one day's sessions: a small branch and bound. */
    private final class DaySearch {
        private final int[] members;
        private final long[] remaining;
        private final long gymLeast;
        private final int[] chosen;
        private int[] bestChosen;
        private long best = INFEASIBLE;
        private long stepsLeft = DAY_STEPS;

        DaySearch(int[] members, long[] remaining, long gymLeast) {
            this.members = members;
            this.remaining = remaining;
            this.gymLeast = gymLeast;
            this.chosen = new int[members.length];
        }

        void choose(int m, long cost) {
            if (m == members.length) {
                long total = cost + gymCost();
                if (total < best) {
                    best = total;
                    bestChosen = chosen.clone();
                }
                return;
            }
            if (cost + remaining[m] + gymLeast >= best || --stepsLeft < 0) {
                return;
            }
            Item item = items[members[m]];
            int k = placedK[members[m]];
            int[] minutes = dayStarts(item, k);
            long[] costs = item.dayStartCosts()[k];
            for (int s = 0; s < minutes.length && stepsLeft >= 0; s++) {
                if (cost + costs[s] + remaining[m + 1] + gymLeast >= best) {
                    break; // the starts are cheapest first
                }
                if (fits(m, minutes[s])) {
                    chosen[m] = minutes[s];
                    choose(m + 1, cost + costs[s]);
                }
            }
        }

        /** Whether member {@code m} may start at {@code minute} beside the members chosen before it. */
        private boolean fits(int m, int minute) {
            Session session = items[members[m]].session();
            for (int o = 0; o < m; o++) {
                Session other = items[members[o]].session();
                int start = chosen[o];
                if (minute < start + other.getMinutes() && start < minute + session.getMinutes()) {
                    return false;
                }
                if (session.isLift() && other.isQuality() && !liftAfter(start + other.getMinutes(), minute)) {
                    return false;
                }
                if (session.isQuality() && other.isLift() && !liftAfter(minute + session.getMinutes(), start)) {
                    return false;
                }
            }
            return true;
        }

        private boolean liftAfter(int qualityEnd, int liftStart) {
            return liftStart >= qualityEnd && rules.recoveryGapShortfall(liftStart - qualityEnd) == 0;
        }

        /** Gym time of the chosen starts beyond the sessions' minutes: the overhead per visit and the gaps in it. */
        private long gymCost() {
            List<int[]> gym = new ArrayList<>();
            for (int m = 0; m < members.length; m++) {
                Session session = items[members[m]].session();
                if (session.isAtGym()) {
                    gym.add(new int[] {chosen[m], chosen[m] + session.getMinutes()});
                }
            }
            if (gym.isEmpty()) {
                return 0;
            }
            gym.sort(Comparator.<int[]>comparingInt(visit -> visit[0]).thenComparingInt(visit -> visit[1]));
            long minutes = 0;
            long spans = 0;
            int visits = 1;
            int visitStart = gym.get(0)[0];
            int visitEnd = gym.get(0)[1];
            for (int[] session : gym) {
                minutes += session[1] - session[0];
            }
            for (int[] session : gym.subList(1, gym.size())) {
                if (session[0] - visitEnd < rules.visitGapMinutes()) {
                    visitEnd = Math.max(visitEnd, session[1]);
                } else {
                    spans += visitEnd - visitStart;
                    visits++;
                    visitStart = session[0];
                    visitEnd = session[1];
                }
            }
            spans += visitEnd - visitStart;
            return (long) gymWeight * (spans - minutes) + visits * gymOverheadCost;
        }
    }

    /** Quality gap over the placed quality sessions, the last before the days first (asked once all are placed). */
    private long qualityGapCost() {
        long excess = 0;
        int previous = entry.qualityDay();
        boolean hasPrevious = previous != Entry.NONE;
        for (int day = windowFrom; day < windowTo; day++) {
            for (int n = 0; n < qualityOn[day]; n++) {
                if (hasPrevious) {
                    excess += rules.qualityGapExcess(day - previous);
                }
                previous = day;
                hasPrevious = true;
            }
        }
        return excess * gapWeight;
    }

    /** Missing lift over the full weeks (asked once every lift is placed). */
    private long missingLiftCost() {
        return missingLifts() * missingWeight;
    }

    /** The lifts the full weeks lack with the lifts placed. */
    private long missingLifts() {
        long missing = 0;
        for (int week = windowFrom / 7; week < fullWeeks && 7 * week < windowTo; week++) {
            missing += rules.liftsMissing(liftsInWeek[week]);
        }
        return missing;
    }

    private static int indexOfDay(Item item, int day) {
        for (int k = 0; k < item.days().length; k++) {
            if (item.days()[k] == day) {
                return k;
            }
        }
        throw new IllegalStateException("day " + day + " not among " + item.session().getId() + "'s days");
    }

    /** The starts {@code session} may take here: those {@code only} holds it to, else {@link SoftBound#startsOf}. */
    private static List<TimeSlot> startsOf(Session session, Map<Session, List<TimeSlot>> only) {
        List<TimeSlot> held = only.get(session);
        return held != null ? held : SoftBound.startsOf(session);
    }

    /** Quality sessions first, then lifts (they hang on them), then the other runs, then the rest. */

    private static int rank(Session session) {
        if (session.isQuality()) {
            return 0;
        }
        if (session.isLift()) {
            return 1;
        }
        if (session.isRun()) {
            return 2;
        }
        return session.getType() == SessionType.CORE ? 4 : 3;
    }

    private static int distinctDays(List<TimeSlot> starts) {
        return (int) starts.stream().mapToInt(TimeSlot::day).distinct().count();
    }

    /** Sessions the rules cannot tell apart: same kind, length, place, coach and possible starts, no previous start. */
    private static boolean twins(Session a, Session b, Map<Session, List<TimeSlot>> only) {
        return a.getType() == b.getType() && a.getMinutes() == b.getMinutes() && a.isAtGym() == b.isAtGym()
                && a.getCoach() == b.getCoach() && a.getPreviousStart() == null && b.getPreviousStart() == null
                && !a.isPinned() && !b.isPinned() && startsOf(a, only).equals(startsOf(b, only));
    }

    /** A session's days with the cheapest start on each (Preferred time, Plan stability), cheapest first. */
    private static Item item(TrainingPlan plan, Session session, List<TimeSlot> starts, int twinBefore) {
        int preferredWeight = plan.getWeights().of(Rule.PREFERRED_TIME);
        int stabilityWeight = plan.getWeights().of(Rule.PLAN_STABILITY);
        Integer previous = session.getPreviousStart();
        long[] startCost = new long[starts.size()];
        TreeMap<Integer, long[]> byDay = new TreeMap<>(); // day -> day, cost, latest start, earliest end
        for (int i = 0; i < startCost.length; i++) {
            TimeSlot start = starts.get(i);
            long cost = 0;
            if (session.getAthlete().missesPreferredTime(session.getType(), start.dayOfWeek(), start.minuteOfDay())) {
                cost += preferredWeight;
            }
            if (previous != null && previous != start.start()) {
                cost += (long) stabilityWeight * (10 + Math.abs(start.start() - previous));
            }
            startCost[i] = cost;
            long[] day = byDay.get(start.day());
            if (day == null) {
                byDay.put(start.day(), new long[] {start.day(), cost, start.minuteOfDay(),
                        start.minuteOfDay() + session.getMinutes()});
            } else {
                day[1] = Math.min(day[1], cost);
                day[2] = Math.max(day[2], start.minuteOfDay());
                day[3] = Math.min(day[3], start.minuteOfDay() + session.getMinutes());
            }
        }
        List<long[]> perDay = new ArrayList<>(byDay.values());
        perDay.sort(Comparator.<long[]>comparingLong(entry -> entry[1]).thenComparingLong(entry -> entry[0]));
        int n = perDay.size();
        int[] days = new int[n];
        long[] cost = new long[n];
        int[] latest = new int[n];
        int[] earliestEnd = new int[n];
        for (int k = 0; k < n; k++) {
            days[k] = (int) perDay.get(k)[0];
            cost[k] = perDay.get(k)[1];
            latest[k] = (int) perDay.get(k)[2];
            earliestEnd[k] = (int) perDay.get(k)[3];
        }
        return new Item(session, days, cost, latest, earliestEnd, starts, startCost, new int[n][], new long[n][],
                twinBefore);
    }

    /** The starts (minute of the day) of {@code item} on its {@code k}-th day, cheapest first; worked out once. */
    private static int[] dayStarts(Item item, int k) {
        if (item.dayStartMinutes()[k] == null) {
            int day = item.days()[k];
            List<long[]> onDay = new ArrayList<>();
            for (int i = 0; i < item.startCost().length; i++) {
                TimeSlot start = item.starts().get(i);
                if (start.day() == day) {
                    onDay.add(new long[] {start.minuteOfDay(), item.startCost()[i]});
                }
            }
            onDay.sort(Comparator.<long[]>comparingLong(entry -> entry[1]).thenComparingLong(entry -> entry[0]));
            item.dayStartCosts()[k] = onDay.stream().mapToLong(entry -> entry[1]).toArray();
            item.dayStartMinutes()[k] = onDay.stream().mapToInt(entry -> (int) entry[0]).toArray();
        }
        return item.dayStartMinutes()[k];
    }
}
