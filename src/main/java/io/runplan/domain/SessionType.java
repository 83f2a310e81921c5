package io.runplan.domain;

/** The kinds of training session of docs/rules.md, with the facts the rules ask of each. */
public enum SessionType {
    SPEED(true, true, false, "outdoor", "Speed session"),
    LONG_RUN(true, true, false, "outdoor", "Long run"),
    EASY_RUN(false, true, false, "outdoor", "Easy run"),
    LIFT(false, false, false, "gym", "Lift"),
    CORE(false, false, true, "home", "Core"),
    CROSS_TRAINING(false, false, true, "gym", "Cross-training");

    private final boolean quality;
    private final boolean run;
    private final boolean oneADay;
    private final String defaultLocation;
    private final String title;

    SessionType(boolean quality, boolean run, boolean oneADay, String defaultLocation, String title) {
        this.quality = quality;
        this.run = run;
        this.oneADay = oneADay;
        this.defaultLocation = defaultLocation;
        this.title = title;
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

    /** "Speed session", "Long run", "Lift": the type as a runner names it, at the head of a line or a calendar event. */
    public String title() {
        return title;
    }

    /** "LONG_RUN" becomes "long run", as a runner would say it. */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
