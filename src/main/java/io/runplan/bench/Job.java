package io.runplan.bench;

import io.runplan.domain.Minutes;
import io.runplan.domain.Window;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.runplan.bench.PlanDocument.WEEKDAYS;

/**
 * The jobs of tight plans, each with the busy time it puts into a calendar: office hours, school, alternating retail
 * weeks, 12-hour day and night shifts with the sleep after a night, a three-shift factory rotation, lectures and a bar
 * job. Drawn before any session is placed, as real calendars are: the training has to fit around them.
 */
enum Job {
    OFFICE("office", new Window(360, 1290)),
    TEACHER("teacher", new Window(360, 1260)),
    PUPIL("school", new Window(390, 1290)),
    RETAIL("retail", new Window(360, 1320)),
    NURSE_FOUR_ON_FOUR_OFF("nurse", new Window(360, 1290)),
    NURSE_ROTA("nurse", new Window(360, 1320)),
    FACTORY("factory", new Window(360, 1320)),
    STUDENT("student", new Window(390, 1320));

    private static final int HOUR = 60;

    private final String label;
    private final Window day;

    Job(String label, Window day) {
        this.label = label;
        this.day = day;
    }

    /** How the athlete's name says it: "Ana (nurse)". */
    String label() {
        return label;
    }

    /** The daily window before the generator narrows it to the sessions it placed. */
    Window day() {
        return day;
    }

    /** The busy time of this job over {@code days} days from day 0, and a night shift from the evening before. */
    List<TimeBlock> busy(Random random, int days) {
        List<TimeBlock> busy = new ArrayList<>();
        switch (this) {
            case OFFICE -> {
                int from = 7 * HOUR + 30 * random.nextInt(6);
                int length = 8 * HOUR + 30 * random.nextInt(3);
                everyWeekday(busy, days, from, from + length, "work");
            }
            case TEACHER -> {
                everyWeekday(busy, days, 7 * HOUR + 15, 16 * HOUR, "teaching");
                someWeekdays(busy, random, days, 2, 16 * HOUR, 17 * HOUR + 30, "marking");
            }
            case PUPIL -> {
                everyWeekday(busy, days, 7 * HOUR + 45, 15 * HOUR + 30, "school");
                someWeekdays(busy, random, days, 2, 16 * HOUR, 18 * HOUR, random.nextBoolean() ? "study group" : "music lesson");
            }
            case RETAIL -> retailWeeks(busy, random, days);
            case NURSE_FOUR_ON_FOUR_OFF -> fourOnFourOff(busy, random, days);
            case NURSE_ROTA -> nurseRota(busy, random, days);
            case FACTORY -> factoryRotation(busy, random, days);
            case STUDENT -> student(busy, random, days);
        }
        return busy;
    }

    private static void everyWeekday(List<TimeBlock> busy, int days, int from, int to, String label) {
        for (int day = 0; day < days; day++) {
            if (WEEKDAYS.contains(dayOfWeek(day))) {
                busy.add(block(day, from, to, label));
            }
        }
    }

    /** {@code perWeek} weekdays of each week, drawn anew every week. */
    private static void someWeekdays(List<TimeBlock> busy, Random random, int days, int perWeek, int from, int to,
            String label) {
        for (int weekStart = 0; weekStart < days; weekStart += 7) {
            for (int i = 0; i < perWeek; i++) {
                int day = weekStart + random.nextInt(7);
                if (day < days && WEEKDAYS.contains(dayOfWeek(day))) {
                    busy.add(block(day, from, to, label));
                }
            }
        }
    }

    /** Early and late weeks in turn, Monday to Saturday with one weekday off a week. */
    private static void retailWeeks(List<TimeBlock> busy, Random random, int days) {
        boolean early = random.nextBoolean();
        for (int weekStart = 0; weekStart < days; weekStart += 7) {
            int dayOff = weekStart + random.nextInt(5);
            for (int day = weekStart; day < Math.min(days, weekStart + 7); day++) {
                if (day != dayOff && dayOfWeek(day) != DayOfWeek.SUNDAY) {
                    busy.add(early ? block(day, 6 * HOUR, 14 * HOUR + 30, "early shift")
                            : block(day, 13 * HOUR + 30, 22 * HOUR, "late shift"));
                }
            }
            early = !early;
        }
    }

    /** Two 12-hour days, two 12-hour nights (each followed by sleep), four days off; the cycle starts anywhere. */
    private static void fourOnFourOff(List<TimeBlock> busy, Random random, int days) {
        int shiftStart = 7 * HOUR + 30 * random.nextInt(2);
        int sleep = 6 * HOUR + 30 * random.nextInt(3);
        int offset = random.nextInt(8);
        for (int day = -1; day < days; day++) {
            int cycleDay = Math.floorMod(day + offset, 8);
            if (cycleDay < 2 && day >= 0) {
                busy.add(block(day, shiftStart, shiftStart + 12 * HOUR, "day shift"));
            } else if ((cycleDay == 2 || cycleDay == 3) && day < days - 1) { // no night runs past the horizon
                night(busy, day, shiftStart + 12 * HOUR, 12 * HOUR, sleep);
            }
        }
    }

    /** The irregular rota of the sample nurse (day shifts, nights, days off), with 12-hour shifts from 07:00. */
    private static void nurseRota(List<TimeBlock> busy, Random random, int days) {
        SampleDatasets.Shift[] rota = SampleDatasets.nurseRotation(random, days);
        for (int day = 0; day < days; day++) {
            switch (rota[day]) {
                case DAY -> busy.add(block(day, 7 * HOUR, 19 * HOUR, "day shift"));
                case NIGHT -> night(busy, day, 19 * HOUR, 12 * HOUR, 7 * HOUR);
                case OFF -> { }
            }
        }
    }

    /** Early, late and night weeks in turn, Monday to Friday; a night week sleeps until the early afternoon. */
    private static void factoryRotation(List<TimeBlock> busy, Random random, int days) {
        int shift = random.nextInt(3);
        for (int weekStart = 0; weekStart < days; weekStart += 7) {
            for (int day = weekStart; day < Math.min(days, weekStart + 7); day++) {
                if (!WEEKDAYS.contains(dayOfWeek(day))) {
                    continue;
                }
                switch (shift) {
                    case 0 -> busy.add(block(day, 6 * HOUR, 14 * HOUR, "early shift"));
                    case 1 -> busy.add(block(day, 14 * HOUR, 22 * HOUR, "late shift"));
                    default -> {
                        if (day < days - 1) {
                            night(busy, day, 22 * HOUR, 8 * HOUR, 7 * HOUR);
                        }
                    }
                }
            }
            shift = (shift + 1) % 3;
        }
    }

    /** Morning lectures, some afternoon labs, a bar job on Friday and on some other evenings, a Saturday job. */
    private static void student(List<TimeBlock> busy, Random random, int days) {
        boolean saturdayJob = random.nextBoolean();
        for (int day = 0; day < days; day++) {
            DayOfWeek dayOfWeek = dayOfWeek(day);
            if (WEEKDAYS.contains(dayOfWeek)) {
                if (random.nextInt(5) < 4) {
                    busy.add(block(day, 9 * HOUR, 13 * HOUR, "lectures"));
                }
                if (random.nextInt(10) < 3) {
                    busy.add(block(day, 14 * HOUR, 17 * HOUR, "lab"));
                }
                if (dayOfWeek == DayOfWeek.FRIDAY || random.nextInt(10) < 2) {
                    busy.add(block(day, 18 * HOUR, 23 * HOUR, "bar job"));
                }
            } else if (dayOfWeek == DayOfWeek.SATURDAY && saturdayJob) {
                busy.add(block(day, 10 * HOUR, 16 * HOUR, "weekend job"));
            }
        }
    }

    /** A night shift from {@code from} on {@code day}, then {@code sleep} minutes of sleep the next morning. */
    private static void night(List<TimeBlock> busy, int day, int from, int length, int sleep) {
        TimeBlock night = block(day, from, from + length, "night shift");
        busy.add(night);
        busy.add(new TimeBlock(night.end(), night.end() + sleep, "sleep after night shift"));
    }

    private static TimeBlock block(int day, int fromMinuteOfDay, int toMinuteOfDay, String label) {
        return new TimeBlock(day * Minutes.PER_DAY + fromMinuteOfDay, day * Minutes.PER_DAY + toMinuteOfDay, label);
    }

    private static DayOfWeek dayOfWeek(int day) {
        return PlanGenerator.START.plusDays(day).getDayOfWeek();
    }
}
