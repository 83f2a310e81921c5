package io.runplan.domain;

/** One full week of one athlete: the unit of Lifts per week and Rest day. */
public final class AthleteWeek {

    private final Athlete athlete;
    private final int index;

    public AthleteWeek(Athlete athlete, int index) {
        this.athlete = athlete;
        this.index = index;
    }

    public Athlete athlete() {
        return athlete;
    }

    /** 0 for the first week of the horizon. */
    public int index() {
        return index;
    }

    public int firstDay() {
        return 7 * index;
    }

    @Override
    public String toString() {
        return athlete.id() + " week " + (index + 1);
    }
}
