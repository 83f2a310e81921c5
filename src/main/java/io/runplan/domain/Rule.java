package io.runplan.domain;

import java.util.Optional;

/**
 * Every rule runplan plans by, named as users see it (docs/rules.md says what each means and where it comes from).
 * The constraint provider, the plan file's {@code weights}, the reports and the docs all take the name from here.
 */
public enum Rule {
    SESSION_OVERLAP("Session overlap", Level.HARD, 1, "per pair of an athlete's sessions: minutes of overlap"),
    BUSY_TIME("Busy time", Level.HARD, 1, "per session and busy block: minutes of overlap"),
    DAY_WINDOW("Day window", Level.HARD, 1, "per session: minutes outside the athlete's day window"),
    NO_LIFT_BEFORE_QUALITY("No lift before quality", Level.HARD, 1, "per lift and quality session on one day: 1"),
    RECOVERY_GAP("Recovery gap", Level.HARD, 1, "per lift and quality session on one day: minutes short of the gap"),
    QUALITY_SPACING("Quality spacing", Level.HARD, 1, "per consecutive pair of quality sessions: days short of the minimum"),
    NO_LIFT_DAY_BEFORE_QUALITY("No lift the day before quality", Level.HARD, 1,
            "per lift and quality session on the next day: 1"),
    ONE_RUN_A_DAY("One run a day", Level.HARD, 1, "per athlete and day: runs above the limit"),
    ONE_OF_A_KIND_A_DAY("One of a kind a day", Level.HARD, 1,
            "per athlete, day and type (core, cross-training): sessions above one"),
    LIFT_SPACING("Lift spacing", Level.HARD, 1, "per consecutive pair of lifts: days short"),
    LIFTS_PER_WEEK("Lifts per week", Level.HARD, 1, "per athlete and full week: lifts above the maximum"),
    COACH_AVAILABLE("Coach available", Level.HARD, 1,
            "per coached session: minutes outside the coach's day window; per session and coach busy block: minutes of overlap"),
    ONE_GROUP_AT_A_TIME("One group at a time", Level.HARD, 1,
            "per overlapping pair that is not one group: minutes of overlap; per over-full group: athletes above capacity"),
    FACILITY_HOURS("Facility hours", Level.HARD, 1, "per session outside its facility's opening hours: 1"),
    SESSION_DATES("Session dates", Level.HARD, 1, "per session starting outside its dates: days outside"),

    UNSCHEDULED_SESSION("Unscheduled session", Level.MEDIUM, 1, "per unscheduled session: 1"),

    GYM_TIME("Gym time", Level.SOFT, 1, "per gym visit: its span plus the athlete's overhead, in minutes"),
    LIFT_ON_EASY_DAY("Lift on easy day", Level.SOFT, 60,
            "per lift on an easy day: the weight; right after a hard day: half of it, rounded down"),
    REST_DAY("Rest day", Level.SOFT, 120, "per athlete and full week: rest days missing"),
    PREFERRED_TIME("Preferred time", Level.SOFT, 30, "per session starting in none of its preferred windows: 1"),
    COACH_TIME("Coach time", Level.SOFT, 1, "per coach and group: minutes led"),
    PLAN_STABILITY("Plan stability", Level.SOFT, 1, "per moved session: 10 + minutes between old and new start"),
    QUALITY_GAP("Quality gap", Level.SOFT, 120,
            "per consecutive pair of quality sessions more than the maximum apart: days beyond the maximum"),
    MISSING_LIFT("Missing lift", Level.SOFT, 120, "per athlete and full week: lifts short of the minimum");

    /** Which part of the score a rule penalizes. */
    public enum Level { HARD, MEDIUM, SOFT }

    private final String ruleName;
    private final Level level;
    private final int defaultWeight;
    private final String size;

    Rule(String ruleName, Level level, int defaultWeight, String size) {
        this.ruleName = ruleName;
        this.level = level;
        this.defaultWeight = defaultWeight;
        this.size = size;
    }

    /** The name users see: in docs/rules.md, the plan file's weights, reports and the constraint itself. */
    public String ruleName() {
        return ruleName;
    }

    public Level level() {
        return level;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    /** What one match costs, in words (as docs/rules.md says it). */
    public String size() {
        return size;
    }

    public static Optional<Rule> byName(String name) {
        for (Rule rule : values()) {
            if (rule.ruleName.equals(name)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
