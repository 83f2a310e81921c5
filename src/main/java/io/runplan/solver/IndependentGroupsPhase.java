package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import io.runplan.domain.Athlete;
import io.runplan.domain.Coach;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Solves each group of athletes that no rule ties to another on its own, several at a time, then puts the
 * groups' plans together. Only coaches tie athletes together (one group at a time, coach time); every other
 * rule is about one athlete. So athletes linked through a shared coach form a group, the plan's score is the
 * sum of its groups' scores, and a group's best plan is part of the whole plan's best plan: solving the
 * groups apart loses nothing, and the search spends its moves where they matter instead of spreading them over
 * thousands of sessions. A plan that is one group is left to the phases after this one.
 *
 * <p>Each group is solved by the phases that follow this one in the solver configuration (solverConfig.xml, or the
 * file of {@code --solver-config}; in a benchmark, which hands a custom phase none of its solver's settings, those
 * of runplan's default configuration), with the solver's seed, environment mode and score settings. A group's local
 * search stops after {@code unimprovedStepsPerSession} steps without a better plan per session of the group (at least
 * {@code minimumUnimprovedSteps}), not by the configuration's own stop rule: the groups share the solver's time, and a
 * search as deep as a small plan's would leave the last groups unsolved (measured: 4,718 sessions left out of the
 * generated 200 x 28 at 30 s, session 20); the search after this phase goes deeper over the whole plan. Steps, not
 * time: the result does not depend on how busy the machine is or how many groups run at once.
 *
 * <p>Then, with {@code polishMovesPerSession} above 0 and every group complete (no hard rule broken, no session left
 * out), the groups are polished pass after pass, as many at a time as there are processors, each pass a fixed number of
 * moves per session of a group, as long as a pass gives some group a better plan and the solver runs: the search after
 * this phase would polish the whole plan on one thread, and its Late Acceptance, comparing whole-plan scores, accepts a
 * worse week for one athlete whenever another athlete's got better meanwhile. solverConfig.xml has two such phases, the
 * first searches and then the polishing ({@code firstSearches} false), so that the complete plan is published between.
 *
 * <p>When the solver is stopped (time limit, Ctrl-C), the groups still running stop early and keep what they have.
 */
public class IndependentGroupsPhase implements PhaseCommand<TrainingPlan>, SolverSettingsAware {

    private static final long POLL_MILLIS = 50;
    /** Every hard rule kept and every session placed, whatever the soft score. */
    private static final String COMPLETE = "0hard/0medium/" + Integer.MIN_VALUE + "soft";

    private int threads = Runtime.getRuntime().availableProcessors();
    /** The solver's settings and, as its phases, those that follow this one; null until adopted. */
    private SolverConfig groupConfig;
    private int unimprovedStepsPerSession = 20;
    private int minimumUnimprovedSteps = 2_000;
    /** Smaller plans skip this phase: starting a solver per group costs more than it saves on them. */
    private int minimumSessions = 0;
    /** Whether this phase solves the groups first (else it only polishes them, when the plan is complete). */
    private boolean firstSearches = true;
    /** Moves per session of a group in each polishing pass; 0: no polishing. */
    private int polishMovesPerSession = 0;
    /** The polishing searches' Late Acceptance size; null: the configured one. */
    private Integer polishLateAcceptanceSize;
    /** The polishing searches' share of noisy athlete-days proposals; null: the configured one. */
    private Integer polishNoisyPercent;
    /** Whether the polishing searches' chains count the sessions without room ({@link AthleteDaysMoveFactory}). */
    private boolean polishChainRoom = false;
    private Integer polishShortWeekPercent;
    /** A stuck group's second search: its percent of chain re-layings round a left-out quality session; 0: none. */
    private int rescueChainPercent = 0;
    /** A stuck group's second search: its chains' percent in which the coach's overlapping groups may make way. */
    private int rescueMakeWayPercent = 0;
    /** Whether the solver stops by the clock (else by moves or steps: then its plan must not depend on the machine). */
    private boolean stopsByClock = true;

    /**
     * Solves the groups as {@code solver} says: its seed, environment mode and score settings, and the phases after
     * this one (the one at {@code phaseIndex}), copied before anything scales their stop rules to a plan.
     */
    @Override
    public void adoptSolverSettings(SolverConfig solver, int phaseIndex) {
        groupConfig = phasesAfter(solver, phaseIndex);
        stopsByClock = stopsByClock(solver.getTerminationConfig());
    }

    /**
     * A configuration with {@code solver}'s seed, environment mode and score settings and, as its phases, copies of
     * those after the one at {@code phaseIndex}, without runplan's phases that start solvers of their own (groups,
     * second search): a group, or a second search, is searched by the phases that plan the whole plan.
     */
    static SolverConfig phasesAfter(SolverConfig solver, int phaseIndex) {
        List<PhaseConfig> following = new ArrayList<>();
        List<PhaseConfig> phases = solver.getPhaseConfigList() == null ? List.of() : solver.getPhaseConfigList();
        for (PhaseConfig phase : phases.subList(Math.min(phases.size(), phaseIndex + 1), phases.size())) {
            if (!(phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandClassList() != null
                    && (custom.getCustomPhaseCommandClassList().contains(IndependentGroupsPhase.class)
                            || custom.getCustomPhaseCommandClassList().contains(SecondSearchPhase.class)))) {
                following.add((PhaseConfig) phase.copyConfig());
            }
        }
        return new SolverConfig()
                .withSolutionClass(TrainingPlan.class)
                .withEntityClasses(Session.class)
                .withScoreDirectorFactory(solver.getScoreDirectorFactoryConfig() == null ? null
                        : solver.getScoreDirectorFactoryConfig().copyConfig())
                .withEnvironmentMode(solver.getEnvironmentMode())
                .withRandomSeed(solver.getRandomSeed())
                .withPhaseList(following);
    }

    /** The index of the first custom phase of {@code config} that runs {@code command}; past the last if none does. */
    static int indexOf(SolverConfig config, Class<?> command) {
        List<PhaseConfig> phases = config.getPhaseConfigList() == null ? List.of() : config.getPhaseConfigList();
        for (int index = 0; index < phases.size(); index++) {
            if (phases.get(index) instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandClassList() != null
                    && custom.getCustomPhaseCommandClassList().contains(command)) {
                return index;
            }
        }
        return phases.size();
    }

    /** Whether {@code termination} has a time limit (none at all: runplan's default one, a time limit). */
    static boolean stopsByClock(TerminationConfig termination) {
        return termination == null || termination.getSpentLimit() != null
                || termination.getMillisecondsSpentLimit() != null || termination.getSecondsSpentLimit() != null
                || termination.getMinutesSpentLimit() != null || termination.getHoursSpentLimit() != null
                || termination.getDaysSpentLimit() != null || termination.getUnimprovedSpentLimit() != null
                || termination.getUnimprovedMillisecondsSpentLimit() != null
                || termination.getUnimprovedSecondsSpentLimit() != null
                || termination.getUnimprovedMinutesSpentLimit() != null
                || termination.getUnimprovedHoursSpentLimit() != null
                || termination.getUnimprovedDaysSpentLimit() != null;
    }

    /** How many groups are solved at once (default: one per processor). */
    public void setThreads(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Where no local search phase stops by itself: steps per session of a group without a better plan. */
    public void setUnimprovedStepsPerSession(int unimprovedStepsPerSession) {
        this.unimprovedStepsPerSession = unimprovedStepsPerSession;
    }

    public void setMinimumSessions(int minimumSessions) {
        this.minimumSessions = Math.max(0, minimumSessions);
    }

    public void setMinimumUnimprovedSteps(int minimumUnimprovedSteps) {
        this.minimumUnimprovedSteps = minimumUnimprovedSteps;
    }

    /**
     * False: this phase does not solve the groups, it only polishes them ({@link #setPolishMovesPerSession}), and only
     * when every session of the plan is placed and no hard rule broken. solverConfig.xml puts the polishing in a phase
     * of its own after the first searches: Timefold publishes a better plan when a phase ends, so the plan the first
     * searches make complete is shown (and the benchmark records when it came) before the polishing starts.
     */
    public void setFirstSearches(boolean firstSearches) {
        this.firstSearches = firstSearches;
    }

    /**
     * Once every group is complete (after its first search, or before a phase that only polishes), the groups are
     * searched again, pass after pass, each for this many moves per session of the group, as long as the solver runs
     * and a pass finds some group a better plan (0: no polishing; the search after this phase then polishes the whole
     * plan, on one thread).
     */
    public void setPolishMovesPerSession(int polishMovesPerSession) {
        this.polishMovesPerSession = Math.max(0, polishMovesPerSession);
    }

    /**
     * The Late Acceptance size of the polishing passes' local search (else the configured one). The first search of a
     * group needs a long list to place its last sessions on a tight calendar; polishing a complete group does better
     * with a short one (docs/benchmarks.md, session 22).
     */
    public void setPolishLateAcceptanceSize(int polishLateAcceptanceSize) {
        this.polishLateAcceptanceSize = Math.max(1, polishLateAcceptanceSize);
    }

    /**
     * The polishing searches' percent of athlete-days proposals in which a session may take any start as legal as its
     * best one (else the configured one): the noise helps a small tight plan out of a corner, and costs a complete
     * big group more than it finds (docs/benchmarks.md, session 22).
     */
    public void setPolishNoisyPercent(int polishNoisyPercent) {
        this.polishNoisyPercent = Math.max(0, Math.min(100, polishNoisyPercent));
    }

    /**
     * Whether the polishing searches' chain re-layings rank chains by the sessions left without room on their days
     * ({@link AthleteDaysMoveFactory#setChainRoom}; else by those passed by only).
     */
    public void setPolishChainRoom(boolean polishChainRoom) {
        this.polishChainRoom = polishChainRoom;
    }

    /**
     * The polishing searches' percent of athlete-days proposals that move a lift to spare into a week short of lifts
     * ({@link AthleteDaysMoveFactory#setShortWeekPercent}; else the configured one).
     */
    public void setPolishShortWeekPercent(int polishShortWeekPercent) {
        this.polishShortWeekPercent = Math.max(0, Math.min(100, polishShortWeekPercent));
    }

    /**
     * The percent of a stuck group's second search's chains round a left-out coached session in which the coach's
     * overlapping groups may make way ({@link AthleteDaysMoveFactory#setChainMakeWayPercent}).
     */
    public void setRescueMakeWayPercent(int rescueMakeWayPercent) {
        this.rescueMakeWayPercent = Math.max(0, Math.min(100, rescueMakeWayPercent));
    }

    /**
     * When a processor falls idle while a group's first search is still short of complete (a session left out), that
     * group gets a second search beside the first, from its best plan so far, with another seed and this percent of
     * chain re-layings round a left-out quality session ({@link AthleteDaysMoveFactory#setChainLeftOutPercent}); the
     * first of the two to make the group complete stops the other, and the better plan is taken (0: no second search).
     * Only when the solver stops by the clock: when a processor falls idle depends on the machine, and a solve stopped
     * by moves must give the same plan everywhere.
     */
    public void setRescueChainPercent(int rescueChainPercent) {
        this.rescueChainPercent = Math.max(0, Math.min(100, rescueChainPercent));
    }

    @Override
    @SuppressWarnings("unchecked") // Timefold's public ScoreDirector does not score; its own one does
    public void changeWorkingSolution(ScoreDirector<TrainingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        TrainingPlan plan = scoreDirector.getWorkingSolution();
        List<TrainingPlan> groups = groups(plan);
        if (groups.size() < 2 || plan.getSessions().size() < minimumSessions || isPhaseTerminated.getAsBoolean()) {
            return;
        }
        SolverConfig config = groupSolverConfig();
        if (config.getPhaseConfigList().isEmpty()) {
            return; // no phase follows: nothing to solve the groups with
        }
        if (!firstSearches && !(polishMovesPerSession > 0 && isComplete(
                ((InnerScoreDirector<TrainingPlan, HardMediumSoftScore>) scoreDirector).calculateScore().raw()))) {
            return; // only polishing, and nothing to polish
        }
        SolverFactory<TrainingPlan> solverFactory = SolverFactory.create(config);
        SolverFactory<TrainingPlan> rescueFactory = firstSearches && rescueChainPercent > 0 && stopsByClock
                ? SolverFactory.create(rescueConfig(config)) : null;
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "runplan-group");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HardMediumSoftScore[] scores = new HardMediumSoftScore[groups.size()];
            boolean improved = true;
            boolean complete = true; // a phase that only polishes goes on from a complete plan (above)
            if (firstSearches) {
                improved = pass(scoreDirector, groups, i -> new GroupRun(groups.get(i), solverFactory, 0), executor,
                        isPhaseTerminated, scores, rescueFactory);
                complete = Arrays.stream(scores).allMatch(IndependentGroupsPhase::isComplete);
            }
            // Only once every group is complete: a group its first search left short is left to the search over the
            // whole plan, whose long run places the last sessions of a tight calendar (measured: polishing the other
            // groups until the time was up left 4 sessions of tight-40x28 out, where that search places them).
            if (polishMovesPerSession > 0 && complete) {
                SolverFactory<TrainingPlan> polishFactory = SolverFactory.create(polishConfig(config));
                while (improved && !isPhaseTerminated.getAsBoolean()) {
                    improved = pass(scoreDirector, groups,
                            i -> new GroupRun(groups.get(i), polishFactory, polishMovesPerSession), executor,
                            isPhaseTerminated, scores, null);
                }
            }
        } finally {
            executor.shutdownNow();
        }
        scoreDirector.triggerVariableListeners();
    }

    /**
     * Solves every group once, as many at a time as there are threads, and puts each group's plan into the working
     * solution; {@code scores} holds each group's score so far. With {@code rescueFactory}, a thread left idle takes a
     * second search of a group still short of complete ({@link #setRescueChainPercent}). True if some group got a
     * better plan than it had.
     */
    private boolean pass(ScoreDirector<TrainingPlan> scoreDirector, List<TrainingPlan> groups,
            IntFunction<GroupRun> run, ExecutorService executor, BooleanSupplier isPhaseTerminated,
            HardMediumSoftScore[] scores, SolverFactory<TrainingPlan> rescueFactory) {
        List<GroupRun> runs = IntStream.range(0, groups.size()).mapToObj(run).toList();
        List<Future<TrainingPlan>> results = runs.stream().map(executor::submit).toList();
        GroupRun[] rescues = new GroupRun[runs.size()];
        List<Future<TrainingPlan>> rescueResults = new ArrayList<>(Collections.nCopies(runs.size(), null));
        List<GroupRun> all = new ArrayList<>(runs); // every solve to stop when the phase must end
        boolean[] taken = new boolean[runs.size()];
        boolean improved = false;
        int left = runs.size();
        while (left > 0) {
            int first = 0;
            while (taken[first]) {
                first++;
            }
            await(results.get(first), all, isPhaseTerminated, POLL_MILLIS); // a poll at most; others may end meanwhile
            if (Thread.currentThread().isInterrupted()) {
                return improved;
            }
            for (int i = 0; i < runs.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                if (!results.get(i).isDone()) {
                    Future<TrainingPlan> rescued = rescueResults.get(i);
                    if (rescued != null && rescued.isDone() && isComplete(scoreOf(rescued))) {
                        runs.get(i).stop(); // the second search made the group complete: the first need not go on
                    }
                    continue;
                }
                TrainingPlan result = await(results.get(i), all, isPhaseTerminated, 0);
                if (rescues[i] != null) {
                    rescues[i].stop();
                    TrainingPlan rescued = await(rescueResults.get(i), all, isPhaseTerminated, 0);
                    if (rescued != null && (result == null || rescued.getScore().compareTo(result.getScore()) > 0)) {
                        result = rescued;
                    }
                }
                taken[i] = true;
                left--;
                if (result != null && (scores[i] == null || result.getScore().compareTo(scores[i]) > 0)) {
                    improved = true;
                    scores[i] = result.getScore();
                    apply(scoreDirector, groups.get(i).getSessions(), result.getSessions());
                }
            }
            if (rescueFactory != null && !isPhaseTerminated.getAsBoolean()) {
                // Threads busy: the groups not done yet (some perhaps still waiting for one) and the second searches.
                long busy = IntStream.range(0, runs.size()).filter(i -> !taken[i]).count()
                        + IntStream.range(0, runs.size()).filter(i -> !taken[i] && rescueResults.get(i) != null
                                && !rescueResults.get(i).isDone()).count();
                for (int i = 0; i < runs.size() && busy < threads; i++) {
                    TrainingPlan best = runs.get(i).best;
                    if (!taken[i] && rescues[i] == null && best != null && !isComplete(best.getScore())) {
                        rescues[i] = new GroupRun(best, rescueFactory, 0);
                        all.add(rescues[i]);
                        rescueResults.set(i, executor.submit(rescues[i]));
                        busy++;
                    }
                }
            }
        }
        return improved;
    }

    /** The score of a finished solve's plan (null if it never started or failed). */
    private static HardMediumSoftScore scoreOf(Future<TrainingPlan> finished) {
        try {
            TrainingPlan plan = finished.get();
            return plan == null ? null : plan.getScore();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null; // reported when the group's result is taken
        }
    }

    /** Every hard rule kept and every session placed (null: not solved yet). */
    static boolean isComplete(HardMediumSoftScore score) {
        return score != null && score.hardScore() == 0 && score.mediumScore() == 0;
    }

    /**
     * {@code config} with the polishing searches' settings: their Late Acceptance size, where the local search uses
     * Late Acceptance, and the athlete-days moves' share of noisy proposals, where it uses those moves.
     */
    private SolverConfig polishConfig(SolverConfig config) {
        SolverConfig polish = config.copyConfig();
        for (PhaseConfig<?> phase : polish.getPhaseConfigList()) {
            if (!(phase instanceof LocalSearchPhaseConfig localSearch)) {
                continue;
            }
            if (polishLateAcceptanceSize != null && localSearch.getAcceptorConfig() != null
                    && localSearch.getAcceptorConfig().getLateAcceptanceSize() != null) {
                localSearch.setAcceptorConfig(localSearch.getAcceptorConfig().copyConfig()
                        .withLateAcceptanceSize(polishLateAcceptanceSize));
            }
            Map<String, String> athleteDays = new LinkedHashMap<>();
            if (polishNoisyPercent != null) {
                athleteDays.put("noisyPercent", Integer.toString(polishNoisyPercent));
            }
            if (polishChainRoom) {
                athleteDays.put("chainRoom", "true");
            }
            if (polishShortWeekPercent != null) {
                athleteDays.put("shortWeekPercent", Integer.toString(polishShortWeekPercent));
            }
            if (!athleteDays.isEmpty() && localSearch.getMoveSelectorConfig() != null) {
                var moves = (MoveSelectorConfig<?>) localSearch.getMoveSelectorConfig().copyConfig();
                athleteDays.forEach((name, value) -> withAthleteDaysProperty(moves, name, value));
                localSearch.setMoveSelectorConfig(moves);
            }
        }
        return polish;
    }

    /**
     * {@code config} for a stuck group's second search: another seed, and the athlete-days moves re-lay chains round a
     * left-out quality session ({@link #setRescueChainPercent}).
     */
    private SolverConfig rescueConfig(SolverConfig config) {
        return secondSearchConfig(config, rescueChainPercent, rescueMakeWayPercent);
    }

    /**
     * {@code config} (a copy) for a second search beside the first: the next seed, and {@code chainLeftOutPercent} of the
     * athlete-days moves chains laid round a left-out quality session (none at 0), {@code chainMakeWayPercent} of those
     * round a coached one letting the coach's overlapping groups make way.
     */
    static SolverConfig secondSearchConfig(SolverConfig config, int chainLeftOutPercent, int chainMakeWayPercent) {
        SolverConfig second = config.copyConfig()
                .withRandomSeed((config.getRandomSeed() == null ? 0L : config.getRandomSeed()) + 1);
        for (PhaseConfig<?> phase : second.getPhaseConfigList()) {
            if (chainLeftOutPercent > 0 && phase instanceof LocalSearchPhaseConfig localSearch
                    && localSearch.getMoveSelectorConfig() != null) {
                var moves = (MoveSelectorConfig<?>) localSearch.getMoveSelectorConfig().copyConfig();
                withAthleteDaysProperty(moves, "chainLeftOutPercent", chainLeftOutPercent);
                if (chainMakeWayPercent > 0) {
                    withAthleteDaysProperty(moves, "chainMakeWayPercent", chainMakeWayPercent);
                }
                localSearch.setMoveSelectorConfig(moves);
            }
        }
        return second;
    }

    /** {@code selector} (a copy) with the property {@code name} set to {@code value} in every athlete-days factory. */
    private static MoveSelectorConfig<?> withAthleteDaysProperty(MoveSelectorConfig<?> selector, String name, int value) {
        return withAthleteDaysProperty(selector, name, Integer.toString(value));
    }

    /** {@code selector} (a copy) with the property {@code name} set to {@code value} in every athlete-days factory. */
    static MoveSelectorConfig<?> withAthleteDaysProperty(MoveSelectorConfig<?> selector, String name,
            String value) {
        if (selector instanceof UnionMoveSelectorConfig union && union.getMoveSelectorList() != null) {
            union.getMoveSelectorList().forEach(child -> withAthleteDaysProperty(child, name, value));
        } else if (selector instanceof MoveIteratorFactoryConfig factory
                && AthleteDaysMoveFactory.class.equals(factory.getMoveIteratorFactoryClass())) {
            Map<String, String> properties = factory.getMoveIteratorFactoryCustomProperties() == null ? new HashMap<>()
                    : new HashMap<>(factory.getMoveIteratorFactoryCustomProperties());
            properties.put(name, value);
            factory.setMoveIteratorFactoryCustomProperties(properties);
        }
        return selector;
    }

    /**
     * Waits for one solve, stopping every solve once the phase must end; null if the solve never started, or (with
     * {@code patienceMillis} above 0) if it is still running after that long.
     */
    private static TrainingPlan await(Future<TrainingPlan> result, List<GroupRun> runs, BooleanSupplier isPhaseTerminated,
            long patienceMillis) {
        long waited = 0;
        while (true) {
            if (isPhaseTerminated.getAsBoolean()) {
                // Repeated while waiting: a solver that was just starting may have missed an earlier call.
                runs.forEach(GroupRun::stop);
            }
            try {
                return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                waited += POLL_MILLIS;
                if (patienceMillis > 0 && waited >= patienceMillis) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                runs.forEach(GroupRun::stop);
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException("Solving a group of athletes failed", e.getCause());
            }
        }
    }

    /** Copies a group's solved starts onto the working solution's sessions (same order: the group was cut from it). */
    private static void apply(ScoreDirector<TrainingPlan> scoreDirector, List<Session> working, List<Session> solved) {
        for (int i = 0; i < working.size(); i++) {
            Session session = working.get(i);
            TimeSlot start = solved.get(i).getStartSlot();
            if (session.getStartSlot() != start && !session.isPinned()) {
                StartSlotChange.apply(scoreDirector, session, start);
            }
        }
    }

    /**
     * The configuration the groups are solved with: adopted from the solver, else runplan's default one. Its local
     * search phases lose their own step limit: each group gets its own ({@link #unimprovedSteps}).
     */
    private SolverConfig groupSolverConfig() {
        if (groupConfig == null) {
            SolverConfig defaults = PlanSolver.defaultConfig();
            adoptSolverSettings(defaults, indexOf(defaults, IndependentGroupsPhase.class));
        }
        SolverConfig config = groupConfig.copyConfig();
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch && localSearch.getTerminationConfig() != null) {
                localSearch.setTerminationConfig(withoutStepLimits(localSearch.getTerminationConfig()));
            }
        }
        return config;
    }

    /**
     * A copy of {@code termination} without its step limit and without the stop rules it combines that have one (such
     * a rule may pair the limit with "every session placed", which alone would end a polishing pass at once).
     */
    static TerminationConfig withoutStepLimits(TerminationConfig termination) {
        TerminationConfig copy = termination.copyConfig().withUnimprovedStepCountLimit(null);
        if (copy.getTerminationConfigList() != null) {
            List<TerminationConfig> kept = copy.getTerminationConfigList().stream()
                    .filter(child -> !hasStepLimit(child)).toList();
            copy.setTerminationConfigList(kept.isEmpty() ? null : kept);
        }
        return copy;
    }

    private static boolean hasStepLimit(TerminationConfig termination) {
        return termination.getUnimprovedStepCountLimit() != null || (termination.getTerminationConfigList() != null
                && termination.getTerminationConfigList().stream().anyMatch(IndependentGroupsPhase::hasStepLimit));
    }

    /** A group's steps without a better plan before its search stops. */
    private long unimprovedSteps(TrainingPlan group) {
        return Math.max(minimumUnimprovedSteps, (long) unimprovedStepsPerSession * group.getSessions().size());
    }

    /**
     * The plan cut into groups of athletes linked by shared coaches, largest first (so the long solves start
     * first), each with its athletes' sessions in plan order.
     */
    static List<TrainingPlan> groups(TrainingPlan plan) {
        Map<Object, Object> parent = new IdentityHashMap<>();
        for (Session session : plan.getSessions()) {
            union(parent, session.getAthlete(), session.getCoach() == null ? session.getAthlete() : session.getCoach());
        }
        Map<Object, List<Session>> sessionsByRoot = new LinkedHashMap<>();
        for (Session session : plan.getSessions()) {
            sessionsByRoot.computeIfAbsent(find(parent, session.getAthlete()), root -> new ArrayList<>()).add(session);
        }
        List<TrainingPlan> groups = new ArrayList<>();
        for (List<Session> sessions : sessionsByRoot.values()) {
            List<Athlete> athletes = sessions.stream().map(Session::getAthlete).distinct().toList();
            List<Coach> coaches = sessions.stream().map(Session::getCoach).filter(coach -> coach != null)
                    .distinct().toList();
            groups.add(new TrainingPlan(plan.getName(), plan.getHorizon(), plan.getRules(), plan.getWeights(),
                    plan.getFacilities(), coaches, athletes, sessions));
        }
        groups.forEach(group -> group.setConstraintWeightOverrides(plan.getConstraintWeightOverrides()));
        groups.sort(Comparator.comparingInt((TrainingPlan group) -> group.getSessions().size()).reversed());
        return groups;
    }

    private static Object find(Map<Object, Object> parent, Object node) {
        Object root = node;
        while (parent.getOrDefault(root, root) != root) {
            root = parent.get(root);
        }
        parent.put(node, root);
        return root;
    }

    private static void union(Map<Object, Object> parent, Object a, Object b) {
        Object rootA = find(parent, a);
        Object rootB = find(parent, b);
        if (rootA != rootB) {
            parent.put(rootA, rootB);
        }
    }

    /** One group's solve; its solver is made on its own thread and can be stopped from another. */
    private final class GroupRun implements Callable<TrainingPlan> {
        private final TrainingPlan group;
        private final SolverFactory<TrainingPlan> solverFactory;
        /** A polishing pass's moves per session of the group; 0: the group's first search. */
        private final int movesPerSession;
        private volatile Solver<TrainingPlan> solver;
        private volatile boolean stopped;
        /** The search's best plan so far (Timefold's copy, never changed after), once it has one. */
        private volatile TrainingPlan best;

        GroupRun(TrainingPlan group, SolverFactory<TrainingPlan> solverFactory, int movesPerSession) {
            this.group = group;
            this.solverFactory = solverFactory;
            this.movesPerSession = movesPerSession;
        }

        @Override
        public TrainingPlan call() {
            if (stopped) {
                return null;
            }
            // The first search is done as soon as every session of the group is placed (a big group's search finds a
            // little better plan step after step, and would keep the groups behind it waiting), or after the steps
            // without a better plan; a polishing pass after a number of moves (moves, not steps: the same on any
            // machine, and each group gets its share before the next pass).
            TerminationConfig termination = movesPerSession > 0
                    ? new TerminationConfig().withMoveCountLimit((long) movesPerSession * group.getSessions().size())
                    : new TerminationConfig()
                            .withBestScoreLimit(COMPLETE)
                            .withUnimprovedStepCountLimit((int) Math.min(Integer.MAX_VALUE, unimprovedSteps(group)));
            solver = solverFactory.buildSolver(new SolverConfigOverride<TrainingPlan>()
                    .withTerminationConfig(termination));
            solver.addEventListener(event -> best = event.getNewBestSolution());
            if (stopped) {
                return null;
            }
            return solver.solve(group);
        }

        void stop() {
            stopped = true;
            Solver<TrainingPlan> running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }
    }
}
