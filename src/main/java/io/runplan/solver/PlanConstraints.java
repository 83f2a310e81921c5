package io.runplan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import io.runplan.domain.Athlete;
import io.runplan.domain.AthleteWeek;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Minutes;
import io.runplan.domain.PastSession;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;

import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;
import static ai.timefold.solver.core.api.score.stream.Joiners.overlapping;

/**
 * Every rule of docs/rules.md, named as there. Hard sizes are stated in {@link Rule#size()} and docs/rules.md; soft
 * weights come from the plan file through ConstraintWeightOverrides.
 */
public class PlanConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                sessionOverlap(factory),
                busyTime(factory),
                dayWindow(factory),
                noLiftBeforeQuality(factory),
                recoveryGap(factory),
                qualitySpacing(factory),
                noLiftTheDayBeforeQuality(factory),
                oneRunADay(factory),
                oneOfAKindADay(factory),
                liftSpacing(factory),
                liftsPerWeek(factory),
                coachAvailable(factory),
                oneGroupAtATime(factory),
                facilityHours(factory),
                sessionDates(factory),
                // Medium
                unscheduledSession(factory),
                // Soft
                gymTime(factory),
                liftOnEasyDay(factory),
                restDay(factory),
                preferredTime(factory),
                coachTime(factory),
                planStability(factory),
                qualityGap(factory),
                missingLift(factory)
        };
    }

    // ************************************************************************ Hard

    Constraint sessionOverlap(ConstraintFactory factory) {
        return overlappingPairs(factory.forEach(Session.class), Session::getAthlete)
                .penalize(HardMediumSoftScore.ONE_HARD, PlanConstraints::overlapMinutes)
                .justifyWith((a, b, score) -> Reason.SessionOverlap.of(a, b, overlapMinutes(a, b)))
                .asConstraint(Rule.SESSION_OVERLAP.ruleName());
    }

    Constraint busyTime(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .join(BusyBlock.class,
                        equal(Session::getAthlete, BusyBlock::getOwner),
                        overlapping(Session::getStart, Session::getEnd, BusyBlock::getStart, BusyBlock::getEnd))
                .penalize(HardMediumSoftScore.ONE_HARD, PlanConstraints::overlapMinutes)
                .justifyWith((session, busy, score) -> Reason.BusyTime.of(session, busy, overlapMinutes(session, busy)))
                .asConstraint(Rule.BUSY_TIME.ruleName());
    }

    Constraint dayWindow(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getMinutesOutsideDayWindow() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Session::getMinutesOutsideDayWindow)
                .justifyWith((session, score) -> Reason.DayWindow.of(session, session.getMinutesOutsideDayWindow()))
                .asConstraint(Rule.DAY_WINDOW.ruleName());
    }

    Constraint noLiftBeforeQuality(ConstraintFactory factory) {
        return lifts(factory)
                .join(qualitySessions(factory),
                        equal(Session::getAthlete),
                        equal(Session::getDay),
                        // An athlete's day holds a few sessions: a range index per day would cost more than it saves.
                        filtering((lift, quality) -> lift.getStart() < quality.getEnd()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((lift, quality, score) -> Reason.NoLiftBeforeQuality.of(lift, quality))
                .asConstraint(Rule.NO_LIFT_BEFORE_QUALITY.ruleName());
    }

    Constraint recoveryGap(ConstraintFactory factory) {
        return lifts(factory)
                .join(qualitySessions(factory),
                        equal(Session::getAthlete),
                        equal(Session::getDay),
                        filtering((lift, quality) -> lift.getStart() >= quality.getEnd()
                                && recoveryShortfall(lift, quality) > 0))
                .penalize(HardMediumSoftScore.ONE_HARD, PlanConstraints::recoveryShortfall)
                .justifyWith((lift, quality, score) -> Reason.RecoveryGap.of(lift, quality))
                .asConstraint(Rule.RECOVERY_GAP.ruleName());
    }

    /**
     * Consecutive quality sessions (by start, then id), the last one of the history included, closer than the minimum
     * (recovery). Each athlete's quality sessions are kept sorted and paired in one group: cheaper per move than a join
     * with a "none between" check, as a moved session changes only its neighbours.
     */
    Constraint qualitySpacing(ConstraintFactory factory) {
        return consecutiveQualitySessions(factory, PlanConstraints::qualitySpacingShortfall)
                .penalize(HardMediumSoftScore.ONE_HARD, PlanConstraints::qualitySpacingShortfall)
                .justifyWith((athlete, pair, score) -> Reason.QualitySpacing.of(earlier(pair), pastQuality(athlete, pair),
                        pair.later().session(), daysApart(athlete, pair, true)))
                .asConstraint(Rule.QUALITY_SPACING.ruleName());
    }

    Constraint noLiftTheDayBeforeQuality(ConstraintFactory factory) {
        return lifts(factory)
                .join(qualitySessions(factory),
                        equal(Session::getAthlete),
                        equal(lift -> lift.getDay() + 1, Session::getDay))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((lift, quality, score) -> Reason.NoLiftDayBeforeQuality.of(lift, quality))
                .asConstraint(Rule.NO_LIFT_DAY_BEFORE_QUALITY.ruleName());
    }

    Constraint oneRunADay(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::isRun)
                .groupBy(Session::getAthlete, Session::getDay, ConstraintCollectors.toList())
                .filter((athlete, day, runs) -> runs.size() > athlete.rules().runsPerDay())
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (athlete, day, runs) -> runs.size() - athlete.rules().runsPerDay())
                .justifyWith((athlete, day, runs, score) -> Reason.OneRunADay.of(athlete, runs))
                .asConstraint(Rule.ONE_RUN_A_DAY.ruleName());
    }

    Constraint oneOfAKindADay(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getType().isOneADay())
                .groupBy(Session::getAthlete, Session::getDay, Session::getType, ConstraintCollectors.toList())
                .filter((athlete, day, type, sessions) -> sessions.size() > 1)
                .penalize(HardMediumSoftScore.ONE_HARD, (athlete, day, type, sessions) -> sessions.size() - 1)
                .justifyWith((athlete, day, type, sessions, score) -> Reason.OneOfAKindADay.of(athlete, type, sessions))
                .asConstraint(Rule.ONE_OF_A_KIND_A_DAY.ruleName());
    }

    /** Consecutive lifts (by start, then id), the last lift of the history included; grouped as Quality spacing. */
    Constraint liftSpacing(ConstraintFactory factory) {
        return lifts(factory)
                .groupBy(Session::getAthlete, ConstraintCollectors.toSortedSet(Consecutive.Placed::of, Consecutive.Placed.BY_ORDER))
                .flattenLast(sessions -> Consecutive.pairs(sessions,
                        sessions.first().session().getAthlete().lastLiftInHistory() != null,
                        PlanConstraints::liftSpacingShortfall))
                .penalize(HardMediumSoftScore.ONE_HARD, PlanConstraints::liftSpacingShortfall)
                .justifyWith((athlete, pair, score) -> Reason.LiftSpacing.of(earlier(pair),
                        pair.earlier() == null ? athlete.lastLiftInHistory() : null, pair.later().session(),
                        daysApart(athlete, pair, false)))
                .asConstraint(Rule.LIFT_SPACING.ruleName());
    }

    Constraint liftsPerWeek(ConstraintFactory factory) {
        return liftsByWeek(factory)
                .filter((week, lifts) -> week.athlete().rules().liftsAboveMax(lifts.size()) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (week, lifts) -> week.athlete().rules().liftsAboveMax(lifts.size()))
                .justifyWith((week, lifts, score) -> Reason.LiftsPerWeek.of(week, lifts))
                .asConstraint(Rule.LIFTS_PER_WEEK.ruleName());
    }

    Constraint coachAvailable(ConstraintFactory factory) {
        var outsideWindow = coached(factory)
                .filter(session -> session.getMinutesOutsideCoachWindow() > 0);
        var overlappingBusy = coached(factory)
                .join(BusyBlock.class,
                        equal(Session::getCoach, BusyBlock::getOwner),
                        overlapping(Session::getStart, Session::getEnd, BusyBlock::getStart, BusyBlock::getEnd));
        return outsideWindow.concat(overlappingBusy)
                .penalize(HardMediumSoftScore.ONE_HARD, (session, busy) -> busy == null
                        ? session.getMinutesOutsideCoachWindow()
                        : overlapMinutes(session, busy))
                .justifyWith((session, busy, score) -> Reason.CoachAvailable.of(session, busy, busy == null
                        ? session.getMinutesOutsideCoachWindow()
                        : overlapMinutes(session, busy)))
                .asConstraint(Rule.COACH_AVAILABLE.ruleName());
    }

    Constraint oneGroupAtATime(ConstraintFactory factory) {
        var notOneGroup = overlappingPairs(coached(factory), Session::getCoach)
                .filter((a, b) -> !a.isSameGroupAs(b))
                .expand((a, b) -> (List<Session>) null);
        var overFull = coached(factory)
                .groupBy(Session::getCoach, Session::getStart, ConstraintCollectors.toList())
                .filter((coach, start, group) -> distinctAthletes(group) > coach.groupCapacity())
                .map((coach, start, group) -> (Session) null, (coach, start, group) -> (Session) null,
                        (coach, start, group) -> group);
        return notOneGroup.concat(overFull)
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b, group) -> group == null
                        ? overlapMinutes(a, b)
                        : distinctAthletes(group) - group.get(0).getCoach().groupCapacity())
                .justifyWith((a, b, group, score) -> group == null
                        ? Reason.NotOneGroup.of(a, b, overlapMinutes(a, b))
                        : Reason.GroupOverCapacity.of(group.get(0).getCoach(), group, distinctAthletes(group)))
                .asConstraint(Rule.ONE_GROUP_AT_A_TIME.ruleName());
    }

    Constraint facilityHours(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::isOutsideFacilityHours)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((session, score) -> Reason.FacilityHours.of(session))
                .asConstraint(Rule.FACILITY_HOURS.ruleName());
    }

    Constraint sessionDates(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getDaysOutsideDates() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Session::getDaysOutsideDates)
                .justifyWith((session, score) -> Reason.SessionDates.of(session, session.getDaysOutsideDates()))
                .asConstraint(Rule.SESSION_DATES.ruleName());
    }

    // ************************************************************************ Medium

    Constraint unscheduledSession(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Session.class)
                .filter(session -> session.getStartSlot() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .justifyWith((session, score) -> Reason.UnscheduledSession.of(session))
                .asConstraint(Rule.UNSCHEDULED_SESSION.ruleName());
    }

    // ************************************************************************ Soft

    Constraint gymTime(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::isAtGym)
                .groupBy(Session::getAthlete, Session::getDay, ConstraintCollectors.toList())
                .flattenLast(GymVisit::of)
                .penalize(HardMediumSoftScore.ONE_SOFT, (athlete, day, visit) -> visit.cost())
                .justifyWith((athlete, day, visit, score) -> Reason.GymTime.of(athlete, visit))
                .asConstraint(Rule.GYM_TIME.ruleName());
    }

    /**
     * Keep hard days hard, easy days easy. The weight W is read here, not through the constraint weight, because a
     * lift right after a hard day costs floor(W/2), which no whole multiple of W can express.
     */
    Constraint liftOnEasyDay(ConstraintFactory factory) {
        var onEasyDay = lifts(factory)
                .ifNotExists(qualitySessions(factory), equal(Session::getAthlete), equal(Session::getDay));
        var afterHardDayInHistory = onEasyDay
                .filter(lift -> lift.getAthlete().isHardDayInHistory(lift.getDay() - 1));
        var afterHardDayInPlan = onEasyDay
                .filter(lift -> !lift.getAthlete().isHardDayInHistory(lift.getDay() - 1))
                .ifExists(qualitySessions(factory), equal(Session::getAthlete),
                        equal(lift -> lift.getDay() - 1, Session::getDay));
        var afterEasyDay = onEasyDay
                .filter(lift -> !lift.getAthlete().isHardDayInHistory(lift.getDay() - 1))
                .ifNotExists(qualitySessions(factory), equal(Session::getAthlete),
                        equal(lift -> lift.getDay() - 1, Session::getDay));
        return afterHardDayInHistory.concat(afterHardDayInPlan)
                .expand(lift -> Boolean.TRUE)
                .concat(afterEasyDay.expand(lift -> Boolean.FALSE))
                .penalize(HardMediumSoftScore.ONE_SOFT, PlanConstraints::easyDayLiftCost)
                .justifyWith((lift, afterHardDay, score) -> Reason.LiftOnEasyDay.of(lift, afterHardDay))
                .asConstraint(Rule.LIFT_ON_EASY_DAY.ruleName());
    }

    Constraint restDay(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(session -> session.getType() != SessionType.CORE
                        && session.getAthleteWeek() != null)
                .groupBy(Session::getAthleteWeek, ConstraintCollectors.countDistinct(Session::getDay))
                .filter((week, trainingDays) -> restDaysMissing(week, trainingDays) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlanConstraints::restDaysMissing)
                .justifyWith((week, trainingDays, score) -> Reason.RestDay.of(week, 7 - trainingDays))
                .asConstraint(Rule.REST_DAY.ruleName());
    }

    Constraint preferredTime(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::isOutsidePreferredTime)
                .penalize(HardMediumSoftScore.ONE_SOFT)
                .justifyWith((session, score) -> Reason.PreferredTime.of(session))
                .asConstraint(Rule.PREFERRED_TIME.ruleName());
    }

    Constraint coachTime(ConstraintFactory factory) {
        return coached(factory)
                .groupBy(Session::getCoach, Session::getStart, ConstraintCollectors.toList())
                .penalize(HardMediumSoftScore.ONE_SOFT, (coach, start, group) -> longest(group))
                .justifyWith((coach, start, group, score) -> Reason.CoachTime.of(coach, group, longest(group)))
                .asConstraint(Rule.COACH_TIME.ruleName());
    }

    Constraint planStability(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::isMovedFromPreviousStart)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlanConstraints::stabilityCost)
                .justifyWith((session, score) -> Reason.PlanStability.of(session,
                        Math.abs(session.getStart() - session.getPreviousStart()), stabilityCost(session)))
                .asConstraint(Rule.PLAN_STABILITY.ruleName());
    }

    /** The usual rhythm of quality sessions, kept as a preference: a missed session may stretch one gap. */
    Constraint qualityGap(ConstraintFactory factory) {
        return consecutiveQualitySessions(factory, PlanConstraints::qualityGapDays)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlanConstraints::qualityGapDays)
                .justifyWith((athlete, pair, score) -> Reason.QualityGap.of(earlier(pair), pastQuality(athlete, pair),
                        pair.later().session(), daysApart(athlete, pair, true)))
                .asConstraint(Rule.QUALITY_GAP.ruleName());
    }

    /** Lifts short of the week's minimum: one lift is better than none, so a busy week costs, never breaks. */
    Constraint missingLift(ConstraintFactory factory) {
        return liftsByWeek(factory)
                .complement(AthleteWeek.class, week -> List.of())
                .filter((week, lifts) -> week.athlete().rules().liftsMissing(lifts.size()) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT,
                        (week, lifts) -> week.athlete().rules().liftsMissing(lifts.size()))
                .justifyWith((week, lifts, score) -> Reason.MissingLift.of(week, lifts))
                .asConstraint(Rule.MISSING_LIFT.ruleName());
    }

    // ************************************************************************ streams and sizes

    /**
     * Each athlete's consecutive quality sessions (by start, then id), the last one of the history first, of which
     * {@code size} is above 0. Only those pairs leave the group: a moved session then changes a match or two
     * downstream, not every pair of the athlete's horizon.
     */
    private static BiConstraintStream<Athlete, Consecutive> consecutiveQualitySessions(ConstraintFactory factory,
            ToIntBiFunction<Athlete, Consecutive> size) {
        return qualitySessions(factory)
                .groupBy(Session::getAthlete,
                        ConstraintCollectors.toSortedSet(Consecutive.Placed::of, Consecutive.Placed.BY_ORDER))
                .flattenLast(sessions -> Consecutive.pairs(sessions,
                        sessions.first().session().getAthlete().lastQualityInHistory() != null, size));
    }

    /** Each full week's scheduled lifts of an athlete (weeks without a lift are absent). */
    private static BiConstraintStream<AthleteWeek, List<Session>> liftsByWeek(ConstraintFactory factory) {
        return lifts(factory)
                .filter(lift -> lift.getAthleteWeek() != null)
                .groupBy(Session::getAthleteWeek, ConstraintCollectors.toList());
    }

    /**
     * Each overlapping pair of {@code sessions} with the same {@code owner} (athlete or coach), once. Keyed by day
     * as well, so a moved session is compared with its owner's sessions of that day, not of the whole horizon;
     * a session running past midnight (only a hand-made start can) is also compared with the next day's. A day
     * holds a few sessions of an owner, so the overlap is a filter: range indexes per day cost more to build than
     * they save (measured on club-week and 200 x 28).
     */
    private static BiConstraintStream<Session, Session> overlappingPairs(UniConstraintStream<Session> sessions,
            Function<Session, Object> owner) {
        var sameDay = sessions.join(sessions,
                equal(owner),
                equal(Session::getDay),
                filtering((a, b) -> a.getIdRank() < b.getIdRank() && overlap(a, b)));
        var intoNextDay = sessions.filter(Session::isEndingAfterMidnight)
                .join(sessions,
                        equal(owner),
                        equal(session -> session.getDay() + 1, Session::getDay),
                        filtering(PlanConstraints::overlap));
        return sameDay.concat(intoNextDay);
    }

    private static UniConstraintStream<Session> lifts(ConstraintFactory factory) {
        return factory.forEach(Session.class).filter(Session::isLift);
    }

    private static UniConstraintStream<Session> qualitySessions(ConstraintFactory factory) {
        return factory.forEach(Session.class).filter(Session::isQuality);
    }

    private static UniConstraintStream<Session> coached(ConstraintFactory factory) {
        return factory.forEach(Session.class).filter(Session::isCoached);
    }

    private static boolean overlap(Session a, Session b) {
        return a.getStart() < b.getEnd() && b.getStart() < a.getEnd();
    }

    static int overlapMinutes(Session a, Session b) {
        return Minutes.overlap(a.getStart(), a.getEnd(), b.getStart(), b.getEnd());
    }

    static int overlapMinutes(Session session, BusyBlock busy) {
        return Minutes.overlap(session.getStart(), session.getEnd(), busy.getStart(), busy.getEnd());
    }

    static int recoveryShortfall(Session lift, Session quality) {
        return lift.getAthlete().rules().recoveryGapShortfall(lift.getStart() - quality.getEnd());
    }

    static int qualitySpacingShortfall(Athlete athlete, Consecutive pair) {
        return athlete.rules().qualitySpacingShortfall(daysApart(athlete, pair, true));
    }

    static int qualityGapDays(Athlete athlete, Consecutive pair) {
        return athlete.rules().qualityGapExcess(daysApart(athlete, pair, true));
    }

    static int liftSpacingShortfall(Athlete athlete, Consecutive pair) {
        return athlete.rules().liftSpacingShortfall(daysApart(athlete, pair, false));
    }

    private static Session earlier(Consecutive pair) {
        return pair.earlier() == null ? null : pair.earlier().session();
    }

    /** The history's last quality session when it is the earlier of the pair, else null. */
    private static PastSession pastQuality(Athlete athlete, Consecutive pair) {
        return pair.earlier() == null ? athlete.lastQualityInHistory() : null;
    }

    /** Calendar days between a pair; a null {@code earlier} is the last quality session or lift of the history. */
    private static int daysApart(Athlete athlete, Consecutive pair, boolean quality) {
        int earlierDay = pair.earlier() != null ? pair.earlier().day()
                : (quality ? athlete.lastQualityInHistory() : athlete.lastLiftInHistory()).day();
        return pair.later().day() - earlierDay;
    }

    private static int distinctAthletes(List<Session> group) {
        return (int) group.stream().map(Session::getAthlete).distinct().count();
    }

    private static int longest(List<Session> group) {
        return group.stream().mapToInt(Session::getMinutes).max().orElse(0);
    }

    static int easyDayLiftCost(Session lift, boolean afterHardDay) {
        int weight = lift.getAthlete().weights().of(Rule.LIFT_ON_EASY_DAY);
        return afterHardDay ? weight / 2 : weight;
    }

    static int restDaysMissing(AthleteWeek week, int trainingDays) {
        return Math.max(0, week.athlete().rules().restDaysPerWeek() - (7 - trainingDays));
    }

    static int stabilityCost(Session session) {
        return 10 + Math.abs(session.getStart() - session.getPreviousStart());
    }
}
