package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;
import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.OpeningWindow;
import io.runplan.domain.PastSession;
import io.runplan.domain.Preference;
import io.runplan.domain.Rule;
import io.runplan.domain.Rules;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A second score of a plan, written from docs/rules.md as plain loops over the sessions, sharing no scoring code with
 * {@link PlanConstraints}: it reads only the raw facts (starts, lengths, windows, parameters). Tests and FULL_ASSERT
 * hold the constraint streams against it; it is far too slow to solve with.
 */
public class ReferenceScoreCalculator implements EasyScoreCalculator<TrainingPlan, HardMediumSoftScore> {

    private static final int DAY = 1440;

    @Override
    public HardMediumSoftScore calculateScore(TrainingPlan plan) {
        long hard = 0;
        long medium = 0;
        long soft = 0;
        int fullWeeks = plan.getHorizon().days() / 7;
        for (Athlete athlete : plan.getAthletes()) {
            Rules rules = athlete.rules();
            List<Session> planned = new ArrayList<>();
            for (Session session : plan.getSessions()) {
                if (session.getAthlete() == athlete) {
                    if (session.getStartSlot() == null) {
                        medium++;
                    } else {
                        planned.add(session);
                    }
                }
            }
            planned.sort(Comparator.comparingInt(ReferenceScoreCalculator::start).thenComparing(Session::getId));

            for (int i = 0; i < planned.size(); i++) {
                Session a = planned.get(i);
                // Session overlap
                for (int j = i + 1; j < planned.size(); j++) {
                    Session b = planned.get(j);
                    hard += overlap(start(a), end(a), start(b), end(b));
                }
                // Busy time
                for (BusyBlock block : athlete.busy()) {
                    hard += overlap(start(a), end(a), block.getStart(), block.getEnd());
                }
                // Day window: minutes of the session (as minutes of its start day) outside the window
                int tod = start(a) - day(a) * DAY;
                hard += a.getMinutes() - overlap(tod, tod + a.getMinutes(), athlete.day().from(), athlete.day().to());
                // Facility hours
                if (a.getFacility() != null) {
                    boolean inside = false;
                    for (OpeningWindow window : a.getFacility().open()) {
                        if (window.days().contains(a.getStartSlot().dayOfWeek()) && window.hours().from() <= tod
                                && tod + a.getMinutes() <= window.hours().to()) {
                            inside = true;
                        }
                    }
                    if (!inside) {
                        hard++;
                    }
                }
                // Session dates
                if (a.getDates() != null) {
                    hard += a.getDates().daysOutside(day(a));
                }
            }

            // Lifts and quality sessions on one day, and on the next day
            for (Session lift : planned) {
                if (lift.getType() != SessionType.LIFT) {
                    continue;
                }
                for (Session quality : planned) {
                    if (!isQuality(quality.getType())) {
                        continue;
                    }
                    if (day(quality) == day(lift)) {
                        if (start(lift) < end(quality)) {
                            hard++; // No lift before quality
                        } else {
                            int after = start(lift) - end(quality);
                            boolean rightAfter = rules.allowLiftRightAfterQuality() && after < rules.visitGapMinutes();
                            if (after < rules.liftGapMinutes() && !rightAfter) {
                                hard += rules.liftGapMinutes() - after; // Recovery gap
                            }
                        }
                    }
                    if (day(quality) == day(lift) + 1) {
                        hard++; // No lift the day before quality
                    }
                }
            }

            // One run a day; One of a kind a day
            Map<Integer, Integer> runsPerDay = new HashMap<>();
            Map<String, Integer> kindsPerDay = new HashMap<>();
            for (Session session : planned) {
                SessionType type = session.getType();
                if (type == SessionType.SPEED || type == SessionType.LONG_RUN || type == SessionType.EASY_RUN) {
                    runsPerDay.merge(day(session), 1, Integer::sum);
                }
                if (type == SessionType.CORE || type == SessionType.CROSS_TRAINING) {
                    kindsPerDay.merge(day(session) + "/" + type, 1, Integer::sum);
                }
            }
            for (int runs : runsPerDay.values()) {
                hard += Math.max(0, runs - rules.runsPerDay());
            }
            for (int kinds : kindsPerDay.values()) {
                hard += Math.max(0, kinds - 1);
            }

            // Quality spacing and Lift spacing: consecutive starts, the history included
            hard += spacing(athlete, planned, true, rules);
            hard += spacing(athlete, planned, false, rules);
            soft += (long) plan.getWeights().of(Rule.QUALITY_GAP) * qualityGapDays(athlete, planned, rules);

            // Lifts per week (full weeks)
            for (int week = 0; week < fullWeeks; week++) {
                int lifts = 0;
                for (Session session : planned) {
                    if (session.getType() == SessionType.LIFT && day(session) / 7 == week) {
                        lifts++;
                    }
                }
                if (lifts > rules.liftsPerWeekMax()) {
                    hard += lifts - rules.liftsPerWeekMax(); // Lifts per week
                }
                if (lifts < rules.liftsPerWeekMin()) {
                    soft += (long) plan.getWeights().of(Rule.MISSING_LIFT) * (rules.liftsPerWeekMin() - lifts);
                }
            }

            soft += gymTime(athlete, planned, plan.getWeights().of(Rule.GYM_TIME));
            soft += liftOnEasyDay(athlete, planned, plan.getWeights().of(Rule.LIFT_ON_EASY_DAY));
            soft += restDay(planned, fullWeeks, rules, plan.getWeights().of(Rule.REST_DAY));
            soft += preferredTime(athlete, planned, plan.getWeights().of(Rule.PREFERRED_TIME));
            int stabilityWeight = plan.getWeights().of(Rule.PLAN_STABILITY);
            for (Session session : planned) {
                if (session.getPreviousStart() != null && session.getPreviousStart() != start(session)) {
                    soft += (long) stabilityWeight * (10 + Math.abs(start(session) - session.getPreviousStart()));
                }
            }
        }

        // Coaches
        for (Coach coach : plan.getCoaches()) {
            List<Session> led = new ArrayList<>();
            for (Session session : plan.getSessions()) {
                if (session.getCoach() == coach && session.getStartSlot() != null) {
                    led.add(session);
                }
            }
            Map<Integer, List<Session>> groups = new TreeMap<>();
            for (int i = 0; i < led.size(); i++) {
                Session a = led.get(i);
                int tod = start(a) - day(a) * DAY;
                hard += a.getMinutes() - overlap(tod, tod + a.getMinutes(), coach.day().from(), coach.day().to());
                for (BusyBlock block : coach.busy()) {
                    hard += overlap(start(a), end(a), block.getStart(), block.getEnd());
                }
                for (int j = i + 1; j < led.size(); j++) {
                    Session b = led.get(j);
                    boolean oneGroup = start(a) == start(b) && a.getType() == b.getType() && a.getMinutes() == b.getMinutes();
                    if (!oneGroup) {
                        hard += overlap(start(a), end(a), start(b), end(b));
                    }
                }
                groups.computeIfAbsent(start(a), s -> new ArrayList<>()).add(a);
            }
            for (List<Session> group : groups.values()) {
                Set<Athlete> athletes = new HashSet<>();
                int longest = 0;
                for (Session session : group) {
                    athletes.add(session.getAthlete());
                    longest = Math.max(longest, session.getMinutes());
                }
                hard += Math.max(0, athletes.size() - coach.groupCapacity());
                soft += (long) plan.getWeights().of(Rule.COACH_TIME) * longest;
            }
        }
        return HardMediumSoftScore.of(-Math.toIntExact(hard), -Math.toIntExact(medium), -Math.toIntExact(soft));
    }

    /** Quality spacing (quality = true) or Lift spacing over consecutive starts, history first; days short. */
    private static long spacing(Athlete athlete, List<Session> planned, boolean quality, Rules rules) {
        long size = 0;
        for (int apart : daysBetweenConsecutive(athlete, planned, quality)) {
            size += Math.max(0, (quality ? rules.qualitySpacingMin() : rules.liftSpacingDays()) - apart);
        }
        return size;
    }

    /** Quality gap: days beyond the maximum over consecutive quality sessions, history first. */
    private static long qualityGapDays(Athlete athlete, List<Session> planned, Rules rules) {
        long size = 0;
        for (int apart : daysBetweenConsecutive(athlete, planned, true)) {
            size += Math.max(0, apart - rules.qualitySpacingMax());
        }
        return size;
    }

    /** Calendar days between consecutive quality sessions (or lifts), history first; history pairs not counted. */
    private static List<Integer> daysBetweenConsecutive(Athlete athlete, List<Session> planned, boolean quality) {
        // (start, isHistory), ordered by start; history lies before the horizon, so before every planned session.
        List<int[]> sequence = new ArrayList<>();
        for (PastSession past : athlete.history()) {
            if (quality ? isQuality(past.type()) : past.type() == SessionType.LIFT) {
                sequence.add(new int[] {past.start(), 1});
            }
        }
        sequence.sort(Comparator.comparingInt(entry -> entry[0]));
        for (Session session : planned) { // already ordered by start, then id
            if (quality ? isQuality(session.getType()) : session.getType() == SessionType.LIFT) {
                sequence.add(new int[] {start(session), 0});
            }
        }
        List<Integer> days = new ArrayList<>();
        for (int i = 1; i < sequence.size(); i++) {
            int[] earlier = sequence.get(i - 1);
            int[] later = sequence.get(i);
            if (earlier[1] == 1 && later[1] == 1) {
                continue;
            }
            days.add(Math.floorDiv(later[0], DAY) - Math.floorDiv(earlier[0], DAY));
        }
        return days;
    }

    private static long gymTime(Athlete athlete, List<Session> planned, int weight) {
        Map<Integer, List<Session>> byDay = new TreeMap<>();
        for (Session session : planned) {
            if ("gym".equals(session.getLocation())) {
                byDay.computeIfAbsent(day(session), d -> new ArrayList<>()).add(session);
            }
        }
        long cost = 0;
        for (List<Session> sessions : byDay.values()) {
            sessions.sort(Comparator.comparingInt(ReferenceScoreCalculator::start).thenComparingInt(ReferenceScoreCalculator::end));
            int visitStart = start(sessions.get(0));
            int visitEnd = end(sessions.get(0));
            for (Session session : sessions.subList(1, sessions.size())) {
                if (start(session) - visitEnd < athlete.rules().visitGapMinutes()) {
                    visitEnd = Math.max(visitEnd, end(session));
                } else {
                    cost += visitEnd - visitStart + athlete.gymVisitOverheadMinutes();
                    visitStart = start(session);
                    visitEnd = end(session);
                }
            }
            cost += visitEnd - visitStart + athlete.gymVisitOverheadMinutes();
        }
        return weight * cost;
    }

    private static long liftOnEasyDay(Athlete athlete, List<Session> planned, int weight) {
        Set<Integer> hardDays = new HashSet<>();
        for (Session session : planned) {
            if (isQuality(session.getType())) {
                hardDays.add(day(session));
            }
        }
        for (PastSession past : athlete.history()) {
            if (isQuality(past.type())) {
                hardDays.add(Math.floorDiv(past.start(), DAY));
            }
        }
        long cost = 0;
        for (Session session : planned) {
            if (session.getType() == SessionType.LIFT && !hardDays.contains(day(session))) {
                cost += hardDays.contains(day(session) - 1) ? weight / 2 : weight;
            }
        }
        return cost;
    }

    private static long restDay(List<Session> planned, int fullWeeks, Rules rules, int weight) {
        Set<Integer> trainingDays = new HashSet<>();
        for (Session session : planned) {
            if (session.getType() != SessionType.CORE) {
                trainingDays.add(day(session));
            }
        }
        long cost = 0;
        for (int week = 0; week < fullWeeks; week++) {
            int rest = 0;
            for (int d = 7 * week; d < 7 * week + 7; d++) {
                if (!trainingDays.contains(d)) {
                    rest++;
                }
            }
            cost += (long) weight * Math.max(0, rules.restDaysPerWeek() - rest);
        }
        return cost;
    }

    private static long preferredTime(Athlete athlete, List<Session> planned, int weight) {
        long cost = 0;
        for (Session session : planned) {
            boolean hasPreference = false;
            boolean inWindow = false;
            int tod = start(session) - day(session) * DAY;
            for (Preference preference : athlete.preferences()) {
                if (preference.types().contains(session.getType())) {
                    hasPreference = true;
                    if (preference.days().contains(session.getStartSlot().dayOfWeek())
                            && preference.from() <= tod && tod < preference.to()) {
                        inWindow = true;
                    }
                }
            }
            if (hasPreference && !inWindow) {
                cost += weight;
            }
        }
        return cost;
    }

    private static boolean isQuality(SessionType type) {
        return type == SessionType.SPEED || type == SessionType.LONG_RUN;
    }

    private static int start(Session session) {
        return session.getStartSlot().day() * DAY + session.getStartSlot().minuteOfDay();
    }

    private static int end(Session session) {
        return start(session) + session.getMinutes();
    }

    private static int day(Session session) {
        return session.getStartSlot().day();
    }

    private static int overlap(int start1, int end1, int start2, int end2) {
        return Math.max(0, Math.min(end1, end2) - Math.max(start1, start2));
    }
}
