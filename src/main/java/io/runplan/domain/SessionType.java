package io.runplan.domain;

/** The kinds of training session of docs/rules.md, with the facts the rules ask of each. */
public enum SessionType {
    SPEED(true, true, false, "outdoor"),
    LONG_RUN(true, true, false, "outdoor"),
    EASY_RUN(false, true, false, "outdoor"),
    LIFT(false, false, false, "gym"),
    CORE(false, false, true, "home"),
    CROSS_TRAINING(false, false, true, "gym");

    private final boolean quality;
    private final boolean run;
    private final boolean oneADay;
    private final String defaultLocation;

    SessionType(boolean quality, boolean run, boolean oneADay, String defaultLocation) {
        this.quality = quality;
        this.run = run;
        this.oneADay = oneADay;
        this.defaultLocation = defaultLocation;
    }

    /** A hard running workout: makes its day a hard day and is spaced at least 2 (usually 2-3) days from the next. */
    public boolean isQuality() {
        return quality;
    }

    /** Counts for One run a day. */
    public boolean isRun() {
        return run;
    }

    /** At most one of this type per athlete and day (One of a kind a day). */
    public boolean isOneADay() {
        return oneADay;
    }

    public String defaultLocation() {
        return defaultLocation;
    }

    /** "LONG_RUN" becomes "long run", as a runner would say it. */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
