package io.runplan.domain;

/**
 * The rule parameters of DOMAIN.md for one plan (FORMAT.md {@code rules}), defaults as there.
 * {@code liftGapMinutes} is {@code liftGapAfterQualityHours} rounded to whole minutes.
 */
public record Rules(
        int liftGapMinutes,
        int qualitySpacingMin,
        int qualitySpacingMax,
        int liftsPerWeekMin,
        int liftsPerWeekMax,
        int restDaysPerWeek,
        int runsPerDay,
        int liftSpacingDays,
        int visitGapMinutes,
        boolean allowLiftRightAfterQuality) {

    public static final Rules DEFAULT = new Rules(4 * 60, 2, 3, 2, 3, 1, 1, 2, 30, false);

    /** Days between two days (by date) outside [min, max] of Quality spacing; 0 when inside. */
    public int qualitySpacingShortfall(int daysApart) {
        if (daysApart < qualitySpacingMin) {
            return qualitySpacingMin - daysApart;
        }
        return daysApart > qualitySpacingMax ? daysApart - qualitySpacingMax : 0;
    }

    /** Days short of Lift spacing; 0 when far enough apart. */
    public int liftSpacingShortfall(int daysApart) {
        return Math.max(0, liftSpacingDays - daysApart);
    }

    /** Lifts missing or extra in a full week; 0 when inside [min, max]. */
    public int liftsPerWeekShortfall(int lifts) {
        if (lifts < liftsPerWeekMin) {
            return liftsPerWeekMin - lifts;
        }
        return lifts > liftsPerWeekMax ? lifts - liftsPerWeekMax : 0;
    }

    /**
     * Minutes short of the Recovery gap for a lift starting {@code minutesAfter} after a quality session on the
     * same day ends (never negative: a lift before the end is No lift before quality instead). 0 when allowed.
     */
    public int recoveryGapShortfall(int minutesAfter) {
        if (minutesAfter >= liftGapMinutes) {
            return 0;
        }
        if (allowLiftRightAfterQuality && minutesAfter < visitGapMinutes) {
            return 0;
        }
        return liftGapMinutes - minutesAfter;
    }
}
