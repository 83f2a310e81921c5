package io.runplan.domain;

import java.time.DayOfWeek;
import java.util.Set;

/** Hours a facility is open on some weekdays. */
public record OpeningWindow(Set<DayOfWeek> days, Window hours) {

    public OpeningWindow {
        days = Set.copyOf(days);
    }

    public boolean holds(DayOfWeek dayOfWeek, int minuteOfDay, int minutes) {
        return days.contains(dayOfWeek) && hours.from() <= minuteOfDay && minuteOfDay + minutes <= hours.to();
    }
}
