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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restricts each session to the starts it could ever use: inside the athlete's day window (never crossing
 * midnight), clear of the athlete's and the coach's busy blocks, inside the coach's window and the facility's
 * opening hours. Those rules depend on one session alone, so a start breaking them is never worth trying; the
 * rules still score such starts: a start the file gives is always kept in the range (a pinned or hand-made plan
 * may hold one), and the solver is free to move away from it.
 */
public final class StartSlots {

    private StartSlots() {
    }

    /** Sets {@link Session#getPossibleStarts()} for every session of the plan. */
    public static void assign(TrainingPlan plan) {
        Horizon horizon = plan.getHorizon();
        Map<Person, List<BusyBlock>> busyByPerson = new HashMap<>();
        for (BusyBlock block : plan.getBusyBlocks()) {
            busyByPerson.computeIfAbsent(block.getOwner(), p -> new ArrayList<>()).add(block);
        }
        busyByPerson.values().forEach(blocks -> blocks.sort(Comparator.comparingInt(BusyBlock::getStart)));
        // Canonical slot objects, shared by all sessions, keep the value ranges small in memory.
        Map<Integer, TimeSlot> slots = new HashMap<>();
        for (Session session : plan.getSessions()) {
            List<TimeSlot> possible = new ArrayList<>();
            List<BusyBlock> athleteBusy = busyByPerson.getOrDefault(session.getAthlete(), List.of());
            List<BusyBlock> coachBusy = session.getCoach() == null ? List.of()
                    : busyByPerson.getOrDefault(session.getCoach(), List.of());
            var window = session.getAthlete().day();
            int firstStart = roundUp(window.from(), horizon.grainMinutes());
            for (int day = 0; day < horizon.days(); day++) {
                var dayOfWeek = horizon.dayOfWeek(day);
                for (int minute = firstStart; minute + session.getMinutes() <= window.to(); minute += horizon.grainMinutes()) {
                    int start = day * Minutes.PER_DAY + minute;
                    int end = start + session.getMinutes();
                    if (overlapsAny(athleteBusy, start, end) || overlapsAny(coachBusy, start, end)) {
                        continue;
                    }
                    if (session.getCoach() != null && session.getCoach().day().minutesOutside(minute, session.getMinutes()) > 0) {
                        continue;
                    }
                    if (session.getFacility() != null && !session.getFacility().isOpenFor(dayOfWeek, minute, session.getMinutes())) {
                        continue;
                    }
                    final int d = day;
                    final int m = minute;
                    possible.add(slots.computeIfAbsent(start, s -> horizon.slot(d, m)));
                }
            }
            TimeSlot current = session.getStartSlot();
            // A start the file gives (pinned, or hand-made) must stay a value of the range, even where it breaks a rule.
            if (current != null && !possible.contains(current)) {
                possible.add(current);
            }
            session.setPossibleStarts(List.copyOf(possible));
        }
    }

    private static int roundUp(int minute, int grain) {
        return (minute + grain - 1) / grain * grain;
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
