package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import io.runplan.domain.Athlete;
import io.runplan.domain.AthleteWeek;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The least soft cost any plan of a problem can have once it keeps every hard rule and places every session: a proof
 * that no plan is better. When the search reaches it, it stops (there is nothing left to find) and runplan says the
 * plan is optimal. Each part below is a cost no such plan avoids.
 * <ul>
 *   <li>Per athlete, in a plan of at most {@link #DAYS_SEARCH_MAXIMUM_PLAN} sessions: the least cost of her sessions over every way to give them days
 *   ({@link AthleteDaysBound}: the rules days decide kept, each day's starts searched; only her calendar's ties to
 *   other athletes and across midnight are left out). On one-runner weeks and fortnights this is the optimum
 *   itself, so the search stops as soon as it finds a best plan.</li>
 *   <li>Otherwise, or when that search gives up, per session the cheapest of its possible starts for Preferred time
 *   and Plan stability (those that break no rule of the session alone: {@link StartSlots}); per athlete Gym time, the
 *   minutes of every gym session and the overhead once per visit (at least one visit per lift when lifts may not
 *   share a day); and per full week the lifts short of the minimum even if every lift that may start in it did.
 *   Lift on easy day, Rest day and Quality gap count 0 there.</li>
 *   <li>Coach time, per coach: a group holds sessions of one type and length that start together, at most the
 *   coach's capacity and one per athlete, so each type and length needs that many groups of its minutes, more when
 *   the sessions' possible starts cannot be shared out so ({@link CoachGroupsBound}). With up to
 *   {@link CoachedSessionsBound#MAXIMUM_SESSIONS} coached sessions and the athletes' days searched, the least of
 *   Coach time plus what each athlete's least cost grows by to start her sessions with the group's
 *   ({@link CoachedSessionsBound}): fewer groups are not free when her best plan wants the session elsewhere.</li>
 * </ul>
 * The bound is checked against the proven optima of the practice plans and against an exact solver in the tests.
 */
public final class SoftBound {

    /**
     * The athletes of a plan with more sessions than this are bounded session by session: a big plan's search seldom
     * reaches a bound, and the days' search costs tens of milliseconds up to there (it is worked out for each solve
     * and each verdict).
     */
    static final int DAYS_SEARCH_MAXIMUM_PLAN = 400;
    /** Steps of one athlete's days search before it gives up, and of all athletes' together. */
    static final long ATHLETE_STEPS = 200_000;
    static final long PLAN_STEPS = 400_000;

    private SoftBound() {
    }

    /**
     * The best score {@code plan}'s problem could have (0 hard, 0 medium and the least soft cost), or empty when
     * some session has no possible start, so no plan places every session, or when the possible starts are not
     * built ({@link StartSlots#assign}).
     */
    public static Optional<HardMediumSoftScore> bestPossible(TrainingPlan plan) {
        Problem problem = Problem.of(plan);
        Optional<HardMediumSoftScore> known = RECENT.get(problem);
        if (known == null) {
            known = search(plan, null);
            RECENT.put(problem, known);
        }
        return known;
    }

    /**
     * The bounds worked out lately, by problem: a solve asks for its plan's before it starts (its stop rule) and again
     * for the plan it found (the verdict), a copy of the same problem; a month's costs a second or more.
     */
    private static final Map<Problem, Optional<HardMediumSoftScore>> RECENT = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Problem, Optional<HardMediumSoftScore>> eldest) {
                    return size() > 8;
                }
            });

    /**
     * What the bound of a plan depends on: the objects its problem is made of (a solver's copy of a plan shares them,
     * the sessions' possible starts included; a plan read or re-planned anew has its own) and what each session is:
     * kind, length, place, coach, previous start, and its start when pinned.
     */
    private record Problem(List<Object> facts) {
        static Problem of(TrainingPlan plan) {
            List<Object> facts = new ArrayList<>();
            facts.add(new Same(plan.getHorizon()));
            facts.add(new Same(plan.getWeights()));
            facts.add(new Same(plan.getAthletes()));
            for (Session session : plan.getSessions()) {
                facts.add(session.getId());
                facts.add(new Same(session.getAthlete()));
                facts.add(new Same(session.getCoach()));
                facts.add(session.getType());
                facts.add(session.getMinutes());
                facts.add(session.isAtGym());
                facts.add(session.getPreviousStart());
                facts.add(session.isPinned());
                facts.add(session.isPinned() ? session.getStartSlot() : null);
                facts.add(session.hasPossibleStarts() ? new Same(session.getPossibleStarts()) : null);
            }
            return new Problem(facts);
        }
    }

    /** An object compared by identity. */
    private record Same(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    /**
     * The starts of the best plan each athlete's days search found (for the athletes whose search ended, with every
     * day's starts searched): per athlete the cheapest her calendar allows, so together a best plan when nothing ties
     * the athletes and nothing overlaps across midnight. Athletes sharing a coach are laid one after the other, the
     * least free first, and one whose best plan clashes with a group before hers gets her best beside them
     * ({@link CoachGroupStarts}): their plans together keep One group at a time, though the sharing may not be the
     * cheapest. Empty for a plan too big to search.
     */
    public static Map<Session, TimeSlot> bestStarts(TrainingPlan plan) {
        Map<Session, TimeSlot> starts = new HashMap<>();
        search(plan, starts);
        return starts;
    }

    private static Optional<HardMediumSoftScore> search(TrainingPlan plan, Map<Session, TimeSlot> starts) {
        long cost = 0;
        Map<Athlete, List<Session>> byAthlete = new HashMap<>();
        boolean everySessionCanStart = true;
        for (Session session : plan.getSessions()) {
            if (!session.hasPossibleStarts() || session.getPossibleStarts().isEmpty()) {
                if (starts == null) {
                    return Optional.empty();
                }
                everySessionCanStart = false;
            }
            byAthlete.computeIfAbsent(session.getAthlete(), athlete -> new ArrayList<>()).add(session);
        }
        boolean feasible = everySessionCanStart;
        // The least cost of each athlete whose days search ended, soon enough for searches of what-ifs of hers to end too.
        Map<Athlete, Long> athleteLeast = new HashMap<>();
        long budget = plan.getSessions().size() <= DAYS_SEARCH_MAXIMUM_PLAN ? PLAN_STEPS : 0;
        CoachGroupStarts groups = new CoachGroupStarts();
        for (Athlete athlete : starts == null ? plan.getAthletes() : CoachGroupStarts.leastFreeFirst(plan, byAthlete)) {
            List<Session> own = byAthlete.getOrDefault(athlete, List.of());
            if (budget > 0) {
                AthleteDaysBound.Result days = AthleteDaysBound.leastCost(plan, athlete, own, Math.min(budget, ATHLETE_STEPS));
                budget -= days.steps();
                if (days.complete()) {
                    if (days.cost() == AthleteDaysBound.INFEASIBLE) {
                        if (starts == null) {
                            return Optional.empty();
                        }
                        feasible = false;
                        continue;
                    }
                    cost += days.cost();
                    if (CoachedSessionsBound.mayAskWhatIf(days.steps())) {
                        athleteLeast.put(athlete, days.cost());
                    }
                    if (starts != null && days.starts() != null) {
                        Map<Session, TimeSlot> best = days.starts();
                        Map<Session, List<TimeSlot>> held = groups.held(own);
                        if (!CoachGroupStarts.keeps(best, held)) {
                            // Her best plan clashes with the coach's groups in the plans before: her best beside them.
                            AthleteDaysBound.Result beside = AthleteDaysBound.leastCost(plan, athlete, own, held,
                                    Math.min(budget, ATHLETE_STEPS));
                            budget -= beside.steps();
                            if (beside.complete() && beside.cost() != AthleteDaysBound.INFEASIBLE
                                    && beside.starts() != null) {
                                best = beside.starts();
                            }
                        }
                        groups.add(best);
                        starts.putAll(best);
                    }
                    continue;
                }
            }
            if (starts == null) {
                for (Session session : own) {
                    cost += cheapestStart(plan, session);
                }
                cost += gymTime(plan, athlete, own) + missingLifts(plan, athlete, own);
            }
        }
        if (!feasible) {
            return Optional.empty();
        }
        cost += starts == null ? CoachedSessionsBound.least(plan, byAthlete, athleteLeast) : 0;
        return Optional.of(HardMediumSoftScore.of(0, 0, (int) -Math.min(Integer.MAX_VALUE, cost)));
    }

    /** True when {@code score} is {@code best}: no plan of the problem can score better. */
    public static boolean reached(HardMediumSoftScore score, Optional<HardMediumSoftScore> best) {
        return score != null && best.isPresent() && score.compareTo(best.get()) >= 0;
    }

    private static long cheapestStart(TrainingPlan plan, Session session) {
        int preferredWeight = plan.getWeights().of(Rule.PREFERRED_TIME);
        int stabilityWeight = plan.getWeights().of(Rule.PLAN_STABILITY);
        Integer previous = session.getPreviousStart();
        long cheapest = Long.MAX_VALUE;
        for (TimeSlot start : startsOf(session)) {
            long cost = 0;
            if (session.getAthlete().missesPreferredTime(session.getType(), start.dayOfWeek(), start.minuteOfDay())) {
                cost += preferredWeight;
            }
            if (previous != null && previous != start.start()) {
                cost += (long) stabilityWeight * (10 + Math.abs(start.start() - previous));
            }
            cheapest = Math.min(cheapest, cost);
            if (cheapest == 0) {
                break;
            }
        }
        return cheapest;
    }

    /** The starts a session may take: its own when pinned (the search never moves it), else its possible starts. */
    static List<TimeSlot> startsOf(Session session) {
        if (session.isPinned() && session.getStartSlot() != null) {
            return List.of(session.getStartSlot());
        }
        return session.getPossibleStarts();
    }

    private static long gymTime(TrainingPlan plan, Athlete athlete, List<Session> ownSessions) {
        long minutes = 0;
        int sessions = 0;
        int lifts = 0;
        for (Session session : ownSessions) {
            if (session.isAtGym()) {
                minutes += session.getMinutes();
                sessions++;
                if (session.isLift()) {
                    lifts++;
                }
            }
        }
        if (sessions == 0) {
            return 0;
        }
        int visits = athlete.rules().liftSpacingDays() >= 1 ? Math.max(1, lifts) : 1;
        return (long) plan.getWeights().of(Rule.GYM_TIME) * (minutes + (long) visits * athlete.gymVisitOverheadMinutes());
    }

    private static long missingLifts(TrainingPlan plan, Athlete athlete, List<Session> ownSessions) {
        long missing = 0;
        for (AthleteWeek week : athlete.weeks()) {
            int possible = 0;
            for (Session session : ownSessions) {
                if (session.isLift() && mayStartIn(session, week)) {
                    possible++;
                }
            }
            missing += athlete.rules().liftsMissing(possible);
        }
        return missing * plan.getWeights().of(Rule.MISSING_LIFT);
    }

    private static boolean mayStartIn(Session lift, AthleteWeek week) {
        for (TimeSlot start : startsOf(lift)) {
            if (start.day() >= week.firstDay() && start.day() < week.firstDay() + 7) {
                return true;
            }
        }
        return false;
    }
}
