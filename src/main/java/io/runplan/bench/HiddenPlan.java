package io.runplan.bench;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Rule;
import io.runplan.io.PlanReader;
import io.runplan.solver.PlanReport;
import io.runplan.solver.ReferenceScoreCalculator;
import io.runplan.solver.StartSlots;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The solution a generator builds a plan around: its sessions are written with their starts, the whole is scored by
 * the independent {@link ReferenceScoreCalculator} (0 hard, 0 medium, or the generator has a bug), and only then are
 * the starts taken out of the plan, all but the pinned ones.
 */
final class HiddenPlan {

    private final ObjectNode plan;
    private final LocalDate firstDay;
    private final List<ObjectNode> sessionNodes = new ArrayList<>();

    HiddenPlan(ObjectNode plan) {
        this.plan = plan;
        this.firstDay = LocalDate.parse(plan.get("start").textValue());
    }

    /** Writes the session into the athlete's list with its start; the node is returned for fields the caller adds. */
    ObjectNode add(ObjectNode athlete, HiddenSession session) {
        ObjectNode node = PlanDocument.session(athlete, session.id(), session.type().name(), session.minutes());
        if (session.location() != null) {
            node.put("location", session.location());
        }
        if (session.coach() != null) {
            node.put("coach", session.coach());
        }
        node.put("start", firstDay.atStartOfDay().plusMinutes(session.start()).format(PlanDocument.LOCAL_TIME));
        sessionNodes.add(node);
        return node;
    }

    /** Proves the hidden plan keeps every rule, then returns the plan to solve (starts out) and the hidden plan. */
    GeneratedPlan release() {
        ObjectNode solved = PlanDocument.tidy(plan).deepCopy();
        prove(solved);
        for (ObjectNode node : sessionNodes) {
            if (!node.path("pinned").asBoolean(false)) {
                node.remove("start");
            }
        }
        return new GeneratedPlan(plan, solved);
    }

    private void prove(ObjectNode solved) {
        var read = new PlanReader().read(Path.of(solved.get("name").textValue() + ".json"), solved);
        HardMediumSoftScore score = new ReferenceScoreCalculator().calculateScore(read.plan());
        if (score.hardScore() != 0 || score.mediumScore() != 0) {
            var broken = PlanReport.of(StartSlots.assign(read.plan())).ofLevel(Rule.Level.HARD).stream()
                    .flatMap(rule -> rule.reasons().stream().limit(2).map(r -> rule.rule().ruleName() + ": " + r.text()))
                    .limit(6).toList();
            throw new IllegalStateException("the generator's hidden plan breaks a hard rule (" + score + "), "
                    + sessionNodes.size() + " sessions; this is a bug in the generator: " + broken);
        }
    }
}
