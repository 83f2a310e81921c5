package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import io.runplan.domain.Athlete;
import io.runplan.domain.Minutes;
import io.runplan.domain.Rules;
import io.runplan.domain.Session;
import io.runplan.domain.TimeSlot;
import io.runplan.domain.TrainingPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

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
    private int chainPercent = 0;
    private int chainBeam = 8;
    private int chainPreviousStartsBeam = 0;
    private int chainFinals = 2;
    private boolean chainLifts = false;
    private boolean chainEarliest = true;
    private int chainFreeFirstPercent = 0;
    private int chainLeftOutPercent = 0;
    private boolean chainRoom = false;
    private boolean chainHoldPreviousDay = false;
    private int chainMakeWayPercent = 0;
    private int chainMakeWayDays = 1;
    private int chainMakeWayAfterMisses = 0;
    private int shortWeekPercent = 0;

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

    /**
     * Percent of moves that lay an athlete's chain anew: from one of her quality sessions on (three weeks at most) all
     * her sessions come out, the quality sessions go back day by day at the spacing the rules allow, the most
     * promising chains kept at each step (a beam), and the rest is re-placed round the best few. A chain whose rhythm
     * is wrong from some day on can only be mended from there on: re-placing a week at a time cannot get there.
     */
    public void setChainPercent(int chainPercent) {
        this.chainPercent = percent(chainPercent);
    }

    /** How many partial chains a chain re-laying keeps at each step. */
    public void setChainBeam(int chainBeam) {
        this.chainBeam = Math.max(1, chainBeam);
    }

    /**
     * How many partial chains a re-planned chain keeps at each step (0: as {@link #setChainBeam}): a chain re-laying
     * of a complete plan in which some of the chain's sessions have a previous start. There a chain's cost so far is
     * mostly the minutes its sessions move from their previous starts, which the beam ranks well, and a wider beam
     * finds a cheaper rhythm more often (measured on the two-athlete month; on the nurse, a plan without previous
     * starts, a beam of 24 ended above its optimum more often: docs/benchmarks.md, session 28).
     */
    public void setChainPreviousStartsBeam(int chainPreviousStartsBeam) {
        this.chainPreviousStartsBeam = Math.max(0, chainPreviousStartsBeam);
    }

    /** How many of the best chains get the athlete's other sessions re-placed round them (the best plan is kept). */
    public void setChainFinals(int chainFinals) {
        this.chainFinals = Math.max(1, chainFinals);
    }

    /** Whether a chain re-laying lays lifts with the quality sessions, on their days. */
    public void setChainLifts(boolean chainLifts) {
        this.chainLifts = chainLifts;
    }

    /**
     * Whether a chain's quality session takes the earliest of its equally good starts on a day (else a random one):
     * a lift goes after it on its day, 4 hours after at least, and a late start leaves it no room (measured: the nurse
     * stuck 30 above her optimum with random starts, at it with the earliest).
     */
    public void setChainEarliest(boolean chainEarliest) {
        this.chainEarliest = chainEarliest;
    }

    /**
     * Percent of chain re-layings (re-planning: some of the chain's sessions have a previous start, some not) that first
     * put one session without a previous start on a random day it may go, and lay the chain round it. The beam ranks
     * chains by their cost so far, and a chain that keeps every session at its previous day costs nothing until the one
     * without a place finds no room at the end; the plan that makes room early is cut from the beam before its cost
     * pays off.
     */
    public void setChainFreeFirstPercent(int chainFreeFirstPercent) {
        this.chainFreeFirstPercent = percent(chainFreeFirstPercent);
    }

    /**
     * Percent of moves, while a quality session is left out, that lay anew the chain of an athlete who has one: from a
     * day up to a window before its first possible day on (three windows at least, to its last possible day), all her
     * sessions come out with the left-out ones, and the chain is laid by the beam search with the left-out session
     * among its sessions (taken only if the plan gets better, as any chain re-laying). A quality session that finds no
     * day is left out because its athlete's other quality sessions hold the days its spacing needs; only moving the
     * chain from before it on makes room (club-60 seed 4: a coached session, whose group days are few). Off in the
     * searches (measured: it makes the tight plans leave sessions out); runplan's groups phase uses it in a second search
     * of a group that is stuck short of complete (IndependentGroupsPhase#setRescueChainPercent).
     */
    public void setChainLeftOutPercent(int chainLeftOutPercent) {
        this.chainLeftOutPercent = percent(chainLeftOutPercent);
    }

    /**
     * Percent of the chain re-layings round a left-out coached session ({@link #setChainLeftOutPercent}) that also take
     * out, at a random one of its starts, the athletes of its coach's groups that overlap it, with their sessions that
     * day and the days either side ({@link #setChainMakeWayDays}): they go back after the chain, and so may make way
     * (tight-40x28 seeds 9 and 11; docs/benchmarks.md, session 24). Set for the second searches only.
     */
    public void setChainMakeWayPercent(int chainMakeWayPercent) {
        this.chainMakeWayPercent = percent(chainMakeWayPercent);
    }

    /**
     * The days either side of the start a chain makes way at ({@link #setChainMakeWayPercent}) whose sessions of the
     * other athletes come out too (default 1). The athlete in the way often has to move her own quality session by
     * days, the spacing of her chain with it: on a coach's six athletes over a month (cut from a generated tight plan's
     * answer; test resource plans/make-way.json holds two of them) a left-out track session was placed with 5 days
     * either side and never with 1 to 3 (docs/benchmarks.md, session 25).
     */
    public void setChainMakeWayDays(int chainMakeWayDays) {
        this.chainMakeWayDays = Math.max(0, chainMakeWayDays);
    }

    /**
     * Chains round a left-out coached session make way only once this many chains round it have not placed it (default
     * 0: at once): most left-out sessions of a search find a place by a plain chain soon, and a plan whose other
     * athletes make way for each of those is laid out anew too often (rand-3 at 5 s: 41,435 against 38,510).
     */
    public void setChainMakeWayAfterMisses(int chainMakeWayAfterMisses) {
        this.chainMakeWayAfterMisses = Math.max(0, chainMakeWayAfterMisses);
    }

    /**
     * Whether a chain re-laying holds a session whose previous start is taken (busy time, or a hard rule) at its best
     * start on its previous start's day, as one that can go back to its previous start holds that: else the chain may
     * take the day the session needs, and it goes back a day or more from where it was (a re-plan's cost grows with
     * the minutes it moves: the two-athlete month's easy run a day late, 5,270 above the optimum).
     */
    public void setChainHoldPreviousDay(boolean chainHoldPreviousDay) {
        this.chainHoldPreviousDay = chainHoldPreviousDay;
    }

    /**
     * Whether every chain's beam counts the sessions that have no room left on their days (as a chain round a left-out
     * session always does), not only those it has passed by: a coached session's few group days spent on others rank
     * a chain lower. On in the groups' polishing (docs/benchmarks.md, session 23).
     */
    public void setChainRoom(boolean chainRoom) {
        this.chainRoom = chainRoom;
    }

    /**
     * Percent of proposals that draw a random athlete (from draws of this move's own) and, if she has a full week short
     * of lifts (soft Missing lift) and a lift to spare (in a week above the minimum, or left out), re-plan that week's
     * days with the spare lift among them, taken only if the plan gets better; an athlete is skipped after two misses
     * on the same starts. One move where day windows need two that each cost on their own. Found by an exact solve of
     * each club-60 athlete alone: those with most to gain had a week with one lift and a week with three
     * (docs/benchmarks.md, session 24). On in the groups' polishing (IndependentGroupsPhase#setPolishShortWeekPercent).
     */
    public void setShortWeekPercent(int shortWeekPercent) {
        this.shortWeekPercent = percent(shortWeekPercent);
    }

    private static int percent(int value) {
        return Math.max(0, Math.min(100, value));
    }

    @Override
    public void phaseStarted(ScoreDirector<TrainingPlan> scoreDirector) {
        context = new Context(scoreDirector.getWorkingSolution());
        context.secondSearch = SecondSearchPhase.take(scoreDirector.getWorkingSolution());
    }

    @Override
    public void phaseEnded(ScoreDirector<TrainingPlan> scoreDirector) {
        if (context != null && context.secondSearch != null) {
            context.secondSearch.stop();
        }
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
                SetStartsMove secondsPlan = current.secondSearch == null ? null : secondSearchAhead(current, scoreDirector);
                return secondsPlan != null ? secondsPlan : new Proposal(current, scoreDirector, random).make();
            }
        };
    }

    /**
     * The second search's best plan as one move, when it is better than any plan this search has been at since the
     * second search last got ahead (SecondSearchPhase); else null.
     */
    @SuppressWarnings("unchecked") // Timefold's public ScoreDirector does not score; its own one does
    private static SetStartsMove secondSearchAhead(Context context, ScoreDirector<TrainingPlan> scoreDirector) {
        HardMediumSoftScore now = ((InnerScoreDirector<TrainingPlan, HardMediumSoftScore>) scoreDirector)
                .calculateScore().raw();
        if (context.bestSeen == null || now.compareTo(context.bestSeen) > 0) {
            context.bestSeen = now;
        }
        TrainingPlan ahead = context.secondSearch.best();
        if (ahead == null || ahead == context.secondOffered || ahead.getScore() == null
                || ahead.getScore().compareTo(context.bestSeen) <= 0) {
            return null;
        }
        context.secondOffered = ahead;
        List<Session> working = scoreDirector.getWorkingSolution().getSessions();
        List<Session> sessions = new ArrayList<>();
        List<TimeSlot> starts = new ArrayList<>();
        for (int i = 0; i < working.size(); i++) {
            Session session = working.get(i);
            TimeSlot start = ahead.getSessions().get(i).getStartSlot();
            if (!session.isPinned() && session.getStartSlot() != start) {
                sessions.add(session);
                starts.add(start);
            }
        }
        return sessions.isEmpty() ? null
                : new SetStartsMove(sessions.toArray(Session[]::new), starts.toArray(TimeSlot[]::new));
    }

    /** The plan's sessions as the moves need them. */
    private static final class Context {
        final int days;
        /** The movable sessions of each athlete that has any. */
        final List<List<Session>> athletes = new ArrayList<>();
        final Map<Athlete, List<Session>> byAthlete = new IdentityHashMap<>();
        /** Per left-out quality session, the chains laid round it in this phase that did not place it. */
        final Map<Session, Integer> roundMisses = new IdentityHashMap<>();
        /** Every lift of each athlete with a movable session, pinned ones too (they count in a week). */
        final Map<Athlete, List<Session>> lifts = new IdentityHashMap<>();
        /**
         * The draws that pick an athlete for a short-week re-planning: apart from the search's own, so that a plan with
         * no week to mend is searched exactly as without the move.
         */
        final Random shortWeekDraws;
        /** Each athlete's sessions' starts when a short-week re-planning of hers last found nothing better, and how often. */
        private final Map<Athlete, long[]> shortWeekMisses = new IdentityHashMap<>();
        /** The movable coached sessions. */
        final List<Session> coached = new ArrayList<>();
        /** The movable sessions with a previous start (re-planning). */
        final List<Session> withPrevious = new ArrayList<>();
        final StartCandidates candidates;
        private final Map<Session, int[]> possibleDays = new IdentityHashMap<>();
        /** A second search of the same plan in the background (SecondSearchPhase), or null. */
        SecondSearchPhase.SecondSearch secondSearch;
        /** The best score this search has been at (while a second search runs), and the last plan taken from it. */
        HardMediumSoftScore bestSeen;
        TrainingPlan secondOffered;

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
            for (Session session : plan.getSessions()) {
                if (session.isLift() && movable.containsKey(session.getAthlete())) {
                    lifts.computeIfAbsent(session.getAthlete(), a -> new ArrayList<>()).add(session);
                }
            }
            candidates = new StartCandidates(plan.getHorizon(), byOwner);
            shortWeekDraws = new Random(31L * days + plan.getSessions().size());
        }

        /**
         * Whether every movable session has a start now: a chain is re-laid only in a complete plan (measured: let
         * loose while a session was still left out, it polished plans round the gap and the search ended with it).
         */
        boolean allScheduled() {
            for (List<Session> own : athletes) {
                for (Session session : own) {
                    if (!session.isScheduled()) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The days {@code session} may start on, in order. */
        int[] possibleDays(Session session) {
            return possibleDays.computeIfAbsent(session, s -> s.getPossibleStarts().stream().mapToInt(TimeSlot::day)
                    .distinct().sorted().toArray());
        }

        /** The movable quality sessions left out now. */
        List<Session> leftOutQuality() {
            List<Session> leftOut = new ArrayList<>();
            for (List<Session> own : athletes) {
                for (Session session : own) {
                    if (!session.isScheduled() && session.isQuality()) {
                        leftOut.add(session);
                    }
                }
            }
            return leftOut;
        }

        /**
         * The index of a full week (a random one) in which the {@code a}-th athlete has fewer lifts than the minimum, when
         * she has a movable lift to spare (in a week above the minimum, or left out); else -1. Also -1 when such a
         * re-planning of hers found nothing better twice since her sessions last moved: on a tight calendar most short
         * weeks stay short, and trying them over and over would take the search's time.
         */
        int shortWeek(int a) {
            List<Session> own = lifts.get(athletes.get(a).get(0).getAthlete());
            int fullWeeks = days / 7;
            if (own == null || fullWeeks < 2) {
                return -1;
            }
            long[] misses = shortWeekMisses.get(own.get(0).getAthlete());
            if (misses != null && misses[1] >= 2 && misses[0] == fingerprint(athletes.get(a))) {
                return -1;
            }
            int[] count = liftsByWeek(own, fullWeeks);
            List<Integer> shortOnes = new ArrayList<>();
            for (int week = 0; week < fullWeeks; week++) {
                if (own.get(0).getAthlete().rules().liftsMissing(count[week]) > 0) {
                    shortOnes.add(week);
                }
            }
            if (shortOnes.isEmpty() || spareLift(own, count, shortOnes.get(0)) == null) {
                return -1;
            }
            return shortOnes.get(shortWeekDraws.nextInt(shortOnes.size()));
        }

        /** Notes that a short-week re-planning of the {@code a}-th athlete found nothing better. */
        void shortWeekMissed(int a) {
            long fingerprint = fingerprint(athletes.get(a));
            long[] misses = shortWeekMisses.computeIfAbsent(athletes.get(a).get(0).getAthlete(), x -> new long[2]);
            misses[1] = misses[0] == fingerprint ? misses[1] + 1 : 1;
            misses[0] = fingerprint;
        }

        /** The starts of {@code sessions}, as one number. */
        private static long fingerprint(List<Session> sessions) {
            long fingerprint = 17;
            for (Session session : sessions) {
                fingerprint = 31 * fingerprint + (session.isScheduled() ? session.getStart() : -1);
            }
            return fingerprint;
        }

        /** How many of {@code lifts} are scheduled in each of the first {@code fullWeeks} weeks. */
        static int[] liftsByWeek(List<Session> lifts, int fullWeeks) {
            int[] count = new int[fullWeeks];
            for (Session lift : lifts) {
                if (lift.isScheduled() && lift.getDay() / 7 < fullWeeks) {
                    count[lift.getDay() / 7]++;
                }
            }
            return count;
        }

        /** A movable lift left out, or in a full week other than {@code week} with more than the minimum; or null. */
        static Session spareLift(List<Session> lifts, int[] count, int week) {
            for (Session lift : lifts) {
                if (lift.isPinned() || lift.isBoundToGroup() || lift.getPossibleStarts().isEmpty()) {
                    continue;
                }
                if (!lift.isScheduled()) {
                    return lift;
                }
                int at = lift.getDay() / 7;
                if (at != week && at < count.length && count[at] > lift.getAthlete().rules().liftsPerWeekMin()) {
                    return lift;
                }
            }
            return null;
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
        /** The sessions are put back chain first ({@link #relayChain}). */
        private boolean chain;
        /** A left-out quality session that goes first, on one of its own days, the chain laid round it; or null. */
        private Session leftOutFirst;
        /** The day the other athletes make way on for {@link #leftOutFirst}: it tries that day first; or -1. */
        private int makeWayDay = -1;
        /** The proposal is kept only if it makes the plan better (else it is no step at all). */
        private boolean onlyBetter;

        @SuppressWarnings("unchecked")
        Proposal(Context context, ScoreDirector<TrainingPlan> scoreDirector, Random random) {
            this.context = context;
            this.scoreDirector = scoreDirector;
            // Timefold's public ScoreDirector does not score; working out a proposal needs the solver's own one.
            this.scores = (InnerScoreDirector<TrainingPlan, HardMediumSoftScore>) scoreDirector;
            this.random = random;
        }

        SetStartsMove make() {
            // (The random draw only while a quality session is left out: a complete plan's search is the same with it.)
            List<Session> leftOut = chainLeftOutPercent > 0 ? context.leftOutQuality() : List.of();
            // (Only where a random athlete has a week short of lifts and a lift to spare: rare in a good plan.)
            int shortAthlete = shortWeekPercent > 0 && context.shortWeekDraws.nextInt(100) < shortWeekPercent
                    ? context.shortWeekDraws.nextInt(context.athletes.size()) : -1;
            int shortWeek = shortAthlete >= 0 ? context.shortWeek(shortAthlete) : -1;
            List<Session> ruined = !leftOut.isEmpty() && random.nextInt(100) < chainLeftOutPercent
                    ? ruinChainRound(leftOut.get(random.nextInt(leftOut.size())))
                    : shortWeek >= 0 ? ruinShortWeek(shortAthlete, shortWeek)
                    : !context.coached.isEmpty() && random.nextInt(100) < groupPercent ? ruinGroup()
                    : homewardPercent > 0 && random.nextInt(100) < homewardPercent ? ruinHomeward()
                    : shiftPercent > 0 && random.nextInt(100) < shiftPercent ? ruinShift()
                    : chainPercent > 0 && random.nextInt(100) < chainPercent && context.allScheduled() ? ruinChain()
                    : ruinDays();
            HardMediumSoftScore startScore = onlyBetter ? score() : null;
            Session[] sessions = ruined.toArray(Session[]::new);
            TimeSlot[] before = new TimeSlot[sessions.length];
            for (int i = 0; i < sessions.length; i++) {
                before[i] = sessions[i].getStartSlot();
            }
            if (chain) {
                relayChain(ruined);
            } else {
                recreate(ruined);
            }
            boolean better = !onlyBetter || score().compareTo(startScore) > 0;
            boolean leftOutPlaced = leftOutFirst != null && better && leftOutFirst.isScheduled();
            TimeSlot[] after = new TimeSlot[sessions.length];
            for (int i = 0; i < sessions.length; i++) {
                after[i] = sessions[i].getStartSlot();
                move(sessions[i], before[i]);
            }
            score(); // the working plan and its score as they were: Timefold does the move itself
            if (leftOutFirst != null && !leftOutPlaced) {
                context.roundMisses.merge(leftOutFirst, 1, Integer::sum);
            }
            if (!better) {
                context.shortWeekMissed(shortAthlete); // (only a short-week re-planning is taken only when better)
            }
            if (!better || (chain && Arrays.equals(before, after))) {
                // A chain laid back as it was is not a step: its cost would take the place of a search step's.
                return new SetStartsMove(new Session[0], new TimeSlot[0]);
            }
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
         * The {@code a}-th athlete's sessions on the days of {@code week}, short of lifts (and up to two days either
         * side), a lift to spare (from a week above the minimum, or left out) and her left-out sessions: all go back on
         * those days, half the time chain first ({@link #relayChain}). Taken only if the plan gets better, as a chain
         * re-laying. (Measured: with the spare lift's week re-planned too, Dev's month in SolverFullAssertTest was not
         * mended in 300 moves; with the short week alone, it was.)
         */
        private List<Session> ruinShortWeek(int a, int week) {
            List<Session> own = context.athletes.get(a);
            List<Session> lifts = new ArrayList<>(context.lifts.get(own.get(0).getAthlete()));
            Collections.shuffle(lifts, random);
            Session spare = Context.spareLift(lifts, Context.liftsByWeek(lifts, context.days / 7), week);
            from = Math.max(0, 7 * week - random.nextInt(3));
            to = Math.min(context.days, 7 * week + 7 + random.nextInt(3));
            chain = random.nextBoolean();
            onlyBetter = true;
            List<Session> ruined = new ArrayList<>();
            for (Session session : own) {
                if (session == spare || !session.isScheduled() || (session.getDay() >= from && session.getDay() < to)) {
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
         * One athlete's sessions from the day of a random quality session of hers on (three times the longest window
         * at most), to be put back chain first (only asked for when every session is placed). Falls back to
         * {@link #ruinDays()} when she has no quality session.
         */
        private List<Session> ruinChain() {
            List<Session> own = context.athletes.get(random.nextInt(context.athletes.size()));
            List<Session> quality = own.stream().filter(Session::isQuality).toList();
            if (quality.isEmpty()) {
                return ruinDays();
            }
            from = quality.get(random.nextInt(quality.size())).getDay();
            to = Math.min(context.days, from + 3 * maximumDays);
            chain = true;
            List<Session> ruined = new ArrayList<>();
            for (Session session : own) {
                if (session.getDay() >= from && session.getDay() < to) {
                    ruined.add(session);
                }
            }
            return ruined;
        }

        /**
         * The sessions of {@code leftOut}'s athlete from a day up to a window before its first possible day on, over
         * three windows at least and to its last possible day, with all her left-out sessions: to be put back chain
         * first, the left-out quality session among the chain's ({@link #setChainLeftOutPercent}); for a coached one,
         * now and then the sessions near one of its starts of the athletes whose groups overlap it too
         * ({@link #setChainMakeWayPercent}).
         */
        private List<Session> ruinChainRound(Session leftOut) {
            int first = context.days;
            int last = 0;
            for (TimeSlot start : leftOut.getPossibleStarts()) {
                first = Math.min(first, start.day());
                last = Math.max(last, start.day());
            }
            from = Math.max(0, first - random.nextInt(maximumDays + 1));
            to = Math.min(context.days, Math.max(from + 3 * maximumDays, last + 1));
            chain = true;
            leftOutFirst = leftOut;
            List<Session> ruined = new ArrayList<>();
            for (Session session : context.byAthlete.get(leftOut.getAthlete())) {
                if (!session.isScheduled() || (session.getDay() >= from && session.getDay() < to)) {
                    ruined.add(session);
                }
            }
            if (leftOut.getCoach() != null && chainMakeWayPercent > 0
                    && context.roundMisses.getOrDefault(leftOut, 0) >= chainMakeWayAfterMisses
                    && random.nextInt(100) < chainMakeWayPercent) {
                // At a random one of its starts, the athletes of its coach's groups that overlap it too, with their
                // sessions within chainMakeWayDays of that day: they may make way (the session tries that day first).
                TimeSlot start = leftOut.getPossibleStarts().get(random.nextInt(leftOut.getPossibleStarts().size()));
                makeWayDay = start.day();
                int end = start.start() + leftOut.getMinutes();
                for (Session led : context.coached) {
                    if (led.getCoach() == leftOut.getCoach() && led.getAthlete() != leftOut.getAthlete()
                            && led.isScheduled() && led.getStart() < end && led.getEnd() > start.start()) {
                        for (Session session : context.byAthlete.get(led.getAthlete())) {
                            if (session.isScheduled() && Math.abs(session.getDay() - start.day()) <= chainMakeWayDays
                                    && session.getDay() >= from && session.getDay() < to && !ruined.contains(session)) {
                                ruined.add(session);
                            }
                        }
                    }
                }
            }
            return ruined;
        }

        /**
         * Puts the quality sessions back as a chain ({@link #layChains}), the other sessions round each of the best
         * {@code chainFinals} chains one at a time, and takes the best plan of those if it is better than the plan was.
         * Meanwhile the other sessions that can go back to their previous start hold it: the chains then leave them
         * room (no quality session the day after a lift, none after it on its day). Re-planning, a quality session
         * without a previous start may first go on a random day ({@link #setChainFreeFirstPercent}), the chain round it.
         */
        private void relayChain(List<Session> ruined) {
            HardMediumSoftScore startScore = score();
            Session[] all = ruined.toArray(Session[]::new);
            TimeSlot[] startSlots = ruined.stream().map(Session::getStartSlot).toArray(TimeSlot[]::new);
            List<Session> chainSessions = new ArrayList<>();
            List<Session> rest = new ArrayList<>();
            Athlete athlete = ruined.get(0).getAthlete();
            for (Session session : ruined) {
                move(session, null);
                // (Another athlete's sessions, making way round a left-out one, go back as the rest.)
                (session.isQuality() && session.getAthlete() == athlete ? chainSessions : rest).add(session);
            }
            Collections.shuffle(chainSessions, random);
            Session free = chainFreeFirstPercent > 0 ? freeAmongAnchored(chainSessions) : null;
            boolean freeFirst = leftOutFirst != null ? placeOnOwnDay(leftOutFirst, chainSessions)
                    : free != null && random.nextInt(100) < chainFreeFirstPercent && placeFirst(free, chainSessions);
            if (!freeFirst) {
                // (Round a session put first, none holds its previous start: the sessions next to it must make room.)
                holdPreviousStarts(rest);
            }
            List<Link> finished = layChains(chainSessions, athlete);
            HardMediumSoftScore bestScore = startScore;
            TimeSlot[] best = startSlots;
            for (Link link : finished.subList(0, Math.min(chainFinals, finished.size()))) {
                link.apply(this);
                List<Session> order = new ArrayList<>();
                for (Session session : ruined) {
                    if (!session.isScheduled()) {
                        order.add(session);
                    }
                }
                Collections.shuffle(order, random);
                order.sort(Comparator.comparingInt(AthleteDaysMoveFactory::placingRank));
                HardMediumSoftScore score = placeInTurn(order, false);
                // Only a better plan: a re-laid chain is a big change, and taken sideways it would undo the search's
                // course (measured: sessions left out on rand-3, a poor re-plan of the nurse).
                if (score.compareTo(bestScore) > 0) {
                    bestScore = score;
                    best = Arrays.stream(all).map(Session::getStartSlot).toArray(TimeSlot[]::new);
                }
                for (Session session : order) {
                    move(session, null);
                }
                link.undo(this);
            }
            for (int i = 0; i < all.length; i++) {
                move(all[i], best[i]);
            }
        }

        /** One of {@code chainSessions} without a previous start when some others have one (re-planning), or null. */
        private Session freeAmongAnchored(List<Session> chainSessions) {
            Session free = null;
            boolean anchored = false;
            for (Session session : chainSessions) {
                if (session.getPreviousStart() == null && free == null) {
                    free = session;
                } else if (session.getPreviousStart() != null) {
                    anchored = true;
                }
            }
            return anchored ? free : null;
        }

        /**
         * Puts {@code free} at its best start on a random day of the window, if it breaks no more hard rules there than
         * the plan does now, and takes it out of {@code chainSessions}; false if that day has no such start.
         */
        private boolean placeFirst(Session free, List<Session> chainSessions) {
            int day = from + random.nextInt(to - from);
            Placement placement = bestOnDay(free, day, score(), chainEarliest);
            if (placement == null) {
                move(free, null);
                return false;
            }
            move(free, placement.start());
            chainSessions.remove(free);
            return true;
        }

        /**
         * Puts {@code leftOut} at its best start on the first of its own days in the window (in random order) where it
         * breaks no more hard rules than the plan does now, and takes it out of {@code chainSessions}; false if there is
         * no such day. A session with few days (a coached one) first: the chain then steps round it, where a chain laid
         * day by day spends those days on the others.
         */
        private boolean placeOnOwnDay(Session leftOut, List<Session> chainSessions) {
            List<Integer> ownDays = leftOut.getPossibleStarts().stream().map(TimeSlot::day)
                    .filter(day -> day >= from && day < to).distinct().collect(Collectors.toList());
            Collections.shuffle(ownDays, random);
            if (ownDays.remove((Integer) makeWayDay)) {
                ownDays.add(0, makeWayDay); // where the others made way
            }
            HardMediumSoftScore now = score();
            for (int day : ownDays) {
                Placement placement = bestOnDay(leftOut, day, now, chainEarliest);
                if (placement != null) {
                    move(leftOut, placement.start());
                    chainSessions.remove(leftOut);
                    return true;
                }
                move(leftOut, null);
            }
            return false;
        }

        /**
         * Puts each of {@code rest} that has a previous start at it, when that breaks no hard rule; where it would, and
         * {@link #setChainHoldPreviousDay}, at its best start on that day instead, if it has one.
         */
        private void holdPreviousStarts(List<Session> rest) {
            for (Session session : rest) {
                Integer previousStart = session.getPreviousStart();
                if (previousStart == null || previousStart < from * Minutes.PER_DAY
                        || previousStart >= to * Minutes.PER_DAY) {
                    continue;
                }
                HardMediumSoftScore before = score();
                TimeSlot previous = previousSlot(session);
                if (previous != null) {
                    move(session, previous);
                    if (score().hardScore() < before.hardScore()) {
                        move(session, null);
                    }
                }
                if (chainHoldPreviousDay && !session.isScheduled()) {
                    Placement placement = bestOnDay(session, Math.floorDiv(previousStart, Minutes.PER_DAY), before, true);
                    move(session, placement == null ? null : placement.start());
                }
            }
        }

        /**
         * Beam search for {@code athlete}'s chain: step by step each kept partial chain takes one more quality session
         * on a day its spacing allows after its last one (each kind of session that is left, at its best start there),
         * and the best {@code chainBeam} ({@code chainPreviousStartsBeam} re-planning) distinct chains go on.
         * Returns the chains that could go no further, best first; the plan is left as it was.
         */
        private List<Link> layChains(List<Session> chainSessions, Athlete athlete) {
            Rules rules = athlete.rules();
            int anchor = from - rules.qualitySpacingMin();
            for (Session session : context.byAthlete.get(athlete)) {
                if (session.isQuality() && session.isScheduled() && session.getDay() < from) {
                    anchor = Math.max(anchor, session.getDay());
                }
            }
            List<Link> beam = List.of(new Link(null, null, null, anchor, score(), null, 0));
            List<Link> finished = new ArrayList<>();
            int width = leftOutFirst == null && chainPreviousStartsBeam > 0
                    && chainSessions.stream().anyMatch(session -> session.getPreviousStart() != null)
                    ? chainPreviousStartsBeam : chainBeam;
            while (!beam.isEmpty()) {
                Map<List<Object>, Link> next = new LinkedHashMap<>();
                for (Link link : beam) {
                    link.apply(this);
                    if (!extend(link, chainSessions, rules, next)) {
                        finished.add(link);
                    }
                    link.undo(this);
                }
                List<Link> candidates = new ArrayList<>(next.values());
                Collections.shuffle(candidates, random);
                candidates.sort(Link.BEST_FIRST);
                beam = candidates.subList(0, Math.min(width, candidates.size()));
            }
            Collections.shuffle(finished, random);
            finished.sort(Link.BEST_FIRST);
            return finished;
        }

        /** Adds {@code link}'s one-longer chains to {@code next} (the best of each key); false if there are none. */
        private boolean extend(Link link, List<Session> chainSessions, Rules rules, Map<List<Object>, Link> next) {
            List<Session> placed = link.sessions();
            int firstDay = Math.max(from, link.day() + rules.qualitySpacingMin());
            int lastDay = Math.min(to - 1, link.day() + rules.qualitySpacingMax() + 1);
            boolean extended = false;
            List<Object> kindsTried = new ArrayList<>();
            for (Session session : chainSessions) {
                Object kind = kind(session);
                if (placed.contains(session) || kindsTried.contains(kind)) {
                    continue;
                }
                kindsTried.add(kind);
                for (int day = firstDay; day <= lastDay; day++) {
                    Placement placement = nearPrevious(session, day) ? bestOnDay(session, day, link.score(), chainEarliest)
                            : null;
                    move(session, null);
                    if (placement == null) {
                        continue;
                    }
                    extended = true;
                    // Sessions the chain has now passed beyond their reach: they go back after it, at a cost.
                    int nextDay = day + rules.qualitySpacingMin();
                    int dropped = leftOutFirst != null || chainRoom
                            ? withoutRoom(chainSessions, placed, session, nextDay, rules.qualitySpacingMin())
                            : passedBy(chainSessions, placed, session, nextDay);
                    Link longer = new Link(link, session, placement.start(), day, placement.score(), kind, dropped);
                    next.merge(longer.key(), longer, Link.BETTER);
                    if (chainLifts) {
                        addLift(longer, placed, next);
                    }
                }
            }
            return extended;
        }

        /** How many of the chain's sessions not placed yet (nor {@code added}) can go on no day from {@code next} on. */
        private int passedBy(List<Session> chainSessions, List<Session> placed, Session added, int next) {
            int dropped = 0;
            for (Session other : chainSessions) {
                if (other != added && !placed.contains(other) && lastReach(other) < next) {
                    dropped++;
                }
            }
            return dropped;
        }

        /**
         * How many of the chain's sessions not placed yet (nor {@code added}) cannot go on from {@code next} on: those
         * that may go on the same days share them, one a day and {@code spacing} days apart. A coached session goes on
         * its group's few days only, and a chain that spends them on other sessions drops it as surely as one that
         * passes them.
         */
        private int withoutRoom(List<Session> chainSessions, List<Session> placed, Session added, int next,
                int spacing) {
            Map<List<Integer>, Integer> sharing = new HashMap<>();
            for (Session other : chainSessions) {
                if (other == added || placed.contains(other)) {
                    continue;
                }
                int reach = Math.min(to - 1, lastReach(other));
                List<Integer> reachable = new ArrayList<>();
                for (int day : context.possibleDays(other)) {
                    if (day >= next && day <= reach) {
                        reachable.add(day);
                    }
                }
                sharing.merge(reachable, 1, Integer::sum);
            }
            int dropped = 0;
            for (Map.Entry<List<Integer>, Integer> days : sharing.entrySet()) {
                int room = 0;
                int last = Integer.MIN_VALUE / 2;
                for (int day : days.getKey()) {
                    if (day >= last + spacing) {
                        room++;
                        last = day;
                    }
                }
                dropped += Math.max(0, days.getValue() - room);
            }
            return dropped;
        }

        /**
         * Adds {@code link} with a lift of the athlete's (one not placed yet, of each kind) at its best start on the
         * day of the link's quality session, when it can go there: lifts belong on hard days, and a chain that
         * leaves them room ranks above one that does not (a placed session weighs more than any soft cost).
         */
        private void addLift(Link link, List<Session> placed, Map<List<Object>, Link> next) {
            link.apply(this);
            List<Object> kindsTried = new ArrayList<>();
            for (Session lift : context.byAthlete.get(link.session().getAthlete())) {
                Object kind = kind(lift);
                if (!lift.isLift() || lift.isScheduled() || placed.contains(lift) || kindsTried.contains(kind)) {
                    continue;
                }
                kindsTried.add(kind);
                Placement placement = bestOnDay(lift, link.day(), link.score(), false);
                move(lift, null);
                if (placement != null) {
                    Link withLift = new Link(link, lift, placement.start(), link.day(), placement.score(), kind,
                            link.dropped());
                    next.merge(withLift.key(), withLift, Link.BETTER);
                }
            }
            link.undo(this);
        }

        /**
         * Whether a chain may take {@code session} on {@code day}: a session with a previous start only within a day of
         * it (or of the window's end nearest to it): moving it further costs more than a chain can win back. If the
         * chain passes it by, it is re-placed with the other sessions after the chain.
         */
        private boolean nearPrevious(Session session, int day) {
            Integer previous = session.getPreviousStart();
            if (previous == null) {
                return true;
            }
            int previousDay = Math.max(from, Math.min(to - 1, Math.floorDiv(previous, Minutes.PER_DAY)));
            return Math.abs(day - previousDay) <= 1;
        }

        /** {@code session}'s previous start as one of its possible starts, or null. */
        private TimeSlot previousSlot(Session session) {
            Integer previous = session.getPreviousStart();
            if (previous == null || previous < from * Minutes.PER_DAY || previous >= to * Minutes.PER_DAY) {
                return null;
            }
            for (TimeSlot start : context.candidates.on(session, Math.floorDiv(previous, Minutes.PER_DAY))) {
                if (start.start() == previous) {
                    return start;
                }
            }
            return null;
        }

        /** The last day a chain may take {@code session} on ({@link #nearPrevious}); the window's last without one. */
        private int lastReach(Session session) {
            Integer previous = session.getPreviousStart();
            if (previous == null) {
                return to - 1;
            }
            return Math.max(from, Math.min(to - 1, Math.floorDiv(previous, Minutes.PER_DAY))) + 1;
        }

        /**
         * The best start of {@code session} on {@code day} that breaks no more hard rules than {@code now}: of equally
         * good ones the earliest, or a random one.
         */
        private Placement bestOnDay(Session session, int day, HardMediumSoftScore now, boolean earliest) {
            TimeSlot bestStart = null;
            HardMediumSoftScore bestScore = null;
            int ties = 0;
            for (TimeSlot start : context.candidates.on(session, day)) {
                move(session, start);
                HardMediumSoftScore candidate = score();
                if (candidate.hardScore() < now.hardScore()) {
                    continue;
                }
                int comparison = bestScore == null ? 1 : candidate.compareTo(bestScore);
                if (comparison > 0) {
                    bestScore = candidate;
                    bestStart = start;
                    ties = 1;
                } else if (comparison == 0 && !earliest && random.nextInt(++ties) == 0) {
                    bestStart = start;
                }
            }
            return bestStart == null ? null : new Placement(bestStart, bestScore, bestScore);
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
            placeInTurn(order, random.nextInt(100) < noisyPercent);
        }

        /**
         * Puts {@code order} back one at a time, each at its best start on the window's days (or none); with
         * {@code noisy}, half of them at any start as legal as the best. Returns the plan's score then.
         */
        private HardMediumSoftScore placeInTurn(List<Session> order, boolean noisy) {
            HardMediumSoftScore score = score();
            for (Session session : order) {
                Placement placement = bestPlacement(session, score, noisy && random.nextBoolean());
                move(session, placement.start());
                score = placement.start() == null ? score : placement.score();
            }
            return score;
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

    /**
     * Sessions a chain need not tell apart (same type, length and place, nothing of their own to keep): trying one of
     * them on a day stands for all.
     */
    private static Object kind(Session session) {
        if (session.getPreviousStart() != null || session.getCoach() != null || session.getDates() != null
                || session.getEarliestStart() != null) {
            return session;
        }
        return List.of(session.getType(), session.getMinutes(), session.where(),
                session.getFacility() == null ? "" : session.getFacility());
    }

    /** A partial chain: its last quality session's start and day, the score so far, and the chain before it. */
    private record Link(Link before, Session session, TimeSlot start, int day, HardMediumSoftScore score,
            Object kind, int dropped) {

        /** Of two chains alike in days and kinds, the better scoring. */
        static final BinaryOperator<Link> BETTER =
                (known, other) -> other.score().compareTo(known.score()) > 0 ? other : known;

        /** Fewer sessions the chain can no longer take near their previous start first, then the better score. */
        static final Comparator<Link> BEST_FIRST = Comparator.comparingInt(Link::dropped)
                .thenComparing(Link::score, Comparator.reverseOrder());

        List<Session> sessions() {
            List<Session> sessions = new ArrayList<>();
            for (Link link = this; link.session != null; link = link.before) {
                sessions.add(link.session);
            }
            return sessions;
        }

        /** The chain's days and kinds: two chains alike in these differ only in start times. */
        List<Object> key() {
            List<Object> key = new ArrayList<>();
            for (Link link = this; link.session != null; link = link.before) {
                key.add(link.day);
                key.add(link.kind);
            }
            return key;
        }

        void apply(Proposal proposal) {
            for (Link link = this; link.session != null; link = link.before) {
                proposal.move(link.session, link.start);
            }
        }

        void undo(Proposal proposal) {
            for (Link link = this; link.session != null; link = link.before) {
                proposal.move(link.session, null);
            }
        }
    }

    /** Quality sessions first (the chain), then lifts (they hang on it), then the rest. */
    private static int placingRank(Session session) {
        if (session.isQuality()) {
            return 0;
        }
        return session.isLift() ? 1 : 2;
    }
}
