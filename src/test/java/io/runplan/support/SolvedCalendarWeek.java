package io.runplan.support;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.solver.PlanReport;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.StartSlots;

import java.nio.file.Path;

/**
 * datasets/calendar-week.json (busy time only from .ics files) solved once per test run, stopping at the first plan
 * with every session placed and no hard rule broken (a fixed seed: the same plan on every machine).
 */
public final class SolvedCalendarWeek {

    public static final Path SOURCE = Path.of("datasets", "calendar-week.json");

    private static PlanFile input;
    private static TrainingPlan solved;
    private static PlanReport report;

    private SolvedCalendarWeek() {
    }

    public static synchronized PlanFile input() {
        solve();
        return input;
    }

    public static synchronized TrainingPlan plan() {
        solve();
        return solved;
    }

    public static synchronized PlanReport report() {
        solve();
        return report;
    }

    private static void solve() {
        if (solved != null) {
            return;
        }
        input = new PlanReader().read(SOURCE);
        solved = PlanSolver.solve(PlanSolver.defaultConfig().withTerminationConfig(new TerminationConfig()
                .withBestScoreLimit("0hard/0medium/" + Integer.MIN_VALUE + "soft")
                .withMoveCountLimit(2_000_000L)), StartSlots.assign(input.plan()), best -> { });
        report = PlanReport.of(solved);
    }
}
