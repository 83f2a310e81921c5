package io.runplan.season;

import io.runplan.domain.Minutes;
import io.runplan.domain.PastSession;

import java.util.List;

/**
 * Where the athlete's running stands when the season starts: her weekly run minutes and the longest run of the last
 * 30 days (the athlete's {@code current}, or read from her {@code history}).
 *
 * @param weeklyRunMinutes run minutes of the last week: the level the 10 % rule grows from
 * @param longestRunMinutes the longest run of the last 30 days: the level the 110 % long-run rule grows from
 */
public record CurrentTraining(int weeklyRunMinutes, int longestRunMinutes) {

    /** Below this a season's sessions would be too short to be sessions: three runs of half an hour. */
    public static final int MIN_WEEKLY_MINUTES = 90;
    public static final int MAX_WEEKLY_MINUTES = 1500;
    public static final int MIN_LONGEST_MINUTES = 30;
    /** A season's weeks have at most this many runs; so do the weeks it grows from. */
    public static final int MAX_RUNS_A_WEEK = 6;
    /** The window of the long-run spike rule (Garmin-RUNSAFE: the longest run of the previous 30 days). */
    public static final int SPIKE_WINDOW_DAYS = 30;

    /**
     * From the runs of a history (starts in minutes relative to {@code seasonStartMinute}, which is 0 when the history
     * is relative to the season's first day): run minutes of the 7 days before, longest run of the 30 days before.
     * Zero where there were none.
     */
    public static CurrentTraining fromHistory(List<PastSession> history, int seasonStartMinute) {
        int weekly = 0;
        int longest = 0;
        for (PastSession past : history) {
            if (!past.type().isRun()) {
                continue;
            }
            int before = seasonStartMinute - past.start();
            if (before > 0 && before <= 7 * Minutes.PER_DAY) {
                weekly += past.minutes();
            }
            if (before > 0 && before <= SPIKE_WINDOW_DAYS * Minutes.PER_DAY) {
                longest = Math.max(longest, past.minutes());
            }
        }
        return new CurrentTraining(weekly, longest);
    }

    /** What is wrong with these figures as the start of a season, or null when nothing is. */
    public String problem() {
        if (weeklyRunMinutes < MIN_WEEKLY_MINUTES || weeklyRunMinutes > MAX_WEEKLY_MINUTES) {
            return "weeklyRunMinutes " + weeklyRunMinutes + " is outside " + MIN_WEEKLY_MINUTES + ".." + MAX_WEEKLY_MINUTES
                    + ": runplan plans a race season for a runner who runs at least three half-hour runs a week";
        }
        if (longestRunMinutes < MIN_LONGEST_MINUTES) {
            return "longestRunMinutes " + longestRunMinutes + " is below " + MIN_LONGEST_MINUTES;
        }
        if (longestRunMinutes > weeklyRunMinutes) {
            return "longestRunMinutes " + longestRunMinutes + " is more than weeklyRunMinutes " + weeklyRunMinutes
                    + ": the longest run is one of the week's runs";
        }
        if (longestRunMinutes * MAX_RUNS_A_WEEK < weeklyRunMinutes) {
            return "longestRunMinutes " + longestRunMinutes + " is less than a sixth of weeklyRunMinutes " + weeklyRunMinutes
                    + ": runplan plans at most 6 runs a week, so one of them was at least " + ceilDiv(weeklyRunMinutes, MAX_RUNS_A_WEEK);
        }
        return null;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
