package io.runplan.solver;

import io.runplan.domain.BusyBlock;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.Person;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restricts each session to the starts it could ever use: inside the athlete's day window (never crossing
 * midnight), clear of the athlete's and the coach's busy blocks, inside the coach's window and the facility's
 * opening hours, on one of the session's own dates, and (re-planning) not before its earliest start. Those rules depend on one session alone, so a start breaking them is never worth trying; the
 * rules still score such starts: a start the file gives is always kept in the range (a pinned or hand-made plan
 * may hold one), and the solver is free to move away from it.
 */
public final class StartSlots {

    /** Why a start inside the athlete's day window cannot be used, in the order they are tried. */
    enum Obstacle {
        BEFORE_EARLIEST_START("start before the re-planning time"),
        OUTSIDE_DATES("lie outside the session's dates"),
        ATHLETE_BUSY("overlap the athlete's busy time"),
        COACH_WINDOW("lie outside the coach's day"),
        COACH_BUSY("overlap the coach's busy time"),
        FACILITY_CLOSED("fall outside the facility's opening hours");

        private final String words;

        Obstacle(String words) {
            this.words = words;
        }
    }

    private final Horizon horizon;
    private final Map<Person, List<BusyBlock>> busyByPerson = new HashMap<>();

    private StartSlots(TrainingPlan plan) {
        horizon = plan.getHorizon();
        for (BusyBlock block : plan.getBusyBlocks()) {
            busyByPerson.computeIfAbsent(block.getOwner(), p -> new ArrayList<>()).add(block);
        }
        busyByPerson.values().forEach(blocks -> blocks.sort(Comparator.comparingInt(BusyBlock::getStart)));
    }

    /**
     * Sets {@link Session#getPossibleStarts()} for every session of the plan, from its facts as they are now (a re-plan
     * changes some first); returns the plan, ready to solve or score.
     */
    public static TrainingPlan assign(TrainingPlan plan) {
        StartSlots startSlots = new StartSlots(plan);
        // Canonical slot objects, shared by all sessions, keep the value ranges small in memory.
        Map<Integer, TimeSlot> canonical = new HashMap<>();
        for (Session session : plan.getSessions()) {
            List<TimeSlot> possible = new ArrayList<>();
            startSlots.forEachStartInDayWindow(session, (day, minute) -> {
                if (startSlots.obstacle(session, day, minute) == null) {
                    possible.add(canonical.computeIfAbsent(day * Minutes.PER_DAY + minute,
                            start -> startSlots.horizon.slot(day, minute)));
                }
            });
            // A start the file gives (pinned, or hand-made) must stay a value of the range, even where it breaks a rule.
            TimeSlot current = session.getStartSlot();
            if (current != null && !possible.contains(current)) {
                possible.add(current);
            }
            session.setPossibleStarts(List.copyOf(possible));
        }
        return plan;
    }

    /** For a session with no possible start: what closes each start of its day window, in words. */
    static String explainNoStart(TrainingPlan plan, Session session) {
        StartSlots startSlots = new StartSlots(plan);
        Map<Obstacle, Integer> counts = new EnumMap<>(Obstacle.class);
        int[] total = {0};
        startSlots.forEachStartInDayWindow(session, (day, minute) -> {
            total[0]++;
            Obstacle obstacle = startSlots.obstacle(session, day, minute);
            if (obstacle != null) {
                counts.merge(obstacle, 1, Integer::sum);
            }
        });
        String who = session.getAthlete().id();
        if (total[0] == 0) {
            return "its " + session.getMinutes() + " min do not fit in " + who + "'s day " + session.getAthlete().day();
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((obstacle, count) -> parts.add(count + " " + obstacle.words
                .replace("the re-planning time", session.getEarliestStart() == null ? ""
                        : "the re-planning time " + startSlots.horizon.describe(session.getEarliestStart()))
                .replace("the session's dates", session.getDates() == null ? "" : "its dates " + session.getDates())
                .replace("the athlete's", who + "'s")
                .replace("the coach's", session.getCoach() == null ? "" : "coach " + session.getCoach().id() + "'s")
                .replace("the facility's", session.getFacility() == null ? "" : "'" + session.getFacility().id() + "'")));
        return "none of the " + total[0] + " starts in " + who + "'s day " + session.getAthlete().day()
                + " over the horizon is free: " + String.join(", ", parts);
    }

    private interface StartConsumer {
        void accept(int day, int minuteOfDay);
    }

    private void forEachStartInDayWindow(Session session, StartConsumer consumer) {
        var window = session.getAthlete().day();
        int grain = horizon.grainMinutes();
        int firstStart = (window.from() + grain - 1) / grain * grain;
        for (int day = 0; day < horizon.days(); day++) {
            for (int minute = firstStart; minute + session.getMinutes() <= window.to(); minute += grain) {
                consumer.accept(day, minute);
            }
        }
    }

    /** The first rule that closes this start for the session alone, or null when it is open. */
    private Obstacle obstacle(Session session, int day, int minuteOfDay) {
        int start = day * Minutes.PER_DAY + minuteOfDay;
        int end = start + session.getMinutes();
        if (session.getEarliestStart() != null && start < session.getEarliestStart()) {
            return Obstacle.BEFORE_EARLIEST_START;
        }
        if (session.getDates() != null && !session.getDates().contains(day)) {
            return Obstacle.OUTSIDE_DATES;
        }
        if (overlapsAny(busyByPerson.getOrDefault(session.getAthlete(), List.of()), start, end)) {
            return Obstacle.ATHLETE_BUSY;
        }
        if (session.getCoach() != null) {
            if (session.getCoach().day().minutesOutside(minuteOfDay, session.getMinutes()) > 0) {
                return Obstacle.COACH_WINDOW;
            }
            if (overlapsAny(busyByPerson.getOrDefault(session.getCoach(), List.of()), start, end)) {
                return Obstacle.COACH_BUSY;
            }
        }
        if (session.getFacility() != null
                && !session.getFacility().isOpenFor(horizon.dayOfWeek(day), minuteOfDay, session.getMinutes())) {
            return Obstacle.FACILITY_CLOSED;
        }
        return null;
    }

    private static boolean overlapsAny(List<BusyBlock> sortedBlocks, int start, int end) {
        for (BusyBlock block : sortedBlocks) {
            if (block.getStart() >= end) {
                return false;
            }
            if (block.getEnd() > start) {
                return true;
            }
        }
        return false;
    }
}
