package io.runplan.season;

import io.runplan.domain.SessionType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A goal race's distance and what it asks of a season (docs/season.md): the longest long run, the taper's length,
 * the weekly run minutes the build aims at, the long run's share of a week, and the race's own session.
 */
public enum Distance {
    FIVE_K("5k", 75, 2, 240, 0.30, 45, SessionType.SPEED),
    TEN_K("10k", 90, 2, 300, 0.32, 75, SessionType.SPEED),
    HALF("half", 120, 2, 360, 0.35, 150, SessionType.LONG_RUN),
    MARATHON("marathon", 180, 3, 480, 0.40, 300, SessionType.LONG_RUN);

    private final String label;
    private final int longRunCapMinutes;
    private final int taperWeeks;
    private final int targetWeeklyMinutes;
    private final double longRunShare;
    private final int raceMinutes;
    private final SessionType raceType;

    Distance(String label, int longRunCapMinutes, int taperWeeks, int targetWeeklyMinutes, double longRunShare,
            int raceMinutes, SessionType raceType) {
        this.label = label;
        this.longRunCapMinutes = longRunCapMinutes;
        this.taperWeeks = taperWeeks;
        this.targetWeeklyMinutes = targetWeeklyMinutes;
        this.longRunShare = longRunShare;
        this.raceMinutes = raceMinutes;
        this.raceType = raceType;
    }

    /** "5k", "10k", "half", "marathon": as the command line and the plan file's season block say it. */
    public String label() {
        return label;
    }

    /** "half marathon": as a page title says it. */
    public String title() {
        return switch (this) {
            case FIVE_K -> "5 km race";
            case TEN_K -> "10 km race";
            case HALF -> "half marathon";
            case MARATHON -> "marathon";
        };
    }

    /** No long run of the season is longer (3 h for the marathon). */
    public int longRunCapMinutes() {
        return longRunCapMinutes;
    }

    /** Weeks of taper, race week included. */
    public int taperWeeks() {
        return taperWeeks;
    }

    /** The weekly run minutes the build grows towards (a runner already above it holds her level). */
    public int targetWeeklyMinutes() {
        return targetWeeklyMinutes;
    }

    /** The long run's share of a week's run minutes, before the caps. */
    public double longRunShare() {
        return longRunShare;
    }

    /** The race's session in the calendar, warm-up included, unless the user gives another. */
    public int raceMinutes() {
        return raceMinutes;
    }

    /** The race is the race week's quality session in the long run's place: a long run for the half and marathon. */
    public SessionType raceType() {
        return raceType;
    }

    public static Optional<Distance> byLabel(String text) {
        String wanted = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.label.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
