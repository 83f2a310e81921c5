package io.runplan.solver;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a plan legal before it is written: when a search stops (time limit, Ctrl-C) with a hard rule broken that no
 * pinned session breaks by itself, the fewest sessions it can find are unscheduled instead. Unscheduling never breaks
 * a hard rule (docs/rules.md), so a legal plan always exists unless pins break one; a runner gets "this session did not
 * fit" rather than a plan that breaks a rule.
 */
public final class LegalPlan {

    /** A session taken out of the plan: where it was, and the hard rules it broke there. */
    public record Unscheduled(String sessionId, String wasAt, String brokenRules) {

        /** "at Tue 24 Nov 17:00 it broke Recovery gap: ...; so it was left out": the start of its unscheduled reason. */
        public String describe() {
            return "the search stopped with it at " + wasAt + " breaking a hard rule (" + brokenRules
                    + "), so it was left out to keep the plan legal";
        }
    }

    private LegalPlan() {
    }

    /**
     * Unschedules, one at a time, the unpinned session named in the most hard matches (ties: the larger hard penalty,
     * then the later id), until no hard match names an unpinned session; then puts back every session whose old start
     * breaks nothing any more, so no session is taken out that need not be. Changes {@code plan} in place.
     */
    public static List<Unscheduled> repair(SolutionManager<TrainingPlan, HardMediumSoftScore> manager, TrainingPlan plan) {
        HardMediumSoftScore score = manager.update(plan);
        if (score.hardScore() >= 0) {
            return List.of();
        }
        Map<String, Session> byId = new HashMap<>();
        plan.getSessions().forEach(session -> byId.put(session.getId(), session));
        Map<Session, TimeSlot> taken = new LinkedHashMap<>();
        Map<Session, String> brokenRules = new LinkedHashMap<>();
        while (true) {
            ScoreAnalysis<HardMediumSoftScore> analysis = manager.analyze(plan, ScoreAnalysisFetchPolicy.FETCH_ALL);
            if (analysis.score().hardScore() >= 0) {
                break;
            }
            Map<Session, Blame> blame = blame(analysis, byId);
            Session worst = blame.entrySet().stream()
                    .max(Comparator.comparing((Map.Entry<Session, Blame> e) -> e.getValue().matches)
                            .thenComparing(e -> e.getValue().hard)
                            .thenComparing(e -> e.getKey().getId()))
                    .map(Map.Entry::getKey).orElse(null);
            if (worst == null) {
                break; // what is left broken, pinned sessions break by themselves
            }
            taken.put(worst, worst.getStartSlot());
            brokenRules.put(worst, String.join("; ", blame.get(worst).texts));
            worst.setStartSlot(null);
        }
        // Put back what can go back: a session taken out early may have been freed by a later removal.
        int hard = manager.update(plan).hardScore();
        List<Session> order = new ArrayList<>(taken.keySet());
        for (int i = order.size() - 1; i >= 0; i--) {
            Session session = order.get(i);
            session.setStartSlot(taken.get(session));
            int withIt = manager.update(plan).hardScore();
            if (withIt < hard) {
                session.setStartSlot(null);
            } else {
                taken.remove(session);
            }
        }
        manager.update(plan);
        List<Unscheduled> unscheduled = new ArrayList<>();
        taken.keySet().stream().sorted(Comparator.comparing(Session::getId))
                .forEach(session -> unscheduled.add(new Unscheduled(session.getId(), taken.get(session).label(),
                        brokenRules.get(session))));
        return List.copyOf(unscheduled);
    }

    /** How many hard matches, and how much hard penalty, name each unpinned scheduled session. */
    private static Map<Session, Blame> blame(ScoreAnalysis<HardMediumSoftScore> analysis, Map<String, Session> byId) {
        Map<Session, Blame> blame = new HashMap<>();
        analysis.constraintMap().values().forEach(constraint -> constraint.matches().forEach(match -> {
            if (match.score().hardScore() < 0 && match.justification() instanceof Reason reason) {
                for (String id : reason.sessionIds()) {
                    Session session = byId.get(id);
                    if (session != null && session.isScheduled() && !session.isPinned()) {
                        Blame b = blame.computeIfAbsent(session, s -> new Blame());
                        b.matches++;
                        b.hard += -match.score().hardScore();
                        b.texts.add(constraint.constraintRef().constraintName() + ": " + reason.text());
                    }
                }
            }
        }));
        return blame;
    }

    private static final class Blame {
        int matches;
        long hard;
        final Set<String> texts = new TreeSet<>();
    }
}
