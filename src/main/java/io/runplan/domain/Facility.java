package io.runplan.domain;

import java.time.DayOfWeek;
import java.util.List;

/** A place with opening hours (a gym, a track); a session located there must lie inside one window. */
public final class Facility {

    private final String id;
    private final List<OpeningWindow> open;

    public Facility(String id, List<OpeningWindow> open) {
        this.id = id;
        this.open = List.copyOf(open);
    }

    public String id() {
        return id;
    }

    public List<OpeningWindow> open() {
        return open;
    }

    public boolean isOpenFor(DayOfWeek dayOfWeek, int minuteOfDay, int minutes) {
        for (OpeningWindow window : open) {
            if (window.holds(dayOfWeek, minuteOfDay, minutes)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return id;
    }
}
