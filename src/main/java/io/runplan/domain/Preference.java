package io.runplan.domain;

import java.time.DayOfWeek;
import java.util.Set;

/** A soft window in which an athlete likes sessions of some types to start. */
public record Preference(Set<SessionType> types, Set<DayOfWeek> days, int from, int to) {

    public Preference {
        types = Set.copyOf(types);
        days = Set.copyOf(days);
    }

    public boolean covers(SessionType type) {
        return types.contains(type);
    }

    /** Only the start counts: {@code from} inclusive, {@code to} exclusive. */
    public boolean contains(DayOfWeek dayOfWeek, int minuteOfDay) {
        return days.contains(dayOfWeek) && from <= minuteOfDay && minuteOfDay < to;
    }
}
