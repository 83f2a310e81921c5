package io.runplan.support;

import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.StartSlots;

import java.util.List;
import java.util.Random;

/**
 * Puts a plan's sessions at random starts: legal ones from their value range, anywhere on the grid (outside the
 * day window, crossing midnight, into busy time), on top of each other, or unscheduled. Pinned sessions stay.
 */
public final class RandomPlans {

    private RandomPlans() {
    }

    /** Gives every session that can start somewhere a random legal-by-itself start, so no construction is left. */
    public static void placeAll(TrainingPlan plan, Random random) {
        for (Session session : plan.getSessions()) {
            List<TimeSlot> starts = session.getPossibleStarts();
            if (!session.isPinned() && !starts.isEmpty()) {
                session.setStartSlot(starts.get(random.nextInt(starts.size())));
            }
        }
    }

    public static void shuffle(TrainingPlan plan, Random random) {
        Horizon horizon = plan.getHorizon();
        int slotsPerDay = Minutes.PER_DAY / horizon.grainMinutes();
        List<Session> sessions = plan.getSessions();
        for (Session session : sessions) {
            if (session.isPinned()) {
                continue;
            }
            int choice = random.nextInt(10);
            if (choice == 0) {
                session.setStartSlot(null);
            } else if (choice <= 5 && !session.getPossibleStarts().isEmpty()) {
                session.setStartSlot(session.getPossibleStarts().get(random.nextInt(session.getPossibleStarts().size())));
            } else if (choice <= 7) {
                session.setStartSlot(horizon.slot(random.nextInt(horizon.days()),
                        random.nextInt(slotsPerDay) * horizon.grainMinutes()));
            } else {
                // Crowd a few days, so that overlaps, groups and same-day rules are exercised.
                int day = random.nextInt(Math.min(3, horizon.days()));
                int minute = (6 * 60 / horizon.grainMinutes() + random.nextInt(6)) * horizon.grainMinutes();
                session.setStartSlot(new TimeSlot(day, minute, horizon.date(day)));
            }
        }
        StartSlots.assign(plan);
    }
}
