package io.runplan.domain;

/** A session done before the horizon; {@code start} is negative (absolute minutes before day 0). */
public record PastSession(SessionType type, int start, int minutes) {

    public int day() {
        return Minutes.dayOf(start);
    }
}
