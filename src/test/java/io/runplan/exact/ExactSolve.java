package io.runplan.exact;

import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ExactSolve PLAN.json --seconds N [--workers K] [--seed S] [--deterministic D] [--params TEXT] [--log]
 * --out SOLVED.json}:
 * solves a plan file with the exact reference ({@link ExactSolver}), writes the solved plan with runplan's own writer
 * and prints one line {@code EXACT status=... objective=... medium=.. soft=.. bound=.. seconds=..}, then runplan's
 * score of the same assignment and the soft part per rule. Test scope: see docs/exact-reference.md.
 */
public final class ExactSolve {

    private ExactSolve() {
    }

    public static void main(String[] args) {
        Path plan = null;
        Path out = null;
        double seconds = 120;
        double deterministic = 0;
        int workers = 2;
        long seed = 0;
        boolean log = false;
        String parameters = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--deterministic" -> deterministic = Double.parseDouble(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--log" -> log = true;
                case "--params" -> parameters = args[++i];
                default -> {
                    if (args[i].startsWith("--") || plan != null) {
                        usage("unknown argument " + args[i]);
                    }
                    plan = Path.of(args[i]);
                }
            }
        }
        if (plan == null) {
            usage("no plan file");
        }
        PlanFile input = new PlanReader().read(plan);
        TrainingPlan training = StartSlots.assign(input.plan());
        var limit = new ExactSolver.Limit(Duration.ofMillis(Math.round(seconds * 1000)), deterministic)
                .withParameters(parameters);
        ExactSolver.Result result = ExactSolver.solve(input, limit, workers, seed, log);
        System.out.printf(Locale.ROOT, "EXACT status=%s objective=%d medium=%d soft=%d bound=%d seconds=%.1f%n",
                result.status(), result.objective(), result.medium(), result.soft(), result.bound(), result.seconds());
        if (!result.brokenByPins().isEmpty()) {
            System.out.println("No plan without a broken hard rule: pinned sessions break one on their own: "
                    + String.join(", ", result.brokenByPins()));
        }
        if (!result.hasSolution()) {
            System.exit(1);
        }
        StringBuilder rules = new StringBuilder("SOFT");
        result.softByRule().forEach((rule, value) -> {
            if (value != 0) {
                rules.append(" '").append(rule).append("'=").append(value);
            }
        });
        System.out.println(rules);
        PlanReport report = PlanReport.of(training);
        System.out.println("RUNPLAN score=" + report.score());
        if (out != null) {
            PlanWriter writer = new PlanWriter();
            writer.write(writer.toDocument(input, training, report, out), out);
            System.out.println("Wrote " + out);
        }
        System.exit(0);
    }

    private static void usage(String problem) {
        System.err.println("ExactSolve: " + problem + "\nusage: ExactSolve PLAN.json --seconds N [--workers K] [--seed S]"
                + " [--deterministic D] [--params 'CP-SAT parameters, text format'] [--log] --out SOLVED.json");
        System.exit(2);
    }
}
