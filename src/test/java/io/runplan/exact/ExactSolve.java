package io.runplan.exact;

import io.runplan.domain.Session;
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
 * [--athlete ID | --each-athlete]
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
        boolean eachAthlete = false;
        String athlete = null;
        String parameters = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--deterministic" -> deterministic = Double.parseDouble(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--log" -> log = true;
                case "--each-athlete" -> eachAthlete = true;
                case "--athlete" -> athlete = args[++i];
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
        var limit = new ExactSolver.Limit(Duration.ofMillis(Math.round(seconds * 1000)), deterministic)
                .withParameters(parameters);
        if (eachAthlete) {
            eachAthlete(plan, limit, workers, seed);
            System.exit(0);
        }
        PlanFile input = new PlanReader().read(plan);
        TrainingPlan training = StartSlots.assign(input.plan());
        if (athlete != null && pinAllBut(training, athlete) == 0) {
            usage("no session of athlete " + athlete + " in " + plan);
        }
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

    /**
     * For each athlete of a solved plan in turn, the best plan of her sessions with everyone else's fixed at their
     * starts: one line {@code ATHLETE id status=.. given=.. best=.. gain=..} (soft, with 0 medium), then the total gain.
     * Where a search's plan is off the optimum, this says which athletes hold the gap, and so which moves are missing
     * (docs/benchmarks.md, session 24).
     */
    private static void eachAthlete(Path plan, ExactSolver.Limit limit, int workers, long seed) {
        TrainingPlan given = StartSlots.assign(new PlanReader().read(plan).plan());
        var givenScore = PlanReport.of(given).score();
        if (givenScore.hardScore() != 0 || givenScore.mediumScore() != 0) {
            usage("--each-athlete needs a complete plan (0 hard, 0 medium: every session placed); " + plan + " scores "
                    + givenScore);
        }
        long givenSoft = -givenScore.softScore();
        long total = 0;
        for (String athlete : given.getSessions().stream().map(s -> s.getAthlete().id()).distinct().toList()) {
            TrainingPlan alone = StartSlots.assign(new PlanReader().read(plan).plan());
            pinAllBut(alone, athlete);
            ExactSolver.Result result = ExactSolver.solve(alone, limit, workers, seed, false);
            long gain = result.hasSolution() && result.medium() == 0 ? givenSoft - result.soft() : 0;
            total += gain;
            System.out.printf(Locale.ROOT, "ATHLETE %s status=%s given=%d best=%d gain=%d%n", athlete, result.status(),
                    givenSoft, result.soft(), gain);
        }
        System.out.printf(Locale.ROOT, "TOTAL given=%d gain=%d (each athlete alone; the gains need not add up)%n",
                givenSoft, total);
    }

    /** Pins every scheduled session of the other athletes at its start; returns how many sessions {@code athlete} has. */
    private static int pinAllBut(TrainingPlan plan, String athlete) {
        int own = 0;
        for (Session session : plan.getSessions()) {
            if (session.getAthlete().id().equals(athlete)) {
                own++;
            } else if (session.isScheduled()) {
                session.setPinned(true);
            }
        }
        return own;
    }

    private static void usage(String problem) {
        System.err.println("ExactSolve: " + problem + "\nusage: ExactSolve PLAN.json --seconds N [--workers K] [--seed S]"
                + " [--deterministic D] [--params 'CP-SAT parameters, text format'] [--log] --out SOLVED.json"
                + "\n       ExactSolve SOLVED.json --athlete ID ...: her sessions only, the others fixed at their starts"
                + "\n       ExactSolve SOLVED.json --each-athlete --seconds N [--workers K]: each athlete so, in turn");
        System.exit(2);
    }
}
