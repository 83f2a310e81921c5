package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import io.runplan.domain.Athlete;
import io.runplan.domain.Minutes;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Large neighbourhood moves: every session of one athlete on a few consecutive days (and her unscheduled sessions)
 * taken out and put back one at a time, each at the start that scores best given the others; or a coach's group with
 * its athletes' sessions of a day or two around it. The proposal is worked out on the plan itself and undone at once;
 * Timefold then scores and accepts or rejects it like any move ({@link SetStartsMove}).
 * <p>
 * On a tight calendar the quality sessions form a chain (Quality spacing, Quality gap) and the lifts hang on it (not
 * the day before, 4 h after, 2 days apart): almost every change of one session breaks a hard rule, so moves of one or
 * two sessions cannot walk from one good week to another. Re-placing a stretch of days at once can. The order of
 * re-placing varies (quality sessions and lifts first, what was left out first, random), and some proposals place by
 * regret (the session with the most to lose first) or take any start as legal as the best, so that the cheapest
 * first session does not always take the day the last one needs.
 */
public class AthleteDaysMoveFactory implements MoveIteratorFactory<TrainingPlan, SetStartsMove> {

    private static final int REGRET_MAXIMUM_SESSIONS = 8;

    private int maximumDays = 7;
    private int orderedPercent = 50;
    private int regretPercent = 30;
    private int noisyPercent = 30;
    private int groupPercent = 25;
    private int homewardPercent = 0;
    private int shiftPercent = 0;

    /** Built once a phase: the sessions never change during one, only their starts. */
    private Context context;

    /** The most consecutive days one move re-plans (a short plan's whole horizon now and then). */
    public void setMaximumDays(int maximumDays) {
        this.maximumDays = Math.max(1, maximumDays);
    }

    /** Percent of moves that re-place in difficulty order (quality, lifts, the rest) rather than at random. */
    public void setOrderedPercent(int orderedPercent) {
        this.orderedPercent = percent(orderedPercent);
    }

    /** Percent of moves that re-place by regret: the session that would lose most by waiting goes first. */
    public void setRegretPercent(int regretPercent) {
        this.regretPercent = percent(regretPercent);
    }

    /** Percent of moves in which a session may take any start as legal as its best one, not the cheapest. */
    public void setNoisyPercent(int noisyPercent) {
        this.noisyPercent = percent(noisyPercent);
    }

    /** Percent of moves that re-plan a coach's group with its athletes' days around it (when there are groups). */
    public void setGroupPercent(int groupPercent) {
        this.groupPercent = percent(groupPercent);
    }

    /**
     * Percent of moves (when an athlete has a session away from its previous start) that re-place that session with
     * the athlete's sessions on its previous start's day and the day around it: the way home for a session a repair
     * pushed away, which a window of consecutive days rarely covers (its day and its old day may be a week apart).
     */
    public void setHomewardPercent(int homewardPercent) {
        this.homewardPercent = percent(homewardPercent);
    }

    /**
     * Percent of moves that shift an athlete's chain: her quality sessions from a day on (a week of them at most) each
     * go a day later, or each a day earlier, and her other sessions on those days are re-placed round them. The
     * quality sessions decide where lifts may go (not the day before, not before them on their day), so a lift that
     * wants its old day back may need the whole chain to move; one session at a time cannot get there.
     */
    public void setShiftPercent(int shiftPercent) {
        this.shiftPercent = percent(shiftPercent);
    }

    private static int percent(int value) {
        return Math.max(0, Math.min(100, value));
    }

    @Override
    public void phaseStarted(ScoreDirector<TrainingPlan> scoreDirector) {
        context = new Context(scoreDirector.getWorkingSolution());
    }

    @Override
    public void phaseEnded(ScoreDirector<TrainingPlan> scoreDirector) {
        context = null;
    }

    @Override
    public long getSize(ScoreDirector<TrainingPlan> scoreDirector) {
        Context current = context != null ? context : new Context(scoreDirector.getWorkingSolution());
        return (long) current.athletes.size() * current.days;
    }

    @Override
    public Iterator<SetStartsMove> createOriginalMoveIterator(ScoreDirector<TrainingPlan> scoreDirector) {
        throw new UnsupportedOperationException("athlete-days moves are random only: use randomSelection");
    }

    @Override
    public Iterator<SetStartsMove> createRandomMoveIterator(ScoreDirector<TrainingPlan> scoreDirector, Random random) {
        Context current = context != null ? context : new Context(scoreDirector.getWorkingSolution());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !current.athletes.isEmpty();
            }

            @Override
            public SetStartsMove next() {
                if (current.athletes.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return new Proposal(current, scoreDirector, random).make();
            }
        };
    }

    /** The plan's sessions as the moves need them. */
    private static final class Context {
        final int days;
        /** The movable sessions of each athlete that has any. */
        final List<List<Session>> athletes = new ArrayList<>();
        final Map<Athlete, List<Session>> byAthlete = new IdentityHashMap<>();
        /** The movable coached sessions. */
        final List<Session> coached = new ArrayList<>();
        /** The movable sessions with a previous start (re-planning). */
        final List<Session> withPrevious = new ArrayList<>();
        final StartCandidates candidates;

        Context(TrainingPlan plan) {
            days = plan.getHorizon().days();
            Map<Athlete, List<Session>> movable = new LinkedHashMap<>();
            Map<Object, List<Session>> byOwner = new IdentityHashMap<>();
            for (Session session : plan.getSessions()) {
                byOwner.computeIfAbsent(session.getAthlete(), a -> new ArrayList<>()).add(session);
                if (session.getCoach() != null) {
                    byOwner.computeIfAbsent(session.getCoach(), c -> new ArrayList<>()).add(session);
                }
                // A session bound to its coached group (re-planning) moves only with the whole group, never here.
                if (!session.isPinned() && !session.isBoundToGroup() && !session.getPossibleStarts().isEmpty()) {
                    movable.computeIfAbsent(session.getAthlete(), a -> new ArrayList<>()).add(session);
                    if (session.getCoach() != null) {
                        coached.add(session);
                    }
                    if (session.getPreviousStart() != null && session.getPreviousStart() >= 0
                            && session.getPreviousStart() < days * Minutes.PER_DAY) {
                        withPrevious.add(session);
                    }
                }
            }
            athletes.addAll(movable.values());
            byAthlete.putAll(movable);
            candidates = new StartCandidates(plan.getHorizon(), byOwner);
        }

        /** The movable sessions not at their previous start (moved, or left out) now. */
        List<Session> awayFromPrevious() {
            List<Session> away = new ArrayList<>();
            for (Session session : withPrevious) {
                if (!session.isScheduled() || session.getStart() != session.getPreviousStart()) {
                    away.add(session);
                }
            }
            return away;
        }
    }

    /** One move in the making: the ruin, the re-placing, and the plan put back as it was. */
    private final class Proposal {
        private final Context context;
        private final ScoreDirector<TrainingPlan> scoreDirector;
        private final InnerScoreDirector<TrainingPlan, HardMediumSoftScore> scores;
        private final Random random;
        /** The days [from, to) on which re-placed sessions start, or (homeward) these days, when not null. */
        private int from;
        private int to;
        private int[] days;
        /** Sessions bound for other days than the rest (a shifted chain), first in the re-placing order. */
        private Map<Session, int[]> ownDays;

        @SuppressWarnings("unchecked")
        Proposal(Context context, ScoreDirector<TrainingPlan> scoreDirector, Random random) {
            this.context = context;
            this.scoreDirector = scoreDirector;
            // Timefold's public ScoreDirector does not score; working out a proposal needs the solver's own one.
            this.scores = (InnerScoreDirector<TrainingPlan, HardMediumSoftScore>) scoreDirector;
            this.random = random;
        }

        SetStartsMove make() {
            List<Session> ruined = !context.coached.isEmpty() && random.nextInt(100) < groupPercent
                    ? ruinGroup() : homewardPercent > 0 && random.nextInt(100) < homewardPercent ? ruinHomeward()
                    : shiftPercent > 0 && random.nextInt(100) < shiftPercent ? ruinShift()
                    : ruinDays();
            Session[] sessions = ruined.toArray(Session[]::new);
            TimeSlot[] before = new TimeSlot[sessions.length];
            for (int i = 0; i < sessions.length; i++) {
                before[i] = sessions[i].getStartSlot();
            }
            recreate(ruined);
            TimeSlot[] after = new TimeSlot[sessions.length];
            for (int i = 0; i < sessions.length; i++) {
                after[i] = sessions[i].getStartSlot();
                move(sessions[i], before[i]);
            }
            score(); // the working plan and its score as they were: Timefold does the move itself
            return new SetStartsMove(sessions, after);
        }

        /** One athlete's movable sessions on a few consecutive days, and all her unscheduled ones. */
        private List<Session> ruinDays() {
            List<Session> own = context.athletes.get(random.nextInt(context.athletes.size()));
            if (random.nextBoolean()) {
                // Half the time an athlete with a session left out, while there is one: placing it comes first.
                List<List<Session>> withUnscheduled = context.athletes.stream()
                        .filter(sessions -> sessions.stream().anyMatch(session -> !session.isScheduled()))
                        .toList();
                if (!withUnscheduled.isEmpty()) {
                    own = withUnscheduled.get(random.nextInt(withUnscheduled.size()));
                }
            }
            int days = context.days;
            // Now and then the whole horizon of a short plan: some chains span it (a week's quality days).
            int length = days <= 2 * maximumDays && random.nextInt(4) == 0 ? days
                    : 1 + random.nextInt(Math.min(maximumDays, days));
            from = random.nextInt(days - length + 1);
            to = from + length;
            List<Session> ruined = new ArrayList<>();
            for (Session session : own) {
                if (!session.isScheduled() || (session.getDay() >= from && session.getDay() < to)) {
                    ruined.add(session);
                }
            }
            return ruined;
        }

        /**
         * A session away from its previous start (a random one of a random athlete that has any) with every session of
         * its athlete on its day, its previous start's day and the days either side of that: they may go back on any of
         * those days. Falls back to {@link #ruinDays()} when no session is away.
         */
        private List<Session> ruinHomeward() {
            List<Session> away = context.awayFromPrevious();
            if (away.isEmpty()) {
                return ruinDays();
            }
            Session pick = away.get(random.nextInt(away.size()));
            int home = Math.floorDiv(pick.getPreviousStart(), Minutes.PER_DAY);
            TreeSet<Integer> chosen = new TreeSet<>();
            int reach = random.nextInt(2);
            for (int day = home - reach; day <= home + reach; day++) {
                if (day >= 0 && day < context.days) {
                    chosen.add(day);
                }
            }
            if (pick.isScheduled()) {
                chosen.add(pick.getDay());
            }
            days = chosen.stream().mapToInt(Integer::intValue).toArray();
            List<Session> ruined = new ArrayList<>();
            for (Session session : context.byAthlete.get(pick.getAthlete())) {
                if (session == pick || (session.isScheduled() && chosen.contains(session.getDay()))) {
                    ruined.add(session);
                }
            }
            return ruined;
        }

        /**
         * One athlete's quality sessions from a random one of them on, over a week at most, each bound for the day
         * after its own (or each the day before), with every other session of hers on the days from the first
         * one's (or the day before it) to the last one's new day. Falls back to {@link #ruinDays()} when she has
         * no scheduled quality session.
         */
        private List<Session> ruinShift() {
            List<Session> own = context.athletes.get(random.nextInt(context.athletes.size()));
            List<Session> quality = own.stream().filter(session -> session.isScheduled() && session.isQuality())
                    .sorted(Comparator.comparingInt(Session::getStart)).toList();
            if (quality.isEmpty()) {
                return ruinDays();
            }
            int shift = random.nextBoolean() ? 1 : -1;
            int first = quality.get(random.nextInt(quality.size())).getDay();
            int last = Math.min(context.days - 1, first + maximumDays - 1);
            from = Math.max(0, Math.min(first, first + shift));
            to = Math.min(context.days, Math.max(last, last + shift) + 1);
            ownDays = new IdentityHashMap<>();
            for (Session session : quality) {
                int day = session.getDay() + shift;
                if (session.getDay() >= first && session.getDay() <= last && day >= 0 && day < context.days) {
                    ownDays.put(session, new int[] {day});
                }
            }
            List<Session> ruined = new ArrayList<>();
            for (Session session : own) {
                if (!session.isScheduled() || ownDays.containsKey(session)
                        || (session.getDay() >= from && session.getDay() < to)) {
                    ruined.add(session);
                }
            }
            return ruined;
        }

        /**
         * A coach's group (her sessions that start with a random coached session) and, for each of its athletes, the
         * sessions of a day or two around it: a group moves only when all its athletes' days make room together. An
         * unscheduled coached session comes with its athlete's other unscheduled sessions, over the whole horizon.
         */
        private List<Session> ruinGroup() {
            Session pick = context.coached.get(random.nextInt(context.coached.size()));
            List<Session> ruined = new ArrayList<>();
            if (!pick.isScheduled()) {
                from = 0;
                to = context.days;
                for (Session session : context.byAthlete.get(pick.getAthlete())) {
                    if (!session.isScheduled()) {
                        ruined.add(session);
                    }
                }
                return ruined;
            }
            int reach = random.nextInt(3);
            from = Math.max(0, pick.getDay() - reach);
            to = Math.min(context.days, pick.getDay() + reach + 1);
            for (Session led : context.coached) {
                if (led.getCoach() == pick.getCoach() && led.isScheduled() && led.getStart() == pick.getStart()) {
                    for (Session session : context.byAthlete.get(led.getAthlete())) {
                        if (session.isScheduled() && session.getDay() >= from && session.getDay() < to
                                && !ruined.contains(session)) {
                            ruined.add(session);
                        }
                    }
                }
            }
            return ruined;
        }

        /** Puts the ruined sessions back one at a time, each at its best start on the window's days (or none). */
        private void recreate(List<Session> ruined) {
            Set<Session> unscheduledBefore = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Session session : ruined) {
                if (!session.isScheduled()) {
                    unscheduledBefore.add(session);
                }
                move(session, null);
            }
            List<Session> order = new ArrayList<>(ruined);
            Collections.shuffle(order, random);
            if (random.nextInt(100) < orderedPercent) {
                order.sort(Comparator.comparingInt(AthleteDaysMoveFactory::placingRank));
            }
            if (random.nextBoolean()) {
                // What did not fit goes first: the others then make room for it, or it stays out again.
                order.sort(Comparator.comparingInt(session -> unscheduledBefore.contains(session) ? 0 : 1));
            }
            if (ownDays != null) {
                // The shifted sessions take their new days before the others fill in round them.
                order.sort(Comparator.comparingInt(session -> ownDays.containsKey(session) ? 0 : 1));
            }
            // Regret tries every session left at every round: kept to small ruins, where it pays.
            if (ownDays == null && ruined.size() <= REGRET_MAXIMUM_SESSIONS && random.nextInt(100) < regretPercent) {
                placeByRegret(order);
                return;
            }
            boolean noisy = random.nextInt(100) < noisyPercent;
            HardMediumSoftScore score = score();
            for (Session session : order) {
                Placement placement = bestPlacement(session, score, noisy && random.nextBoolean());
                move(session, placement.start());
                score = placement.start() == null ? score : placement.score();
            }
        }

        /**
         * Regret insertion: each round, every session left is tried at every start, and the one that would lose the
         * most by not getting its best start (a session with one legal start above all) is placed there first.
         */
        private void placeByRegret(List<Session> left) {
            List<Session> toPlace = new ArrayList<>(left);
            HardMediumSoftScore score = score();
            while (!toPlace.isEmpty()) {
                Session chosen = null;
                Placement chosenPlacement = null;
                HardMediumSoftScore chosenRegret = null;
                for (Session session : toPlace) {
                    Placement placement = bestPlacement(session, score, false);
                    move(session, null);
                    HardMediumSoftScore regret = placement.score().subtract(placement.secondScore());
                    if (chosen == null || regret.compareTo(chosenRegret) > 0) {
                        chosen = session;
                        chosenPlacement = placement;
                        chosenRegret = regret;
                    }
                }
                move(chosen, chosenPlacement.start());
                score = chosenPlacement.start() == null ? score : chosenPlacement.score();
                toPlace.remove(chosen);
            }
        }

        /**
         * The best start of {@code session} on the window's days given the plan as it is (null: leaving it out, which
         * scores {@code unplaced}), the score there and the second best score; with {@code anyLegal}, a random start
         * as good as the best on the hard and medium levels instead. Leaves the session at its last tried start.
         */
        private Placement bestPlacement(Session session, HardMediumSoftScore unplaced, boolean anyLegal) {
            TimeSlot bestStart = null;
            HardMediumSoftScore bestScore = unplaced;
            HardMediumSoftScore secondScore = unplaced;
            int ties = 1;
            List<TimeSlot> tried = anyLegal ? new ArrayList<>() : null;
            List<HardMediumSoftScore> triedScores = anyLegal ? new ArrayList<>() : null;
            int[] sessionDays = ownDays != null && ownDays.containsKey(session) ? ownDays.get(session) : days;
            int dayCount = sessionDays != null ? sessionDays.length : to - from;
            for (int d = 0; d < dayCount; d++) {
                int day = sessionDays != null ? sessionDays[d] : from + d;
                for (TimeSlot start : context.candidates.on(session, day)) {
                    move(session, start);
                    HardMediumSoftScore candidate = score();
                    if (anyLegal) {
                        tried.add(start);
                        triedScores.add(candidate);
                    }
                    int comparison = candidate.compareTo(bestScore);
                    if (comparison > 0) {
                        secondScore = bestScore;
                        bestScore = candidate;
                        bestStart = start;
                        ties = 1;
                    } else if (comparison == 0 && bestStart != null) {
                        secondScore = candidate;
                        if (random.nextInt(++ties) == 0) {
                            bestStart = start; // reservoir sampling: an even chance among equally good starts
                        }
                    } else if (candidate.compareTo(secondScore) > 0) {
                        secondScore = candidate;
                    }
                }
            }
            if (anyLegal && bestStart != null) {
                List<Integer> asGood = new ArrayList<>();
                for (int i = 0; i < tried.size(); i++) {
                    HardMediumSoftScore candidate = triedScores.get(i);
                    if (candidate.hardScore() == bestScore.hardScore()
                            && candidate.mediumScore() == bestScore.mediumScore()) {
                        asGood.add(i);
                    }
                }
                int pick = asGood.get(random.nextInt(asGood.size()));
                return new Placement(tried.get(pick), triedScores.get(pick), secondScore);
            }
            return new Placement(bestStart, bestScore, secondScore);
        }

        private void move(Session session, TimeSlot start) {
            if (session.getStartSlot() != start) {
                StartSlotChange.apply(scoreDirector, session, start);
            }
        }

        private HardMediumSoftScore score() {
            return scores.calculateScore().raw();
        }
    }

    /** A start for a session (null: left out), the score it gives, and the score of the next best choice. */
    private record Placement(TimeSlot start, HardMediumSoftScore score, HardMediumSoftScore secondScore) {
    }

    /** Quality sessions first (the chain), then lifts (they hang on it), then the rest. */
    private static int placingRank(Session session) {
        if (session.isQuality()) {
            return 0;
        }
        return session.isLift() ? 1 : 2;
    }
}
