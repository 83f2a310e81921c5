package io.runplan.exact;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.PastSession;
import io.runplan.domain.Rule;
import io.runplan.domain.Rules;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The CP-SAT model of every rule of DOMAIN.md for one plan: hard rules as constraints (a session may stay
 * unscheduled), the medium (unscheduled sessions) and the soft penalty per rule as linear expressions. Every
 * auxiliary variable is defined exactly, so any solution's objective is its true score, not only the optimum's.
 *
 * <p>Interchangeable sessions (one athlete, same type, minutes, place, coach and starts; no pin, no previous start)
 * are placed as one {@link Unit}: one boolean per candidate start, as many true as sessions placed. A plan that
 * differs only in which of two identical sessions sits where scores the same, so the search sees each plan once.
 * docs/exact-reference.md says how each rule is encoded.
 */
final class ExactModel {

    /** Soft weights of rules this version of runplan may not know yet (DOMAIN.md's defaults). */
    private static final Map<String, Integer> DOMAIN_DEFAULT_WEIGHTS = Map.of("Quality gap", 120, "Missing lift", 120);

    /** Interchangeable sessions placed together. */
    static final class Unit {
        final List<Session> sessions = new ArrayList<>();
        final List<TimeSlot> starts;
        final List<BoolVar> placed = new ArrayList<>();
        /** Sessions of the unit left unscheduled (a boolean for a single session). */
        IntVar unscheduled;
        /** day[d]: the unit has a start on day d; null when it cannot. */
        Literal[] day;
        /** The start booleans per day. */
        final List<List<BoolVar>> byDay = new ArrayList<>();

        Unit(Session first, List<TimeSlot> starts) {
            sessions.add(first);
            this.starts = starts;
        }

        Session kind() {
            return sessions.get(0);
        }

        int count() {
            return sessions.size();
        }
    }

    final CpModel model;
    final TrainingPlan plan;
    final List<Unit> units = new ArrayList<>();
    /** Pinned sessions whose own start breaks a rule of one session (busy time, windows, hours): no 0-hard plan. */
    final List<String> brokenByPins = new ArrayList<>();
    final LinearExprBuilder medium = LinearExpr.newBuilder();
    /** Sessions that have no usable start at all: the least medium any plan has. */
    long forcedOut;
    /** The soft penalty per rule name (already weighted); their sum is the soft score. */
    final Map<String, LinearExprBuilder> softByRule = new LinkedHashMap<>();

    private final Horizon horizon;
    private final int days;

    ExactModel(TrainingPlan plan) {
        ExactSolver.loadNativeLibraries();
        this.model = new CpModel();
        this.plan = plan;
        this.horizon = plan.getHorizon();
        this.days = horizon.days();
        for (Rule rule : Rule.values()) {
            if (rule.level() == Rule.Level.SOFT) {
                softByRule.put(rule.ruleName(), LinearExpr.newBuilder());
            }
        }
        DOMAIN_DEFAULT_WEIGHTS.keySet().forEach(name -> softByRule.putIfAbsent(name, LinearExpr.newBuilder()));
        createUnits();
        for (Athlete athlete : plan.getAthletes()) {
            new AthleteRules(athlete).build();
        }
        for (Coach coach : plan.getCoaches()) {
            coachRules(coach);
        }
    }

    /** The soft score: the sum of every rule's part. */
    LinearExpr soft() {
        LinearExprBuilder total = LinearExpr.newBuilder();
        softByRule.values().forEach(total::add);
        return total.build();
    }

    /** The weight of a soft rule by its DOMAIN.md name, as the plan file sets it. */
    int weight(String ruleName) {
        return Rule.byName(ruleName)
                .map(rule -> plan.getWeights().of(rule))
                .orElseGet(() -> Objects.requireNonNull(DOMAIN_DEFAULT_WEIGHTS.get(ruleName), ruleName));
    }

    // ************************************************************************ variables

    private void createUnits() {
        Map<String, Unit> byKind = new LinkedHashMap<>();
        List<Session> sessions = new ArrayList<>(plan.getSessions());
        sessions.sort(Comparator.comparingInt(Session::getIdRank));
        for (Session session : sessions) {
            List<TimeSlot> usable = new ArrayList<>();
            if (session.isPinned()) {
                usable.add(session.getStartSlot());
                if (!isUsable(session, session.getStartSlot())) {
                    brokenByPins.add(session.describeWithEnd());
                }
            } else {
                for (TimeSlot slot : session.getPossibleStarts()) {
                    // The value range keeps a start the file gives even where it breaks a one-session rule.
                    if (isUsable(session, slot)) {
                        usable.add(slot);
                    }
                }
            }
            usable.sort(Comparator.comparingInt(TimeSlot::start));
            if (usable.isEmpty()) {
                forcedOut++;
            }
            if (session.isPinned() || session.getPreviousStart() != null) {
                units.add(new Unit(session, usable));
                continue;
            }
            String kind = session.getAthlete().id() + "|" + session.getType() + "|" + session.getMinutes() + "|"
                    + session.getLocation() + "|" + (session.getCoach() == null ? "" : session.getCoach().id()) + "|"
                    + usable.stream().map(slot -> String.valueOf(slot.start())).collect(Collectors.joining(","));
            Unit unit = byKind.get(kind);
            if (unit == null) {
                unit = new Unit(session, usable);
                byKind.put(kind, unit);
                units.add(unit);
            } else {
                unit.sessions.add(session);
            }
        }
        for (Unit unit : units) {
            createVariables(unit);
        }
    }

    private void createVariables(Unit unit) {
        Session kind = unit.kind();
        int weightPreferred = weight("Preferred time");
        int weightStability = weight("Plan stability");
        for (int d = 0; d < days; d++) {
            unit.byDay.add(new ArrayList<>());
        }
        long[] preferred = new long[unit.starts.size()];
        long[] stability = new long[unit.starts.size()];
        for (int k = 0; k < unit.starts.size(); k++) {
            TimeSlot slot = unit.starts.get(k);
            BoolVar var = model.newBoolVar(kind.getId() + "@" + slot.start());
            unit.placed.add(var);
            if (slot.day() >= 0 && slot.day() < days) {
                unit.byDay.get(slot.day()).add(var);
            }
            if (kind.getAthlete().missesPreferredTime(kind.getType(), slot.dayOfWeek(), slot.minuteOfDay())) {
                preferred[k] = weightPreferred;
            }
            if (kind.getPreviousStart() != null && kind.getPreviousStart() != slot.start()) {
                stability[k] = (long) weightStability * (10 + Math.abs(slot.start() - kind.getPreviousStart()));
            }
        }
        if (unit.count() == 1) {
            BoolVar none = model.newBoolVar(kind.getId() + "@none");
            List<Literal> exactlyOne = new ArrayList<>(unit.placed);
            exactlyOne.add(none);
            model.addExactlyOne(exactlyOne);
            unit.unscheduled = none;
            if (kind.isPinned()) {
                model.addEquality(unit.placed.get(0), 1);
            }
        } else {
            IntVar none = model.newIntVar(0, unit.count(), kind.getId() + "@none");
            model.addEquality(sum(unit.placed).add(none), unit.count());
            unit.unscheduled = none;
        }
        medium.add(unit.unscheduled);
        perStartCost(unit, "Preferred time", preferred);
        perStartCost(unit, "Plan stability", stability);
        unit.day = new Literal[days];
        for (int d = 0; d < days; d++) {
            List<BoolVar> onThatDay = unit.byDay.get(d);
            if (onThatDay.size() == 1) {
                unit.day[d] = onThatDay.get(0);
            } else if (onThatDay.size() > 1 && unit.count() == 1) {
                BoolVar day = model.newBoolVar(kind.getId() + "@day" + d);
                model.addEquality(sum(onThatDay), day);
                unit.day[d] = day;
            } else if (onThatDay.size() > 1) {
                unit.day[d] = or(new ArrayList<>(onThatDay), kind.getId() + "@day" + d);
            }
        }
    }

    /**
     * A cost per start, written as what every start costs at least, per placed session (placed = count -
     * unscheduled: a constant once the medium is fixed), plus each start's extra: the core-based search then need
     * not discover the least part start by start.
     */
    private void perStartCost(Unit unit, String rule, long[] costs) {
        if (costs.length == 0) {
            return;
        }
        long least = Long.MAX_VALUE;
        for (long cost : costs) {
            least = Math.min(least, cost);
        }
        if (least > 0) {
            soft(rule).add(least * unit.count()).addTerm(unit.unscheduled, -least);
        }
        for (int k = 0; k < costs.length; k++) {
            if (costs[k] > least) {
                soft(rule).addTerm(unit.placed.get(k), costs[k] - least);
            }
        }
    }

    /**
     * Whether a start breaks none of the hard rules that depend on the session alone: horizon and grain, day
     * window (never past midnight), busy time, coach available, facility hours, session dates.
     */
    private boolean isUsable(Session session, TimeSlot slot) {
        if (session.getDates() != null && !session.getDates().contains(slot.day())) {
            return false;
        }
        int start = slot.start();
        int end = start + session.getMinutes();
        if (!horizon.contains(start) || !horizon.isOnGrain(start)
                || slot.minuteOfDay() + session.getMinutes() > Minutes.PER_DAY) {
            return false;
        }
        Athlete athlete = session.getAthlete();
        if (athlete.day().minutesOutside(slot.minuteOfDay(), session.getMinutes()) > 0
                || overlapsAny(athlete.busy(), start, end)) {
            return false;
        }
        Coach coach = session.getCoach();
        if (coach != null && (coach.day().minutesOutside(slot.minuteOfDay(), session.getMinutes()) > 0
                || overlapsAny(coach.busy(), start, end))) {
            return false;
        }
        return session.getFacility() == null
                || session.getFacility().isOpenFor(slot.dayOfWeek(), slot.minuteOfDay(), session.getMinutes());
    }

    private static boolean overlapsAny(List<BusyBlock> blocks, int start, int end) {
        for (BusyBlock block : blocks) {
            if (block.getStart() < end && start < block.getEnd()) {
                return true;
            }
        }
        return false;
    }

    private LinearExprBuilder soft(String ruleName) {
        return softByRule.get(ruleName);
    }

    // ************************************************************************ hints and answers

    /** Hints the starts the plan's sessions already have (a solved file, pins). */
    void hintCurrentStarts() {
        for (Unit unit : units) {
            Set<Integer> current = new HashSet<>();
            unit.sessions.forEach(session -> {
                if (session.getStartSlot() != null) {
                    current.add(session.getStartSlot().start());
                }
            });
            for (int k = 0; k < unit.starts.size(); k++) {
                if (current.contains(unit.starts.get(k).start())) {
                    model.addHint(unit.placed.get(k), true);
                }
            }
        }
    }

    /** The start booleans of a solution, per unit. */
    boolean[][] answer(CpSolver solver) {
        boolean[][] values = new boolean[units.size()][];
        for (int u = 0; u < values.length; u++) {
            List<BoolVar> vars = units.get(u).placed;
            values[u] = new boolean[vars.size()];
            for (int k = 0; k < vars.size(); k++) {
                values[u][k] = solver.booleanValue(vars.get(k));
            }
        }
        return values;
    }

    /** Replaces the hints with a full solution's start booleans. */
    void hint(boolean[][] values) {
        model.clearHints();
        for (int u = 0; u < values.length; u++) {
            Unit unit = units.get(u);
            int placed = 0;
            for (int k = 0; k < values[u].length; k++) {
                model.addHint(unit.placed.get(k), values[u][k]);
                placed += values[u][k] ? 1 : 0;
            }
            model.addHint(unit.unscheduled, unit.count() - placed);
        }
    }

    /** Sets each session's start from a solution: a unit's starts, in time order, to its sessions in id order. */
    void apply(boolean[][] values) {
        for (int u = 0; u < values.length; u++) {
            Unit unit = units.get(u);
            List<TimeSlot> chosen = new ArrayList<>();
            for (int k = 0; k < values[u].length; k++) {
                if (values[u][k]) {
                    chosen.add(unit.starts.get(k));
                }
            }
            for (int s = 0; s < unit.count(); s++) {
                unit.sessions.get(s).setStartSlot(s < chosen.size() ? chosen.get(s) : null);
            }
        }
    }

    // ************************************************************************ helpers

    private static LinearExprBuilder sum(List<? extends LinearArgument> terms) {
        LinearExprBuilder sum = LinearExpr.newBuilder();
        terms.forEach(sum::add);
        return sum;
    }

    /** A literal true exactly when one of {@code literals} is (null when the list is empty: always false). */
    private Literal or(List<Literal> literals, String name) {
        if (literals.isEmpty()) {
            return null;
        }
        if (literals.size() == 1) {
            return literals.get(0);
        }
        BoolVar any = model.newBoolVar(name);
        for (Literal literal : literals) {
            model.addImplication(literal, any);
        }
        List<Literal> clause = new ArrayList<>(literals);
        clause.add(any.not());
        model.addBoolOr(clause);
        return any;
    }

    /**
     * Costs {@code cost} when every literal of {@code all} is true and none of {@code none} is (null entries of
     * {@code none} are false): a new boolean equal to that conjunction.
     */
    private void penalizeWhen(List<Literal> all, List<Literal> none, long cost, String rule, String name) {
        List<Literal> negatives = none.stream().filter(Objects::nonNull).toList();
        if (cost == 0) {
            return;
        }
        if (all.size() == 1 && negatives.isEmpty()) {
            soft(rule).addTerm(all.get(0), cost);
            return;
        }
        BoolVar z = model.newBoolVar(name);
        List<Literal> clause = new ArrayList<>();
        for (Literal literal : all) {
            model.addImplication(z, literal);
            clause.add(literal.not());
        }
        for (Literal literal : negatives) {
            model.addImplication(z, literal.not());
            clause.add(literal);
        }
        clause.add(z);
        model.addBoolOr(clause);
        soft(rule).addTerm(z, cost);
    }

    /** A new variable equal to max(0, {@code expression}), in [0, {@code upper}]. */
    private IntVar positivePart(LinearArgument expression, long upper, String name) {
        IntVar part = model.newIntVar(0, upper, name);
        model.addMaxEquality(part, new LinearArgument[] {expression, LinearExpr.constant(0)});
        return part;
    }

    private static List<Literal> present(Literal... literals) {
        List<Literal> list = new ArrayList<>(literals.length);
        for (Literal literal : literals) {
            if (literal != null) {
                list.add(literal);
            }
        }
        return list;
    }

    /** Per unit, lazily: from[k] = the unit has a start on candidate k's day at candidate k or later. */
    private final Map<Unit, Literal[]> suffixes = new HashMap<>();

    private Literal fromOnDay(Unit unit, int k) {
        return suffixes.computeIfAbsent(unit, u -> {
            Literal[] suffix = new Literal[u.starts.size()];
            for (int j = u.starts.size() - 1; j >= 0; j--) {
                boolean lastOfDay = j == u.starts.size() - 1 || u.starts.get(j + 1).day() != u.starts.get(j).day();
                suffix[j] = lastOfDay ? u.placed.get(j)
                        : or(List.of(u.placed.get(j), suffix[j + 1]), u.kind().getId() + "-from" + u.starts.get(j).start());
            }
            return suffix;
        })[k];
    }

    // ************************************************************************ athlete rules

    /** The rules of one athlete's sessions: overlap, same-day and day-sequence rules, weeks, gym visits. */
    private final class AthleteRules {

        private final Athlete athlete;
        private final Rules rules;
        private final List<Unit> mine;
        /** quality[d]: a quality session on day d (null: none can be). */
        private final Literal[] quality;

        AthleteRules(Athlete athlete) {
            this.athlete = athlete;
            this.rules = athlete.rules();
            this.mine = units.stream().filter(unit -> unit.kind().getAthlete() == athlete).toList();
            this.quality = new Literal[days];
        }

        /** Literals whose sum is the number of the athlete's sessions of {@code which} on {@code day}. */
        private List<Literal> counted(int day, Predicate<Session> which) {
            List<Literal> literals = new ArrayList<>();
            if (day < 0 || day >= days) {
                return literals;
            }
            for (Unit unit : mine) {
                if (which.test(unit.kind()) && unit.day[day] != null) {
                    if (unit.count() == 1) {
                        literals.add(unit.day[day]);
                    } else {
                        literals.addAll(unit.byDay.get(day));
                    }
                }
            }
            return literals;
        }

        /** Literals, one per unit, true when a session of {@code which} of that unit is on {@code day}. */
        private List<Literal> any(int day, Predicate<Session> which) {
            List<Literal> literals = new ArrayList<>();
            if (day < 0 || day >= days) {
                return literals;
            }
            for (Unit unit : mine) {
                if (which.test(unit.kind()) && unit.day[day] != null) {
                    literals.add(unit.day[day]);
                }
            }
            return literals;
        }

        void build() {
            for (int d = 0; d < days; d++) {
                quality[d] = or(any(d, Session::isQuality), athlete.id() + "-quality-day" + d);
            }
            sessionOverlap();
            perDayCounts();
            liftsAndQuality();
            if (rules.qualitySpacingMin() > 0) {
                atMostOnePerWindow(Session::isQuality, rules.qualitySpacingMin(), athlete.lastQualityInHistory());
            }
            if (rules.liftSpacingDays() > 0) {
                atMostOnePerWindow(Session::isLift, rules.liftSpacingDays(), athlete.lastLiftInHistory());
            }
            qualityGap();
            weeks();
            liftOnEasyDay();
            gymTime();
        }

        /** Session overlap: at every start point, at most one of the athlete's (session, start) covering it. */
        private void sessionOverlap() {
            List<Interval> intervals = new ArrayList<>();
            for (Unit unit : mine) {
                for (int k = 0; k < unit.starts.size(); k++) {
                    int start = unit.starts.get(k).start();
                    intervals.add(new Interval(unit.placed.get(k), start, start + unit.kind().getMinutes()));
                }
            }
            coverAtMostOne(intervals);
        }

        /** One run a day, One of a kind a day. */
        private void perDayCounts() {
            for (int d = 0; d < days; d++) {
                List<Literal> runs = counted(d, Session::isRun);
                if (runs.size() > rules.runsPerDay()) {
                    model.addLessOrEqual(sum(runs), rules.runsPerDay());
                }
                for (SessionType type : SessionType.values()) {
                    if (type.isOneADay()) {
                        List<Literal> ofType = counted(d, s -> s.getType() == type);
                        if (ofType.size() > 1) {
                            model.addAtMostOne(ofType);
                        }
                    }
                }
            }
        }

        /** No lift before quality, Recovery gap (same day) and No lift the day before quality. */
        private void liftsAndQuality() {
            for (Unit lifts : mine) {
                if (!lifts.kind().isLift()) {
                    continue;
                }
                for (int d = 0; d + 1 < days; d++) {
                    if (lifts.day[d] != null && quality[d + 1] != null) {
                        model.addBoolOr(List.of(lifts.day[d].not(), quality[d + 1].not()));
                    }
                }
                for (Unit workouts : mine) {
                    if (workouts.kind().isQuality()) {
                        liftAfterQuality(lifts, workouts);
                    }
                }
            }
        }

        private void liftAfterQuality(Unit lifts, Unit workouts) {
            int workoutMinutes = workouts.kind().getMinutes();
            Map<Integer, List<Integer>> workoutsByDay = new TreeMap<>();
            for (int b = 0; b < workouts.starts.size(); b++) {
                workoutsByDay.computeIfAbsent(workouts.starts.get(b).day(), k -> new ArrayList<>()).add(b);
            }
            for (int a = 0; a < lifts.starts.size(); a++) {
                TimeSlot liftAt = lifts.starts.get(a);
                List<Integer> sameDay = workoutsByDay.getOrDefault(liftAt.day(), List.of());
                boolean[] conflicts = new boolean[sameDay.size()];
                for (int j = 0; j < sameDay.size(); j++) {
                    int after = liftAt.start() - (workouts.starts.get(sameDay.get(j)).start() + workoutMinutes);
                    conflicts[j] = after < 0 || rules.recoveryGapShortfall(after) > 0;
                }
                // The conflicting starts are a suffix of the day's (the later the workout, the worse): one clause
                // with "a workout starts at this one or later that day"; any others (the right-after exception)
                // pairwise.
                int suffix = sameDay.size();
                while (suffix > 0 && conflicts[suffix - 1]) {
                    suffix--;
                }
                Literal lift = lifts.placed.get(a);
                if (suffix < sameDay.size()) {
                    model.addBoolOr(List.of(lift.not(), fromOnDay(workouts, sameDay.get(suffix)).not()));
                }
                for (int j = 0; j < suffix; j++) {
                    if (conflicts[j]) {
                        model.addBoolOr(List.of(lift.not(), workouts.placed.get(sameDay.get(j)).not()));
                    }
                }
            }
        }

        /**
         * Quality spacing and Lift spacing: consecutive sessions (history's last one included) at least
         * {@code window} days apart, that is any two of them: at most one in any {@code window} consecutive days.
         */
        private void atMostOnePerWindow(Predicate<Session> which, int window, PastSession last) {
            for (int d = 0; d < days; d++) {
                List<Literal> inWindow = new ArrayList<>();
                for (int k = d; k < Math.min(days, d + window); k++) {
                    inWindow.addAll(counted(k, which));
                }
                if (inWindow.size() > 1) {
                    model.addAtMostOne(inWindow);
                }
            }
            if (last != null) {
                for (int d = 0; d < Math.min(days, last.day() + window); d++) {
                    for (Literal literal : counted(d, which)) {
                        model.addEquality(literal, 0);
                    }
                }
            }
        }

        /**
         * Quality gap: for consecutive quality days d1 < d2 (history's last one included), W x (d2 - d1 - max)^+ is W
         * per day e in [d1 + max + 1, d2], that is per day e with no quality day in [e - max, e - 1], one before
         * e - max and one at or after e.
         */
        private void qualityGap() {
            int weight = weight("Quality gap");
            int max = rules.qualitySpacingMax();
            if (weight == 0) {
                return;
            }
            PastSession last = athlete.lastQualityInHistory();
            // atOrAfter[e]: a quality day in [e, days); before[t]: one in [0, t] (without history)
            Literal[] atOrAfter = new Literal[days + 1];
            for (int e = days - 1; e >= 0; e--) {
                atOrAfter[e] = or(present(quality[e], atOrAfter[e + 1]), athlete.id() + "-quality-from" + e);
            }
            Literal[] before = new Literal[days];
            if (last == null) {
                for (int t = 0; t < days; t++) {
                    before[t] = or(present(quality[t], t > 0 ? before[t - 1] : null), athlete.id() + "-quality-to" + t);
                }
            }
            // With history, e starts at last + max + 1 (maybe before day 0); the window [e - max, e - 1] then holds
            // no history day, and "one before e - max" is the history's last one.
            int first = last != null ? last.day() + max + 1 : max + 1;
            for (int e = first; e < days; e++) {
                Literal later = atOrAfter[Math.max(e, 0)];
                if (later == null) {
                    continue;
                }
                List<Literal> all = new ArrayList<>();
                all.add(later);
                if (last == null) {
                    Literal earlier = before[e - max - 1];
                    if (earlier == null) {
                        continue;
                    }
                    all.add(earlier);
                }
                List<Literal> none = new ArrayList<>();
                for (int k = Math.max(0, e - max); k <= e - 1; k++) {
                    none.add(quality[k]);
                }
                penalizeWhen(all, none, weight, "Quality gap", athlete.id() + "-quality-gap" + e);
            }
        }

        /** Lifts per week (hard max), Missing lift (soft min), Rest day, per full week. */
        private void weeks() {
            int weightMissing = weight("Missing lift");
            int weightRest = weight("Rest day");
            for (int w = 0; w < horizon.fullWeeks(); w++) {
                List<Literal> lifts = new ArrayList<>();
                for (int d = 7 * w; d < 7 * w + 7; d++) {
                    lifts.addAll(counted(d, Session::isLift));
                }
                if (lifts.size() > rules.liftsPerWeekMax()) {
                    model.addLessOrEqual(sum(lifts), rules.liftsPerWeekMax());
                }
                int min = rules.liftsPerWeekMin();
                if (weightMissing > 0 && min > 0) {
                    IntVar missing = positivePart(LinearExpr.newBuilder().add(min).addTerm(sum(lifts), -1), min,
                            athlete.id() + "-missing-lifts-w" + w);
                    soft("Missing lift").addTerm(missing, weightMissing);
                }
                int rest = rules.restDaysPerWeek();
                if (weightRest > 0 && rest > 0) {
                    List<Literal> trainingDays = new ArrayList<>();
                    for (int d = 7 * w; d < 7 * w + 7; d++) {
                        Literal trains = or(any(d, s -> s.getType() != SessionType.CORE), athlete.id() + "-trains-day" + d);
                        if (trains != null) {
                            trainingDays.add(trains);
                        }
                    }
                    if (rest > 7 - trainingDays.size()) {
                        // rest days missing = max(0, rest - (7 - training days))
                        IntVar missing = positivePart(LinearExpr.newBuilder().add(rest - 7).add(sum(trainingDays)),
                                rest, athlete.id() + "-missing-rest-w" + w);
                        soft("Rest day").addTerm(missing, weightRest);
                    }
                }
            }
        }

        /** W per lift on an easy day: floor(W/2) for it, the rest of W unless the day before is hard. */
        private void liftOnEasyDay() {
            int weight = weight("Lift on easy day");
            if (weight == 0) {
                return;
            }
            int half = weight / 2;
            for (Unit lifts : mine) {
                if (!lifts.kind().isLift()) {
                    continue;
                }
                // A day holds at most one lift when Lift spacing is on: the day literal counts it; else each start.
                boolean perDay = lifts.count() == 1 || rules.liftSpacingDays() > 0;
                for (int d = 0; d < days; d++) {
                    List<? extends Literal> onDay = perDay ? present(lifts.day[d]) : lifts.byDay.get(d);
                    for (Literal lift : onDay) {
                        String name = lifts.kind().getId() + "-easy-day" + d + "-" + lift;
                        penalizeWhen(List.of(lift), present(quality[d]), half, "Lift on easy day", name);
                        if (!(d == 0 && athlete.isHardDayInHistory(-1))) {
                            penalizeWhen(List.of(lift), present(quality[d], d > 0 ? quality[d - 1] : null),
                                    weight - half, "Lift on easy day", name + "-after-easy");
                        }
                    }
                }
            }
        }

        /**
         * Gym time per athlete and day, in terms that never save (the relaxation and the core-based bound stay
         * useful): each gym session costs its minutes; a day with a gym session costs one overhead (its first
         * visit); a later session that starts a new visit (no gym session ends within visitGapMinutes before it)
         * costs another; one that joins the visit before it costs the gap from the last end e to its start r (a
         * session ends at e, this one starts at r, none starts in [e, r)).
         */
        private void gymTime() {
            int weight = weight("Gym time");
            if (weight == 0) {
                return;
            }
            int overhead = athlete.gymVisitOverheadMinutes();
            int visitGap = rules.visitGapMinutes();
            List<Unit> gym = mine.stream().filter(unit -> unit.kind().isAtGym()).toList();
            for (Unit unit : gym) {
                long[] minutes = new long[unit.starts.size()];
                java.util.Arrays.fill(minutes, (long) weight * unit.kind().getMinutes());
                perStartCost(unit, "Gym time", minutes);
            }
            for (int d = 0; d < days; d++) {
                NavigableMap<Integer, List<Literal>> endingAt = new TreeMap<>();
                NavigableMap<Integer, List<Literal>> startingAt = new TreeMap<>();
                for (Unit unit : gym) {
                    for (int k = 0; k < unit.starts.size(); k++) {
                        if (unit.starts.get(k).day() == d) {
                            int start = unit.starts.get(k).start();
                            startingAt.computeIfAbsent(start, t -> new ArrayList<>()).add(unit.placed.get(k));
                            endingAt.computeIfAbsent(start + unit.kind().getMinutes(), t -> new ArrayList<>())
                                    .add(unit.placed.get(k));
                        }
                    }
                }
                if (startingAt.isEmpty()) {
                    continue;
                }
                if (overhead > 0) {
                    Literal gymDay = or(any(d, Session::isAtGym), athlete.id() + "-gym-day" + d);
                    soft("Gym time").addTerm(gymDay, (long) weight * overhead);
                }
                Literal startedBefore = null;
                for (var next : startingAt.entrySet()) {
                    int r = next.getKey();
                    List<Literal> startsHere = next.getValue();
                    // ends e with r - visitGap < e <= r: the visit before continues
                    var joinable = endingAt.subMap(r - visitGap, false, r, true);
                    if (overhead > 0 && startedBefore != null) {
                        // another visit = a session starts here, one started earlier that day, none ends in the window
                        BoolVar another = model.newBoolVar(athlete.id() + "-gym-visit-" + r);
                        LinearExprBuilder lower = LinearExpr.newBuilder().add(another).addTerm(sum(startsHere), -1)
                                .addTerm(startedBefore, -1);
                        model.addLessOrEqual(another, sum(startsHere));
                        model.addImplication(another, startedBefore);
                        for (List<Literal> ends : joinable.values()) {
                            lower.add(sum(ends));
                            model.addLessOrEqual(LinearExpr.newBuilder().add(another).add(sum(ends)), 1);
                        }
                        model.addGreaterOrEqual(lower, -1);
                        soft("Gym time").addTerm(another, (long) weight * overhead);
                    }
                    for (var end : joinable.entrySet()) {
                        int e = end.getKey();
                        if (e == r) {
                            continue;
                        }
                        // joins = a session ends at e, one starts at r, none starts in [e, r)
                        LinearExprBuilder ends = sum(end.getValue());
                        LinearExprBuilder nextStarts = sum(startsHere);
                        List<Literal> between = new ArrayList<>();
                        startingAt.subMap(e, true, r, false).values().forEach(between::addAll);
                        BoolVar joins = model.newBoolVar(athlete.id() + "-gym-join-" + e + "-" + r);
                        LinearExprBuilder lhs = LinearExpr.newBuilder().add(joins).addTerm(ends, -1)
                                .addTerm(nextStarts, -1);
                        between.forEach(lhs::add);
                        model.addGreaterOrEqual(lhs, -1);
                        model.addLessOrEqual(joins, ends);
                        model.addLessOrEqual(joins, nextStarts);
                        for (Literal literal : between) {
                            model.addImplication(joins, literal.not());
                        }
                        soft("Gym time").addTerm(joins, (long) weight * (r - e));
                    }
                    List<Literal> soFar = new ArrayList<>(startsHere);
                    if (startedBefore != null) {
                        soFar.add(startedBefore);
                    }
                    startedBefore = or(soFar, athlete.id() + "-gym-started-by-" + r);
                }
            }
        }
    }

    // ************************************************************************ overlap by start points

    /** A candidate [start, end) that takes place when {@code literal} is true. */
    private record Interval(Literal literal, int start, int end) {
    }

    /**
     * At most one of the candidates covers any start point. Two half-open intervals overlap exactly when one covers
     * the other's start, so the candidate starts are the only points to check.
     */
    private void coverAtMostOne(List<Interval> intervals) {
        NavigableMap<Integer, List<Literal>> covering = new TreeMap<>();
        for (Interval interval : intervals) {
            covering.putIfAbsent(interval.start(), new ArrayList<>());
        }
        for (Interval interval : intervals) {
            for (List<Literal> atPoint : covering.subMap(interval.start(), true, interval.end(), false).values()) {
                atPoint.add(interval.literal());
            }
        }
        // A point whose set is contained in the previous point's adds nothing.
        Set<Literal> previous = Set.of();
        for (List<Literal> atPoint : covering.values()) {
            if (atPoint.size() > 1 && !previous.containsAll(atPoint)) {
                model.addAtMostOne(atPoint);
            }
            previous = new HashSet<>(atPoint);
        }
    }

    // ************************************************************************ coach rules

    /**
     * One group at a time and Coach time: a group is (type, minutes, start); a coach's groups never overlap (two
     * groups at one start overlap too), a group holds at most groupCapacity athletes (one session per athlete, as an
     * athlete's sessions never overlap), and each group costs its minutes.
     */
    private void coachRules(Coach coach) {
        int weight = weight("Coach time");
        Map<String, Map<Integer, List<Literal>>> groups = new LinkedHashMap<>();
        Map<String, Integer> minutesOf = new LinkedHashMap<>();
        for (Unit unit : units) {
            Session kind = unit.kind();
            if (kind.getCoach() != coach) {
                continue;
            }
            String key = kind.getType() + "/" + kind.getMinutes();
            minutesOf.put(key, kind.getMinutes());
            Map<Integer, List<Literal>> byStart = groups.computeIfAbsent(key, k -> new TreeMap<>());
            for (int k = 0; k < unit.starts.size(); k++) {
                byStart.computeIfAbsent(unit.starts.get(k).start(), t -> new ArrayList<>()).add(unit.placed.get(k));
            }
        }
        List<Interval> intervals = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            int minutes = minutesOf.get(entry.getKey());
            for (var atStart : entry.getValue().entrySet()) {
                List<Literal> members = atStart.getValue();
                Literal group = or(members, coach.id() + "-" + entry.getKey() + "@" + atStart.getKey());
                if (members.size() > coach.groupCapacity()) {
                    model.addLessOrEqual(sum(members), coach.groupCapacity());
                }
                if (weight > 0) {
                    soft("Coach time").addTerm(group, (long) weight * minutes);
                }
                intervals.add(new Interval(group, atStart.getKey(), atStart.getKey() + minutes));
            }
        }
        coverAtMostOne(intervals);
    }
}
