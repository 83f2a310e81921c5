package io.runplan.season;

/** What a phase's lifts are for (001): how heavy, how much. */
public enum LiftFocus {
    /** Off-season: lifting PRs; heavy legs are fine, no race is near. */
    HEAVIEST("heaviest", 60),
    /** Base: still heavy, beside the growing mileage. */
    HEAVY("heavy", 45),
    /** Build and peak: heavy weight, low volume, to keep the strength built. */
    MAINTENANCE("maintenance", 40),
    /** Taper: keep lifting, much lighter. */
    LIGHT("light", 30);

    private final String label;
    private final int minutes;

    LiftFocus(String label, int minutes) {
        this.label = label;
        this.minutes = minutes;
    }

    public String label() {
        return label;
    }

    /** How long one lift of this focus takes. */
    public int minutes() {
        return minutes;
    }

    @Override
    public String toString() {
        return label;
    }
}
