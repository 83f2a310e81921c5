package io.runplan.exact;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact model scores any plan it admits exactly as runplan's constraint streams do, not only its optimum: every
 * auxiliary variable is defined both ways. Solved briefly under random objectives (and under "the worst soft"), on
 * plans and rule variants that make every soft rule count somewhere, each answer must be 0 hard for runplan with the
 * model's medium and soft, rule by rule. And the model admits every plan runplan finds legal: a plan from runplan's
 * own search, fixed in the model, is feasible there with the same score.
 */
@Execution(ExecutionMode.CONCURRENT) // computation only (no time limit, no port): beside other classes
@Order(1) // long and single-method: started first, not left alone at the end
class ExactModelAgreementTest {

    private static final List<String> SOURCES = List.of(
            "src/test/resources/plans/format-example.json",
            "src/test/resources/plans/missed-tuesday.json",
            "src/test/resources/plans/mini-club.json",
            "datasets/office-worker-week.json",
            "datasets/calendar-week.json",
            "datasets/shift-nurse-4-weeks.json");

    /** Rule and weight changes that reach the readings the defaults leave alone. */
    static final List<String> VARIANTS = List.of(
            "{}",
            "{\"rules\": {\"allowLiftRightAfterQuality\": true, \"visitGapMinutes\": 45, \"liftSpacingDays\": 0,"
                    + " \"qualitySpacingDays\": {\"min\": 1, \"max\": 2}, \"runsPerDay\": 2, \"restDaysPerWeek\": 2,"
                    + " \"liftsPerWeek\": {\"min\": 3, \"max\": 4}},"
                    + " \"weights\": {\"Lift on easy day\": 45, \"Gym time\": 2, \"Coach time\": 3}}",
            "{\"rules\": {\"qualitySpacingDays\": {\"min\": 0, \"max\": 1}, \"liftSpacingDays\": 1,"
                    + " \"liftGapAfterQualityHours\": 2.5}}");

    /** Small enough for a brief search to find answers under any objective. */
    private static final int SEARCHED_SOURCES = 3;
    private static final int SEEDS = 2;
    /** Random subsets of each legal plan runplan finds (dropping sessions never breaks a hard rule). */
    private static final int SUBSETS = 2;

    @Test
    void theModelScoresEveryPlanItAdmitsAsRunplanDoesAndAdmitsEveryLegalPlan() throws IOException {
        List<String> disagreements = new ArrayList<>();
        Set<String> softRulesSeen = new TreeSet<>();
        int searched = 0;
        int answers = 0;
        int legalPlans = 0;
        for (int s = 0; s < SOURCES.size(); s++) {
            String source = SOURCES.get(s);
            for (int v = 0; v < VARIANTS.size(); v++) {
                // 1. The model's own answers under random objectives (seed 0: the worst soft there is) are legal
                // for runplan and score the same, rule by rule.
                for (int seed = 0; s < SEARCHED_SOURCES && seed < SEEDS; seed++) {
                    TrainingPlan plan = read(source, VARIANTS.get(v));
                    ExactModel exact = new ExactModel(plan);
                    Random random = new Random(seed * 31L + v);
                    LinearExprBuilder objective = LinearExpr.newBuilder();
                    if (seed == 0) {
                        objective.addTerm(exact.soft(), -1);
                    }
                    for (ExactModel.Unit unit : exact.units) {
                        for (BoolVar var : unit.placed) {
                            objective.addTerm(var, random.nextInt(101) - 50);
                        }
                        objective.addTerm(unit.unscheduled, random.nextInt(60) - 45);
                    }
                    exact.model.minimize(objective);
                    hintNothingPlaced(exact);
                    searched++;
                    String label = source + " variant " + v + " seed " + seed;
                    answers += check(label, plan, exact, disagreements, softRulesSeen) ? 1 : 0;
                }
                // 2. A legal plan of runplan's own search, and random subsets of it, fixed in the model: admitted,
                // with the same score.
                TrainingPlan plan = read(source, VARIANTS.get(v));
                var config = PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), 3_000).withRandomSeed(7L);
                TrainingPlan solved = PlanSolver.solve(config, plan, best -> { });
                if (!PlanSolver.solutionManager().update(solved).isFeasible()) {
                    continue;
                }
                legalPlans++;
                Random random = new Random(v * 131L + s);
                for (int subset = 0; subset <= SUBSETS; subset++) {
                    if (subset > 0) {
                        for (Session session : solved.getSessions()) {
                            if (!session.isPinned() && random.nextInt(4) == 0) {
                                session.setStartSlot(null);
                            }
                        }
                    }
                    ExactModel exact = new ExactModel(solved);
                    fix(exact);
                    exact.model.minimize(exact.soft());
                    String label = source + " variant " + v + " runplan's plan" + (subset > 0 ? ", subset " + subset : "");
                    if (!check(label, solved, exact, disagreements, softRulesSeen)) {
                        disagreements.add(label + ": the model refuses a plan runplan finds legal");
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(answers).isGreaterThanOrEqualTo(searched * 2 / 3);
        assertThat(legalPlans).isGreaterThanOrEqualTo(SOURCES.size() * VARIANTS.size() / 2);
        // The comparison means something only if every soft rule costs somewhere.
        assertThat(softRulesSeen).containsExactlyInAnyOrder("Gym time", "Lift on easy day", "Rest day",
                "Preferred time", "Coach time", "Plan stability", "Quality gap", "Missing lift");
    }

    /**
     * Solves briefly; when there is an answer, sets it on the plan and compares runplan's score with the model's.
     * False when there is no answer.
     */
    private static boolean check(String label, TrainingPlan plan, ExactModel exact, List<String> disagreements,
            Set<String> softRulesSeen) {
        CpSolver solver = quickSolver(0);
        CpSolverStatus status = solver.solve(exact.model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return false;
        }
        exact.apply(exact.answer(solver));
        Map<String, Long> model = new TreeMap<>();
        exact.softByRule.forEach((rule, expr) -> {
            long value = solver.value(expr);
            if (value != 0) {
                model.put(rule, value);
                softRulesSeen.add(rule);
            }
        });
        compare(label, plan, solver.value(exact.medium), model, disagreements);
        return true;
    }

    /** A first answer for any objective: every session out but the pinned ones. */
    private static void hintNothingPlaced(ExactModel exact) {
        for (ExactModel.Unit unit : exact.units) {
            boolean pinned = unit.kind().isPinned();
            for (BoolVar var : unit.placed) {
                exact.model.addHint(var, pinned);
            }
            exact.model.addHint(unit.unscheduled, pinned ? 0 : unit.count());
        }
    }

    /** Fixes every start boolean to the plan's current starts. */
    private static void fix(ExactModel exact) {
        for (ExactModel.Unit unit : exact.units) {
            List<Integer> current = unit.sessions.stream().filter(Session::isScheduled).map(Session::getStart).toList();
            for (int k = 0; k < unit.starts.size(); k++) {
                exact.model.addEquality(unit.placed.get(k), current.contains(unit.starts.get(k).start()) ? 1 : 0);
            }
            exact.model.addEquality(unit.unscheduled, unit.count() - current.size());
        }
    }

    private static void compare(String label, TrainingPlan plan, long medium, Map<String, Long> model,
            List<String> disagreements) {
        PlanReport report = PlanReport.of(plan);
        HardMediumSoftScore score = report.score();
        Map<String, Long> runplan = new TreeMap<>();
        report.rules().forEach(rule -> {
            if (rule.score().softScore() != 0) {
                runplan.put(rule.rule().ruleName(), (long) -rule.score().softScore());
            }
        });
        long soft = model.values().stream().mapToLong(Long::longValue).sum();
        if (score.hardScore() != 0 || -score.mediumScore() != medium || -score.softScore() != soft
                || !runplan.equals(model)) {
            disagreements.add(label + ": runplan " + score + " " + runplan + ", model " + medium + " medium " + model
                    + (score.hardScore() != 0 ? " broken: " + report.rules().stream()
                            .filter(rule -> rule.score().hardScore() != 0)
                            .map(rule -> rule.reasons().toString()).toList() : ""));
        }
    }

    private static CpSolver quickSolver(int seed) {
        ExactSolver.loadNativeLibraries();
        CpSolver solver = new CpSolver();
        if (Boolean.getBoolean("exact.log")) {
            solver.getParameters().setLogSearchProgress(true).setLogToStdout(false);
            solver.setLogCallback(System.err::println);
        }
        solver.getParameters().setNumWorkers(1).setRandomSeed(seed).setMaxDeterministicTime(2.0)
                .setMaxTimeInSeconds(20);
        return solver;
    }

    /** Reads a plan file with {@code variant}'s "rules" and "weights" merged in. */
    static TrainingPlan read(String source, String variant) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(Files.readString(Path.of(source)));
        ObjectNode changes = (ObjectNode) mapper.readTree(variant);
        for (String field : List.of("rules", "weights")) {
            if (changes.has(field)) {
                ObjectNode target = root.has(field) ? (ObjectNode) root.get(field) : root.putObject(field);
                target.setAll((ObjectNode) changes.get(field));
            }
        }
        PlanFile file = new PlanReader().read(Path.of(source), root);
        return StartSlots.assign(file.plan());
    }
}
