package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.config.util.ConfigUtils;
import io.runplan.domain.TrainingPlan;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Builds solvers from runplan's solver configuration and runs them. */
public final class PlanSolver {

    public static final String CONFIG_RESOURCE = "io/runplan/solver/solverConfig.xml";

    private PlanSolver() {
    }

    /**
     * The default configuration (the benchmark's winner), a new one at every call, so callers may change it: the
     * resource's text unmarshalled with one JAXB context for the JVM, which is cheap. Timefold's own reading builds a
     * JAXB context and validates against its schema each time (done per plan, that made a batch of one-runner weeks
     * spend a quarter of its CPU in the JIT compiler); LimitsTest holds that both read the same configuration.
     * ({@code SolverConfig.copyConfig} is no copy for this: it shares the move selectors, which re-planning extends.)
     */
    public static SolverConfig defaultConfig() {
        try {
            return (SolverConfig) DefaultConfig.JAXB.createUnmarshaller().unmarshal(new StringReader(DefaultConfig.XML));
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot read " + CONFIG_RESOURCE + " again", e);
        }
    }

    private static final class DefaultConfig {
        static final String XML;
        static final JAXBContext JAXB;

        static {
            try (InputStream in = PlanSolver.class.getClassLoader().getResourceAsStream(CONFIG_RESOURCE)) {
                XML = new String(Objects.requireNonNull(in, CONFIG_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
                JAXB = JAXBContext.newInstance(SolverConfig.class);
            } catch (IOException | JAXBException e) {
                throw new IllegalStateException("cannot read " + CONFIG_RESOURCE, e);
            }
        }
    }

    /**
     * Stops after {@code limit} at the latest; the local search stops earlier by itself once it has gone a number of
     * steps without a better plan (solverConfig.xml, scaled by {@link #forPlan}).
     */
    public static SolverConfig withTimeLimit(SolverConfig config, Duration limit) {
        // Timefold takes whole milliseconds only.
        return config.withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMillis(limit.toMillis())));
    }

    /**
     * Hands the solver's seed, environment mode and score settings down to runplan's custom phases (a custom phase
     * named by class sees none of them): the groups' own solvers and the athlete-days search; properties the
     * configuration gives the phase itself still win.
     */
    static SolverConfig withSettingsForGroups(SolverConfig config) {
        if (config.getPhaseConfigList() == null) {
            return config;
        }
        for (int index = 0; index < config.getPhaseConfigList().size(); index++) {
            var phase = config.getPhaseConfigList().get(index);
            if (phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandClassList() != null
                    && custom.getCustomPhaseCommandClassList().size() == 1
                    && custom.getCustomPhaseCommandClassList().get(0) != null
                    && SolverSettingsAware.class.isAssignableFrom(custom.getCustomPhaseCommandClassList().get(0))) {
                var command = ConfigUtils.newInstance(custom, "customPhaseCommandClass",
                        custom.getCustomPhaseCommandClassList().get(0));
                ((SolverSettingsAware) command).adoptSolverSettings(config, index);
                if (custom.getCustomProperties() != null) {
                    ConfigUtils.applyCustomProperties(command, "customPhaseCommandClass", custom.getCustomProperties(),
                            "customProperties");
                }
                custom.setCustomPhaseCommandClassList(null);
                custom.setCustomProperties(null);
                custom.setCustomPhaseCommandList(List.of(command));
            }
        }
        return config;
    }

    /** Scores and explains plans; built once, as building it compiles the constraint streams. */
    public static SolutionManager<TrainingPlan, HardMediumSoftScore> solutionManager() {
        return SharedSolutionManager.INSTANCE;
    }

    private static final class SharedSolutionManager {
        static final SolutionManager<TrainingPlan, HardMediumSoftScore> INSTANCE =
                SolutionManager.create(SolverFactory.create(withoutCustomPhases(defaultConfig())));

        /** Timefold recommends assignments with the first phase, which must be the construction heuristic. */
        private static SolverConfig withoutCustomPhases(SolverConfig config) {
            return config.withPhaseList(config.getPhaseConfigList().stream()
                    .filter(phase -> !(phase instanceof CustomPhaseConfig))
                    .toList());
        }
    }

    /** Stops after exactly {@code moves} moves and no time limit: the same seed then gives the same plan. */
    public static SolverConfig withMoveLimit(SolverConfig config, long moves) {
        return config.withTerminationConfig(new TerminationConfig().withMoveCountLimit(moves));
    }

    /** The plan size the configuration's step counts are given for. */
    static final int SESSIONS_PER_STEP_LIMIT = 100;
    /** Below this many sessions the count goes with the cube of the plan's size, not the square. */
    static final int CUBE_BELOW_SESSIONS = 20;
    /** A small plan gets at least this share of the configured steps. */
    static final int SMALLEST_SHARE = 240;
    /**
     * Plans of up to this many sessions all get the smallest share: (9 / 100)^2 x 9 / 20 < 1 / 240 < (10 / 100)^2 x
     * 10 / 20.
     */
    static final int SMALLEST_SHARE_SESSIONS = 9;

    /**
     * {@code config} with its local search's stop rule (steps without a better plan) scaled to {@code plan}
     * ({@link #scaledSteps}). Counting steps, not seconds, keeps a seeded solve repeatable.
     */
    public static SolverConfig forPlan(SolverConfig config, TrainingPlan plan) {
        if (config.getPhaseConfigList() == null) {
            return config;
        }
        // The groups' phases are the configured ones, each group scaling them to its own size.
        withSettingsForGroups(config);
        int sessions = plan.getSessions().size();
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch && localSearch.getTerminationConfig() != null) {
                localSearch.setTerminationConfig(scaled(localSearch.getTerminationConfig(), sessions));
            }
        }
        return config;
    }

    /**
     * A copy of {@code termination} with each of its step limits, its own and those of the stop rules it combines
     * (solverConfig.xml: one while the plan is complete, a longer one while it is not), scaled to {@code sessions}.
     */
    private static TerminationConfig scaled(TerminationConfig termination, int sessions) {
        TerminationConfig copy = termination.copyConfig();
        if (copy.getUnimprovedStepCountLimit() != null) {
            copy.setUnimprovedStepCountLimit((int) Math.min(Integer.MAX_VALUE,
                    scaledSteps(copy.getUnimprovedStepCountLimit(), sessions)));
        }
        if (copy.getTerminationConfigList() != null) {
            copy.setTerminationConfigList(copy.getTerminationConfigList().stream()
                    .map(child -> scaled(child, sessions)).toList());
        }
        return copy;
    }

    /**
     * What {@link #forPlan} reads of a plan: two plans with the same value get the same configuration (a plan of up to
     * {@value #SMALLEST_SHARE_SESSIONS} sessions gets the smallest share, a bigger one its own count).
     */
    public static int stepScale(TrainingPlan plan) {
        return Math.max(SMALLEST_SHARE_SESSIONS, plan.getSessions().size());
    }

    /**
     * A configured step count (for 100 sessions) scaled to a plan of {@code sessions}: from 100 sessions on in
     * proportion (a move re-plans one athlete's few days, so a bigger plan needs more moves to try each athlete as
     * often); below, in proportion to the square (a smaller plan has fewer athletes and shorter chains: a month of
     * 35-40 sessions needs near two thousand - docs/benchmarks.md, session 20); below 20 sessions, to the cube (a move
     * re-plans most of a one-runner week or fortnight: on 25 tight weeks and 16 tight fortnights, 3 seeds each, the
     * last better plan came by step 21 and 73 - session 29); at least a 240th of it.
     */
    static long scaledSteps(long configured, int sessions) {
        long linear = configured * sessions / SESSIONS_PER_STEP_LIMIT;
        long steps = sessions >= SESSIONS_PER_STEP_LIMIT ? linear : linear * sessions / SESSIONS_PER_STEP_LIMIT;
        if (sessions < CUBE_BELOW_SESSIONS) {
            steps = steps * sessions / CUBE_BELOW_SESSIONS;
        }
        return Math.max(configured / SMALLEST_SHARE, steps);
    }

    /**
     * A factory of solvers for {@code config}, with its settings handed to runplan's custom phases; build it once and
     * reuse it for every plan of the same configuration (batch, Spark: building one compiles the constraints).
     */
    public static SolverFactory<TrainingPlan> solverFactory(SolverConfig config) {
        return SolverFactory.create(withSettingsForGroups(config));
    }

    /**
     * A solver for {@code plan} that reports every new best solution to {@code onBest} and stops once its plan is
     * as good as any can be ({@link #stopAtBound}).
     */
    public static Solver<TrainingPlan> buildSolver(SolverConfig config, TrainingPlan plan, Consumer<TrainingPlan> onBest) {
        Solver<TrainingPlan> solver = solverFactory(config).buildSolver(stopAtBound(config.getTerminationConfig(), plan));
        solver.addEventListener(event -> onBest.accept(event.getNewBestSolution()));
        return solver;
    }

    /** Solves {@code plan} (a working copy is returned), reporting every new best solution to {@code onBest}. */
    public static TrainingPlan solve(SolverConfig config, TrainingPlan plan, Consumer<TrainingPlan> onBest) {
        return buildSolver(forPlan(config, plan), plan, onBest).solve(plan);
    }

    /**
     * The solver's stop rule for {@code plan}: {@code limit} (the configuration's), or as soon as the best plan
     * scores the best any plan of its problem can ({@link SoftBound}): nothing better is left to find, and the plan
     * is the same as the one the search would end with (a best plan is only replaced by a better one). An override,
     * not a change to the configuration, so plans that share a solver factory (batch) each stop at their own bound.
     * A plan that no plan can complete (a session without a possible start) keeps {@code limit} alone.
     */
    public static SolverConfigOverride<TrainingPlan> stopAtBound(TerminationConfig limit, TrainingPlan plan) {
        var override = new SolverConfigOverride<TrainingPlan>();
        var best = SoftBound.bestPossible(plan);
        if (best.isEmpty()) {
            return limit == null ? override : override.withTerminationConfig(limit);
        }
        var atBound = new TerminationConfig().withBestScoreLimit(best.get().toString());
        return override.withTerminationConfig(limit == null ? atBound
                : new TerminationConfig().withTerminationConfigList(List.of(limit.copyConfig(), atBound)));
    }
}
