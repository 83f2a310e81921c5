package io.runplan.season;

/** The blocks of a season, counted backwards from the race (docs/season.md). */
public enum Phase {
    /** Far from the race: the heaviest lifting, fewer run minutes. */
    OFF_SEASON("off-season"),
    /** Mileage base: long run and easy runs, no speed work; heavy lifting. */
    BASE("base"),
    /** Speed work comes in; lifting to maintain. */
    BUILD("build"),
    /** "A peak month" (001): the most quality; lifting heavy and low volume. */
    PEAK("peak"),
    /** The last weeks, race week included: volume cut, intensity and number of sessions kept; light lifts. */
    TAPER("taper");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Phase byLabel(String label) {
        for (Phase phase : values()) {
            if (phase.label.equals(label)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("no phase '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
