package io.runplan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static io.runplan.bench.PlanDocument.*;

/** Writes the sample plan files of {@code datasets/} (office worker, shift nurse, running club) from a fixed seed. */
public final class SampleDatasets {

    /** Each dataset draws from its own {@code Random(SEED + n)}, so calling one never changes another. */
    private static final long SEED = 20_261_123L;
    private static final LocalDate HORIZON_START = LocalDate.of(2026, 11, 23); // a Monday
    private static final int GRAIN_MINUTES = 15;

    private static final String SPEED = "SPEED";
    private static final String LONG_RUN = "LONG_RUN";
    private static final String EASY_RUN = "EASY_RUN";
    private static final String LIFT = "LIFT";
    private static final String CORE = "CORE";

    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    private static final Set<DayOfWeek> TRACK_NIGHTS = EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);


    private SampleDatasets() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "datasets");
        Files.createDirectories(directory);
        for (ObjectNode plan : List.of(officeWorkerWeek(), shiftNurseFourWeeks(), clubWeek())) {
            Path file = directory.resolve(plan.get("name").asText() + ".json");
            AtomicFile.writeString(file, planWriter().writeValueAsString(plan) + "\n");
            System.out.println("wrote " + file);
        }
    }

    // ------------------------------------------------------------------------------------------ office worker

    /**
     * Ana's week, the sample week of seed 002 around office hours.
     * Why it fits: history LONG_RUN Sat -2, so Tue track 06:00 and Thu tempo 06:00 (before work) and the Sat long
     * run are 3, 2 and 2 days apart; lifts Tue and Thu at 17:30 start 10 h after the morning session, 4 days after
     * Friday's history lift, and no lift falls on Mon, Wed or Fri (the days before quality); easy runs Mon/Wed/Fri at
     * 06:00, core Wednesday evening, Sunday rest.
     */
    public static ObjectNode officeWorkerWeek() {
        Random random = new Random(SEED);
        ObjectNode plan = plan("office-worker-week", HORIZON_START, 7, GRAIN_MINUTES);
        facilities(plan).add(publicGym());
        facilities(plan).add(facility("track", openWindow(EVERY_DAY, "06:00", "21:00")));

        ObjectNode ana = athlete(plan, "ana", "Ana", window("06:00", "21:30"), 20);
        officeHours(ana, 7, "08:30", "17:30");
        history(ana, LONG_RUN, LocalDate.of(2026, 11, 21).atTime(8, 0), 100);
        history(ana, LIFT, LocalDate.of(2026, 11, 20).atTime(18, 0), 45);
        // seed 002: "track workout in the am, lift session after or later in the day"
        preference(ana, List.of(SPEED), TRACK_NIGHTS, "06:00", "08:00");
        preference(ana, List.of(LIFT), null, "16:00", "21:00");

        session(ana, "ana-track", SPEED, 60).put("location", "track");
        session(ana, "ana-tempo", SPEED, 50);
        session(ana, "ana-long", LONG_RUN, 100);
        for (int i = 1; i <= 3; i++) {
            session(ana, "ana-easy-" + i, EASY_RUN, easyMinutes(random, 40, 45));
        }
        session(ana, "ana-lift-1", LIFT, 45);
        session(ana, "ana-lift-2", LIFT, 45);
        session(ana, "ana-core", CORE, 20);
        return tidy(plan);
    }

    // ------------------------------------------------------------------------------------------ shift nurse

    /** One day of a 12-hour shift rotation. */
    enum Shift { OFF, DAY, NIGHT }

    /**
     * Noor's four weeks on a rota of 12-hour day and night shifts, sessions for every week.
     * Why it fits: quality sessions go on days off (free 06:00-22:00), first nights (free until 19:00) and mornings
     * after a night (free from 14:00, until 19:00 or 22:00), all long enough for a 120-minute long run, never on a
     * day-shift day; {@link #nurseRotation} keeps those few enough for 2-3 days between hard days. The history long
     * run two days before the start asks for the first hard day on day 0 or 1; day 0 is always off. Lifts go 4 h
     * after the quality session on a day off or first night (gym 05:00-23:00), or on the first easy day of a 3-day
     * gap; easy runs and core fit 06:00-07:00 before a day shift or on the remaining days.
     */
    public static ObjectNode shiftNurseFourWeeks() {
        Random random = new Random(SEED + 1);
        int days = 28;
        ObjectNode plan = plan("shift-nurse-4-weeks", HORIZON_START, days, GRAIN_MINUTES);
        facilities(plan).add(facility("gym", openWindow(EVERY_DAY, "05:00", "23:00")));

        ObjectNode noor = athlete(plan, "noor", "Noor", window("06:00", "22:00"), 15);
        Shift[] rota = nurseRotation(random, days);
        for (int day = 0; day < days; day++) {
            switch (rota[day]) {
                case DAY -> dayShift(noor, date(day));
                case NIGHT -> nightShift(noor, date(day));
                case OFF -> { }
            }
        }
        history(noor, LONG_RUN, date(-2).atTime(9, 0), 100);

        for (int week = 1; week <= days / 7; week++) {
            String prefix = "noor-w" + week + "-";
            session(noor, prefix + "speed-1", SPEED, pick(random, 50, 55, 60));
            session(noor, prefix + "speed-2", SPEED, pick(random, 40, 45, 50));
            session(noor, prefix + "long", LONG_RUN, pick(random, 90, 105, 120));
            int easyRuns = 2 + random.nextInt(2);
            for (int i = 1; i <= easyRuns; i++) {
                session(noor, prefix + "easy-" + i, EASY_RUN, easyMinutes(random, 35, 50));
            }
            session(noor, prefix + "lift-1", LIFT, pick(random, 45, 60));
            session(noor, prefix + "lift-2", LIFT, pick(random, 45, 60));
            session(noor, prefix + "core", CORE, pick(random, 15, 20));
        }
        return tidy(plan);
    }

    /**
     * A 12-hour rota of about 3-4 shifts a week: day shifts (a pair, then a single one next time), a day off, 2-3
     * nights, then the sleep morning and a day off. Only day-shift days are useless for a quality session (06:00-07:00
     * and 19:00-22:00 are left), and a pair forces a 3-day gap around it; 12 quality sessions from day 0 or 1 to day
     * 27 have room for 4 such gaps, and the alternation makes at most 2 pairs in 4 weeks. No night starts on the last
     * day, so no shift runs past the horizon.
     */
    static Shift[] nurseRotation(Random random, int days) {
        Shift[] rota = new Shift[days];
        Arrays.fill(rota, Shift.OFF);
        int day = 1 + random.nextInt(2); // day 0 stays off for the first hard day after the history long run
        boolean pairOfDays = true;
        while (day < days) {
            for (int i = 0; i < (pairOfDays ? 2 : 1) && day < days; i++) {
                rota[day++] = Shift.DAY;
            }
            pairOfDays = !pairOfDays;
            day += 1;
            int nights = 2 + random.nextInt(2);
            for (int i = 0; i < nights && day < days - 1; i++) {
                rota[day++] = Shift.NIGHT;
            }
            day += 2;
        }
        return rota;
    }

    // ------------------------------------------------------------------------------------------ running club

    /** The calendars a club member can have; each needs its own reason why a week of training fits. */
    private enum WorkCalendar {
        OFFICE_EARLY, OFFICE_LATE, STUDENT, EARLY_SHIFT, LATE_SHIFT, NURSE_NIGHTS_MON_FRI, NURSE_NIGHTS_WED_THU
    }

    /**
     * A club of 14 with coach Mara: everyone has one coached 75-minute track session (groups of up to 8 with one
     * start) besides a tempo, a long run, easy runs, two lifts and core.
     * Why it fits, for every calendar: the hard days Tue, Thu and Sat (or Sun) are 2-3 days apart and 2-3 days after
     * any history quality session (Sat or Sun); lifts go on hard days 4 h after the quality session, never the day
     * before one, and at least 2 days after a history lift (Fri, Sat or Sun); easy runs on Mon, Wed and Fri. Two track
     * groups hold everyone: Tue 06:30 (office workers, late shift, the Wed/Thu-nights nurse: 8) and Thu 18:00
     * (students, early shift, the Mon/Fri-nights nurse: 6); Sat 08:00 works for all but the Mon/Fri-nights nurse.
     * The coach is free at all three (clinic Mon/Wed/Fri 09-16, Tue/Thu 12-18).
     */
    public static ObjectNode clubWeek() {
        Random random = new Random(SEED + 2);
        ObjectNode plan = plan("club-week", HORIZON_START, 7, GRAIN_MINUTES);
        facilities(plan).add(facility("track",
                openWindow(TRACK_NIGHTS, "06:00", "09:00"),
                openWindow(TRACK_NIGHTS, "17:00", "20:30"),
                openWindow(EnumSet.of(DayOfWeek.SATURDAY), "07:00", "12:00")));
        facilities(plan).add(publicGym());

        ObjectNode mara = coach(plan, "mara", window("06:00", "21:00"), 8);
        for (int day = 0; day < 7; day++) {
            DayOfWeek weekday = date(day).getDayOfWeek();
            if (TRACK_NIGHTS.contains(weekday)) {
                busy(mara, date(day), "12:00", "18:00", "clinic");
            } else if (WEEKDAYS.contains(weekday)) {
                busy(mara, date(day), "09:00", "16:00", "clinic");
            }
        }

        String[] names = {"Ben", "Carla", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jon", "Kai", "Lea", "Milo",
                "Nia", "Oli"};
        WorkCalendar[] calendars = {
                WorkCalendar.OFFICE_EARLY, WorkCalendar.OFFICE_EARLY, WorkCalendar.OFFICE_EARLY,
                WorkCalendar.OFFICE_LATE, WorkCalendar.OFFICE_LATE,
                WorkCalendar.STUDENT, WorkCalendar.STUDENT, WorkCalendar.STUDENT,
                WorkCalendar.EARLY_SHIFT, WorkCalendar.EARLY_SHIFT,
                WorkCalendar.LATE_SHIFT, WorkCalendar.LATE_SHIFT,
                WorkCalendar.NURSE_NIGHTS_MON_FRI, WorkCalendar.NURSE_NIGHTS_WED_THU};
        for (int i = 0; i < names.length; i++) {
            clubMember(plan, random, names[i], calendars[i]);
        }
        return tidy(plan);
    }

    private static void clubMember(ObjectNode plan, Random random, String name, WorkCalendar calendar) {
        String id = name.toLowerCase(Locale.ROOT);
        ObjectNode athlete = athlete(plan, id, name, dayWindowOf(calendar), pick(random, 10, 15, 20, 25));
        switch (calendar) {
            // Tue track 06:30-07:45 and lift 17:30; Thu tempo 06:00 and lift 17:30; Sat long run; easy runs at 06:00.
            case OFFICE_EARLY -> officeHours(athlete, 7, "08:30", "17:30");
            // As OFFICE_EARLY, an hour later: the Tue 06:30 group still ends 07:45, evening lifts start 18:00.
            case OFFICE_LATE -> officeHours(athlete, 7, "09:00", "18:00");
            // Classes never start before 09:00 nor end after 17:00: Tue tempo 07:00 and lift after classes, Thu track
            // 18:00, Sat long run and lift in the afternoon.
            case STUDENT -> studentClasses(athlete, random);
            // Free from 13:00: Tue tempo 13:15 and lift 18:15 (gym to 22:00), Thu track 18:00, Sat long run and lift.
            case EARLY_SHIFT -> shifts(athlete, 7, WEEKDAYS, "05:00", "13:00", "early shift");
            // Free until 14:00: Tue track 06:30 and lift 11:45, Thu tempo 06:00 and lift 11:00, Sat long run.
            case LATE_SHIFT -> shifts(athlete, 7, WEEKDAYS, "14:00", "22:00", "late shift");
            // Tue tempo 14:00 after sleeping and lift 19:00 (gym to 22:00); Thu track (a free day); Sun long run, as
            // Sat is a sleep morning, and lift 4 h later; easy runs Mon and Fri before the night, Wed 19:15 after the
            // day shift.
            case NURSE_NIGHTS_MON_FRI -> {
                nightShift(athlete, date(0));
                dayShift(athlete, date(2));
                nightShift(athlete, date(4));
            }
            // Tue track 06:30 and lift 11:45 (free day); Thu tempo 14:00 after sleeping; Sat long run and lift;
            // Sunday day shift leaves only the evening for an easy run.
            case NURSE_NIGHTS_WED_THU -> {
                nightShift(athlete, date(2));
                nightShift(athlete, date(3));
                dayShift(athlete, date(6));
            }
        }
        clubHistory(athlete, random);

        session(athlete, id + "-track", SPEED, 75).put("location", "track").put("coach", "mara");
        session(athlete, id + "-tempo", SPEED, pick(random, 40, 45, 50));
        session(athlete, id + "-long", LONG_RUN, pick(random, 80, 90, 100, 110, 120));
        int easyRuns = 2 + random.nextInt(2);
        for (int i = 1; i <= easyRuns; i++) {
            session(athlete, id + "-easy-" + i, EASY_RUN, easyMinutes(random, 35, 50));
        }
        session(athlete, id + "-lift-1", LIFT, pick(random, 40, 45, 60));
        session(athlete, id + "-lift-2", LIFT, pick(random, 40, 45, 60));
        session(athlete, id + "-core", CORE, pick(random, 15, 20));
    }

    /** Early risers may start at 05:00, students sleep in; every window stays inside 05:00-22:00. */
    private static JsonNode dayWindowOf(WorkCalendar calendar) {
        return switch (calendar) {
            case OFFICE_EARLY, OFFICE_LATE -> window("06:00", "21:30");
            case STUDENT -> window("07:00", "22:00");
            case EARLY_SHIFT -> window("05:00", "21:00");
            case LATE_SHIFT, NURSE_NIGHTS_MON_FRI, NURSE_NIGHTS_WED_THU -> window("06:00", "22:00");
        };
    }

    /** Morning and afternoon lectures that vary by day; a lecture-free day now and then. */
    private static void studentClasses(ObjectNode student, Random random) {
        for (int day = 0; day < 7; day++) {
            if (!WEEKDAYS.contains(date(day).getDayOfWeek())) {
                continue;
            }
            if (random.nextInt(5) > 0) {
                boolean early = random.nextBoolean();
                busy(student, date(day), early ? "09:00" : "10:00", early ? "12:00" : "13:00", "class");
            }
            if (random.nextInt(5) > 1) {
                boolean early = random.nextBoolean();
                busy(student, date(day), early ? "13:00" : "14:00", early ? "16:00" : "17:00", "class");
            }
        }
    }

    /**
     * Half the members ran a quality session last weekend (Sat or Sun) and some lifted Fri, Sat or Sun: either way
     * Tuesday is still 2-3 days later, so it can be the first hard day and the first lift day.
     */
    private static void clubHistory(ObjectNode athlete, Random random) {
        List<ObjectNode> past = new ArrayList<>();
        if (random.nextBoolean()) {
            past.add(random.nextBoolean()
                    ? pastSession(SPEED, date(-2).atTime(9, 0), 60)
                    : pastSession(LONG_RUN, date(-1).atTime(8, 0), pick(random, 90, 100, 110)));
        }
        if (random.nextInt(5) < 2) {
            past.add(pastSession(LIFT, date(-1 - random.nextInt(3)).atTime(17, 0), 45));
        }
        past.sort((a, b) -> a.get("start").asText().compareTo(b.get("start").asText()));
        past.forEach(athlete.withArrayProperty("history")::add);
    }

    // ------------------------------------------------------------------------------------------ calendars

    private static void officeHours(ObjectNode athlete, int days, String from, String to) {
        shifts(athlete, days, WEEKDAYS, from, to, "work");
    }

    /** One busy block on each of the first {@code days} horizon days that falls on the given weekdays. */
    private static void shifts(ObjectNode athlete, int days, Set<DayOfWeek> on, String from, String to, String label) {
        for (int day = 0; day < days; day++) {
            if (on.contains(date(day).getDayOfWeek())) {
                busy(athlete, date(day), from, to, label);
            }
        }
    }

    private static void dayShift(ObjectNode nurse, LocalDate date) {
        busy(nurse, date, "07:00", "19:00", "day shift");
    }

    /** A 12-hour night into the next morning, then the sleep that makes that morning unusable. */
    private static void nightShift(ObjectNode nurse, LocalDate date) {
        busy(nurse, date.atTime(19, 0), date.plusDays(1).atTime(7, 0), "night shift");
        busy(nurse, date.plusDays(1), "07:30", "14:00", "sleep");
    }

    /** Weekdays 06:00-22:00, weekends 08:00-18:00, like a typical commercial gym. */
    // ------------------------------------------------------------------------------------------ small helpers

    private static LocalDate date(int day) {
        return HORIZON_START.plusDays(day);
    }

    private static int pick(Random random, int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Easy runs in 5-minute steps between the bounds, as runners round them. */
    private static int easyMinutes(Random random, int min, int max) {
        return min + 5 * random.nextInt((max - min) / 5 + 1);
    }

}
