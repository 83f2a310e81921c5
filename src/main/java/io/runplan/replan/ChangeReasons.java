package io.runplan.replan;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.Reason;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what a re-plan changed and why. A moved or dropped session is put back at its old start in the new plan and
 * the plan analysed: a hard rule it then breaks on its own or with sessions that did not change (a new busy block, a
 * day off, spacing against a done session) is why it had to move; a hard rule it breaks with a session that moved or
 * was placed means it made room for that session; a coached session
 * that moved to the same new start as its old group-mates moved with its group; otherwise its old start cost more
 * than moving it. The list is sorted by old start, then id, so the same plans give the same list.
 */
final class ChangeReasons {

    private final SolutionManager<TrainingPlan, HardMediumSoftScore> manager;
    private final TrainingPlan solved;
    private final Map<String, Integer> oldStarts;
    private final Set<String> missed;
    private final PlanReport report;

    ChangeReasons(SolutionManager<TrainingPlan, HardMediumSoftScore> manager, TrainingPlan solved,
            Map<String, Integer> oldStarts, Set<String> missed, PlanReport report) {
        this.manager = manager;
        this.solved = solved;
        this.oldStarts = oldStarts;
        this.missed = missed;
        this.report = report;
    }

    List<Change> find() {
        ScoreAnalysis<HardMediumSoftScore> now = manager.analyze(solved, ScoreAnalysisFetchPolicy.FETCH_ALL);
        Set<String> hardNow = hardMatches(now, null).keySet();
        Map<String, Integer> softNow = softCosts(now);
        Map<String, List<String>> longGaps = longGaps(now);
        Map<String, Integer> movingCosts = new LinkedHashMap<>();
        justifications(now, Reason.PlanStability.class).forEach(moved -> movingCosts.put(moved.session().getId(), moved.cost()));
        Set<String> changed = new HashSet<>();
        for (Session session : solved.getSessions()) {
            if (!Objects.equals(oldStarts.get(session.getId()), startOf(session))) {
                changed.add(session.getId());
            }
        }
        List<Change> changes = new ArrayList<>();
        try {
            for (Session session : solved.getSessions()) {
                String id = session.getId();
                Integer from = oldStarts.get(id);
                Integer to = startOf(session);
                if (missed.contains(id)) {
                    changes.add(change(session, Change.Why.MISSED, from, to, (to != null
                            ? "missed; placed again after --now"
                            : "missed; not placed again: " + report.unscheduledReasons().get(id))
                            + (session.isQuality() ? longGapNote(athleteGaps(longGaps, session)) : "")));
                } else if (!changed.contains(id)) {
                    continue;
                } else if (from == null) {
                    changes.add(change(session, Change.Why.WAS_UNSCHEDULED, null, to,
                            "was unscheduled; it fits now" + longGapNote(longGaps.get(id))));
                } else {
                    Change change = explain(session, from, to, changed, hardNow, softNow, movingCosts.get(id));
                    changes.add(change(session, change.why(), from, to, change.reason() + longGapNote(longGaps.get(id))));
                }
            }
        } finally {
            manager.update(solved);
        }
        changes.sort(Comparator.comparing((Change c) -> c.from() == null ? Integer.MAX_VALUE : c.from())
                .thenComparing(Change::sessionId));
        return List.copyOf(changes);
    }

    /** Why {@code session} left {@code from}: the plan analysed with it put back there. */
    private Change explain(Session session, int from, Integer to, Set<String> changed, Set<String> hardNow,
            Map<String, Integer> softNow, Integer movingCost) {
        Horizon horizon = solved.getHorizon();
        TimeSlot current = session.getStartSlot();
        ScoreAnalysis<HardMediumSoftScore> atOld;
        session.setStartSlot(horizon.slot(Minutes.dayOf(from), Minutes.minuteOfDay(from)));
        try {
            atOld = manager.analyze(solved, ScoreAnalysisFetchPolicy.FETCH_ALL);
        } finally {
            session.setStartSlot(current);
        }
        Set<String> groupMates = groupMates(session, from, to);
        List<String> alone = new ArrayList<>();
        List<String> withOthers = new ArrayList<>();
        Set<String> madeRoomFor = new TreeSet<>();
        hardMatches(atOld, session.getId()).forEach((text, others) -> {
            if (hardNow.contains(text)) {
                return; // broken in the new plan too: not caused by this session's old start
            }
            if (others.stream().noneMatch(changed::contains)) {
                alone.add(text); // against the calendar or sessions that stayed: the cause, not a consequence
            } else if (!groupMates.containsAll(others)) {
                withOthers.add(text);
                others.stream().filter(changed::contains).forEach(madeRoomFor::add);
            }
        });
        Change.Why why;
        String reason;
        if (!alone.isEmpty()) {
            why = Change.Why.COLLIDES;
            reason = String.join("; ", alone);
        } else if (!withOthers.isEmpty()) {
            why = Change.Why.MAKES_ROOM;
            reason = "makes room for " + String.join(", ", madeRoomFor) + ": " + String.join("; ", withOthers);
        } else if (!groupMates.isEmpty()) {
            why = Change.Why.WITH_GROUP;
            Set<String> group = new TreeSet<>(groupMates);
            group.add(session.getId());
            reason = "moves with its group (coach " + session.getCoach().id() + ": " + String.join(", ", group) + ")";
        } else {
            why = Change.Why.LOWER_COST;
            reason = costlier(atOld, softNow, movingCost);
        }
        if (to == null) {
            reason += "; no start is left for it: " + report.unscheduledReasons().get(session.getId());
        }
        return change(session, why, from, to, reason);
    }

    /** The other sessions of the coach that had the same old start and now share the new one: its group, moved. */
    private Set<String> groupMates(Session session, int from, Integer to) {
        Set<String> mates = new TreeSet<>();
        if (!session.isCoached() || to == null) {
            return mates;
        }
        for (Session other : solved.getSessions()) {
            if (other != session && other.isSameGroupAs(session) && Objects.equals(oldStarts.get(other.getId()), from)) {
                mates.add(other.getId());
            }
        }
        return mates;
    }

    /**
     * "its old start breaks no hard rule but costs more: Lift on easy day +60 (moving costs 25)"; what moving costs is
     * the session's Plan stability match in the new plan (none when it is unscheduled now, or the rule is off).
     */
    private String costlier(ScoreAnalysis<HardMediumSoftScore> atOld, Map<String, Integer> softNow, Integer movingCost) {
        List<String> parts = new ArrayList<>();
        softCosts(atOld).forEach((rule, cost) -> {
            int more = cost - softNow.getOrDefault(rule, 0);
            if (more > 0 && !rule.equals(Rule.PLAN_STABILITY.ruleName())) {
                parts.add(rule + " +" + more);
            }
        });
        String moving = movingCost == null ? "" : " (moving costs " + movingCost + ")";
        return parts.isEmpty()
                ? "its old start breaks no hard rule; the solver moved it" + moving
                : "its old start breaks no hard rule but costs more: " + String.join(", ", parts) + moving;
    }

    /** "Rule: reason" of every hard match (naming {@code sessionId} when given) -> the other sessions it names. */
    private static Map<String, Set<String>> hardMatches(ScoreAnalysis<HardMediumSoftScore> analysis, String sessionId) {
        Map<String, Set<String>> matches = new LinkedHashMap<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : sortedByName(analysis)) {
            List<Reason> reasons = new ArrayList<>();
            for (MatchAnalysis<HardMediumSoftScore> match : constraint.matches()) {
                if (match.score().hardScore() < 0 && match.justification() instanceof Reason reason
                        && (sessionId == null || reason.sessionIds().contains(sessionId))) {
                    reasons.add(reason);
                }
            }
            reasons.sort(Comparator.naturalOrder());
            for (Reason reason : reasons) {
                Set<String> others = new TreeSet<>(reason.sessionIds());
                if (sessionId != null) {
                    others.remove(sessionId);
                }
                matches.put(constraint.constraintRef().constraintName() + ": " + reason.text(), others);
            }
        }
        return matches;
    }

    /** The session ids named by the plan's Quality gap matches -> those matches' reasons. */
    private static Map<String, List<String>> longGaps(ScoreAnalysis<HardMediumSoftScore> analysis) {
        Map<String, List<String>> matches = new LinkedHashMap<>();
        for (Reason.QualityGap gap : justifications(analysis, Reason.QualityGap.class)) {
            for (String id : gap.sessionIds()) {
                matches.computeIfAbsent(id, k -> new ArrayList<>()).add(gap.text());
            }
        }
        matches.values().forEach(texts -> texts.sort(Comparator.naturalOrder()));
        return matches;
    }

    /** Every match of {@code analysis} justified by a record of type {@code kind}. */
    private static <R extends Reason> List<R> justifications(ScoreAnalysis<HardMediumSoftScore> analysis, Class<R> kind) {
        List<R> found = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : analysis.constraintMap().values()) {
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftScore> match : constraint.matches()) {
                if (kind.isInstance(match.justification())) {
                    found.add(kind.cast(match.justification()));
                }
            }
        }
        return found;
    }

    /**
     * Why a quality session now sits further from its neighbour than usual: after a missed session the recovery
     * minimum is kept and the gap stretches (soft Quality gap) rather than the session being dropped.
     */
    private static String longGapNote(Collection<String> texts) {
        return texts == null || texts.isEmpty() ? ""
                : "; a longer gap than usual (Quality gap: " + String.join("; ", texts)
                        + "): recovery between quality sessions comes first";
    }

    /** The long gaps between the quality sessions of {@code session}'s athlete: a missed one leaves such a hole. */
    private Set<String> athleteGaps(Map<String, List<String>> longGaps, Session session) {
        Set<String> texts = new TreeSet<>();
        for (Session other : solved.getSessions()) {
            if (other.getAthlete() == session.getAthlete() && longGaps.containsKey(other.getId())) {
                texts.addAll(longGaps.get(other.getId()));
            }
        }
        return texts;
    }

    private static Map<String, Integer> softCosts(ScoreAnalysis<HardMediumSoftScore> analysis) {
        Map<String, Integer> costs = new LinkedHashMap<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : sortedByName(analysis)) {
            costs.put(constraint.constraintRef().constraintName(), -constraint.score().softScore());
        }
        return costs;
    }

    /** In the order of docs/rules.md, so that reasons read the same way on every run. */
    private static List<ConstraintAnalysis<HardMediumSoftScore>> sortedByName(ScoreAnalysis<HardMediumSoftScore> analysis) {
        List<ConstraintAnalysis<HardMediumSoftScore>> constraints = new ArrayList<>(analysis.constraintMap().values());
        constraints.sort(Comparator.comparingInt(c -> Rule.byName(c.constraintRef().constraintName())
                .map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
        return constraints;
    }

    private static Integer startOf(Session session) {
        return session.isScheduled() ? session.getStart() : null;
    }

    private static Change change(Session session, Change.Why why, Integer from, Integer to, String reason) {
        return new Change(session.getId(), session.getAthlete().id(), why, from, to, reason);
    }
}
