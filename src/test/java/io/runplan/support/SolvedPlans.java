package io.runplan.support;

import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Solved plan files to re-plan, solved once per test run (seed 0, a move limit, so the same plan on every machine)
 * and shared by the tests that start from them.
 */
public final class SolvedPlans {

    /** Enough for the club week to settle: re-planning a plan still far from its best would also move sessions to
     * improve it, which is not what re-planning tests look at. (Moves count the construction's too: the club week's
     * last better plan comes before 30,000, the same plan as 40,000 gives, in a third of the time.) */
    public static final long MOVES = 30_000L;
    private static final Map<String, Path> SOLVED = new HashMap<>();

    private SolvedPlans() {
    }

    /** {@code datasets/NAME.json} or a test plan path, solved and written to a temporary file. */
    public static synchronized Path of(String file) {
        return SOLVED.computeIfAbsent(file, SolvedPlans::solve);
    }

    private static Path solve(String file) {
        PlanFile input = new PlanReader().read(Path.of(file));
        TrainingPlan solved = PlanSolver.solve(PlanSolver.withMoveLimit(PlanSolver.defaultConfig(), MOVES),
                StartSlots.assign(input.plan()), best -> { });
        PlanWriter writer = new PlanWriter();
        try {
            Path directory = Files.createTempDirectory("runplan-solved");
            directory.toFile().deleteOnExit();
            Path target = directory.resolve(Path.of(file).getFileName().toString().replace(".json", ".solved.json"));
            writer.write(writer.toDocument(input, solved, PlanReport.of(solved)), target);
            target.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
