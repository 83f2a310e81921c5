package io.runplan.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates a session may start on ({@code dates} in the plan file; rule Session dates), inclusive, with the same
 * range as day indexes of the horizon (which may lie before day 0 or past the last day).
 */
public record SessionDates(LocalDate from, LocalDate to, int firstDay, int lastDay) {

    public SessionDates {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
    }

    public static SessionDates of(Horizon horizon, LocalDate from, LocalDate to) {
        return new SessionDates(from, to, (int) ChronoUnit.DAYS.between(horizon.start(), from),
                (int) ChronoUnit.DAYS.between(horizon.start(), to));
    }

    /** Days between {@code day} and the nearest of these dates; 0 inside. */
    public int daysOutside(int day) {
        return day < firstDay ? firstDay - day : Math.max(0, day - lastDay);
    }

    public boolean contains(int day) {
        return daysOutside(day) == 0;
    }

    /** "2026-11-30..2026-12-06", or the one date. */
    @Override
    public String toString() {
        return from.equals(to) ? from.toString() : from + ".." + to;
    }
}
