package io.runplan.exact;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The CP-SAT model of every rule of DOMAIN.md for one plan: hard rules as constraints (a session may stay
 * unscheduled), the medium (unscheduled sessions) and the soft penalty as two linear expressions. One boolean per
 * (session, candidate start) and one "unscheduled" boolean per session; day indicators derived from them.
 * docs/exact-reference.md says how each rule is encoded.
 */
final class ExactModel {

    /** Soft weights of rules this version of runplan may not know yet (DOMAIN.md's defaults). */
    private static final Map<String, Integer> DOMAIN_DEFAULT_WEIGHTS = Map.of("Quality gap", 120, "Missing lift", 120);

    final CpModel model = new CpModel();
    final TrainingPlan plan;
    final List<Session> sessions;
    /** Per session (index as in {@link #sessions}): its usable starts and their booleans, index-aligned. */
    final List<List<TimeSlot>> starts = new ArrayList<>();
    final List<List<BoolVar>> placed = new ArrayList<>();
    final List<BoolVar> unscheduled = new ArrayList<>();
    /** Pinned sessions whose own start breaks a rule of one session (busy time, windows, hours): no 0-hard plan. */
    final List<String> brokenByPins = new ArrayList<>();
    final LinearExprBuilder medium = LinearExpr.newBuilder();
    /** The soft penalty per rule name (already weighted); their sum is the soft score. */
    final Map<String, LinearExprBuilder> softByRule = new LinkedHashMap<>();

    private final Horizon horizon;
    private final int days;
    /** onDay[i][d]: session i starts on day d (a literal), or null when it has no start that day. */
    private final Literal[][] onDay;

    ExactModel(TrainingPlan plan) {
        this.plan = plan;
        this.sessions = plan.getSessions();
        this.horizon = plan.getHorizon();
        this.days = horizon.days();
        this.onDay = new Literal[sessions.size()][];
        for (Rule rule : Rule.values()) {
            if (rule.level() == Rule.Level.SOFT) {
                softByRule.put(rule.ruleName(), LinearExpr.newBuilder());
            }
        }
        DOMAIN_DEFAULT_WEIGHTS.keySet().forEach(name -> softByRule.putIfAbsent(name, LinearExpr.newBuilder()));
        createStartVariables();
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

    private void createStartVariables() {
        int weightPreferred = weight("Preferred time");
        int weightStability = weight("Plan stability");
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            List<TimeSlot> usable = new ArrayList<>();
            if (session.isPinned()) {
                TimeSlot pinnedAt = session.getStartSlot();
                usable.add(pinnedAt);
                if (!isUsable(session, pinnedAt)) {
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
            List<BoolVar> vars = new ArrayList<>();
            Literal[] dayLiterals = new Literal[this.days];
            List<List<BoolVar>> byDay = new ArrayList<>();
            for (int d = 0; d < this.days; d++) {
                byDay.add(new ArrayList<>());
            }
            for (TimeSlot slot : usable) {
                BoolVar var = model.newBoolVar(session.getId() + "@" + slot.start());
                vars.add(var);
                if (slot.day() >= 0 && slot.day() < this.days) {
                    byDay.get(slot.day()).add(var);
                }
                if (weightPreferred > 0 && session.getAthlete().missesPreferredTime(session.getType(),
                        slot.dayOfWeek(), slot.minuteOfDay())) {
                    soft("Preferred time").addTerm(var, weightPreferred);
                }
                if (weightStability > 0 && session.getPreviousStart() != null
                        && session.getPreviousStart() != slot.start()) {
                    soft("Plan stability").addTerm(var,
                            (long) weightStability * (10 + Math.abs(slot.start() - session.getPreviousStart())));
                }
            }
            BoolVar none = model.newBoolVar(session.getId() + "@none");
            List<Literal> exactlyOne = new ArrayList<>(vars);
            exactlyOne.add(none);
            model.addExactlyOne(exactlyOne);
            if (session.isPinned()) {
                model.addEquality(vars.get(0), 1);
            }
            medium.add(none);
            for (int d = 0; d < this.days; d++) {
                List<BoolVar> onThatDay = byDay.get(d);
                if (onThatDay.size() == 1) {
                    dayLiterals[d] = onThatDay.get(0);
                } else if (onThatDay.size() > 1) {
                    BoolVar day = model.newBoolVar(session.getId() + "@day" + d);
                    model.addEquality(LinearExpr.sum(onThatDay.toArray(new LinearArgument[0])), day);
                    dayLiterals[d] = day;
                }
            }
            starts.add(usable);
            placed.add(vars);
            unscheduled.add(none);
            onDay[i] = dayLiterals;
        }
    }

    /**
     * Whether a start breaks none of the hard rules that depend on the session alone: horizon and grain, day
     * window (never past midnight), busy time, coach available, facility hours.
     */
    private boolean isUsable(Session session, TimeSlot slot) {
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

    // ************************************************************************ helpers

    private static LinearExprBuilder sum(List<? extends Literal> literals) {
        LinearExprBuilder sum = LinearExpr.newBuilder();
        literals.forEach(sum::add);
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
        model.addBoolOr(withNot(literals, any));
        return any;
    }

    private static List<Literal> withNot(List<Literal> literals, Literal target) {
        List<Literal> clause = new ArrayList<>(literals);
        clause.add(target.not());
        return clause;
    }

    /**
     * Costs {@code cost} (> 0) when every literal of {@code all} is true and none of {@code none} is (null entries of
     * {@code none} are false). A new boolean bounded from below only: minimizing keeps it at the conjunction.
     */
    private void penalizeWhen(List<Literal> all, List<Literal> none, long cost, String rule, String name) {
        List<Literal> negatives = none.stream().filter(Objects::nonNull).toList();
        if (cost == 0) {
            return;
        }
        if (all.size() == 1 && negatives.isEmpty()) {
            soft(rule).addTerm((LinearArgument) all.get(0), cost);
            return;
        }
        BoolVar z = model.newBoolVar(name);
        LinearExprBuilder lhs = LinearExpr.newBuilder().add(z);
        negatives.forEach(lhs::add);
        all.forEach(literal -> lhs.addTerm(literal, -1));
        // z + sum(none) - sum(all) >= 1 - |all|
        model.addGreaterOrEqual(lhs, 1 - all.size());
        soft(rule).addTerm(z, cost);
    }

    // ************************************************************************ athlete rules

    /** The rules of one athlete's sessions: overlap, same-day and day-sequence rules, weeks, gym visits. */
    private final class AthleteRules {

        private final Athlete athlete;
        private final Rules rules;
        private final List<Integer> mine = new ArrayList<>();
        /** quality[d]: a quality session on day d (null: none can be). */
        private final Literal[] quality;

        AthleteRules(Athlete athlete) {
            this.athlete = athlete;
            this.rules = athlete.rules();
            for (int i = 0; i < sessions.size(); i++) {
                if (sessions.get(i).getAthlete() == athlete) {
                    mine.add(i);
                }
            }
            this.quality = new Literal[days];
        }

        private List<Literal> dayLiterals(int day, java.util.function.Predicate<Session> which) {
            List<Literal> literals = new ArrayList<>();
            if (day < 0 || day >= days) {
                return literals;
            }
            for (int i : mine) {
                if (which.test(sessions.get(i)) && onDay[i][day] != null) {
                    literals.add(onDay[i][day]);
                }
            }
            return literals;
        }

        void build() {
            for (int d = 0; d < days; d++) {
                quality[d] = or(dayLiterals(d, Session::isQuality), athlete.id() + "-quality-day" + d);
            }
            sessionOverlap();
            perDayCounts();
            liftsAndQuality();
            qualitySpacing();
            qualityGap();
            liftSpacing();
            weeks();
            liftOnEasyDay();
            gymTime();
        }

        /** Session overlap: at every start point, at most one of the athlete's (session, start) covering it. */
        private void sessionOverlap() {
            coverAtMostOne(mine.stream().map(i -> new Occupancy(i, null)).toList());
        }

        /** One run a day, One of a kind a day. */
        private void perDayCounts() {
            for (int d = 0; d < days; d++) {
                List<Literal> runs = dayLiterals(d, Session::isRun);
                if (runs.size() > rules.runsPerDay()) {
                    model.addLessOrEqual(sum(runs), rules.runsPerDay());
                }
                for (SessionType type : SessionType.values()) {
                    if (type.isOneADay()) {
                        List<Literal> ofType = dayLiterals(d, s -> s.getType() == type);
                        if (ofType.size() > 1) {
                            model.addAtMostOne(ofType);
                        }
                    }
                }
            }
        }

        /** No lift before quality, Recovery gap (same day) and No lift the day before quality. */
        private void liftsAndQuality() {
            for (int l : mine) {
                Session lift = sessions.get(l);
                if (!lift.isLift()) {
                    continue;
                }
                for (int d = 0; d + 1 < days; d++) {
                    if (onDay[l][d] != null && quality[d + 1] != null) {
                        model.addBoolOr(List.of(onDay[l][d].not(), quality[d + 1].not()));
                    }
                }
                List<TimeSlot> liftStarts = starts.get(l);
                for (int q : mine) {
                    Session workout = sessions.get(q);
                    if (!workout.isQuality()) {
                        continue;
                    }
                    List<TimeSlot> qualityStarts = starts.get(q);
                    Map<Integer, List<Integer>> qualityByDay = new TreeMap<>();
                    for (int b = 0; b < qualityStarts.size(); b++) {
                        qualityByDay.computeIfAbsent(qualityStarts.get(b).day(), k -> new ArrayList<>()).add(b);
                    }
                    for (int a = 0; a < liftStarts.size(); a++) {
                        TimeSlot liftAt = liftStarts.get(a);
                        List<Literal> conflict = new ArrayList<>();
                        for (int b : qualityByDay.getOrDefault(liftAt.day(), List.of())) {
                            TimeSlot qualityAt = qualityStarts.get(b);
                            int after = liftAt.start() - (qualityAt.start() + workout.getMinutes());
                            if (after < 0 || rules.recoveryGapShortfall(after) > 0) {
                                conflict.add(placed.get(q).get(b));
                            }
                        }
                        if (!conflict.isEmpty()) {
                            conflict.add(placed.get(l).get(a));
                            model.addAtMostOne(conflict);
                        }
                    }
                }
            }
        }

        /**
         * Quality spacing: consecutive quality sessions (history's last one included) at least min days apart, that
         * is any two of them: at most one quality session in any min consecutive days.
         */
        private void qualitySpacing() {
            int min = rules.qualitySpacingMin();
            if (min <= 0) {
                return;
            }
            atMostOnePerWindow(Session::isQuality, min, athlete.lastQualityInHistory());
        }

        private void liftSpacing() {
            int min = rules.liftSpacingDays();
            if (min <= 0) {
                return;
            }
            atMostOnePerWindow(Session::isLift, min, athlete.lastLiftInHistory());
        }

        private void atMostOnePerWindow(java.util.function.Predicate<Session> which, int window, PastSession last) {
            for (int d = 0; d < days; d++) {
                List<Literal> inWindow = new ArrayList<>();
                for (int k = d; k < Math.min(days, d + window); k++) {
                    inWindow.addAll(dayLiterals(k, which));
                }
                if (inWindow.size() > 1) {
                    model.addAtMostOne(inWindow);
                }
            }
            if (last != null) {
                for (int d = 0; d < Math.min(days, last.day() + window); d++) {
                    for (Literal literal : dayLiterals(d, which)) {
                        model.addEquality((LinearArgument) literal, 0);
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
            // atOrAfter[e]: a quality day in [e, days); before[t]: one in [.., t] (horizon days; history apart)
            Literal[] atOrAfter = new Literal[days + 1];
            for (int e = days - 1; e >= 0; e--) {
                atOrAfter[e] = or(nonNull(quality[e], atOrAfter[e + 1]), athlete.id() + "-quality-from" + e);
            }
            Literal[] before = new Literal[days];
            if (last == null) {
                for (int t = 0; t < days; t++) {
                    before[t] = or(nonNull(quality[t], t > 0 ? before[t - 1] : null), athlete.id() + "-quality-to" + t);
                }
            }
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
                boolean historyInWindow = false;
                for (int k = e - max; k <= e - 1; k++) {
                    if (k < 0) {
                        historyInWindow |= last != null && k == last.day();
                    } else {
                        none.add(quality[k]);
                    }
                }
                if (!historyInWindow) {
                    penalizeWhen(all, none, weight, "Quality gap", athlete.id() + "-quality-gap" + e);
                }
            }
        }

        /** Lifts per week (hard max), Missing lift (soft min), Rest day, per full week. */
        private void weeks() {
            int weightMissing = weight("Missing lift");
            int weightRest = weight("Rest day");
            for (int w = 0; w < horizon.fullWeeks(); w++) {
                List<Literal> lifts = new ArrayList<>();
                for (int d = 7 * w; d < 7 * w + 7; d++) {
                    lifts.addAll(dayLiterals(d, Session::isLift));
                }
                if (lifts.size() > rules.liftsPerWeekMax()) {
                    model.addLessOrEqual(sum(lifts), rules.liftsPerWeekMax());
                }
                int min = rules.liftsPerWeekMin();
                if (weightMissing > 0 && min > 0) {
                    IntVar missing = model.newIntVar(0, min, athlete.id() + "-missing-lifts-w" + w);
                    // missing + lifts >= min
                    model.addGreaterOrEqual(sum(lifts).add(missing), min);
                    soft("Missing lift").addTerm(missing, weightMissing);
                }
                int rest = rules.restDaysPerWeek();
                if (weightRest > 0 && rest > 0) {
                    List<Literal> trainingDays = new ArrayList<>();
                    for (int d = 7 * w; d < 7 * w + 7; d++) {
                        List<Literal> training = dayLiterals(d, s -> s.getType() != SessionType.CORE);
                        if (!training.isEmpty()) {
                            // bounded from below only: minimizing keeps it at "a non-core session that day"
                            BoolVar trains = model.newBoolVar(athlete.id() + "-trains-day" + d);
                            training.forEach(literal -> model.addImplication(literal, trains));
                            trainingDays.add(trains);
                        }
                    }
                    int restPossible = 7 - trainingDays.size();
                    if (rest > restPossible) {
                        IntVar missing = model.newIntVar(0, rest, athlete.id() + "-missing-rest-w" + w);
                        // missing >= rest - (7 - trainingDays)
                        model.addGreaterOrEqual(LinearExpr.newBuilder().add(missing).addTerm(sum(trainingDays), -1),
                                rest - 7);
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
            for (int l : mine) {
                if (!sessions.get(l).isLift()) {
                    continue;
                }
                for (int d = 0; d < days; d++) {
                    Literal lift = onDay[l][d];
                    if (lift == null) {
                        continue;
                    }
                    String name = sessions.get(l).getId() + "-easy-day" + d;
                    penalizeWhen(List.of(lift), nonNullOrNone(quality[d]), half, "Lift on easy day", name);
                    boolean hardBefore = d == 0 && athlete.isHardDayInHistory(-1);
                    if (!hardBefore) {
                        List<Literal> none = new ArrayList<>(nonNullOrNone(quality[d]));
                        if (d > 0 && quality[d - 1] != null) {
                            none.add(quality[d - 1]);
                        }
                        penalizeWhen(List.of(lift), none, weight - half, "Lift on easy day", name + "-after-easy");
                    }
                }
            }
        }

        /**
         * Gym time per athlete and day: each gym session costs its minutes plus the overhead; a session that joins
         * the visit before it (it starts less than visitGapMinutes after the last end, with no gym session starting
         * in between) adds the gap and saves the overhead: (gap - overhead) per such (end, start) pair.
         */
        private void gymTime() {
            int weight = weight("Gym time");
            if (weight == 0) {
                return;
            }
            int overhead = athlete.gymVisitOverheadMinutes();
            int visitGap = rules.visitGapMinutes();
            List<Integer> gym = mine.stream().filter(i -> sessions.get(i).isAtGym()).toList();
            for (int i : gym) {
                for (BoolVar var : placed.get(i)) {
                    soft("Gym time").addTerm(var, (long) weight * (sessions.get(i).getMinutes() + overhead));
                }
            }
            if (gym.size() < 2) {
                return;
            }
            for (int d = 0; d < days; d++) {
                NavigableMap<Integer, List<Literal>> endingAt = new TreeMap<>();
                NavigableMap<Integer, List<Literal>> startingAt = new TreeMap<>();
                for (int i : gym) {
                    List<TimeSlot> slots = starts.get(i);
                    for (int k = 0; k < slots.size(); k++) {
                        if (slots.get(k).day() == d) {
                            int start = slots.get(k).start();
                            startingAt.computeIfAbsent(start, t -> new ArrayList<>()).add(placed.get(i).get(k));
                            endingAt.computeIfAbsent(start + sessions.get(i).getMinutes(), t -> new ArrayList<>())
                                    .add(placed.get(i).get(k));
                        }
                    }
                }
                for (var end : endingAt.entrySet()) {
                    int e = end.getKey();
                    for (var next : startingAt.subMap(e, true, e + visitGap, false).entrySet()) {
                        int r = next.getKey();
                        long cost = (long) weight * (r - e - overhead);
                        if (cost == 0) {
                            continue;
                        }
                        LinearExprBuilder ends = sum(end.getValue());
                        LinearExprBuilder nextStarts = sum(next.getValue());
                        List<Literal> between = new ArrayList<>();
                        startingAt.subMap(e, true, r, false).values().forEach(between::addAll);
                        BoolVar joins = model.newBoolVar(athlete.id() + "-gym-join-" + e + "-" + r);
                        if (cost > 0) {
                            // joins >= ends + starts - 1 - between
                            LinearExprBuilder lhs = LinearExpr.newBuilder().add(joins).addTerm(ends, -1)
                                    .addTerm(nextStarts, -1);
                            between.forEach(lhs::add);
                            model.addGreaterOrEqual(lhs, -1);
                        } else {
                            model.addLessOrEqual(joins, ends);
                            model.addLessOrEqual(joins, nextStarts);
                            for (Literal literal : between) {
                                model.addImplication(joins, literal.not());
                            }
                        }
                        soft("Gym time").addTerm(joins, cost);
                    }
                }
            }
        }
    }

    private static List<Literal> nonNull(Literal a, Literal b) {
        List<Literal> list = new ArrayList<>(2);
        if (a != null) {
            list.add(a);
        }
        if (b != null) {
            list.add(b);
        }
        return list;
    }

    private static List<Literal> nonNullOrNone(Literal a) {
        return a == null ? List.of() : List.of(a);
    }

    // ************************************************************************ overlap by start points

    /**
     * An interval candidate: session {@code index} at each of its starts, or (coach groups) a given literal for a
     * given [start, end).
     */
    private record Occupancy(int index, Group group) {
    }

    private record Group(Literal literal, int start, int end) {
    }

    /**
     * At most one of the candidates covers any start point. Two half-open intervals overlap exactly when one covers
     * the other's start, so the candidate starts are the only points to check.
     */
    private void coverAtMostOne(List<Occupancy> occupancies) {
        NavigableMap<Integer, List<Literal>> covering = new TreeMap<>();
        List<int[]> spans = new ArrayList<>();
        List<Literal> literals = new ArrayList<>();
        for (Occupancy occupancy : occupancies) {
            if (occupancy.group() != null) {
                spans.add(new int[] {occupancy.group().start(), occupancy.group().end()});
                literals.add(occupancy.group().literal());
            } else {
                int i = occupancy.index();
                List<TimeSlot> slots = starts.get(i);
                for (int k = 0; k < slots.size(); k++) {
                    spans.add(new int[] {slots.get(k).start(), slots.get(k).start() + sessions.get(i).getMinutes()});
                    literals.add(placed.get(i).get(k));
                }
            }
        }
        for (int[] span : spans) {
            covering.putIfAbsent(span[0], new ArrayList<>());
        }
        for (int k = 0; k < spans.size(); k++) {
            for (List<Literal> atPoint : covering.subMap(spans.get(k)[0], true, spans.get(k)[1], false).values()) {
                atPoint.add(literals.get(k));
            }
        }
        // A point whose set is contained in the next point's adds nothing: skip runs of growing sets cheaply.
        java.util.Set<Literal> previous = java.util.Set.of();
        for (List<Literal> atPoint : covering.values()) {
            if (atPoint.size() > 1 && !previous.containsAll(atPoint)) {
                model.addAtMostOne(atPoint);
            }
            previous = new java.util.HashSet<>(atPoint);
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
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            if (session.getCoach() != coach) {
                continue;
            }
            String key = session.getType() + "/" + session.getMinutes();
            minutesOf.put(key, session.getMinutes());
            Map<Integer, List<Literal>> byStart = groups.computeIfAbsent(key, k -> new TreeMap<>());
            List<TimeSlot> slots = starts.get(i);
            for (int k = 0; k < slots.size(); k++) {
                byStart.computeIfAbsent(slots.get(k).start(), t -> new ArrayList<>()).add(placed.get(i).get(k));
            }
        }
        List<Occupancy> occupancies = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            int minutes = minutesOf.get(entry.getKey());
            for (var atStart : entry.getValue().entrySet()) {
                List<Literal> members = atStart.getValue();
                Literal group = or(members, coach.id() + "-" + entry.getKey() + "@" + atStart.getKey());
                if (members.size() > coach.groupCapacity()) {
                    model.addLessOrEqual(sum(members), coach.groupCapacity());
                }
                if (weight > 0) {
                    soft("Coach time").addTerm((LinearArgument) group, (long) weight * minutes);
                }
                occupancies.add(new Occupancy(-1, new Group(group, atStart.getKey(), atStart.getKey() + minutes)));
            }
        }
        coverAtMostOne(occupancies);
    }
}
