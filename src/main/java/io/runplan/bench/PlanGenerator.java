package io.runplan.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.SessionType;
import io.runplan.io.PlanReader;
import io.runplan.solver.ReferenceScoreCalculator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.runplan.bench.PlanDocument.WEEKDAYS;
import static io.runplan.bench.PlanDocument.WEEKEND;

/**
 * Generates realistic plan files of any size (a club of office workers, students, early and late shift workers and
 * rotating night-shift nurses, with coaches, group track sessions, gym and track hours) from a seed.
 *
 * <p>Every instance is feasible by construction: the generator first places every session of every athlete at a
 * start that keeps all hard rules (a weekly pattern of quality days 2-3 days apart, lifts on the quality days that
 * are not the track day, at least 4 h after the run), then draws each calendar (work, classes, shifts, the coach's
 * clinic) around those starts, and finally scores that hidden plan with the independent
 * {@link ReferenceScoreCalculator}: it must be 0 hard, 0 medium, or generation fails. The starts are then removed.
 */
public final class PlanGenerator {

    public static final LocalDate START = LocalDate.of(2026, 11, 23); // a Monday
    private static final int GRAIN = 15;
    private static final int GROUP_CAPACITY = 8;
    private static final int TRACK_MINUTES = 75;
    private static final int MORNING_GROUP = minutes("06:30");
    private static final int EVENING_GROUP = minutes("18:30");
    /** Added to a time of day: that time on the next day (a night shift ends there). */
    private static final int NEXT_DAY = 1440;

    private enum Profile { OFFICE, STUDENT, EARLY_SHIFT, LATE_SHIFT, NURSE }

    /**
     * A week of quality days (0 = Monday), 2-3 days apart also across weeks: the long run on the weekend day, the
     * track session on Tuesday or Thursday (track nights), the tempo on the other; lifts on tempo and long-run days.
     */
    private enum Pattern {
        TUE_THU_SAT(5, new int[] {1, 3}),
        TUE_THU_SUN(6, new int[] {1, 3}),
        TUE_FRI_SUN(6, new int[] {1, 4}),
        MON_THU_SAT(5, new int[] {3, 0});

        private final int longDay;
        private final int[] trackAndTempo;

        Pattern(int longDay, int[] trackAndTempo) {
            this.longDay = longDay;
            this.trackAndTempo = trackAndTempo;
        }

        boolean isQuality(int dayOfWeek) {
            return dayOfWeek == longDay || dayOfWeek == trackAndTempo[0] || dayOfWeek == trackAndTempo[1];
        }
    }

    private final Random random;
    private final int days;
    private final ObjectNode plan;
    private final List<ObjectNode> coaches = new ArrayList<>();
    private final Map<String, Integer> groupSizes = new HashMap<>();

    private PlanGenerator(int athletes, int days, long seed) {
        this.random = new Random(seed);
        this.days = days;
        this.plan = PlanDocument.plan("generated-" + athletes + "x" + days + "-seed-" + seed, START, days, GRAIN);
        PlanDocument.facilities(plan).add(PlanDocument.publicGym());
        PlanDocument.facilities(plan).add(PlanDocument.facility("track",
                PlanDocument.openWindow(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "06:00", "09:00"),
                PlanDocument.openWindow(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "17:00", "20:30"),
                PlanDocument.openWindow(EnumSet.of(DayOfWeek.SATURDAY), "07:00", "12:00")));
        int coachCount = Math.max(1, (athletes + 9) / 10);
        for (int c = 1; c <= coachCount; c++) {
            coaches.add(coach("coach-" + c));
        }
    }

    /** A plan file of {@code athletes} athletes over {@code days} days; the same arguments give the same file. */
    public static ObjectNode generate(int athletes, int days, long seed) {
        return generateWithHiddenPlan(athletes, days, seed).plan();
    }

    /** As {@link #generate}, with the plan the generator built it around. */
    public static GeneratedPlan generateWithHiddenPlan(int athletes, int days, long seed) {
        if (athletes < 1 || days < 1 || days > PlanReader.MAX_DAYS) {
            throw new IllegalArgumentException("athletes >= 1 and days in 1.." + PlanReader.MAX_DAYS);
        }
        PlanGenerator generator = new PlanGenerator(athletes, days, seed);
        HiddenPlan hiddenPlan = new HiddenPlan(generator.plan);
        for (int a = 1; a <= athletes; a++) {
            generator.athlete(a, hiddenPlan);
        }
        return hiddenPlan.release();
    }

    // ------------------------------------------------------------------------------------------ people

    private ObjectNode coach(String id) {
        ObjectNode coach = PlanDocument.coach(plan, id, PlanDocument.window("06:00", "21:00"), GROUP_CAPACITY);
        // Clinic hours on 3-4 weekdays, between the morning and the evening group.
        for (int day = 0; day < days; day++) {
            DayOfWeek dayOfWeek = START.plusDays(day).getDayOfWeek();
            if (WEEKDAYS.contains(dayOfWeek) && random.nextInt(5) < 4) {
                PlanDocument.busy(coach, START.plusDays(day), "09:00", "16:30", "clinic");
            }
        }
        return coach;
    }

    private void athlete(int number, HiddenPlan hiddenPlan) {
        Profile profile = Profile.values()[random.nextInt(Profile.values().length)];
        Pattern pattern = Pattern.values()[random.nextInt(Pattern.values().length)];
        String id = "a" + number;
        String window = profile == Profile.STUDENT ? "07:00" : "06:00";
        ObjectNode athlete = PlanDocument.athlete(plan, id, profile.name().toLowerCase().replace('_', ' ') + " " + number,
                PlanDocument.window(window, profile == Profile.NURSE || profile == Profile.STUDENT ? "22:00" : "21:30"),
                10 + 5 * random.nextInt(4));
        int[] trackAndTempo = pattern.trackAndTempo.clone();
        if (pattern.trackAndTempo[1] == 3 && random.nextBoolean()) { // Tue/Thu patterns: either may be the track day
            trackAndTempo = new int[] {3, 1};
        }
        boolean morningGroup = switch (profile) {
            case LATE_SHIFT -> true;
            case OFFICE -> random.nextBoolean();
            default -> false;
        };
        String coach = pickCoach(trackAndTempo[0], morningGroup);
        Times times = Times.of(profile);
        int nightShiftEve = nightShiftEve(pattern);

        // History: last week's long run and lift, 2-3 days before this week's first quality day and lift.
        LocalDateTime lastLongRun = START.plusDays(pattern.longDay - 7L).atTime(8, 0);
        PlanDocument.history(athlete, "LONG_RUN", lastLongRun, 100);
        PlanDocument.history(athlete, "LIFT", lastLongRun.withHour(14), 45);
        if (profile == Profile.OFFICE && random.nextBoolean()) {
            PlanDocument.preference(athlete, List.of("SPEED"), null, "06:00", "08:00");
        }

        List<HiddenSession> placed = new ArrayList<>();
        for (int weekStart = 0; weekStart < days; weekStart += 7) {
            int week = weekStart / 7 + 1;
            String prefix = id + "-w" + week + "-";
            int trackDay = weekStart + trackAndTempo[0];
            int tempoDay = weekStart + trackAndTempo[1];
            int longDay = weekStart + pattern.longDay;
            placed.add(coach != null
                    ? new HiddenSession(prefix + "track", SessionType.SPEED, trackDay, morningGroup ? MORNING_GROUP : EVENING_GROUP,
                            TRACK_MINUTES, "track", coach)
                    : new HiddenSession(prefix + "intervals", SessionType.SPEED, trackDay, times.weekdayRun, 60, null, null));
            placed.add(new HiddenSession(prefix + "tempo", SessionType.SPEED, tempoDay, isWeekend(tempoDay) ? times.weekendRun : times.weekdayRun,
                    40 + 5 * random.nextInt(5), null, null));
            placed.add(new HiddenSession(prefix + "long", SessionType.LONG_RUN, longDay, times.weekendRun, 90 + 15 * random.nextInt(3), null, null));
            placed.add(new HiddenSession(prefix + "lift-1", SessionType.LIFT, tempoDay, isWeekend(tempoDay) ? times.weekendLift : times.weekdayLift,
                    45, null, null));
            placed.add(new HiddenSession(prefix + "lift-2", SessionType.LIFT, longDay, times.weekendLift, 45 + 15 * random.nextInt(2), null, null));
            List<Integer> easyDays = new ArrayList<>();
            for (int d = weekStart; d < weekStart + 7; d++) {
                if (!pattern.isQuality(d - weekStart)) {
                    easyDays.add(d);
                }
            }
            int easyRuns = 2 + random.nextInt(2);
            List<Integer> runDays = new ArrayList<>(easyDays);
            Collections.shuffle(runDays, random);
            runDays = runDays.subList(0, easyRuns);
            runDays.sort(null);
            for (int i = 0; i < runDays.size(); i++) {
                int d = runDays.get(i);
                placed.add(new HiddenSession(prefix + "easy-" + (i + 1), SessionType.EASY_RUN, d, easyRunTime(profile, nightShiftEve, d),
                        35 + 5 * random.nextInt(4), null, null));
            }
            int coreDay = easyDays.get(random.nextInt(easyDays.size()));
            if (profile == Profile.NURSE && coreDay % 7 == nightShiftEve) {
                coreDay = easyDays.get((easyDays.indexOf(coreDay) + 1) % easyDays.size()); // not into the night shift
            }
            placed.add(new HiddenSession(prefix + "core", SessionType.CORE, coreDay, times.core, 15 + 5 * random.nextInt(2), null, null));
        }
        placed.removeIf(session -> session.day() >= days);

        calendar(athlete, profile, pattern, nightShiftEve);
        for (HiddenSession session : placed) {
            hiddenPlan.add(athlete, session);
        }
    }

    /** The coach with room in the group at that track day and time, or null (the athlete runs intervals alone). */
    private String pickCoach(int trackDayOfWeek, boolean morning) {
        if (random.nextInt(4) == 0) {
            return null; // about a quarter of the club trains on its own
        }
        for (ObjectNode coach : coaches) {
            String group = coach.get("id").textValue() + "/" + trackDayOfWeek + "/" + morning;
            if (groupSizes.getOrDefault(group, 0) < GROUP_CAPACITY) {
                groupSizes.merge(group, 1, Integer::sum);
                return coach.get("id").textValue();
            }
        }
        return null;
    }

    /** Start times that fit around each profile's working day, and the rules (4 h from a run to a lift). */
    private record Times(int weekdayRun, int weekdayLift, int weekendRun, int weekendLift, int core) {

        /** Weekend long runs end by 11:00, so a 15:00 lift keeps the 4 h gap; the gym closes at 18:00 then. */
        static Times of(Profile profile) {
            return switch (profile) {
                // Work 9 h from 08:00-09:00: runs before it (done by 07:45), lifts after it.
                case OFFICE -> new Times(minutes("06:00"), minutes("18:30"), minutes("08:00"), minutes("15:00"), minutes("20:45"));
                // Classes 09:00-12:00 and 13:00-16:00 on some days.
                case STUDENT -> new Times(minutes("07:00"), minutes("16:30"), minutes("09:00"), minutes("15:00"), minutes("21:00"));
                // Shift 05:00-13:00: runs at 14:00, lifts from 19:15 (4 h after a run of at most 60 min).
                case EARLY_SHIFT -> new Times(minutes("14:00"), minutes("19:15"), minutes("08:00"), minutes("15:00"), minutes("20:45"));
                // Shift 14:00-22:00: runs at 07:00, lifts 12:15-13:15, core before the shift.
                case LATE_SHIFT -> new Times(minutes("07:00"), minutes("12:15"), minutes("08:00"), minutes("15:00"), minutes("13:15"));
                // Quality days are free of shifts: runs at 08:00, lifts from 14:15 (4 h after a 2 h long run).
                case NURSE -> new Times(minutes("08:00"), minutes("14:15"), minutes("08:00"), minutes("14:15"), minutes("20:30"));
            };
        }
    }

    private static int easyRunTime(Profile profile, int nightShiftEve, int day) {
        if (profile == Profile.NURSE) {
            // Before a day shift (weekends too), or after the sleep that follows a night shift.
            return startsNightShift(day - 1, nightShiftEve) ? minutes("15:00") : minutes("06:00");
        }
        if (isWeekend(day)) {
            return profile == Profile.STUDENT ? minutes("10:00") : minutes("09:00");
        }
        return switch (profile) {
            case OFFICE, NURSE -> minutes("06:00");
            case STUDENT, LATE_SHIFT -> minutes("07:00");
            case EARLY_SHIFT -> minutes("14:00");
        };
    }

    /** A nurse works one night every other week, from the evening of {@code nightShiftEve}. */
    private static boolean startsNightShift(int day, int nightShiftEve) {
        return day >= 0 && day % 7 == nightShiftEve && day % 14 >= 7;
    }

    /** The easy day whose evening starts a nurse's night shift: its next day is easy too (sleep until 14:00). */
    private static int nightShiftEve(Pattern pattern) {
        for (int day = 0; day < 7; day++) {
            if (!pattern.isQuality(day) && !pattern.isQuality((day + 1) % 7)) {
                return day;
            }
        }
        throw new IllegalStateException(pattern + " has no two easy days in a row");
    }

    /** Busy time around the hidden plan: work, classes or shifts as the profile has them. */
    private void calendar(ObjectNode athlete, Profile profile, Pattern pattern, int nightShiftEve) {
        int workStart = minutes("08:00") + 30 * random.nextInt(3);
        for (int day = 0; day < days; day++) {
            LocalDate date = START.plusDays(day);
            boolean weekday = WEEKDAYS.contains(date.getDayOfWeek());
            switch (profile) {
                case OFFICE -> {
                    if (weekday) {
                        busy(athlete, day, workStart, workStart + 9 * 60, "work");
                    }
                }
                case STUDENT -> {
                    if (weekday) {
                        if (random.nextInt(10) < 7) {
                            busy(athlete, day, minutes("09:00"), minutes("12:00"), "classes");
                        }
                        if (random.nextInt(10) < 6) {
                            busy(athlete, day, minutes("13:00"), minutes("16:00"), "classes");
                        }
                    }
                }
                case EARLY_SHIFT -> {
                    if (weekday) {
                        busy(athlete, day, minutes("05:00"), minutes("13:00"), "early shift");
                    }
                }
                case LATE_SHIFT -> {
                    if (weekday) {
                        busy(athlete, day, minutes("14:00"), minutes("22:00"), "late shift");
                    }
                }
                case NURSE -> {
                    if (startsNightShift(day, nightShiftEve)) {
                        busy(athlete, day, minutes("19:00"), NEXT_DAY + minutes("07:00"), "night shift");
                        busy(athlete, day + 1, minutes("07:30"), minutes("14:00"), "sleep");
                    } else if (!pattern.isQuality(day % 7) && !startsNightShift(day - 1, nightShiftEve)
                            && random.nextInt(3) < 2) {
                        busy(athlete, day, minutes("07:00"), minutes("19:00"), "day shift");
                    }
                }
            }
        }
    }

    private void busy(ObjectNode person, int day, int from, int to, String label) {
        LocalDateTime start = START.plusDays(day).atStartOfDay().plusMinutes(from);
        PlanDocument.busy(person, start, START.plusDays(day).atStartOfDay().plusMinutes(to), label);
    }

    private static boolean isWeekend(int day) {
        return WEEKEND.contains(START.plusDays(day).getDayOfWeek());
    }

    private static int minutes(String timeOfDay) {
        return Integer.parseInt(timeOfDay.substring(0, 2)) * 60 + Integer.parseInt(timeOfDay.substring(3));
    }
}
