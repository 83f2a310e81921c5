package io.runplan.season;

import io.runplan.domain.SessionType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Plans a season backwards from the race, by the rules of docs/season.md: which phase each week is, its run minutes,
 * long run, quality sessions, lifts and lifting block. Pure: no dates, no files, no calendar (the solver places the
 * sessions in the weeks later, around the athlete's calendar).
 */
public final class SeasonPlanner {

    public static final int MIN_WEEKS = 2;
    public static final int MAX_WEEKS = 52;
    /** "A peak month" (001). */
    static final int PEAK_WEEKS = 4;
    /** Base and build together at most this many weeks; further from the race is off-season. */
    static final int MAX_BASE_AND_BUILD_WEEKS = 14;
    /** The 10 % rule: a week's run minutes at most this times the last full (not cut-back) week's. */
    public static final double WEEKLY_GROWTH = 1.10;
    /** Garmin-RUNSAFE: no run longer than this times the longest run of the previous 30 days. */
    public static final double LONG_RUN_SPIKE = 1.10;
    /** Every 4th week of base, build and peak is a cut-back week at this share of the last full week. */
    public static final int CUT_BACK_EVERY = 4;
    public static final double CUT_BACK = 0.80;
    /** Off-season weeks run this share of the level before them, then hold it. */
    public static final double OFF_SEASON_SHARE = 0.80;
    /** Bosquet 2007: the taper cuts volume by 41-60 %; runplan ends it at half the last full week's. */
    public static final double TAPER_END_SHARE = 0.50;
    /** No run shorter: a shorter run is not worth the trip out. */
    public static final int MIN_RUN_MINUTES = 15;
    static final int MIN_RUNS = 3;
    static final int MAX_RUNS = CurrentTraining.MAX_RUNS_A_WEEK;
    static final int MINUTES_PER_RUN = 60;
    static final double SPEED_SHARE = 0.15;
    static final int MAX_SPEED_MINUTES = 60;

    private SeasonPlanner() {
    }

    /** A new season of {@code weeks} weeks to the race, from the athlete's current training. */
    public static Season plan(Distance distance, int weeks, CurrentTraining current, int raceMinutes) {
        return plan(distance, weeks, 1, current, raceMinutes);
    }

    /**
     * Weeks {@code firstWeek}..{@code totalWeeks} of a season of {@code totalWeeks} weeks, from {@code current}: for a
     * new season (first week 1) the athlete's current training; for a season re-planned from what was done, the run
     * minutes done in the last week and the longest run done in the last 30 days, so nothing ramps on what was not
     * done. Phases, cut-back weeks and lifting blocks stay where the whole season has them.
     */
    public static Season plan(Distance distance, int totalWeeks, int firstWeek, CurrentTraining current, int raceMinutes) {
        if (totalWeeks < MIN_WEEKS || totalWeeks > MAX_WEEKS) {
            throw new IllegalArgumentException("a season has " + MIN_WEEKS + " to " + MAX_WEEKS + " weeks, not " + totalWeeks);
        }
        if (firstWeek < 1 || firstWeek > totalWeeks) {
            throw new IllegalArgumentException("week " + firstWeek + " is not in a season of " + totalWeeks + " weeks");
        }
        if (current.problem() != null) {
            throw new IllegalArgumentException(current.problem());
        }
        List<Phase> phases = phases(distance, totalWeeks);
        List<String> blocks = liftBlocks(totalWeeks);
        int firstRampWeek = 1 + (int) phases.stream().filter(p -> p == Phase.OFF_SEASON).count();
        double taperStep = Math.pow(TAPER_END_SHARE, 1.0 / distance.taperWeeks());

        int lastFullWeek = current.weeklyRunMinutes();
        int lastWeek = current.weeklyRunMinutes();
        int fullWeekRuns = runsFor(lastFullWeek, Phase.BASE);
        Deque<Integer> longestOfRecentWeeks = new ArrayDeque<>(List.of(current.longestRunMinutes()));
        List<SeasonWeek> planned = new ArrayList<>();
        for (int week = firstWeek; week <= totalWeeks; week++) {
            Phase phase = phases.get(week - 1);
            Phase before = week > 1 ? phases.get(week - 2) : null;
            boolean raceWeek = week == totalWeeks;
            boolean cutBack = false;
            int spikeCap = (int) Math.floor(LONG_RUN_SPIKE * Collections.max(longestOfRecentWeeks));
            int target;
            int runs;
            switch (phase) {
                case OFF_SEASON -> {
                    target = before == Phase.OFF_SEASON ? lastFullWeek : round5(OFF_SEASON_SHARE * lastFullWeek);
                    runs = runsFor(target, phase);
                }
                case BASE, BUILD, PEAK -> {
                    cutBack = (week - firstRampWeek + 1) % CUT_BACK_EVERY == 0;
                    if (cutBack) {
                        target = round5(CUT_BACK * lastFullWeek);
                        runs = fullWeekRuns;
                    } else {
                        target = floor5(Math.min(WEEKLY_GROWTH * lastFullWeek,
                                Math.max(distance.targetWeeklyMinutes(), lastFullWeek)));
                        runs = runsFor(target, phase);
                    }
                }
                default -> {
                    target = round5(taperStep * (before == Phase.TAPER ? lastWeek : lastFullWeek));
                    runs = Math.max(fullWeekRuns, quality(phase));
                }
            }
            // a week of short runs (the long-run rule keeps every run short) needs more of them
            runs = Math.max(runs, Math.min(MAX_RUNS, (target + spikeCap - 1) / spikeCap));
            List<PlannedSession> sessions = new ArrayList<>(runs(distance, phase, raceWeek, target, runs, spikeCap));
            sessions.addAll(lifts(phase, raceWeek, blocks.get(week - 1)));
            if (raceWeek) {
                sessions.add(PlannedSession.race(distance.raceType(), raceMinutes));
            }
            SeasonWeek seasonWeek = new SeasonWeek(week, phase, cutBack, raceWeek, sessions);
            planned.add(seasonWeek);

            lastWeek = seasonWeek.runMinutes();
            if (phase != Phase.TAPER && !cutBack) {
                lastFullWeek = lastWeek;
                fullWeekRuns = runs;
            }
            longestOfRecentWeeks.addLast(seasonWeek.longestRunMinutes());
            // the 30 days before a run of the next week: the 4 weeks before it (its own day is the solver's choice)
            while (longestOfRecentWeeks.size() > 4) {
                longestOfRecentWeeks.removeFirst();
            }
        }
        return new Season(distance, totalWeeks, firstWeek, current, planned);
    }

    /**
     * The phase of each week, counted backwards from the race: taper (race week included), a peak month, then build
     * and base sharing up to 14 weeks (base the longer), and off-season before them.
     */
    public static List<Phase> phases(Distance distance, int weeks) {
        int taper = Math.min(distance.taperWeeks(), weeks);
        int peak = Math.min(PEAK_WEEKS, weeks - taper);
        int rest = weeks - taper - peak;
        int offSeason = Math.max(0, rest - MAX_BASE_AND_BUILD_WEEKS);
        int build = (rest - offSeason) / 2;
        int base = rest - offSeason - build;
        List<Phase> phases = new ArrayList<>();
        phases.addAll(Collections.nCopies(offSeason, Phase.OFF_SEASON));
        phases.addAll(Collections.nCopies(base, Phase.BASE));
        phases.addAll(Collections.nCopies(build, Phase.BUILD));
        phases.addAll(Collections.nCopies(peak, Phase.PEAK));
        phases.addAll(Collections.nCopies(taper, Phase.TAPER));
        return phases;
    }

    /** Each week's lifting block: A for the first 3 weeks, then B..., each block 2 or 3 weeks (002: "change up your routine every 2-3 weeks"). */
    public static List<String> liftBlocks(int weeks) {
        List<Integer> lengths = new ArrayList<>(Collections.nCopies(weeks / 3, 3));
        if (weeks % 3 == 2) {
            lengths.add(2);
        } else if (weeks % 3 == 1) {
            // ... 3, 3, 1 becomes ... 2, 2
            lengths.set(lengths.size() - 1, 2);
            lengths.add(2);
        }
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < lengths.size(); i++) {
            blocks.addAll(Collections.nCopies(lengths.get(i), blockName(i)));
        }
        return blocks;
    }

    /** A, B, ... Z, then AA, AB ... */
    static String blockName(int index) {
        String letter = String.valueOf((char) ('A' + index % 26));
        return index < 26 ? letter : blockName(index / 26 - 1) + letter;
    }

    /** Quality sessions a week (the long run or race included): one in off-season and base (no speed work), 2 in build, 3 in peak and taper. */
    public static int quality(Phase phase) {
        return switch (phase) {
            case OFF_SEASON, BASE -> 1;
            case BUILD -> 2;
            case PEAK, TAPER -> 3;
        };
    }

    /** Lifts a week: 3 in off-season and base, 2 in build and peak, 2 in the taper and 1 in race week. */
    public static int lifts(Phase phase, boolean raceWeek) {
        return switch (phase) {
            case OFF_SEASON, BASE -> 3;
            case BUILD, PEAK -> 2;
            case TAPER -> raceWeek ? 1 : 2;
        };
    }

    public static LiftFocus liftFocus(Phase phase) {
        return switch (phase) {
            case OFF_SEASON -> LiftFocus.HEAVIEST;
            case BASE -> LiftFocus.HEAVY;
            case BUILD, PEAK -> LiftFocus.MAINTENANCE;
            case TAPER -> LiftFocus.LIGHT;
        };
    }

    /** Runs a week for so many minutes: about an hour each, 3 to 6 (and at least one per quality session). */
    static int runsFor(int minutes, Phase phase) {
        int runs = (minutes + MINUTES_PER_RUN - 1) / MINUTES_PER_RUN;
        return Math.max(quality(phase), Math.max(MIN_RUNS, Math.min(MAX_RUNS, runs)));
    }

    private static List<PlannedSession> lifts(Phase phase, boolean raceWeek, String block) {
        List<PlannedSession> lifts = new ArrayList<>();
        for (int i = 1; i <= lifts(phase, raceWeek); i++) {
            lifts.add(PlannedSession.lift("lift-" + i, block, liftFocus(phase)));
        }
        return lifts;
    }

    /**
     * The week's runs for {@code target} minutes: the long run (or, in race week, the race in its place), the speed
     * sessions and easy runs; each at least 15 minutes and at most {@code spikeCap}, the long run at most the
     * distance's cap and, unless the week needs more than its runs hold at that length, no other run longer than it.
     * They add up to {@code target} unless every run is at its cap.
     */
    private static List<PlannedSession> runs(Distance distance, Phase phase, boolean raceWeek, int target, int runs,
            int spikeCap) {
        int speeds = quality(phase) - 1;
        boolean longRun = !raceWeek;
        int easy = runs - speeds - 1;
        int count = (longRun ? 1 : 0) + speeds + easy;
        int[] minutes = new int[count];
        int[] caps = new int[count];
        java.util.Arrays.fill(minutes, MIN_RUN_MINUTES);
        int left = target - MIN_RUN_MINUTES * count;
        int firstSpeed = longRun ? 1 : 0;
        int firstEasy = firstSpeed + speeds;
        int evenShare = ceil5((double) target / count);
        if (longRun) {
            int longCap = Math.min(spikeCap, distance.longRunCapMinutes());
            java.util.Arrays.fill(caps, longCap);
            left -= raise(minutes, 0, 1, Math.max(round5(distance.longRunShare() * target), evenShare), caps, left);
            // no other run of the week is longer than the long run
            java.util.Arrays.fill(caps, 1, count, minutes[0]);
        } else {
            java.util.Arrays.fill(caps, Math.min(spikeCap, evenShare));
        }
        int speedMinutes = Math.min(MAX_SPEED_MINUTES, round5(SPEED_SHARE * target));
        left -= raise(minutes, firstSpeed, firstSpeed + speeds, speedMinutes, caps, left);
        left -= fill(minutes, firstEasy, count, caps, left);
        left -= fill(minutes, firstSpeed, firstEasy, caps, left);
        if (longRun) {
            // a week of more minutes than its runs hold: the long run grows to its cap, and the others up to it
            caps[0] = Math.min(spikeCap, distance.longRunCapMinutes());
            left -= fill(minutes, 0, 1, caps, left);
            java.util.Arrays.fill(caps, 1, count, minutes[0]);
            left -= fill(minutes, firstSpeed, count, caps, left);
        }
        // still more (a high-mileage runner and a short race's capped long run): easy runs up to the long-run rule
        java.util.Arrays.fill(caps, firstSpeed, count, spikeCap);
        java.util.Arrays.fill(caps, firstSpeed, firstEasy, Math.min(spikeCap, Math.max(MAX_SPEED_MINUTES, minutes[0])));
        left -= fill(minutes, firstEasy, count, caps, left);
        left -= fill(minutes, firstSpeed, count, caps, left);

        List<PlannedSession> sessions = new ArrayList<>();
        if (longRun) {
            sessions.add(PlannedSession.run("long", SessionType.LONG_RUN, minutes[0]));
        }
        for (int i = 0; i < speeds; i++) {
            sessions.add(PlannedSession.run("speed-" + (i + 1), SessionType.SPEED, minutes[firstSpeed + i]));
        }
        for (int i = 0; i < easy; i++) {
            sessions.add(PlannedSession.run("easy-" + (i + 1), SessionType.EASY_RUN, minutes[firstEasy + i]));
        }
        return sessions;
    }

    /** Raises runs {@code from}..{@code to} towards {@code wanted} minutes each with at most {@code left}; returns what it used. */
    private static int raise(int[] minutes, int from, int to, int wanted, int[] caps, int left) {
        int used = 0;
        for (int i = from; i < to; i++) {
            int add = Math.max(0, Math.min(Math.min(wanted, caps[i]) - minutes[i], left - used));
            minutes[i] += add;
            used += add;
        }
        return used;
    }

    /** Shares {@code left} evenly among runs {@code from}..{@code to}, 5 minutes at a time, up to their caps; returns what it used. */
    private static int fill(int[] minutes, int from, int to, int[] caps, int left) {
        int used = 0;
        boolean room = true;
        while (room && left - used > 0) {
            room = false;
            for (int i = from; i < to && left - used > 0; i++) {
                int add = Math.min(Math.min(5, left - used), caps[i] - minutes[i]);
                if (add > 0) {
                    minutes[i] += add;
                    used += add;
                    room = true;
                }
            }
        }
        return used;
    }

    static int round5(double minutes) {
        return (int) Math.round(minutes / 5) * 5;
    }

    static int ceil5(double minutes) {
        return (int) Math.ceil(minutes / 5) * 5;
    }

    static int floor5(double minutes) {
        return (int) Math.floor(minutes / 5) * 5;
    }
}
