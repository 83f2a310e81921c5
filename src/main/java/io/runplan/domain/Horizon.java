package io.runplan.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The planning horizon: {@code days} calendar days from {@code start}, sessions starting on multiples of
 * {@code grainMinutes}. Times inside the plan are absolute minutes after 00:00 of {@code start}.
 */
public record Horizon(LocalDate start, int days, int grainMinutes) {

    public Horizon {
        if (days < 1 || grainMinutes < 1 || Minutes.PER_DAY % grainMinutes != 0) {
            throw new IllegalArgumentException("bad horizon " + days + " days, grain " + grainMinutes);
        }
    }

    public int endMinute() {
        return days * Minutes.PER_DAY;
    }

    /** Full 7-day weeks; a partial last week is not counted by the weekly rules. */
    public int fullWeeks() {
        return days / 7;
    }

    public LocalDate date(int day) {
        return start.plusDays(day);
    }

    public DayOfWeek dayOfWeek(int day) {
        return date(day).getDayOfWeek();
    }

    public TimeSlot slot(int day, int minuteOfDay) {
        return new TimeSlot(day, minuteOfDay, date(day));
    }

    public int toMinute(LocalDateTime time) {
        long dayOffset = java.time.temporal.ChronoUnit.DAYS.between(start, time.toLocalDate());
        return Math.toIntExact(dayOffset * Minutes.PER_DAY + time.getHour() * 60L + time.getMinute());
    }

    public LocalDateTime toDateTime(int absoluteMinute) {
        return date(Minutes.dayOf(absoluteMinute)).atStartOfDay().plusMinutes(Minutes.minuteOfDay(absoluteMinute));
    }

    /** "Tue 24 Nov 07:00": how a time is named in reasons and tables. */
    public String describe(int absoluteMinute) {
        return Minutes.dayLabel(date(Minutes.dayOf(absoluteMinute))) + " " + Minutes.clock(Minutes.minuteOfDay(absoluteMinute));
    }

    /** "Mon 23 Nov 08:30-17:30", or "Mon 23 Nov 19:00-Tue 24 Nov 07:00" for a span that ends on a later day. */
    public String describeSpan(int start, int end) {
        int startDay = Minutes.dayOf(start);
        String endText = Minutes.dayOf(end) == startDay || end == (startDay + 1) * Minutes.PER_DAY
                ? Minutes.clock(end - startDay * Minutes.PER_DAY)
                : describe(end);
        return describe(start) + "-" + endText;
    }

    /** "Tue 24 Nov". */
    public String describeDay(int day) {
        return Minutes.dayLabel(date(day));
    }

    public boolean isOnGrain(int absoluteMinute) {
        return Minutes.minuteOfDay(absoluteMinute) % grainMinutes == 0;
    }

    public boolean contains(int absoluteMinute) {
        return absoluteMinute >= 0 && absoluteMinute < endMinute();
    }
}
