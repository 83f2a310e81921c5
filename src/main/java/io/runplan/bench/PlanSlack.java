package io.runplan.bench;

import io.runplan.domain.Athlete;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.ReferenceScoreCalculator;
import io.runplan.solver.StartSlots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much room a plan leaves around a solution of it: for each session that is not pinned, the starts it could
 * take alone (its possible starts: day window, busy time, coach, facility) and the free starts, those where it keeps
 * every hard rule with every other session left where the solution has it. A tight plan leaves few of either.
 *
 * @param sessions             sessions measured (not pinned)
 * @param meanPossibleStarts   possible starts per session
 * @param meanFreeStarts       free starts per session, the solution's own included
 * @param shareFewFreeStarts   share of sessions with at most {@link #FEW} free starts: they can hardly move alone
 */
public record PlanSlack(int sessions, double meanPossibleStarts, double meanFreeStarts, double shareFewFreeStarts) {

    public static final int FEW = 4;

    /** The slack of {@code solved}, a plan with every session placed and no hard rule broken (a hidden plan). */
    public static PlanSlack around(TrainingPlan solved) {
        ReferenceScoreCalculator reference = new ReferenceScoreCalculator();
        long possible = 0;
        long free = 0;
        int few = 0;
        int measured = 0;
        for (Athlete athlete : solved.getAthletes()) {
            TrainingPlan around = aroundAthlete(solved, athlete);
            for (Session session : solved.sessionsOf(athlete)) {
                if (session.isPinned()) {
                    continue;
                }
                TimeSlot own = session.getStartSlot();
                int freeStarts = 0;
                for (TimeSlot start : session.getPossibleStarts()) {
                    session.setStartSlot(start);
                    if (reference.calculateScore(around).hardScore() == 0) {
                        freeStarts++;
                    }
                }
                session.setStartSlot(own);
                measured++;
                possible += session.getPossibleStarts().size();
                free += freeStarts;
                few += freeStarts <= FEW ? 1 : 0;
            }
        }
        return measured == 0 ? new PlanSlack(0, 0, 0, 0)
                : new PlanSlack(measured, (double) possible / measured, (double) free / measured, (double) few / measured);
    }

    /**
     * The athlete's sessions and every coached session (the coach rules join athletes), nothing else: scoring this
     * small plan tells whether a move of hers breaks a hard rule, as the whole plan would, but much faster. Leaving
     * sessions out of a plan that keeps every hard rule never breaks one.
     */
    private static TrainingPlan aroundAthlete(TrainingPlan plan, Athlete athlete) {
        List<Session> sessions = new ArrayList<>();
        for (Session session : plan.getSessions()) {
            if (session.getAthlete() == athlete || session.getCoach() != null) {
                sessions.add(session);
            }
        }
        return new TrainingPlan(plan.getName(), plan.getHorizon(), plan.getRules(), plan.getWeights(),
                plan.getFacilities(), plan.getCoaches(), List.of(athlete), sessions);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d sessions: %.0f possible starts, %.1f free starts, %.0f %% with at most %d",
                sessions, meanPossibleStarts, meanFreeStarts, 100 * shareFewFreeStarts, FEW);
    }

    /** Prints the slack of each solved plan file named (for example one {@code generate --hidden-plan} wrote). */
    public static void main(String[] args) {
        for (String file : args) {
            TrainingPlan plan = StartSlots.assign(new PlanReader().read(Path.of(file)).plan());
            System.out.println(file + ": " + around(plan));
        }
    }
}
