package io.runplan.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time arithmetic on whole minutes: the one place that knows how long a day is and how to print a time. */
public final class Minutes {

    public static final int PER_DAY = 1440;

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private Minutes() {
    }

    /** Day index of an absolute minute (minutes after 00:00 of the horizon's first day); negative before it. */
    public static int dayOf(int absoluteMinute) {
        return Math.floorDiv(absoluteMinute, PER_DAY);
    }

    public static int minuteOfDay(int absoluteMinute) {
        return Math.floorMod(absoluteMinute, PER_DAY);
    }

    /** Minutes two half-open intervals share. */
    public static int overlap(int start1, int end1, int start2, int end2) {
        return Math.max(0, Math.min(end1, end2) - Math.max(start1, start2));
    }

    /** "06:30" for 390; "24:00" for 1440. */
    public static String clock(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    /** "2h", "45 min", "1h30" for a duration. */
    public static String duration(int minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        int h = minutes / 60;
        int m = minutes % 60;
        return m == 0 ? h + "h" : h + "h" + String.format(Locale.ROOT, "%02d", m);
    }

    /** "Tue 24 Nov": how a day is named in reasons and tables. */
    public static String dayLabel(LocalDate date) {
        return DAY_LABEL.format(date);
    }
}
