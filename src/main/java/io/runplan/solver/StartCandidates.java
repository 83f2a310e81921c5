package io.runplan.solver;

import io.runplan.domain.Horizon;
import io.runplan.domain.Preference;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The starts of a session on one day that are worth scoring when it is put back into a plan: where its cost can
 * change. Within a day the score of a start is flat or changes steadily between a few points: the ends of a free
 * stretch (busy time, day window, opening hours), next to the athlete's other sessions (overlap, one gym visit), four
 * hours after a quality session (Recovery gap), a coach's group starts, the previous start (Plan stability) and the
 * preferred windows. Those points, and a few evenly spread ones, stand for the whole day; a day with few starts is
 * tried whole. Scoring a quarter of the starts lets a search try four times as many plans.
 */
final class StartCandidates {

    /** A day with at most this many starts is tried whole. */
    private static final int WHOLE_DAY = 16;
    private static final int SPREAD = 6;

    private final Horizon horizon;
    private final Map<Session, TimeSlot[][]> startsByDay = new IdentityHashMap<>();
    private final Map<Object, List<Session>> sessionsByOwner;

    /** {@code sessionsByOwner}: every session of each athlete and of each coach (their starts may change). */
    StartCandidates(Horizon horizon, Map<Object, List<Session>> sessionsByOwner) {
        this.horizon = horizon;
        this.sessionsByOwner = sessionsByOwner;
    }

    /** The starts of {@code session} on {@code day} worth scoring, given where the other sessions are now. */
    List<TimeSlot> on(Session session, int day) {
        TimeSlot[] starts = startsByDay.computeIfAbsent(session, this::byDay)[day];
        List<TimeSlot> chosen = new ArrayList<>();
        if (starts.length <= WHOLE_DAY) {
            chosen.addAll(Arrays.asList(starts));
            return chosen;
        }
        BitSet picked = new BitSet(starts.length);
        int grain = horizon.grainMinutes();
        int minutes = session.getMinutes();
        for (int i = 0; i < starts.length; i++) {
            boolean edge = i == 0 || i == starts.length - 1
                    || starts[i].minuteOfDay() - starts[i - 1].minuteOfDay() != grain
                    || starts[i + 1].minuteOfDay() - starts[i].minuteOfDay() != grain;
            if (edge || i % Math.max(1, starts.length / SPREAD) == 0) {
                picked.set(i);
            }
        }
        int liftGap = session.getAthlete().rules().liftGapMinutes();
        for (Session other : sessionsByOwner.getOrDefault(session.getAthlete(), List.of())) {
            if (other == session || !other.isScheduled() || other.getDay() != day) {
                continue;
            }
            int start = other.getMinuteOfDay();
            int end = start + other.getMinutes();
            pick(starts, picked, end);
            pick(starts, picked, start - minutes);
            if (session.isLift() && other.isQuality()) {
                pick(starts, picked, end + liftGap);
            }
            if (session.isQuality() && other.isLift()) {
                pick(starts, picked, start - liftGap - minutes);
            }
        }
        if (session.getCoach() != null) {
            for (Session led : sessionsByOwner.getOrDefault(session.getCoach(), List.of())) {
                if (led != session && led.isScheduled() && led.getDay() == day) {
                    pick(starts, picked, led.getMinuteOfDay());
                    pick(starts, picked, led.getMinuteOfDay() + led.getMinutes());
                    pick(starts, picked, led.getMinuteOfDay() - minutes);
                }
            }
        }
        Integer previous = session.getPreviousStart();
        if (previous != null && Math.floorDiv(previous, 24 * 60) == day) {
            pick(starts, picked, Math.floorMod(previous, 24 * 60));
        }
        for (Preference preference : session.getAthlete().preferences()) {
            if (preference.covers(session.getType()) && preference.days().contains(horizon.date(day).getDayOfWeek())) {
                pick(starts, picked, preference.from());
                pick(starts, picked, preference.to() - grain);
            }
        }
        for (int i = picked.nextSetBit(0); i >= 0; i = picked.nextSetBit(i + 1)) {
            chosen.add(starts[i]);
        }
        return chosen;
    }

    /** The starts nearest to {@code minuteOfDay}, one on each side. */
    private static void pick(TimeSlot[] starts, BitSet picked, int minuteOfDay) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle].minuteOfDay() < minuteOfDay) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low < starts.length) {
            picked.set(low);
        }
        if (low > 0 && (low == starts.length || starts[low].minuteOfDay() != minuteOfDay)) {
            picked.set(low - 1);
        }
    }

    private TimeSlot[][] byDay(Session session) {
        List<List<TimeSlot>> days = new ArrayList<>();
        for (int day = 0; day < horizon.days(); day++) {
            days.add(new ArrayList<>());
        }
        for (TimeSlot start : session.getPossibleStarts()) {
            if (start.day() >= 0 && start.day() < horizon.days()) {
                days.get(start.day()).add(start);
            }
        }
        TimeSlot[][] byDay = new TimeSlot[horizon.days()][];
        for (int day = 0; day < horizon.days(); day++) {
            byDay[day] = days.get(day).stream().sorted().toArray(TimeSlot[]::new);
        }
        return byDay;
    }
}
