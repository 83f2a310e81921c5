package io.runplan.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A start a session can take: a day of the horizon and a time on the plan's grain. The planning value. */
public record TimeSlot(int day, int minuteOfDay, LocalDate date) implements Comparable<TimeSlot> {

    /** Absolute minutes after 00:00 of the horizon's first day. */
    public int start() {
        return day * Minutes.PER_DAY + minuteOfDay;
    }

    public DayOfWeek dayOfWeek() {
        return date.getDayOfWeek();
    }

    /** "Tue 24 Nov 07:00". */
    public String label() {
        return Minutes.dayLabel(date) + " " + Minutes.clock(minuteOfDay);
    }

    @Override
    public int compareTo(TimeSlot other) {
        return Integer.compare(start(), other.start());
    }

    @Override
    public String toString() {
        return label();
    }
}
