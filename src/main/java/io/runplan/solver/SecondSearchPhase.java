package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import io.runplan.domain.TrainingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A second search of the same plan on a processor the first leaves idle: a plan below {@code maximumSessions} (a big
 * plan's groups use both processors already) is searched by one thread, so right before the local search this phase
 * starts the local search that follows it a second time, on a copy of the plan and with another seed, in the
 * background. The athlete-days moves of the first search take the second's best plan whenever it is better than the
 * best they have seen ({@link AthleteDaysMoveFactory}), as one move: the solver publishes it like any better plan, so
 * progress shows as before. When the first search ends, the second is stopped. Two searches from different seeds fall
 * into the same trap less often than one. (A configuration whose local search has no athlete-days moves takes nothing
 * from the second search, which then ends by the solver's time limit.)
 *
 * <p>Only when the solver stops by the clock (and the machine has two processors or more): which of two searches is
 * ahead at a given step depends on the machine, and a solve stopped by moves must give the same plan everywhere.
 */
public class SecondSearchPhase implements PhaseCommand<TrainingPlan>, SolverSettingsAware {

    /**
     * The second search started on this thread and not yet taken by the first search's moves (their phase starts on
     * the thread this phase ran on, with a working plan Timefold may have copied meanwhile).
     */
    private static final ThreadLocal<SecondSearch> STARTED = new ThreadLocal<>();
    private static final Logger LOG = LoggerFactory.getLogger(SecondSearchPhase.class);
    /**
     * The searches past this phase in this JVM, each counting its threads (1, or 2 with a second search) until it ends
     * or its time limit has passed (a solve stopped before its local search never says it ended).
     */
    private static final Set<SecondSearch> SEARCHING = ConcurrentHashMap.newKeySet();
    /** A search whose solver has no time limit of its own counts this long at most. */
    private static final long LONGEST_MILLIS = TimeUnit.HOURS.toMillis(1);

    private int minimumSessions = 0;
    private int chainLeftOutPercent = 0;
    private int maximumSessions = Integer.MAX_VALUE;
    private boolean incompleteAnySize = false;
    private int incompleteMakeWayPercent = 0;
    private int makeWayPercent = 0;
    /** The solver's settings with the phases after this one; null until adopted (a benchmark adopts the default's). */
    private SolverConfig following;
    /** The solver's time limit (the second search stops by it at the latest), or null. */
    private TerminationConfig clock;
    private boolean stopsByClock = true;

    @Override
    public void adoptSolverSettings(SolverConfig solver, int phaseIndex) {
        following = IndependentGroupsPhase.phasesAfter(solver, phaseIndex);
        TerminationConfig termination = solver.getTerminationConfig();
        stopsByClock = IndependentGroupsPhase.stopsByClock(termination);
        clock = termination == null ? null : termination.copyConfig().withMoveCountLimit(null);
    }

    /**
     * The second search's percent of chain re-layings round a left-out quality session
     * ({@link AthleteDaysMoveFactory#setChainLeftOutPercent}; 0: none): it may differ from the first search, whose
     * plan it can only replace by a better one.
     */
    public void setChainLeftOutPercent(int chainLeftOutPercent) {
        this.chainLeftOutPercent = Math.max(0, Math.min(100, chainLeftOutPercent));
    }

    /** Smaller plans skip this: their search ends within a second or two, and starting a solver costs that much. */
    public void setMinimumSessions(int minimumSessions) {
        this.minimumSessions = minimumSessions;
    }

    /**
     * Plans of this many sessions or more are left to the groups phase, which keeps both processors at work (unless
     * {@link #setIncompleteAnySize}).
     */
    public void setMaximumSessions(int maximumSessions) {
        this.maximumSessions = maximumSessions;
    }

    /**
     * Whether a plan of {@code maximumSessions} or more gets a second search too when it comes here short of complete
     * (a session left out or a hard rule broken): its groups' searches are over then, and the search over the whole
     * plan that must place the rest runs on one processor (measured: tight-40x28 seed 9 kept 3 coached sessions out at
     * 30 s; docs/benchmarks.md, session 24).
     */
    public void setIncompleteAnySize(boolean incompleteAnySize) {
        this.incompleteAnySize = incompleteAnySize;
    }

    /**
     * For a plan of {@code maximumSessions} or more searched a second time ({@link #setIncompleteAnySize}), the percent
     * of its chains round a left-out coached session in which the coach's overlapping groups may make way
     * ({@link AthleteDaysMoveFactory#setChainMakeWayPercent}; a smaller plan's: {@link #setMakeWayPercent}).
     */
    public void setIncompleteMakeWayPercent(int incompleteMakeWayPercent) {
        this.incompleteMakeWayPercent = Math.max(0, Math.min(100, incompleteMakeWayPercent));
    }

    /**
     * For a plan below {@code maximumSessions}, the percent of the second search's chains round a left-out coached
     * session in which the coach's overlapping groups may make way ({@link AthleteDaysMoveFactory#setChainMakeWayPercent};
     * when, and how far, the athlete-days moves' own settings say).
     */
    public void setMakeWayPercent(int makeWayPercent) {
        this.makeWayPercent = Math.max(0, Math.min(100, makeWayPercent));
    }

    @Override
    @SuppressWarnings("unchecked") // Timefold's public ScoreDirector cannot copy the plan; its own one can
    public void changeWorkingSolution(ScoreDirector<TrainingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        TrainingPlan plan = scoreDirector.getWorkingSolution();
        int sessions = plan.getSessions().size();
        if (sessions < minimumSessions || Runtime.getRuntime().availableProcessors() < 2
                || isPhaseTerminated.getAsBoolean()) {
            return;
        }
        if (sessions >= maximumSessions && !(incompleteAnySize && !IndependentGroupsPhase.isComplete(
                ((InnerScoreDirector<TrainingPlan, HardMediumSoftScore>) scoreDirector).calculateScore().raw()))) {
            return;
        }
        if (following == null) {
            SolverConfig defaults = PlanSolver.defaultConfig();
            adoptSolverSettings(defaults, IndependentGroupsPhase.indexOf(defaults, SecondSearchPhase.class));
        }
        if (!stopsByClock || following.getPhaseConfigList().isEmpty()) {
            return;
        }
        SecondSearch stale = STARTED.get();
        if (stale != null) {
            stale.stop(); // started for a search that never got to its local search (stopped before)
        }
        Long limit = clock == null ? null : clock.calculateTimeMillisSpentLimit();
        SecondSearch search = reserve(plan, System.currentTimeMillis() + (limit == null ? LONGEST_MILLIS : limit));
        hold(search);
        if (search.counted == 2) {
            SolverConfig config = secondSearchConfig(plan);
            TrainingPlan copy = ((InnerScoreDirector<TrainingPlan, HardMediumSoftScore>) scoreDirector)
                    .cloneWorkingSolution();
            Thread thread = new Thread(() -> search.solve(config, copy), "runplan-second-search");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * The second search's configuration for {@code plan}: the phases after this one, with another seed, the chains round
     * left-out sessions, and the make-way share of a plan of its size; stopped by the solver's time limit.
     */
    SolverConfig secondSearchConfig(TrainingPlan plan) {
        return IndependentGroupsPhase.secondSearchConfig(PlanSolver.forPlan(following.copyConfig(), plan),
                        chainLeftOutPercent,
                        plan.getSessions().size() >= maximumSessions ? incompleteMakeWayPercent : makeWayPercent)
                .withTerminationConfig(clock == null ? null : clock.copyConfig());
    }

    /**
     * This thread's search, counted among those at work, with a second thread if a processor is left for it: several
     * plans solved at once (batch, Spark, a busy workbench) keep the processors to themselves.
     */
    private static synchronized SecondSearch reserve(TrainingPlan plan, long until) {
        long now = System.currentTimeMillis();
        SEARCHING.removeIf(search -> search.until < now);
        int searching = SEARCHING.stream().mapToInt(search -> search.counted).sum();
        SecondSearch search = new SecondSearch(plan, searching + 2 <= Runtime.getRuntime().availableProcessors() ? 2 : 1,
                until);
        SEARCHING.add(search);
        return search;
    }

    /** Holds {@code search} for the next local search on this thread (this phase; a test). */
    static void hold(SecondSearch search) {
        STARTED.set(search);
    }

    /**
     * The second search this thread started for {@code plan} (a copy of the same problem: the same horizon), no longer
     * held for it; or null.
     */
    static SecondSearch take(TrainingPlan plan) {
        SecondSearch search = STARTED.get();
        STARTED.remove();
        if (search != null && search.horizon != plan.getHorizon()) {
            search.stop();
            return null;
        }
        return search;
    }

    /** A search running in the background; its best plan so far, and a way to stop it. */
    static final class SecondSearch {
        /** The problem's horizon: copies of one plan share it. */
        private final Object horizon;
        /** The threads it counts while it runs: 1, or 2 with a second search. */
        private final int counted;
        /** When the solver's time limit has passed at the latest (System.currentTimeMillis). */
        private final long until;
        private volatile Solver<TrainingPlan> solver;
        private volatile boolean stopped;
        private volatile TrainingPlan best;

        SecondSearch(TrainingPlan plan, int counted, long until) {
            this.horizon = plan.getHorizon();
            this.counted = counted;
            this.until = until;
        }

        private void solve(SolverConfig config, TrainingPlan plan) {
            if (stopped) {
                return;
            }
            try {
                Solver<TrainingPlan> built = SolverFactory.<TrainingPlan>create(config).buildSolver();
                built.addEventListener(event -> {
                    found(event.getNewBestSolution());
                    if (stopped) {
                        built.terminateEarly(); // a stop that came between building and solving
                    }
                });
                solver = built;
                if (!stopped) {
                    built.solve(plan);
                }
            } catch (RuntimeException e) {
                // The first search goes on alone; it is the one whose plan counts.
                LOG.warn("The second search of {} failed: {}", plan.getName(), e.toString());
            }
        }

        /** Its best plan so far (Timefold's copy, never changed after), or null. */
        TrainingPlan best() {
            return best;
        }

        /** Takes {@code plan} as its best so far (its solver's listener; a test). */
        void found(TrainingPlan plan) {
            best = plan;
        }

        /** Ends it (the first search has ended): the second search stops, and the processors count as free. */
        void stop() {
            SEARCHING.remove(this);
            stopped = true;
            Solver<TrainingPlan> running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }
    }
}
