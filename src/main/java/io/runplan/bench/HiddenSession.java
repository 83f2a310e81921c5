package io.runplan.bench;

import io.runplan.domain.Minutes;
import io.runplan.domain.SessionType;

/**
 * One session of the plan a generator builds first, where it starts: the calendars are drawn around these starts.
 * {@code location} and {@code coach} are null where the session has the type's default place and no coach.
 */
record HiddenSession(String id, SessionType type, int day, int minuteOfDay, int minutes, String location, String coach) {

    /** Minutes after 00:00 of the horizon's first day, as the domain counts them. */
    int start() {
        return day * Minutes.PER_DAY + minuteOfDay;
    }

    int end() {
        return start() + minutes;
    }

    boolean isAtGym() {
        return "gym".equals(location != null ? location : type.defaultLocation());
    }
}
