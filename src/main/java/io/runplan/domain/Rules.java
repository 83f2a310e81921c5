package io.runplan.domain;

/**
 * The rule parameters of docs/rules.md for one plan (docs/plan-format.md {@code rules}), defaults as there.
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

    /** Days short of Quality spacing's minimum (a hard rule: recovery); 0 when far enough apart. */
    public int qualitySpacingShortfall(int daysApart) {
        return Math.max(0, qualitySpacingMin - daysApart);
    }

    /** Days beyond Quality spacing's maximum (soft Quality gap: the usual rhythm, not recovery); 0 when inside. */
    public int qualityGapExcess(int daysApart) {
        return Math.max(0, daysApart - qualitySpacingMax);
    }

    /** Days short of Lift spacing; 0 when far enough apart. */
    public int liftSpacingShortfall(int daysApart) {
        return Math.max(0, liftSpacingDays - daysApart);
    }

    /** Lifts above the maximum in a full week (hard Lifts per week); 0 when at most the maximum. */
    public int liftsAboveMax(int lifts) {
        return Math.max(0, lifts - liftsPerWeekMax);
    }

    /** Lifts short of the minimum in a full week (soft Missing lift: one is better than nothing); 0 when enough. */
    public int liftsMissing(int lifts) {
        return Math.max(0, liftsPerWeekMin - lifts);
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
