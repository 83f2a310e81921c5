package io.runplan.bench;

import io.runplan.domain.Facility;
import io.runplan.domain.Minutes;
import io.runplan.domain.Rules;
import io.runplan.domain.SessionType;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.runplan.bench.PlanDocument.WEEKEND;

/**
 * Places one athlete's training into her free time so that every hard rule holds by construction: a chain of quality
 * sessions 2-3 days apart after the history's last one (her coach's group where it fits), lifts long enough after a
 * quality session or on an easy day that is not the eve of one, spaced and at most two a week, easy runs on days
 * without a run, core (now and then twice) and cross-training once a week. What does not fit is left out: the
 * athlete then has fewer sessions, never a broken rule.
 */
final class AthleteTraining {

    /** One athlete's session lengths, in minutes. */
    record Lengths(int speed, int longRun, int easy, int lift, int core, int cross) {

        static Lengths draw(Random random) {
            return new Lengths(40 + 5 * random.nextInt(5), 80 + 10 * random.nextInt(5), 30 + 5 * random.nextInt(5),
                    30 + 15 * random.nextInt(3), 15 + 5 * random.nextInt(2), 30 + 15 * random.nextInt(2));
        }
    }

    /** The days (negative) of the last quality session and the last lift before the horizon; null for none. */
    record History(Integer lastQualityDay, Integer lastLiftDay) {
    }

    /** A placed session before it is named: {@code kind} is the word its id gets ("track", "long", "lift"). */
    private record Placement(String kind, SessionType type, int start, int minutes, String location, String coach) {

        int day() {
            return Minutes.dayOf(start);
        }

        int end() {
            return start + minutes;
        }
    }

    /** Kinds an athlete does at most once a week: their ids carry no number. */
    private static final Set<String> ONCE_A_WEEK = Set.of("track", "long", "cross");
    /** A real runner's week has at most three hard days, however short the spacing rule allows. */
    private static final int MAX_QUALITY_A_WEEK = 3;
    private static final int LIFTS_A_WEEK = 2;

    private final String athleteId;
    private final FreeTime free;
    private final Rules rules;
    private final int days;
    private final Random random;
    private final Lengths lengths;
    private final History history;
    private final CoachGroups coach;
    private final Facility gym;
    private final Facility track;
    private final boolean crossTrains;
    private final List<Placement> placed = new ArrayList<>();
    private final Map<Integer, Placement> qualityByDay = new HashMap<>();

    AthleteTraining(String athleteId, FreeTime free, Rules rules, int days, Random random, History history,
            CoachGroups coach, Facility gym, Facility track) {
        this.athleteId = athleteId;
        this.free = free;
        this.rules = rules;
        this.days = days;
        this.random = random;
        this.lengths = Lengths.draw(random);
        this.history = history;
        this.coach = coach;
        this.gym = gym;
        this.track = track;
        this.crossTrains = random.nextInt(10) < 4;
    }

    /** Places the training and names each session {@code athlete-wWEEK-KIND[-N]}, in order of start. */
    List<HiddenSession> place() {
        placeQualityChain();
        placeLifts();
        for (int weekStart = 0; weekStart < days; weekStart += 7) {
            placeEasyRuns(weekStart, 1 + random.nextInt(3));
            int coreSessions = random.nextInt(10) == 0 ? 2 : 1;
            for (int i = 0; i < coreSessions; i++) {
                placeOnce(weekStart, "core", SessionType.CORE, lengths.core(), null);
            }
            if (crossTrains) {
                placeOnce(weekStart, "cross", SessionType.CROSS_TRAINING, lengths.cross(), gym);
            }
        }
        return named();
    }

    // ------------------------------------------------------------------------------------------ quality sessions

    private void placeQualityChain() {
        int last = history.lastQualityDay() != null ? history.lastQualityDay() : -rules.qualitySpacingMin();
        int from = last + rules.qualitySpacingMin();
        while (from < days) {
            Placement quality = null;
            for (int day : chainCandidates(from)) {
                quality = quality(day);
                if (quality != null) {
                    break;
                }
            }
            if (quality == null) {
                from += 4; // a run of full days (shifts): the chain resumes after it, with a soft Quality gap
                continue;
            }
            add(quality);
            qualityByDay.put(quality.day(), quality);
            from = quality.day() + rules.qualitySpacingMin();
        }
    }

    /**
     * The next days the chain may take: 2-3 days on (a day her coach's group meets first), then 4-5 days on (a soft
     * Quality gap) when neither of those has room.
     */
    private List<Integer> chainCandidates(int from) {
        List<Integer> near = new ArrayList<>();
        List<Integer> far = new ArrayList<>();
        for (int day = Math.max(0, from); day < Math.min(days, from + 4); day++) {
            if (count(day / 7, null, true) < MAX_QUALITY_A_WEEK) {
                (day < from + 2 ? near : far).add(day);
            }
        }
        Collections.shuffle(near, random);
        List<Integer> order = new ArrayList<>();
        for (List<Integer> candidates : List.of(near, far)) {
            candidates.stream().filter(day -> groupSlot(day) != null).forEach(order::add);
            candidates.stream().filter(day -> !order.contains(day)).forEach(order::add);
        }
        return order;
    }

    /** A quality session on that day, or null when none fits: the coach's group, a long run, or speed work. */
    private Placement quality(int day) {
        CoachGroups.Slot slot = groupSlot(day);
        if (slot != null) {
            coach.join(day);
            return new Placement("track", SessionType.SPEED, day * Minutes.PER_DAY + slot.minuteOfDay(), slot.minutes(),
                    track.id(), coach.id());
        }
        // About one long run a week, mostly on a weekend.
        if (count(day / 7, "long", false) == 0 && (isWeekend(day) || random.nextInt(3) == 0)) {
            Placement longRun = at(day, "long", SessionType.LONG_RUN, lengths.longRun(), null, 0);
            if (longRun != null) {
                return longRun;
            }
        }
        Placement atTrack = random.nextInt(4) == 0 ? at(day, "speed", SessionType.SPEED, lengths.speed(), track, 0) : null;
        return atTrack != null ? atTrack : at(day, "speed", SessionType.SPEED, lengths.speed(), null, 0);
    }

    /** Her coach's group on that day when she has none yet that week, it has room and she is free for it. */
    private CoachGroups.Slot groupSlot(int day) {
        if (coach == null || count(day / 7, "track", false) > 0 || !coach.hasRoom(day)) {
            return null;
        }
        CoachGroups.Slot slot = coach.slotOn(dayOfWeek(day));
        if (slot == null) {
            return null;
        }
        int start = day * Minutes.PER_DAY + slot.minuteOfDay();
        return free.isFree(start, start + slot.minutes()) ? slot : null;
    }

    // ------------------------------------------------------------------------------------------ the rest of the week

    /**
     * Lifts in day order, so each is far enough from the one before (history included): on a hard day after the
     * recovery gap, or now and then on an easy day; never on the eve of a hard day.
     */
    private void placeLifts() {
        int lastLift = history.lastLiftDay() != null ? history.lastLiftDay() : -rules.liftSpacingDays();
        int perWeek = Math.min(LIFTS_A_WEEK, rules.liftsPerWeekMax());
        for (int day = 0; day < days; day++) {
            Placement quality = qualityByDay.get(day);
            boolean allowed = day - lastLift >= rules.liftSpacingDays() && !qualityByDay.containsKey(day + 1)
                    && count(day / 7, "lift", false) < perWeek;
            // Lift on easy day is a soft cost: most lifts go on hard days.
            if (!allowed || (quality == null && random.nextInt(3) > 0)) {
                continue;
            }
            int earliest = quality == null ? 0 : quality.end() + rules.liftGapMinutes();
            Placement lift = at(day, "lift", SessionType.LIFT, lengths.lift(), gym, earliest);
            if (lift != null) {
                add(lift);
                lastLift = day;
            }
        }
    }

    /** Easy runs on days of the week that have no run yet (One run a day). */
    private void placeEasyRuns(int weekStart, int wanted) {
        int placedRuns = 0;
        for (int day : shuffledDays(weekStart)) {
            if (placedRuns < wanted && !qualityByDay.containsKey(day)) {
                Placement easy = at(day, "easy", SessionType.EASY_RUN, lengths.easy(), null, 0);
                if (easy != null) {
                    add(easy);
                    placedRuns++;
                }
            }
        }
    }

    /** One session of this kind on some day of the week where it fits and that has none of this kind yet. */
    private void placeOnce(int weekStart, String kind, SessionType type, int minutes, Facility facility) {
        for (int day : shuffledDays(weekStart)) {
            int sameDay = day;
            if (placed.stream().anyMatch(p -> p.day() == sameDay && p.kind().equals(kind))) {
                continue; // One of a kind a day
            }
            Placement session = at(day, kind, type, minutes, facility, 0);
            if (session != null) {
                add(session);
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ placing

    /**
     * The session at a free start of that day from {@code earliest} on, inside the facility's usual hours; one
     * touching busy time or another session where there is such a start. Null when none fits.
     */
    private Placement at(int day, String kind, SessionType type, int minutes, Facility facility, int earliest) {
        List<Integer> starts = new ArrayList<>();
        for (int start : free.starts(day, minutes)) {
            if (start >= earliest && (facility == null
                    || facility.isOpenFor(dayOfWeek(day), Minutes.minuteOfDay(start), minutes))) {
                starts.add(start);
            }
        }
        if (starts.isEmpty()) {
            return null;
        }
        // The type's own place (a lift at the gym) is left out of the file, as people write it.
        String location = facility == null || facility.id().equals(type.defaultLocation()) ? null : facility.id();
        return new Placement(kind, type, free.pickHugging(starts, random), minutes, location, null);
    }

    private void add(Placement session) {
        placed.add(session);
        free.take(new TimeBlock(session.start(), session.end(), session.kind()));
    }

    /** Sessions of the week of that kind (any kind when null), or quality sessions only. */
    private int count(int week, String kind, boolean qualityOnly) {
        int count = 0;
        for (Placement session : placed) {
            if (session.day() / 7 == week && (kind == null || kind.equals(session.kind()))
                    && (!qualityOnly || session.type().isQuality())) {
                count++;
            }
        }
        return count;
    }

    private List<Integer> shuffledDays(int weekStart) {
        List<Integer> weekDays = new ArrayList<>();
        for (int day = weekStart; day < Math.min(days, weekStart + 7); day++) {
            weekDays.add(day);
        }
        Collections.shuffle(weekDays, random);
        return weekDays;
    }

    private List<HiddenSession> named() {
        placed.sort(Comparator.comparingInt(Placement::start));
        Map<String, Integer> numbers = new HashMap<>();
        List<HiddenSession> sessions = new ArrayList<>();
        for (Placement session : placed) {
            String prefix = athleteId + "-w" + (session.day() / 7 + 1) + "-" + session.kind();
            int number = numbers.merge(prefix, 1, Integer::sum);
            String id = ONCE_A_WEEK.contains(session.kind()) ? prefix : prefix + "-" + number;
            sessions.add(new HiddenSession(id, session.type(), session.day(), Minutes.minuteOfDay(session.start()),
                    session.minutes(), session.location(), session.coach()));
        }
        return sessions;
    }

    private static DayOfWeek dayOfWeek(int day) {
        return PlanGenerator.START.plusDays(day).getDayOfWeek();
    }

    private static boolean isWeekend(int day) {
        return WEEKEND.contains(dayOfWeek(day));
    }
}
