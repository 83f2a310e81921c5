package io.runplan.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Facility;
import io.runplan.domain.Minutes;
import io.runplan.domain.OpeningWindow;
import io.runplan.domain.Rules;
import io.runplan.domain.SessionType;
import io.runplan.domain.Window;
import io.runplan.io.PlanReader;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static io.runplan.bench.PlanDocument.WEEKDAYS;
import static io.runplan.bench.PlanDocument.WEEKEND;
import static io.runplan.bench.PlanGenerator.START;

/**
 * Generates tight plan files from a seed, like real calendars leave them: work, shifts and appointments first, the
 * training fitted in between ({@link AthleteTraining}), then the calendars tightened around that hidden plan: busy
 * time that hugs its sessions, day windows, gym and track hours and coach hours that only just hold them, groups
 * exactly as large as the largest that met. On top: history, a few pinned sessions, previous starts near the hidden
 * ones (a plan being revised), and now and then other rule parameters, weights or a 30-minute grain.
 *
 * <p>As in {@link PlanGenerator}, the hidden plan is scored by the independent reference score and must be 0 hard,
 * 0 medium, or generation fails; so every tight plan admits a plan with every session placed and no rule broken.
 */
public final class TightPlanGenerator {

    private static final String[] NAMES = {"Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jon", "Kai",
            "Lia", "Max", "Nia", "Oli", "Pia", "Quin", "Ravi", "Sol", "Tess", "Uma", "Vic", "Wen", "Xan", "Yara", "Zoe"};
    private static final List<Map<String, Integer>> WEIGHT_CHOICES = List.of(
            Map.of("Gym time", 2, "Preferred time", 45, "Rest day", 90),
            Map.of("Plan stability", 3),
            Map.of("Lift on easy day", 90, "Coach time", 0),
            Map.of("Rest day", 0, "Missing lift", 60));
    private static final Window COACH_DAY = new Window(6 * 60, 21 * 60);

    /** The rule parameters and soft weights of one plan where they differ from the defaults. */
    private record Overrides(int grainMinutes, Rules rules, ObjectNode rulesNode, ObjectNode weightsNode) {

        static Overrides draw(Random random) {
            int grain = random.nextInt(10) < 3 ? 30 : 15;
            Rules usual = Rules.DEFAULT;
            ObjectNode rules = PlanDocument.object();
            int visitGap = random.nextInt(10) < 3 ? 45 : usual.visitGapMinutes();
            if (visitGap != usual.visitGapMinutes()) {
                rules.put("visitGapMinutes", visitGap);
            }
            int liftGapHours = random.nextInt(10) < 2 ? 3 : usual.liftGapMinutes() / 60;
            if (liftGapHours * 60 != usual.liftGapMinutes()) {
                rules.put("liftGapAfterQualityHours", liftGapHours);
            }
            int qualityMax = random.nextInt(10) < 2 ? 4 : usual.qualitySpacingMax();
            if (qualityMax != usual.qualitySpacingMax()) {
                rules.putObject("qualitySpacingDays").put("min", usual.qualitySpacingMin()).put("max", qualityMax);
            }
            ObjectNode weights = null;
            if (random.nextInt(10) < 4) {
                weights = PlanDocument.object();
                new TreeMap<>(WEIGHT_CHOICES.get(random.nextInt(WEIGHT_CHOICES.size()))).forEach(weights::put);
            }
            Rules parameters = new Rules(liftGapHours * 60, usual.qualitySpacingMin(), qualityMax, usual.liftsPerWeekMin(),
                    usual.liftsPerWeekMax(), usual.restDaysPerWeek(), usual.runsPerDay(), usual.liftSpacingDays(), visitGap,
                    usual.allowLiftRightAfterQuality());
            return new Overrides(grain, parameters, rules.isEmpty() ? null : rules, weights);
        }
    }

    /** A session as written: its athlete and its node, for the pins and previous starts drawn at the end. */
    private record Written(HiddenSession session, String athleteId, Window day, ObjectNode node) {
    }

    private final Random random;
    private final int athletes;
    private final int days;
    private final Overrides overrides;
    private final ObjectNode plan;
    private final HiddenPlan hiddenPlan;
    /** The usual opening hours, before they are narrowed to the hidden plan. */
    private final Facility gym;
    private final Facility track;
    private final int[] jobMix;
    private final List<CoachGroups> coaches = new ArrayList<>();
    private final List<Written> written = new ArrayList<>();

    private TightPlanGenerator(int athletes, int days, long seed) {
        // java.util.Random's first draws barely differ between seeds 1, 2, 3...: mixing the seed first makes
        // neighbouring seeds draw different rules, grains and weights.
        this.random = new Random(new SplittableRandom(seed).nextLong());
        this.athletes = athletes;
        this.days = days;
        this.overrides = Overrides.draw(random);
        this.plan = PlanDocument.plan("tight-" + athletes + "x" + days + "-seed-" + seed, START, days,
                overrides.grainMinutes(), overrides.rulesNode(), overrides.weightsNode());
        this.hiddenPlan = new HiddenPlan(plan);
        int weekendClose = (19 + random.nextInt(2)) * 60;
        this.gym = new Facility("gym", List.of(new OpeningWindow(WEEKDAYS, new Window(6 * 60, 22 * 60)),
                new OpeningWindow(WEEKEND, new Window(8 * 60, weekendClose))));
        Set<DayOfWeek> trackNights = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        this.track = new Facility("track", List.of(new OpeningWindow(trackNights, new Window(17 * 60, 20 * 60 + 30)),
                new OpeningWindow(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), new Window(6 * 60, 8 * 60 + 30)),
                new OpeningWindow(EnumSet.of(DayOfWeek.SATURDAY), new Window(7 * 60, 12 * 60))));
        // The mix of jobs differs from seed to seed: one club is mostly nurses, another mostly office workers.
        this.jobMix = new int[Job.values().length];
        for (int i = 0; i < jobMix.length; i++) {
            jobMix[i] = 1 + random.nextInt(4);
        }
        int coachCount = athletes == 1 ? random.nextInt(2) // a runner alone may have a personal coach
                : athletes < 10 ? 1 + (athletes >= 5 ? random.nextInt(2) : 0)
                : athletes / 10 + 1 + random.nextInt(2);
        for (int c = 1; c <= coachCount; c++) {
            coaches.add(new CoachGroups("coach-" + c, athletes == 1 ? 1 : 8, random));
        }
    }

    /** A tight plan file of {@code athletes} athletes over {@code days} days; the same arguments give the same file. */
    public static ObjectNode generate(int athletes, int days, long seed) {
        return generateWithHiddenPlan(athletes, days, seed).plan();
    }

    /** As {@link #generate}, with the plan the generator built it around. */
    public static GeneratedPlan generateWithHiddenPlan(int athletes, int days, long seed) {
        if (athletes < 1 || days < 1 || days > PlanReader.MAX_DAYS) {
            throw new IllegalArgumentException("athletes >= 1 and days in 1.." + PlanReader.MAX_DAYS);
        }
        TightPlanGenerator generator = new TightPlanGenerator(athletes, days, seed);
        for (int a = 1; a <= athletes; a++) {
            generator.athlete(a);
        }
        generator.facilities();
        generator.coaches.forEach(generator::coach);
        generator.pins();
        generator.previousStarts();
        return generator.hiddenPlan.release();
    }

    // ------------------------------------------------------------------------------------------ athletes

    private void athlete(int number) {
        Job job = drawJob();
        String first = NAMES[(number - 1) % NAMES.length];
        int round = (number - 1) / NAMES.length;
        String id = first.toLowerCase(Locale.ROOT) + (round > 0 ? "-" + (round + 1) : "");
        ObjectNode athlete = PlanDocument.athlete(plan, id, first + " (" + job.label() + ")", window(job.day()),
                10 + 5 * random.nextInt(5));
        FreeTime free = new FreeTime(job.day(), overrides.grainMinutes());
        List<TimeBlock> busy = new ArrayList<>(job.busy(random, days));
        busy.addAll(appointments());
        busy.forEach(free::take);
        AthleteTraining.History history = history(athlete);
        CoachGroups coach = coaches.isEmpty() || (athletes > 1 && random.nextInt(4) == 0) ? null
                : coaches.get(random.nextInt(coaches.size()));
        List<HiddenSession> sessions = new AthleteTraining(id, free, overrides.rules(), days, random, history, coach,
                gym, track).place();

        busy.addAll(hugging(free, sessions));
        busy.addAll(filling(free));
        Window day = narrowDayWindow(job.day(), sessions);
        athlete.set("day", window(day));
        busy.sort(Comparator.comparingInt(TimeBlock::start));
        for (TimeBlock block : busy) {
            PlanDocument.busy(athlete, time(block.start()), time(block.end()), block.label());
        }
        preferences(athlete);
        for (HiddenSession session : sessions) {
            written.add(new Written(session, id, day, hiddenPlan.add(athlete, session)));
        }
    }

    private Job drawJob() {
        int total = 0;
        for (int weight : jobMix) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (Job job : Job.values()) {
            draw -= jobMix[job.ordinal()];
            if (draw < 0) {
                return job;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Appointments on about a third of the days, drawn before any training: the dentist does not wait for it. */
    private List<TimeBlock> appointments() {
        List<TimeBlock> appointments = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            if (random.nextInt(10) < 3) {
                int minutes = 30 + 15 * random.nextInt(7);
                int start = day * Minutes.PER_DAY + 7 * 60 + 15 * random.nextInt((14 * 60 - minutes) / 15);
                appointments.add(new TimeBlock(start, start + minutes, "appointment"));
            }
        }
        return appointments;
    }

    /**
     * The last quality session 1-3 days before day 0 (so it decides how early the first one may be), a lift now and
     * then, an easy run; most athletes have some history.
     */
    private AthleteTraining.History history(ObjectNode athlete) {
        int draw = random.nextInt(10);
        Integer lastQuality = draw < 2 ? null : draw < 5 ? -1 : draw < 8 ? -2 : -3;
        Integer lastLift = random.nextBoolean() ? -1 - random.nextInt(3) : null;
        List<ObjectNode> past = new ArrayList<>();
        if (lastQuality != null) {
            boolean longRun = WEEKEND.contains(START.plusDays(lastQuality).getDayOfWeek());
            past.add(PlanDocument.pastSession(longRun ? "LONG_RUN" : "SPEED",
                    START.plusDays(lastQuality).atTime(7 + random.nextInt(3), 0), longRun ? 100 : 50));
        }
        if (lastLift != null) {
            past.add(PlanDocument.pastSession("LIFT", START.plusDays(lastLift).atTime(17, 30), 45));
        }
        int easyDay = -1 - random.nextInt(4);
        if (lastQuality == null || easyDay != lastQuality) {
            past.add(PlanDocument.pastSession("EASY_RUN", START.plusDays(easyDay).atTime(6, 30), 40));
        }
        past.sort(Comparator.comparing(node -> node.get("start").textValue()));
        past.forEach(athlete.withArrayProperty("history")::add);
        return new AthleteTraining.History(lastQuality, lastLift);
    }

    /**
     * Busy time right before and after most sessions (a commute, a meeting, an errand), up to the free time there,
     * or leaving one grain of it: a session moved by more than that, within its day, runs into it.
     */
    private List<TimeBlock> hugging(FreeTime free, List<HiddenSession> sessions) {
        List<TimeBlock> blocks = new ArrayList<>();
        for (HiddenSession session : sessions) {
            FreeTime.Room room = free.around(session.start(), session.end());
            int before = huggingMinutes(room.before());
            if (before > 0) {
                blocks.add(new TimeBlock(session.start() - before, session.start(), pick("commute", "meeting", "school run")));
                free.take(blocks.get(blocks.size() - 1));
            }
            int after = huggingMinutes(room.after());
            if (after > 0) {
                blocks.add(new TimeBlock(session.end(), session.end() + after, pick("appointment", "errand", "childcare")));
                free.take(blocks.get(blocks.size() - 1));
            }
        }
        return blocks;
    }

    /**
     * Busy time over three in four of the free stretches left (family, a second job, study), each keeping a free
     * end of up to 75 minutes: a busy day leaves an easy run or core work few places to go.
     */
    private List<TimeBlock> filling(FreeTime free) {
        List<TimeBlock> blocks = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            for (TimeBlock stretch : free.stretches(day, 60)) {
                if (random.nextInt(4) > 0) {
                    int keep = 15 * random.nextInt(6);
                    boolean keepMorning = random.nextBoolean();
                    int start = stretch.start() + (keepMorning ? keep : 0);
                    int end = stretch.end() - (keepMorning ? 0 : keep);
                    if (end - start >= 30) {
                        blocks.add(new TimeBlock(start, end, pick("family", "second job", "study", "childcare")));
                    }
                }
            }
        }
        blocks.forEach(free::take);
        return blocks;
    }

    /** Minutes of a hugging block in that much free time: 0 (none) for about a third of the sides. */
    private int huggingMinutes(int room) {
        if (random.nextInt(3) == 0) {
            return 0;
        }
        int leave = random.nextBoolean() ? 0 : overrides.grainMinutes();
        int minutes = Math.min(room - leave, 30 + 15 * random.nextInt(8));
        return minutes >= 15 ? minutes : 0;
    }

    /** The day window from about the earliest start to about the latest end of the athlete's sessions. */
    private Window narrowDayWindow(Window usual, List<HiddenSession> sessions) {
        if (sessions.isEmpty()) {
            return usual;
        }
        int earliest = sessions.stream().mapToInt(HiddenSession::minuteOfDay).min().orElseThrow();
        int latest = sessions.stream().mapToInt(s -> s.minuteOfDay() + s.minutes()).max().orElseThrow();
        return new Window(Math.max(usual.from(), earliest - overrides.grainMinutes() * random.nextInt(2)),
                Math.min(usual.to(), latest + 15 * random.nextInt(3)));
    }

    private void preferences(ObjectNode athlete) {
        if (random.nextInt(10) < 6) {
            PlanDocument.preference(athlete, List.of("LIFT"), null, "16:00", "21:00");
        }
        if (random.nextInt(10) < 4) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            while (days.size() < 3) {
                days.add(DayOfWeek.of(1 + random.nextInt(7)));
            }
            PlanDocument.preference(athlete, List.of("SPEED"), days, "06:00", "10:00");
        }
        if (random.nextInt(10) < 4) {
            PlanDocument.preference(athlete, List.of("LONG_RUN"), WEEKEND, "07:00", "11:00");
        }
    }

    // ------------------------------------------------------------------------------------------ places and coaches

    /** Gym and track hours narrowed to what the hidden plan uses, each weekday on its own. */
    private void facilities() {
        Map<DayOfWeek, List<HiddenSession>> atGym = new TreeMap<>();
        Map<DayOfWeek, List<HiddenSession>> atTrack = new TreeMap<>();
        for (Written w : written) {
            DayOfWeek dayOfWeek = START.plusDays(w.session().day()).getDayOfWeek();
            if (w.session().isAtGym()) {
                atGym.computeIfAbsent(dayOfWeek, d -> new ArrayList<>()).add(w.session());
            } else if ("track".equals(w.session().location())) {
                atTrack.computeIfAbsent(dayOfWeek, d -> new ArrayList<>()).add(w.session());
            }
        }
        Map<Window, Set<DayOfWeek>> gymHours = new LinkedHashMap<>();
        atGym.forEach((dayOfWeek, sessions) -> {
            Window usual = usualHours(gym, dayOfWeek);
            int earliest = sessions.stream().mapToInt(HiddenSession::minuteOfDay).min().orElseThrow();
            int latest = sessions.stream().mapToInt(s -> s.minuteOfDay() + s.minutes()).max().orElseThrow();
            Window hours = new Window(Math.max(usual.from(), earliest - 30 * random.nextInt(3)),
                    Math.min(usual.to(), latest + 30 * random.nextInt(3)));
            gymHours.computeIfAbsent(hours, w -> EnumSet.noneOf(DayOfWeek.class)).add(dayOfWeek);
        });
        Map<Window, Set<DayOfWeek>> trackHours = new LinkedHashMap<>();
        atTrack.forEach((dayOfWeek, sessions) -> {
            // Sessions close together share one window; a morning and an evening group get one each.
            sessions.sort(Comparator.comparingInt(HiddenSession::minuteOfDay));
            int from = sessions.get(0).minuteOfDay();
            int to = from;
            for (HiddenSession session : sessions) {
                if (session.minuteOfDay() > to + 60) {
                    trackHours.computeIfAbsent(trackWindow(from, to), w -> EnumSet.noneOf(DayOfWeek.class)).add(dayOfWeek);
                    from = session.minuteOfDay();
                }
                to = Math.max(to, session.minuteOfDay() + session.minutes());
            }
            trackHours.computeIfAbsent(trackWindow(from, to), w -> EnumSet.noneOf(DayOfWeek.class)).add(dayOfWeek);
        });
        for (var facility : List.of(Map.entry("gym", gymHours), Map.entry("track", trackHours))) {
            if (!facility.getValue().isEmpty()) {
                ObjectNode[] open = facility.getValue().entrySet().stream()
                        .map(e -> PlanDocument.openWindow(e.getValue(), Minutes.clock(e.getKey().from()),
                                Minutes.clock(e.getKey().to())))
                        .toArray(ObjectNode[]::new);
                PlanDocument.facilities(plan).add(PlanDocument.facility(facility.getKey(), open));
            }
        }
    }

    private Window trackWindow(int from, int to) {
        return new Window(from - 15 * random.nextInt(3), to + 15 * random.nextInt(3));
    }

    private static Window usualHours(Facility facility, DayOfWeek dayOfWeek) {
        return facility.open().stream().filter(window -> window.days().contains(dayOfWeek))
                .map(OpeningWindow::hours).findFirst().orElseThrow();
    }

    /**
     * A coach's day from about her earliest group to about her latest, room for the largest group that met and no
     * more, and clinic or other work in most of the hours her groups leave.
     */
    private void coach(CoachGroups coach) {
        List<TimeBlock> groups = coach.groupsMet();
        if (groups.isEmpty()) { // nobody could join: a coach with her usual week
            ObjectNode node = PlanDocument.coach(plan, coach.id(), window(COACH_DAY), 8);
            for (int day = 0; day < days; day++) {
                if (WEEKDAYS.contains(START.plusDays(day).getDayOfWeek()) && random.nextInt(5) < 4) {
                    PlanDocument.busy(node, START.plusDays(day), "09:00", "17:00", "clinic");
                }
            }
            return;
        }
        int earliest = groups.stream().mapToInt(g -> Minutes.minuteOfDay(g.start())).min().orElseThrow();
        int latest = groups.stream().mapToInt(g -> Minutes.minuteOfDay(g.start()) + g.end() - g.start()).max().orElseThrow();
        Window day = new Window(Math.max(COACH_DAY.from(), earliest - 30 * random.nextInt(3)),
                Math.min(Minutes.PER_DAY - 30, latest + 30 * random.nextInt(3)));
        ObjectNode node = PlanDocument.coach(plan, coach.id(), window(day), coach.largestGroup());
        for (int d = 0; d < days; d++) {
            int cursor = d * Minutes.PER_DAY + day.from();
            for (TimeBlock group : groups) {
                if (Minutes.dayOf(group.start()) == d) {
                    int margin = 15 * random.nextInt(3);
                    coachBusy(node, cursor, group.start() - margin);
                    cursor = group.end() + margin;
                }
            }
            coachBusy(node, cursor, d * Minutes.PER_DAY + day.to());
        }
    }

    /** Most free stretches of a coach's day get work: clinic on weekdays in office hours, clients or admin else. */
    private void coachBusy(ObjectNode coach, int start, int end) {
        if (end - start < 30 || random.nextInt(10) >= 8) {
            return;
        }
        boolean weekday = WEEKDAYS.contains(START.plusDays(Minutes.dayOf(start)).getDayOfWeek());
        String label = !weekday ? "club admin" : Minutes.minuteOfDay(start) < 17 * 60 ? "clinic" : "private clients";
        PlanDocument.busy(coach, time(start), time(end), label);
    }

    // ------------------------------------------------------------------------------------------ re-planning

    /** A couple of sessions fixed where the hidden plan has them (core work, a race), each of another athlete. */
    private void pins() {
        int pins = athletes == 1 ? 1 + random.nextInt(2) : 2 + athletes / 15;
        List<Written> cores = new ArrayList<>();
        List<Written> races = new ArrayList<>();
        for (Written w : written) {
            if (w.session().type() == SessionType.CORE) {
                cores.add(w);
            } else if (w.session().type() == SessionType.SPEED && w.session().coach() == null) {
                races.add(w);
            }
        }
        Collections.shuffle(cores, random);
        Collections.shuffle(races, random);
        List<Written> candidates = new ArrayList<>(cores);
        candidates.addAll(races);
        Set<String> pinnedAthletes = new HashSet<>();
        int pinned = 0;
        for (Written w : candidates) {
            // Each pin of another athlete, unless the plan has only one.
            if (pinned < pins && (pinnedAthletes.add(w.athleteId()) || athletes == 1)) {
                w.node().put("pinned", true);
                pinned++;
            }
        }
    }

    /**
     * Previous starts (a plan being revised) on 15-35 % of the sessions that are not pinned: 1-8 grains or a day
     * from the hidden start, never at it, inside the athlete's day and the horizon; often where the calendar now has
     * busy time, as when a new appointment is why the plan is revised.
     */
    private void previousStarts() {
        int percent = 15 + 10 * random.nextInt(3);
        for (Written w : written) {
            if (w.node().has("pinned") || random.nextInt(100) >= percent) {
                continue;
            }
            int start = w.session().start();
            // Mostly an hour or two (a session nudged), now and then a day (the 1450 minutes of Plan stability that
            // costs would swamp every other soft rule if it were common).
            int shift = random.nextInt(10) > 0 ? overrides.grainMinutes() * (1 + random.nextInt(8)) : Minutes.PER_DAY;
            int sign = random.nextBoolean() ? 1 : -1;
            for (int previous : List.of(start + sign * shift, start - sign * shift)) {
                if (fits(previous, w.session().minutes(), w.day())) {
                    w.node().put("previousStart", time(previous).format(PlanDocument.LOCAL_TIME));
                    break;
                }
            }
        }
    }

    private boolean fits(int start, int minutes, Window day) {
        int minuteOfDay = Minutes.minuteOfDay(start);
        return start >= 0 && Minutes.dayOf(start) < days && minuteOfDay >= day.from() && minuteOfDay + minutes <= day.to();
    }

    // ------------------------------------------------------------------------------------------ small helpers

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static ObjectNode window(Window window) {
        return PlanDocument.window(Minutes.clock(window.from()), Minutes.clock(window.to()));
    }

    private static LocalDateTime time(int minute) {
        return START.atStartOfDay().plusMinutes(minute);
    }
}
