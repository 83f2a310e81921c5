package io.runplan.batch;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.io.jaxb.SolverConfigIO;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanSolver;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One solver factory (or anything built from one) per distinct solver configuration. A plan's configuration depends
 * on its size ({@link PlanSolver#forPlan} scales the search's stop rule), so a folder of one-runner weeks shares one
 * factory and a folder of clubs a few; building one compiles the constraints, which is worth doing once. Not
 * thread-safe: one per thread (batch's main thread, a Spark partition).
 */
public final class SolverFactories<T> {

    private final Map<String, T> built = new HashMap<>();
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

    /** The one for {@code config}, built on first use. */
    public T forConfig(SolverConfig config) {
        return built.computeIfAbsent(key(config), key -> build.apply(PlanSolver.solverFactory(config)));
    }

    public Iterable<T> all() {
        return built.values();
    }

    /** Two configurations are the same when they read the same as solver XML. */
    static String key(SolverConfig config) {
        StringWriter xml = new StringWriter();
        new SolverConfigIO().write(config, xml);
        return xml.toString();
    }
}
