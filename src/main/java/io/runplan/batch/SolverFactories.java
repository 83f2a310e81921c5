package io.runplan.batch;

import ai.timefold.solver.core.api.solver.SolverFactory;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanSolver;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One solver factory (or anything built from one) per distinct solver configuration. A plan's configuration depends
 * on its size ({@link PlanSolver#forPlan} scales the search's stop rule; {@link Limits#configKey} says what of it), so
 * a folder of one-runner weeks shares one factory and a folder of clubs a few; building one compiles the constraints,
 * which is worth doing once. Not thread-safe: one per thread (batch's main thread, a Spark partition).
 */
public final class SolverFactories<T> {

    private final Map<Object, T> built = new HashMap<>();
    private final Function<SolverFactory<TrainingPlan>, T> build;

    private SolverFactories(Function<SolverFactory<TrainingPlan>, T> build) {
        this.build = build;
    }

    /** Plain factories (a Spark partition builds a solver per plan from them). */
    public static SolverFactories<SolverFactory<TrainingPlan>> plain() {
        return new SolverFactories<>(Function.identity());
    }

    /** Something built from each factory once, such as a SolverManager. */
    public static <T> SolverFactories<T> of(Function<SolverFactory<TrainingPlan>, T> build) {
        return new SolverFactories<>(build);
    }

    /** The one for {@code plan} solved within {@code limits}, built on first use. */
    public T forPlan(Limits limits, TrainingPlan plan) {
        return built.computeIfAbsent(limits.configKey(plan),
                key -> build.apply(PlanSolver.solverFactory(limits.configFor(plan))));
    }

    public Iterable<T> all() {
        return built.values();
    }
}
