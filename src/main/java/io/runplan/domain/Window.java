package io.runplan.domain;

/** A daily window of wall-clock time, in minutes after midnight: {@code from} inclusive, {@code to} exclusive. */
public record Window(int from, int to) {

    public static final Window DEFAULT_DAY = new Window(6 * 60, 21 * 60);

    public Window {
        if (to <= from) {
            throw new IllegalArgumentException("window ends before it starts: " + from + ".." + to);
        }
    }

    public int length() {
        return to - from;
    }

    /** Minutes of [start, start + minutes) (as minutes of one day) that lie outside this window. */
    public int minutesOutside(int minuteOfDay, int minutes) {
        return minutes - Minutes.overlap(minuteOfDay, minuteOfDay + minutes, from, to);
    }

    @Override
    public String toString() {
        return Minutes.clock(from) + "-" + Minutes.clock(to);
    }
}
