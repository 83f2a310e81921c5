package io.runplan.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import io.runplan.domain.Athlete;
import io.runplan.domain.AthleteWeek;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.Facility;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.OpeningWindow;
import io.runplan.domain.PastSession;
import io.runplan.domain.Person;
import io.runplan.domain.Preference;
import io.runplan.domain.Rule;
import io.runplan.domain.Rules;
import io.runplan.domain.Session;
import io.runplan.domain.SessionDates;
import io.runplan.domain.SessionType;
import io.runplan.domain.TrainingPlan;
import io.runplan.domain.Weights;
import io.runplan.domain.Window;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.runplan.domain.SessionType.CORE;
import static io.runplan.domain.SessionType.CROSS_TRAINING;
import static io.runplan.domain.SessionType.EASY_RUN;
import static io.runplan.domain.SessionType.LIFT;
import static io.runplan.domain.SessionType.LONG_RUN;
import static io.runplan.domain.SessionType.SPEED;

/**
 * Every rule of {@link PlanConstraints}, one at a time, against DOMAIN.md and the checker README (item numbers in
 * comments refer to its "Reading choices"). {@code penalizesBy(n)} asserts the summed match weight: the hard size
 * of a hard rule, the units of a soft rule before its weight (except Lift on easy day, which reads W itself).
 */
class PlanConstraintsTest {

    private static final ConstraintVerifier<PlanConstraints, TrainingPlan> VERIFIER =
            ConstraintVerifier.build(new PlanConstraints(), TrainingPlan.class, Session.class);

    /** Monday 23 Nov 2026. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);
    private static final Horizon TWO_WEEKS = new Horizon(START, 14, 15);
    private static final Horizon TEN_DAYS = new Horizon(START, 10, 15);

    private static final int MON = 0;
    private static final int TUE = 1;
    private static final int WED = 2;
    private static final int THU = 3;
    private static final int FRI = 4;
    private static final int SAT = 5;
    private static final int SUN = 6;
    private static final int NEXT_MON = 7;

    /** Ranks in creation order; ids carry the rank first, so rank order is id order (the tie-break of equal starts). */
    private int nextRank = 0;
    private Horizon horizon = TWO_WEEKS;

    private final Athlete ana = athlete("ana").build();
    private final Athlete ben = athlete("ben").build();

    // ************************************************************************ Session overlap

    @Nested
    class SessionOverlap {

        @Test
        void twoSessionsOfOneAthleteOverlappingByThirtyMinutesCost30() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            Session core = session(ana, CORE).minutes(45).at(MON, "07:30");
            VERIFIER.verifyThat(PlanConstraints::sessionOverlap).given(run, core).penalizesBy(30);
        }

        @Test
        void aSessionInsideAnotherCostsItsWholeLength() {
            Session run = session(ana, LONG_RUN).minutes(120).at(SAT, "08:00");
            Session core = session(ana, CORE).minutes(20).at(SAT, "09:00");
            VERIFIER.verifyThat(PlanConstraints::sessionOverlap).given(run, core).penalizesBy(20);
        }

        @Test
        void eachOverlappingPairCountsOnce() {
            Session a = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            Session b = session(ana, CORE).minutes(60).at(MON, "07:30");
            Session c = session(ana, LIFT).minutes(60).at(MON, "07:45");
            // a-b 30, a-c 15, b-c 45
            VERIFIER.verifyThat(PlanConstraints::sessionOverlap).given(a, b, c).penalizesBy(90);
        }

        @Test
        void backToBackSessionsDoNotOverlap() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            Session core = session(ana, CORE).minutes(30).at(MON, "08:00");
            VERIFIER.verifyThat(PlanConstraints::sessionOverlap).given(run, core).penalizesBy(0);
        }

        @Test
        void sessionsOfTwoAthletesMayOverlap() {
            Session anaRun = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            Session benRun = session(ben, EASY_RUN).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::sessionOverlap).given(anaRun, benRun).penalizesBy(0);
        }

        @Test
        void anUnscheduledSessionOverlapsNothing() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            Session lift = session(ana, LIFT).minutes(60).unscheduled();
            VERIFIER.verifyThat(PlanConstraints::sessionOverlap).given(run, lift).penalizesBy(0);
        }
    }

    // ************************************************************************ Busy time

    @Nested
    class BusyTime {

        @Test
        void aRunEndingThirtyMinutesIntoWorkCosts30() {
            BusyBlock work = busy(ana, MON, "08:30", MON, "17:30");
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "08:00");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(work, run).penalizesBy(30);
        }

        @Test
        void aSessionTouchingABusyBlockDoesNotOverlapIt() {
            BusyBlock work = busy(ana, MON, "08:30", MON, "17:30");
            Session before = session(ana, EASY_RUN).minutes(60).at(MON, "07:30");
            Session after = session(ana, LIFT).minutes(60).at(MON, "17:30");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(work, before, after).penalizesBy(0);
        }

        @Test
        void aNightShiftCrossingMidnightBlocksTheEarlyMorningOfTheNextDay() {
            BusyBlock nightShift = busy(ana, MON, "22:00", TUE, "06:00");
            Session run = session(ana, EASY_RUN).minutes(60).at(TUE, "05:30");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(nightShift, run).penalizesBy(30);
        }

        @Test
        void aNightShiftCrossingMidnightBlocksTheLateEveningOfItsFirstDay() {
            BusyBlock nightShift = busy(ana, MON, "22:00", TUE, "06:00");
            Session core = session(ana, CORE).minutes(30).at(MON, "21:45");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(nightShift, core).penalizesBy(15);
        }

        @Test
        void aRunRightAfterTheNightShiftEndsIsFree() {
            BusyBlock nightShift = busy(ana, MON, "22:00", TUE, "06:00");
            Session run = session(ana, EASY_RUN).minutes(60).at(TUE, "06:00");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(nightShift, run).penalizesBy(0);
        }

        @Test
        void eachBusyBlockASessionOverlapsCountsSeparately() {
            BusyBlock call = busy(ana, MON, "07:00", MON, "07:15");
            BusyBlock meeting = busy(ana, MON, "07:45", MON, "09:00");
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(call, meeting, run).penalizesBy(15 + 15);
        }

        @Test
        void anotherAthletesBusyTimeIsNotMine() {
            BusyBlock benWork = busy(ben, MON, "08:30", MON, "17:30");
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "09:00");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(benWork, run).penalizesBy(0);
        }

        @Test
        void aCoachsBusyTimeIsNotTheAthletesBusyTime() {
            Coach coach = coach("cleo").build();
            BusyBlock coachMeeting = busy(coach, MON, "07:00", MON, "08:00");
            Session run = session(ana, SPEED).minutes(60).coach(coach).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(coachMeeting, run).penalizesBy(0);
        }
    }

    // ************************************************************************ Day window

    @Nested
    class DayWindow {

        @Test
        void aRunEndingThirtyMinutesAfterTheWindowCosts30() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "20:30");
            VERIFIER.verifyThat(PlanConstraints::dayWindow).given(run).penalizesBy(30);
        }

        @Test
        void aRunStartingAnHourBeforeTheWindowCosts60() {
            Session run = session(ana, EASY_RUN).minutes(90).at(MON, "05:00");
            VERIFIER.verifyThat(PlanConstraints::dayWindow).given(run).penalizesBy(60);
        }

        @Test
        void aSessionCrossingMidnightCountsItsMinutesPastMidnight() {
            Athlete nightOwl = athlete("owl").day("06:00", "24:00").build();
            Session run = session(nightOwl, EASY_RUN).minutes(60).at(MON, "23:30");
            VERIFIER.verifyThat(PlanConstraints::dayWindow).given(run).penalizesBy(30);
        }

        @Test
        void aSessionCrossingMidnightWellAfterTheWindowIsOutsideByItsWholeLength() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "23:30");
            VERIFIER.verifyThat(PlanConstraints::dayWindow).given(run).penalizesBy(60);
        }

        @Test
        void aSessionFillingTheWindowExactlyIsInside() {
            Session first = session(ana, EASY_RUN).minutes(60).at(MON, "06:00");
            Session last = session(ana, CORE).minutes(60).at(MON, "20:00");
            VERIFIER.verifyThat(PlanConstraints::dayWindow).given(first, last).penalizesBy(0);
        }

        @Test
        void theAthletesOwnWindowApplies() {
            Athlete earlyBird = athlete("bird").day("05:00", "12:00").build();
            Session early = session(earlyBird, EASY_RUN).minutes(60).at(MON, "05:00");
            Session late = session(earlyBird, CORE).minutes(30).at(MON, "12:00");
            VERIFIER.verifyThat(PlanConstraints::dayWindow).given(early, late).penalizesBy(30);
        }
    }

    // ************************************************************************ No lift before quality / Recovery gap

    @Nested
    class NoLiftBeforeQuality {

        @Test
        void aLiftInTheMorningBeforeAnEveningSpeedSessionCosts1() {
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(lift, speed).penalizesBy(1);
        }

        @Test
        void aLiftStartingWhileTheSpeedSessionRunsCosts1() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:45");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(speed, lift).penalizesBy(1);
        }

        @Test
        void aLiftStartingBeforeTheQualityEndsIsNotAlsoARecoveryGapViolation() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:45");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(0);
        }

        @Test
        void aLiftStartingExactlyWhenTheQualityEndsIsNotBeforeIt() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "08:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(speed, lift).penalizesBy(0);
        }

        @Test
        void eachQualitySessionTheLiftPrecedesIsOnePair() {
            Session lift = session(ana, LIFT).minutes(45).at(SAT, "06:00");
            Session speed = session(ana, SPEED).minutes(45).at(SAT, "07:00");
            Session longRun = session(ana, LONG_RUN).minutes(90).at(SAT, "12:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(lift, speed, longRun).penalizesBy(2);
        }

        @Test
        void allowLiftRightAfterQualityNeverExcusesALiftBeforeTheQualityEnds() {
            Athlete eager = athlete("eager").rules(rules().allowLiftRightAfterQuality(true)).build();
            Session speed = session(eager, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(eager, LIFT).minutes(60).at(TUE, "07:45");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(speed, lift).penalizesBy(1);
        }

        @Test
        void aLiftBeforeAnEasyRunIsFine() {
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            Session run = session(ana, EASY_RUN).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(lift, run).penalizesBy(0);
        }

        @Test
        void aLiftOnTheDayBeforeTheQualitySessionIsNotThisRule() {
            Session lift = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(lift, speed).penalizesBy(0);
        }

        @Test
        void anotherAthletesQualitySessionDoesNotCount() {
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            Session speed = session(ben, SPEED).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(lift, speed).penalizesBy(0);
        }
    }

    @Nested
    class RecoveryGap {

        @Test
        void liftStartingTwoHoursAfterSpeedEndsIsShortOfTheRecoveryGapBy120Minutes() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "10:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(120);
        }

        @Test
        void aLiftStartingRightWhenTheQualityEndsIsShortByTheWholeGap() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "08:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(240);
        }

        @Test
        void aLiftStartingRightWhenTheQualityEndsIsNotAlsoNoLiftBeforeQuality() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "08:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(speed, lift).penalizesBy(0);
        }

        @Test
        void aLiftFourHoursAfterTheLongRunIsFine() {
            Session longRun = session(ana, LONG_RUN).minutes(120).at(SAT, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(SAT, "13:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(longRun, lift).penalizesBy(0);
        }

        @Test
        void aLiftAfterAnEasyRunNeedsNoGap() {
            Session run = session(ana, EASY_RUN).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "08:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(run, lift).penalizesBy(0);
        }

        @Test
        void aLiftTheNextDayIsNotOnTheSameDay() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "19:00");
            Session lift = session(ana, LIFT).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(0);
        }

        @Test
        void aThreeHourGapRuleMakesTwoHoursShortBy60() {
            Athlete threeHours = athlete("three").rules(rules().liftGapMinutes(180)).build();
            Session speed = session(threeHours, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(threeHours, LIFT).minutes(60).at(TUE, "10:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(60);
        }

        @Test
        void allowLiftRightAfterQualityExemptsALiftStartingWhenTheQualityEnds() {
            Athlete eager = athlete("eager").rules(rules().allowLiftRightAfterQuality(true)).build();
            Session speed = session(eager, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(eager, LIFT).minutes(60).at(TUE, "08:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(0);
        }

        @Test
        void allowLiftRightAfterQualityExemptsALiftStartingLessThanVisitGapAfter() {
            Athlete eager = athlete("eager").rules(rules().allowLiftRightAfterQuality(true)).build();
            Session speed = session(eager, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(eager, LIFT).minutes(60).at(TUE, "08:29");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(0);
        }

        @Test
        void allowLiftRightAfterQualityDoesNotExemptALiftStartingExactlyVisitGapAfter() {
            Athlete eager = athlete("eager").rules(rules().allowLiftRightAfterQuality(true)).build();
            Session speed = session(eager, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(eager, LIFT).minutes(60).at(TUE, "08:30");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).penalizesBy(240 - 30);
        }

        @Test
        void eachQualitySessionOfTheDayIsItsOwnPair() {
            Session speed = session(ana, SPEED).minutes(60).at(SAT, "06:00");
            Session longRun = session(ana, LONG_RUN).minutes(60).at(SAT, "08:00");
            Session lift = session(ana, LIFT).minutes(60).at(SAT, "11:00");
            // 4 h after 07:00 is 11:00 (0 short); 4 h after 09:00 is 13:00 (120 short)
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, longRun, lift).penalizesBy(120);
        }
    }

    // ************************************************************************ Quality spacing

    @Nested
    class QualitySpacing {

        @Test
        void qualityOnConsecutiveDaysIsOneDayShort() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session longRun = session(ana, LONG_RUN).minutes(90).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(speed, longRun).penalizesBy(1);
        }

        @Test
        void twoQualitySessionsOnOneDayAreZeroDaysApartSoTwoShort() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session longRun = session(ana, LONG_RUN).minutes(90).at(TUE, "17:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(speed, longRun).penalizesBy(2);
        }

        @Test
        void twoQualitySessionsWithTheSameStartAreOnePair() {
            Session first = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session second = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(first, second).penalizesBy(2);
        }

        @Test
        void twoAndThreeDaysApartAreInsideTheRange() {
            Session tuesday = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session thursday = session(ana, SPEED).minutes(60).at(THU, "07:00");
            Session sunday = session(ana, LONG_RUN).minutes(120).at(SUN, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(tuesday, thursday, sunday).penalizesBy(0);
        }

        @Test
        void calendarDaysCountNotHours() {
            // Tuesday 20:00 and Thursday 06:00 are 34 h apart but 2 calendar days.
            Session tuesday = session(ana, SPEED).minutes(60).at(TUE, "20:00");
            Session thursday = session(ana, SPEED).minutes(60).at(THU, "06:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(tuesday, thursday).penalizesBy(0);
        }

        @Test
        void fiveDaysApartIsNotTooCloseTheMaximumIsSoftQualityGap() {
            Session monday = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session saturday = session(ana, LONG_RUN).minutes(120).at(SAT, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday, saturday).penalizesBy(0);
        }

        @Test
        void onlyConsecutivePairsAreScored() {
            // Mon-Wed 2 (ok), Wed-Thu 1 (1 short); the non-consecutive Mon-Thu (3) is not a pair.
            Session monday = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session wednesday = session(ana, SPEED).minutes(60).at(WED, "07:00");
            Session thursday = session(ana, LONG_RUN).minutes(120).at(THU, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(thursday, monday, wednesday).penalizesBy(1);
        }

        @Test
        void easyRunsInBetweenDoNotBreakTheChain() {
            Session monday = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session tuesday = session(ana, EASY_RUN).minutes(60).at(TUE, "07:00");
            Session wednesday = session(ana, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday, tuesday, wednesday).penalizesBy(0);
        }

        @Test
        void qualitySessionsOfTwoAthletesAreNotPaired() {
            Session anaSpeed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(anaSpeed, benSpeed).penalizesBy(0);
        }

        @Test
        void unscheduledQualitySessionsTakeNoPart() {
            Session monday = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session unscheduled = session(ana, SPEED).minutes(60).unscheduled();
            Session wednesday = session(ana, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday, unscheduled, wednesday).penalizesBy(0);
        }

        @Test
        void theLastHistoryQualitySessionPairsWithTheFirstPlannedOne() {
            // Long run on Sunday before the horizon (day -1), speed on Monday: 1 day apart.
            Athlete withHistory = athlete("hist").history(past(LONG_RUN, -1, "08:00", 120)).build();
            Session monday = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday).penalizesBy(1);
        }

        @Test
        void aHistoryQualitySessionTwoDaysBeforeTheFirstPlannedOneIsFine() {
            Athlete withHistory = athlete("hist").history(past(SPEED, -2, "07:00", 60)).build();
            Session monday = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday).penalizesBy(0);
        }

        @Test
        void onlyTheFirstPlannedQualitySessionPairsWithTheHistory() {
            // history day -1; planned Mon (1 day: 1 short) and Wed (2 days after Mon: ok; 3 after history: not a pair)
            Athlete withHistory = athlete("hist").history(past(LONG_RUN, -1, "08:00", 120)).build();
            Session monday = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            Session wednesday = session(withHistory, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(wednesday, monday).penalizesBy(1);
        }

        @Test
        void aPairOfTwoHistorySessionsIsNotScored() {
            // history day -7 and day -1 are 6 days apart (3 too far) but the plan cannot change that.
            Athlete withHistory = athlete("hist")
                    .history(past(SPEED, -7, "07:00", 60), past(LONG_RUN, -1, "08:00", 120)).build();
            Session tuesday = session(withHistory, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(tuesday).penalizesBy(0);
        }

        @Test
        void theLatestHistorySessionIsTheOneThatPairs() {
            // history -3 (3 days before Mon: fine) and -1 (1 day before Mon: 1 short)
            Athlete withHistory = athlete("hist")
                    .history(past(SPEED, -3, "07:00", 60), past(LONG_RUN, -1, "08:00", 120)).build();
            Session monday = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday).penalizesBy(1);
        }

        @Test
        void withEqualStartsTheLowerIdPairsWithTheHistoryAndTheOtherFollowsItZeroDaysLater() {
            // history day -2: (history, first by id) 2 days, fine; (first, second) 0 days, 2 short
            Athlete withHistory = athlete("hist").history(past(SPEED, -2, "07:00", 60)).build();
            Session first = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            Session second = session(withHistory, LONG_RUN).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(second, first).penalizesBy(2);
        }

        @Test
        void historyRunsThatAreNotQualityDoNotPair() {
            Athlete withHistory = athlete("hist")
                    .history(past(EASY_RUN, -1, "07:00", 60), past(LIFT, -1, "18:00", 60)).build();
            Session monday = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday).penalizesBy(0);
        }

        @Test
        void customMinimumOfOneDayAllowsBackToBack() {
            Athlete relaxed = athlete("relaxed").rules(rules().qualitySpacing(1, 5)).build();
            Session monday = session(relaxed, SPEED).minutes(60).at(MON, "07:00");
            Session tuesday = session(relaxed, SPEED).minutes(60).at(TUE, "07:00");
            Session nextMonday = session(relaxed, LONG_RUN).minutes(120).at(NEXT_MON, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday, tuesday, nextMonday).penalizesBy(0);
        }

        @Test
        void customMinimumOfThreeDays() {
            Athlete careful = athlete("careful").rules(rules().qualitySpacing(3, 4)).build();
            Session monday = session(careful, SPEED).minutes(60).at(MON, "07:00");
            Session wednesday = session(careful, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(monday, wednesday).penalizesBy(1);
        }

        @Test
        void aMissedSessionLeavesNoHardBreakAfterALongRun() {
            // Saturday's long run (history), Tuesday's track missed (unscheduled), Thursday's tempo: 5 days apart
            Athlete runner = athlete("runner").history(past(LONG_RUN, -2, "08:00", 100)).build();
            Session missedTrack = session(runner, SPEED).minutes(60).unscheduled();
            Session thursday = session(runner, SPEED).minutes(50).at(THU, "06:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(missedTrack, thursday).penalizesBy(0);
        }
    }

    // ************************************************************************ Quality gap

    @Nested
    class QualityGap {

        @Test
        void fiveDaysApartWithMaxThreeIsTwoDaysBeyond() {
            Session monday = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session saturday = session(ana, LONG_RUN).minutes(120).at(SAT, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(monday, saturday).penalizesBy(2);
        }

        @Test
        void twoAndThreeDaysApartCostNothing() {
            Session tuesday = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session thursday = session(ana, SPEED).minutes(60).at(THU, "07:00");
            Session sunday = session(ana, LONG_RUN).minutes(120).at(SUN, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(tuesday, thursday, sunday).penalizesBy(0);
        }

        @Test
        void tooCloseIsQualitySpacingNotAGap() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session longRun = session(ana, LONG_RUN).minutes(90).at(TUE, "17:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(speed, longRun).penalizesBy(0);
        }

        @Test
        void onlyConsecutivePairsAreScored() {
            // Mon-Wed 2 (ok), Wed-Sun 4 (1 beyond); the non-consecutive Mon-Sun (6) is not a pair.
            Session monday = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session wednesday = session(ana, SPEED).minutes(60).at(WED, "07:00");
            Session sunday = session(ana, LONG_RUN).minutes(120).at(SUN, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(sunday, monday, wednesday).penalizesBy(1);
        }

        @Test
        void theLastHistorySessionAndTheFirstPlannedOneAreAPair() {
            // history -4 (Thursday before), planned Wednesday: 6 days, 3 beyond
            Athlete withHistory = athlete("hist").history(past(SPEED, -4, "07:00", 60)).build();
            Session wednesday = session(withHistory, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(wednesday).penalizesBy(3);
        }

        @Test
        void theLatestHistorySessionIsTheOneThatPairs() {
            // history -6 (would be 6 days before Mon) and -4 (4 days before Mon: 1 beyond)
            Athlete withHistory = athlete("hist")
                    .history(past(LONG_RUN, -4, "08:00", 120), past(SPEED, -6, "07:00", 60)).build();
            Session monday = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(monday).penalizesBy(1);
        }

        @Test
        void aPairOfTwoHistorySessionsIsNotScored() {
            // history day -7 and day -1 are 6 days apart (3 beyond) but the plan cannot change that.
            Athlete withHistory = athlete("hist")
                    .history(past(SPEED, -7, "07:00", 60), past(LONG_RUN, -1, "08:00", 120)).build();
            Session tuesday = session(withHistory, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(tuesday).penalizesBy(0);
        }

        @Test
        void nothingBeforeTheFirstSessionWithoutHistoryNorAfterTheLast() {
            Session saturday = session(ana, LONG_RUN).minutes(120).at(SAT, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(saturday).penalizesBy(0);
        }

        @Test
        void aMissedTuesdayStretchesTheGapFromSaturdaysLongRun() {
            // Saturday's long run (history), Tuesday's track missed (unscheduled), Thursday's tempo: 5 days, 2 beyond
            Athlete runner = athlete("runner").history(past(LONG_RUN, -2, "08:00", 100)).build();
            Session missedTrack = session(runner, SPEED).minutes(60).unscheduled();
            Session thursday = session(runner, SPEED).minutes(50).at(THU, "06:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(missedTrack, thursday).penalizesBy(2);
        }

        @Test
        void customMaximumOfFiveDays() {
            Athlete relaxed = athlete("relaxed").rules(rules().qualitySpacing(1, 5)).build();
            Session monday = session(relaxed, SPEED).minutes(60).at(MON, "07:00");
            Session tuesday = session(relaxed, SPEED).minutes(60).at(TUE, "07:00");
            Session nextMonday = session(relaxed, LONG_RUN).minutes(120).at(NEXT_MON, "08:00");
            // Mon-Tue 1 (ok), Tue-next Mon 6 (1 beyond)
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(monday, tuesday, nextMonday).penalizesBy(1);
        }

        @Test
        void qualitySessionsOfTwoAthletesAreNotPaired() {
            Session anaSpeed = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).at(SUN, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(anaSpeed, benSpeed).penalizesBy(0);
        }
    }

    // ************************************************************************ No lift the day before quality

    @Nested
    class NoLiftTheDayBeforeQuality {

        @Test
        void aLiftOnMondayEveningBeforeTuesdaySpeedCosts1() {
            Session lift = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(lift, speed).penalizesBy(1);
        }

        @Test
        void eachQualitySessionOfTheNextDayIsOnePair() {
            Session lift = session(ana, LIFT).minutes(60).at(FRI, "18:00");
            Session speed = session(ana, SPEED).minutes(45).at(SAT, "07:00");
            Session longRun = session(ana, LONG_RUN).minutes(90).at(SAT, "16:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(lift, speed, longRun).penalizesBy(2);
        }

        @Test
        void aLiftTwoDaysBeforeQualityIsFine() {
            Session lift = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session speed = session(ana, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(lift, speed).penalizesBy(0);
        }

        @Test
        void aLiftTheDayAfterQualityIsFine() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(speed, lift).penalizesBy(0);
        }

        @Test
        void aLiftBeforeAnEasyRunDayIsFine() {
            Session lift = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session run = session(ana, EASY_RUN).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(lift, run).penalizesBy(0);
        }

        @Test
        void aHistoryLiftTheDayBeforeTheFirstPlannedQualityIsNotCounted() {
            Athlete withHistory = athlete("hist").history(past(LIFT, -1, "18:00", 60)).build();
            Session speed = session(withHistory, SPEED).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(speed).penalizesBy(0);
        }

        @Test
        void anotherAthletesQualityDoesNotCount() {
            Session lift = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session speed = session(ben, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(lift, speed).penalizesBy(0);
        }
    }

    // ************************************************************************ One run a day

    @Nested
    class OneRunADay {

        @Test
        void twoRunsOnOneDayAreOneRunTooMany() {
            Session morning = session(ana, EASY_RUN).minutes(45).at(MON, "07:00");
            Session evening = session(ana, SPEED).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(morning, evening).penalizesBy(1);
        }

        @Test
        void threeRunsOnOneDayAreTwoTooMany() {
            Session a = session(ana, EASY_RUN).minutes(30).at(MON, "07:00");
            Session b = session(ana, LONG_RUN).minutes(90).at(MON, "10:00");
            Session c = session(ana, EASY_RUN).minutes(30).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(a, b, c).penalizesBy(2);
        }

        @Test
        void liftCoreAndCrossTrainingAreNotRuns() {
            Session run = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(MON, "12:00");
            Session core = session(ana, CORE).minutes(20).at(MON, "14:00");
            Session bike = session(ana, CROSS_TRAINING).minutes(45).at(MON, "17:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(run, lift, core, bike).penalizesBy(0);
        }

        @Test
        void runsOnDifferentDaysAreFine() {
            Session monday = session(ana, EASY_RUN).minutes(45).at(MON, "07:00");
            Session tuesday = session(ana, EASY_RUN).minutes(45).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(monday, tuesday).penalizesBy(0);
        }

        @Test
        void aRunCrossingMidnightBelongsToItsStartDay() {
            Session lateMonday = session(ana, EASY_RUN).minutes(60).at(MON, "23:30");
            Session tuesday = session(ana, EASY_RUN).minutes(45).at(TUE, "07:00");
            Session mondayMorning = session(ana, EASY_RUN).minutes(45).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(lateMonday, tuesday, mondayMorning).penalizesBy(1);
        }

        @Test
        void runsPerDayTwoAllowsTwoAndCountsTheThirdOnly() {
            Athlete twice = athlete("twice").rules(rules().runsPerDay(2)).build();
            Session a = session(twice, EASY_RUN).minutes(30).at(MON, "07:00");
            Session b = session(twice, EASY_RUN).minutes(30).at(MON, "12:00");
            Session c = session(twice, EASY_RUN).minutes(30).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(a, b, c).penalizesBy(1);
        }

        @Test
        void runsPerDayZeroMakesEveryRunOneTooMany() {
            Athlete never = athlete("never").rules(rules().runsPerDay(0)).build();
            Session run = session(never, EASY_RUN).minutes(30).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(run).penalizesBy(1);
        }

        @Test
        void unscheduledRunsDoNotCount() {
            Session run = session(ana, EASY_RUN).minutes(30).at(MON, "07:00");
            Session unscheduled = session(ana, EASY_RUN).minutes(30).unscheduled();
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(run, unscheduled).penalizesBy(0);
        }

        @Test
        void twoAthletesRunningOnOneDayAreFine() {
            Session anaRun = session(ana, EASY_RUN).minutes(30).at(MON, "07:00");
            Session benRun = session(ben, EASY_RUN).minutes(30).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(anaRun, benRun).penalizesBy(0);
        }
    }

    // ************************************************************************ One of a kind a day

    @Nested
    class OneOfAKindADay {

        @Test
        void twoCoreSessionsOnOneDayAreOneTooMany() {
            Session a = session(ana, CORE).minutes(20).at(MON, "07:00");
            Session b = session(ana, CORE).minutes(20).at(MON, "19:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(a, b).penalizesBy(1);
        }

        @Test
        void threeCrossTrainingSessionsOnOneDayAreTwoTooMany() {
            Session a = session(ana, CROSS_TRAINING).minutes(30).at(MON, "07:00");
            Session b = session(ana, CROSS_TRAINING).minutes(30).at(MON, "12:00");
            Session c = session(ana, CROSS_TRAINING).minutes(30).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(a, b, c).penalizesBy(2);
        }

        @Test
        void twoCoreAndTwoCrossTrainingOnOneDayAreTwoViolationsOfOne() {
            Session core1 = session(ana, CORE).minutes(20).at(MON, "07:00");
            Session core2 = session(ana, CORE).minutes(20).at(MON, "19:00");
            Session bike1 = session(ana, CROSS_TRAINING).minutes(30).at(MON, "12:00");
            Session bike2 = session(ana, CROSS_TRAINING).minutes(30).at(MON, "16:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(core1, core2, bike1, bike2).penalizesBy(2);
        }

        @Test
        void aCoreAndACrossTrainingSessionOnOneDayAreFine() {
            Session core = session(ana, CORE).minutes(20).at(MON, "07:00");
            Session bike = session(ana, CROSS_TRAINING).minutes(30).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(core, bike).penalizesBy(0);
        }

        @Test
        void coreOnDifferentDaysIsFine() {
            Session monday = session(ana, CORE).minutes(20).at(MON, "07:00");
            Session tuesday = session(ana, CORE).minutes(20).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(monday, tuesday).penalizesBy(0);
        }

        @Test
        void liftsAndRunsAreNotThisRule() {
            Session lift1 = session(ana, LIFT).minutes(45).at(MON, "07:00");
            Session lift2 = session(ana, LIFT).minutes(45).at(MON, "18:00");
            Session run1 = session(ana, EASY_RUN).minutes(45).at(MON, "09:00");
            Session run2 = session(ana, EASY_RUN).minutes(45).at(MON, "12:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(lift1, lift2, run1, run2).penalizesBy(0);
        }

        @Test
        void unscheduledCoreDoesNotCount() {
            Session core = session(ana, CORE).minutes(20).at(MON, "07:00");
            Session unscheduled = session(ana, CORE).minutes(20).unscheduled();
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(core, unscheduled).penalizesBy(0);
        }

        @Test
        void coreOfTwoAthletesOnOneDayIsFine() {
            Session anaCore = session(ana, CORE).minutes(20).at(MON, "07:00");
            Session benCore = session(ben, CORE).minutes(20).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(anaCore, benCore).penalizesBy(0);
        }
    }

    // ************************************************************************ Lift spacing

    @Nested
    class LiftSpacing {

        @Test
        void liftsOnConsecutiveDaysAreOneDayShort() {
            Session monday = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session tuesday = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(monday, tuesday).penalizesBy(1);
        }

        @Test
        void twoLiftsOnOneDayAreShortByTheWholeSpacing() {
            Session morning = session(ana, LIFT).minutes(60).at(MON, "07:00");
            Session evening = session(ana, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(morning, evening).penalizesBy(2);
        }

        @Test
        void mondayEveningAndWednesdayMorningAreTwoCalendarDaysApart() {
            Session monday = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session wednesday = session(ana, LIFT).minutes(60).at(WED, "06:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(monday, wednesday).penalizesBy(0);
        }

        @Test
        void onlyConsecutiveLiftsArePaired() {
            // Mon-Tue 1 short, Tue-Wed 1 short; the non-consecutive Mon-Wed (2, fine anyway) is not a pair,
            // and neither is Mon-Tue counted twice.
            Session monday = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session tuesday = session(ana, LIFT).minutes(60).at(TUE, "18:00");
            Session wednesday = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(wednesday, monday, tuesday).penalizesBy(2);
        }

        @Test
        void threeLiftsOnOneDayAreTwoPairs() {
            Session a = session(ana, LIFT).minutes(30).at(MON, "07:00");
            Session b = session(ana, LIFT).minutes(30).at(MON, "12:00");
            Session c = session(ana, LIFT).minutes(30).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(a, b, c).penalizesBy(4);
        }

        @Test
        void aHistoryLiftTheDayBeforeTheHorizonPairsWithTheFirstPlannedLift() {
            Athlete withHistory = athlete("hist").history(past(LIFT, -1, "18:00", 60)).build();
            Session monday = session(withHistory, LIFT).minutes(60).at(MON, "18:00");
            Session thursday = session(withHistory, LIFT).minutes(60).at(THU, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(monday, thursday).penalizesBy(1);
        }

        @Test
        void aHistoryLiftTwoDaysBeforeTheFirstPlannedLiftIsFine() {
            Athlete withHistory = athlete("hist").history(past(LIFT, -2, "18:00", 60)).build();
            Session monday = session(withHistory, LIFT).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(monday).penalizesBy(0);
        }

        @Test
        void aPairOfTwoHistoryLiftsIsNotScored() {
            Athlete withHistory = athlete("hist")
                    .history(past(LIFT, -2, "07:00", 60), past(LIFT, -2, "18:00", 60)).build();
            Session monday = session(withHistory, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(monday).penalizesBy(0);
        }

        @Test
        void historyQualitySessionsAreNotLifts() {
            Athlete withHistory = athlete("hist").history(past(SPEED, -1, "07:00", 60)).build();
            Session monday = session(withHistory, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(monday).penalizesBy(0);
        }

        @Test
        void anUnscheduledLiftTakesNoPart() {
            Session monday = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session unscheduled = session(ana, LIFT).minutes(60).unscheduled();
            Session wednesday = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(monday, unscheduled, wednesday).penalizesBy(0);
        }

        @Test
        void liftSpacingZeroSwitchesTheRuleOff() {
            Athlete anyTime = athlete("any").rules(rules().liftSpacingDays(0)).build();
            Session morning = session(anyTime, LIFT).minutes(60).at(MON, "07:00");
            Session evening = session(anyTime, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(morning, evening).penalizesBy(0);
        }

        @Test
        void liftSpacingOneOnlyForbidsTwoLiftsOnOneDay() {
            Athlete daily = athlete("daily").rules(rules().liftSpacingDays(1)).build();
            Session mondayMorning = session(daily, LIFT).minutes(60).at(MON, "07:00");
            Session mondayEvening = session(daily, LIFT).minutes(60).at(MON, "18:00");
            Session tuesday = session(daily, LIFT).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(mondayMorning, mondayEvening, tuesday)
                    .penalizesBy(1);
        }

        @Test
        void liftsOfTwoAthletesAreNotPaired() {
            Session anaLift = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session benLift = session(ben, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(anaLift, benLift).penalizesBy(0);
        }
    }

    // ************************************************************************ Lifts per week

    @Nested
    class LiftsPerWeek {

        @Test
        void twoLiftsInEachOfTwoWeeksIsFine() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            facts.add(session(ana, LIFT).minutes(60).at(MON, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(THU, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON + 3, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(facts.toArray()).penalizesBy(0);
        }

        @Test
        void fewerLiftsThanTheMinimumAreSoftMissingLiftNotAHardBreak() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            facts.add(session(ana, LIFT).minutes(60).at(TUE, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(facts.toArray()).penalizesBy(0);
        }

        @Test
        void fourLiftsInAWeekAreOneTooMany() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            facts.add(session(ana, LIFT).minutes(60).at(MON, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(WED, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(FRI, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(SUN, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON + 1, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON + 3, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(facts.toArray()).penalizesBy(1);
        }

        @Test
        void unscheduledLiftsDoNotCount() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            for (int day : new int[] {MON, WED, FRI}) {
                facts.add(session(ana, LIFT).minutes(60).at(day, "18:00"));
            }
            facts.add(session(ana, LIFT).minutes(60).unscheduled());
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(facts.toArray()).penalizesBy(0);
        }

        @Test
        void aPartialLastWeekIsNotCounted() {
            horizon = TEN_DAYS;
            Athlete tenDays = athlete("ten").fullWeeks(TEN_DAYS.fullWeeks()).build();
            List<Object> facts = new ArrayList<>(tenDays.weeks());
            facts.add(session(tenDays, LIFT).minutes(60).at(MON, "18:00"));
            facts.add(session(tenDays, LIFT).minutes(60).at(THU, "18:00"));
            // days 7-9 form a partial week: four lifts there would be one too many in a full week
            facts.add(session(tenDays, LIFT).minutes(60).at(7, "07:00"));
            facts.add(session(tenDays, LIFT).minutes(60).at(7, "18:00"));
            facts.add(session(tenDays, LIFT).minutes(60).at(8, "18:00"));
            facts.add(session(tenDays, LIFT).minutes(60).at(9, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(facts.toArray()).penalizesBy(0);
        }

        @Test
        void customRangeOneToOne() {
            Athlete once = athlete("once").rules(rules().liftsPerWeek(1, 1)).build();
            List<Object> facts = new ArrayList<>(once.weeks());
            facts.add(session(once, LIFT).minutes(60).at(MON, "18:00"));
            facts.add(session(once, LIFT).minutes(60).at(THU, "18:00"));
            facts.add(session(once, LIFT).minutes(60).at(NEXT_MON, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(facts.toArray()).penalizesBy(1);
        }
    }

    // ************************************************************************ Missing lift

    @Nested
    class MissingLift {

        @Test
        void twoLiftsInEachOfTwoWeeksCostNothing() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            for (int day : new int[] {MON, THU, NEXT_MON, NEXT_MON + 3}) {
                facts.add(session(ana, LIFT).minutes(60).at(day, "18:00"));
            }
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(0);
        }

        @Test
        void aWeekWithOneLiftIsOneShortAndAWeekWithNoneIsShortByTheMinimum() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            facts.add(session(ana, LIFT).minutes(60).at(TUE, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(1 + 2);
        }

        @Test
        void anAthleteWithNoLiftsAtAllMissesTheMinimumEveryWeek() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            facts.add(session(ana, EASY_RUN).minutes(60).at(TUE, "07:00"));
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(2 + 2);
        }

        @Test
        void tooManyLiftsAreLiftsPerWeekNotMissing() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            for (int day : new int[] {MON, WED, FRI, SUN, NEXT_MON + 1, NEXT_MON + 3}) {
                facts.add(session(ana, LIFT).minutes(60).at(day, "18:00"));
            }
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(0);
        }

        @Test
        void unscheduledLiftsDoNotCount() {
            List<Object> facts = new ArrayList<>(ana.weeks());
            facts.add(session(ana, LIFT).minutes(60).at(MON, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).unscheduled());
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON + 3, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(1);
        }

        @Test
        void aSickMondayToWednesdayLeavesRoomForOneLift() {
            // one lift fits after three sick days: one is better than nothing, 1 short, no hard break
            List<Object> facts = new ArrayList<>(ana.weeks());
            facts.add(session(ana, LIFT).minutes(60).at(FRI, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).unscheduled());
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON, "18:00"));
            facts.add(session(ana, LIFT).minutes(60).at(NEXT_MON + 3, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(1);
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(facts.toArray()).penalizesBy(0);
        }

        @Test
        void aPartialLastWeekWithoutLiftsIsNotShort() {
            horizon = TEN_DAYS;
            Athlete tenDays = athlete("ten").fullWeeks(TEN_DAYS.fullWeeks()).build();
            List<Object> facts = new ArrayList<>(tenDays.weeks());
            facts.add(session(tenDays, LIFT).minutes(60).at(TUE, "18:00"));
            // one full week, one lift: 1 short; days 7-9 hold nothing and are not a week
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(1);
        }

        @Test
        void eachAthleteHasItsOwnWeeks() {
            List<Object> facts = new ArrayList<>();
            facts.addAll(ana.weeks());
            facts.addAll(ben.weeks());
            for (int day : new int[] {MON, THU, NEXT_MON, NEXT_MON + 3}) {
                facts.add(session(ana, LIFT).minutes(60).at(day, "18:00"));
            }
            // ben lifts nowhere: 2 + 2
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(facts.toArray()).penalizesBy(4);
        }
    }

    // ************************************************************************ Coach available

    @Nested
    class CoachAvailable {

        private final Coach cleo = coach("cleo").day("07:00", "12:00").build();

        @Test
        void aCoachedSessionEndingThirtyMinutesAfterTheCoachsWindowCosts30() {
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "11:30");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(speed).penalizesBy(30);
        }

        @Test
        void aCoachedSessionStartingBeforeTheCoachsWindowCostsTheMinutesBefore() {
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "06:15");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(speed).penalizesBy(45);
        }

        @Test
        void aCoachedSessionOverlappingACoachBusyBlockCostsTheOverlap() {
            BusyBlock meeting = busy(cleo, TUE, "09:00", TUE, "10:00");
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "09:30");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(meeting, speed).penalizesBy(30);
        }

        @Test
        void outsideTheWindowAndOverlappingABusyBlockAddUp() {
            BusyBlock meeting = busy(cleo, TUE, "11:00", TUE, "11:45");
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "11:30");
            // 30 outside 07:00-12:00, 15 overlap with the meeting
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(meeting, speed).penalizesBy(45);
        }

        @Test
        void aCoachedSessionInsideTheWindowAndBesideTheBusyBlockIsFine() {
            BusyBlock meeting = busy(cleo, TUE, "09:00", TUE, "10:00");
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "10:00");
            Session early = session(ben, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(meeting, speed, early).penalizesBy(0);
        }

        @Test
        void theAthletesBusyTimeIsNotTheCoachsBusyTime() {
            BusyBlock anaWork = busy(ana, TUE, "09:00", TUE, "10:00");
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "09:00");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(anaWork, speed).penalizesBy(0);
        }

        @Test
        void anUncoachedSessionIgnoresTheCoach() {
            BusyBlock meeting = busy(cleo, TUE, "18:00", TUE, "19:00");
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(meeting, speed).penalizesBy(0);
        }

        @Test
        void anotherCoachsBusyBlockDoesNotCount() {
            Coach dora = coach("dora").build();
            BusyBlock doraMeeting = busy(dora, TUE, "09:00", TUE, "10:00");
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "09:00");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(doraMeeting, speed).penalizesBy(0);
        }
    }

    // ************************************************************************ One group at a time

    @Nested
    class OneGroupAtATime {

        private final Coach cleo = coach("cleo").build();
        private final Athlete cai = athlete("cai").build();

        @Test
        void sameStartTypeAndMinutesIsOneGroupAndFine() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed).penalizesBy(0);
        }

        @Test
        void locationIsNotPartOfOneGroup() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).location("outdoor").at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(cleo).location("home").at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed).penalizesBy(0);
        }

        @Test
        void sameStartButDifferentMinutesIsNotOneGroupAndCostsTheOverlap() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(90).coach(cleo).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed).penalizesBy(60);
        }

        @Test
        void sameStartButDifferentTypeIsNotOneGroup() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(SAT, "07:00");
            Session benLong = session(ben, LONG_RUN).minutes(60).coach(cleo).at(SAT, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benLong).penalizesBy(60);
        }

        @Test
        void overlappingSessionsWithDifferentStartsCostTheOverlap() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(cleo).at(TUE, "07:30");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed).penalizesBy(30);
        }

        @Test
        void eachOverlappingPairThatIsNotOneGroupCounts() {
            // ana and ben are one group at 07:00; cai starts at 07:30 and overlaps each of them by 30
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session caiSpeed = session(cai, SPEED).minutes(60).coach(cleo).at(TUE, "07:30");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed, caiSpeed)
                    .penalizesBy(30 + 30);
        }

        @Test
        void backToBackGroupsAreFine() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, LONG_RUN).minutes(90).coach(cleo).at(TUE, "08:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed).penalizesBy(0);
        }

        @Test
        void twoCoachesMayLeadOverlappingSessions() {
            Coach dora = coach("dora").build();
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(90).coach(dora).at(TUE, "07:30");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed).penalizesBy(0);
        }

        @Test
        void aGroupAboveCapacityCostsTheAthletesAboveIt() {
            Coach small = coach("small").capacity(2).build();
            Session a = session(ana, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            Session b = session(ben, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            Session c = session(cai, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(a, b, c).penalizesBy(1);
        }

        @Test
        void aGroupOfFiveWithCapacityTwoCostsThree() {
            Coach small = coach("small").capacity(2).build();
            List<Object> group = new ArrayList<>();
            for (String id : List.of("a1", "a2", "a3", "a4", "a5")) {
                group.add(session(athlete(id).build(), SPEED).minutes(60).coach(small).at(TUE, "07:00"));
            }
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(group.toArray()).penalizesBy(3);
        }

        @Test
        void aGroupAtCapacityIsFine() {
            Coach small = coach("small").capacity(2).build();
            Session a = session(ana, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            Session b = session(ben, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(a, b).penalizesBy(0);
        }

        @Test
        void capacityCountsDistinctAthletes() {
            // ana twice in the group (her own Session overlap problem) is still one athlete of two
            Coach small = coach("small").capacity(2).build();
            Session a1 = session(ana, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            Session a2 = session(ana, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            Session b = session(ben, SPEED).minutes(60).coach(small).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(a1, a2, b).penalizesBy(0);
        }

        @Test
        void uncoachedSessionsAreNoGroup() {
            Session anaSpeed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(90).at(TUE, "07:30");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(anaSpeed, benSpeed).penalizesBy(0);
        }
    }

    // ************************************************************************ Facility hours

    @Nested
    class FacilityHours {

        /** Weekdays 06:00-09:00 and 09:00-12:00 (two windows), Saturday 08:00-12:00, closed on Sunday. */
        private final Facility track = new Facility("track", List.of(
                new OpeningWindow(weekdays(), window("06:00", "09:00")),
                new OpeningWindow(weekdays(), window("09:00", "12:00")),
                new OpeningWindow(EnumSet.of(DayOfWeek.SATURDAY), window("08:00", "12:00"))));

        @Test
        void aSessionRunningPastClosingCosts1() {
            Session speed = session(ana, SPEED).minutes(60).facility(track).at(TUE, "11:30");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(speed).penalizesBy(1);
        }

        @Test
        void aSessionStartingBeforeOpeningCosts1() {
            Session speed = session(ana, SPEED).minutes(60).facility(track).at(SAT, "07:30");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(speed).penalizesBy(1);
        }

        @Test
        void aSessionOnADayTheFacilityIsClosedCosts1() {
            Session speed = session(ana, SPEED).minutes(60).facility(track).at(SUN, "09:00");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(speed).penalizesBy(1);
        }

        @Test
        void aSessionSpanningTwoWindowsIsInsideNeither() {
            Session speed = session(ana, SPEED).minutes(60).facility(track).at(TUE, "08:30");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(speed).penalizesBy(1);
        }

        @Test
        void sessionsFillingAWindowExactlyAreInside() {
            Session weekday = session(ana, SPEED).minutes(180).facility(track).at(TUE, "06:00");
            Session saturday = session(ben, LONG_RUN).minutes(240).facility(track).at(SAT, "08:00");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(weekday, saturday).penalizesBy(0);
        }

        @Test
        void eachSessionOutsideCountsOnce() {
            Session sunday = session(ana, SPEED).minutes(60).facility(track).at(SUN, "09:00");
            Session evening = session(ben, SPEED).minutes(60).facility(track).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(sunday, evening).penalizesBy(2);
        }

        @Test
        void aSessionCrossingMidnightIsNotInsideAWindowClosingAtMidnight() {
            Facility allDay = new Facility("allday",
                    List.of(new OpeningWindow(EnumSet.allOf(DayOfWeek.class), window("00:00", "24:00"))));
            Session late = session(ana, EASY_RUN).minutes(60).facility(allDay).at(TUE, "23:30");
            Session inside = session(ben, EASY_RUN).minutes(60).facility(allDay).at(TUE, "23:00");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(late, inside).penalizesBy(1);
        }

        @Test
        void aSessionAtNoFacilityHasNoHours() {
            Session lift = session(ana, LIFT).minutes(60).at(SUN, "20:30");
            Session run = session(ana, EASY_RUN).minutes(60).at(SUN, "05:00");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(lift, run).penalizesBy(0);
        }
    }

    // ************************************************************************ Session dates

    @Nested
    class SessionDatesRule {

        /** Wednesday to Friday of the first week. */
        private SessionDates wedToFri() {
            return SessionDates.of(horizon, START.plusDays(WED), START.plusDays(FRI));
        }

        @Test
        void aStartOnOneOfItsDatesCostsNothing() {
            Session wednesday = session(ana, SPEED).at(WED, "07:00");
            wednesday.setDates(wedToFri());
            Session friday = session(ben, SPEED).at(FRI, "07:00");
            friday.setDates(wedToFri());
            VERIFIER.verifyThat(PlanConstraints::sessionDates).given(wednesday, friday).penalizesBy(0);
        }

        @Test
        void eachDayBeforeTheFirstDateCosts1() {
            Session monday = session(ana, SPEED).at(MON, "07:00");
            monday.setDates(wedToFri());
            VERIFIER.verifyThat(PlanConstraints::sessionDates).given(monday).penalizesBy(2);
        }

        @Test
        void eachDayAfterTheLastDateCosts1() {
            Session nextMonday = session(ana, LONG_RUN).at(NEXT_MON, "07:00");
            nextMonday.setDates(wedToFri());
            VERIFIER.verifyThat(PlanConstraints::sessionDates).given(nextMonday).penalizesBy(3);
        }

        @Test
        void datesBeforeTheHorizonCountFromTheirLastDay() {
            Session tuesday = session(ana, EASY_RUN).at(TUE, "07:00");
            tuesday.setDates(SessionDates.of(horizon, START.minusDays(7), START.minusDays(1)));
            VERIFIER.verifyThat(PlanConstraints::sessionDates).given(tuesday).penalizesBy(2);
        }

        @Test
        void sessionsWithoutDatesAndUnscheduledSessionsCostNothing() {
            Session free = session(ana, SPEED).at(SUN, "07:00");
            Session unscheduled = session(ben, SPEED).unscheduled();
            unscheduled.setDates(wedToFri());
            VERIFIER.verifyThat(PlanConstraints::sessionDates).given(free, unscheduled).penalizesBy(0);
        }
    }

    // ************************************************************************ Unscheduled session

    @Nested
    class UnscheduledSession {

        @Test
        void anUnscheduledSessionCostsOneMedium() {
            Session lift = session(ana, LIFT).minutes(60).unscheduled();
            VERIFIER.verifyThat(PlanConstraints::unscheduledSession).given(lift).penalizesBy(1);
        }

        @Test
        void eachUnscheduledSessionCostsOne() {
            Session lift = session(ana, LIFT).minutes(60).unscheduled();
            Session speed = session(ben, SPEED).minutes(60).unscheduled();
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::unscheduledSession).given(lift, speed, run).penalizesBy(2);
        }

        @Test
        void anUnscheduledSessionWithAPreviousStartCostsOneMediumToo() {
            Session lift = session(ana, LIFT).minutes(60).previousStart(MON, "18:00").unscheduled();
            VERIFIER.verifyThat(PlanConstraints::unscheduledSession).given(lift).penalizesBy(1);
        }

        @Test
        void scheduledSessionsCostNothing() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::unscheduledSession).given(run).penalizesBy(0);
        }
    }

    // ************************************************************************ Gym time

    @Nested
    class GymTime {

        @Test
        void aSingleLiftCostsItsMinutesPlusTheOverhead() {
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift).penalizesBy(60 + 20);
        }

        @Test
        void aGapShorterThanVisitGapMergesIntoOneVisitGapIncluded() {
            // 07:00-08:00 and 08:29-09:14: one visit 07:00-09:14 = 134 min + 20
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            Session bike = session(ana, CROSS_TRAINING).minutes(45).at(TUE, "08:29");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift, bike).penalizesBy(134 + 20);
        }

        @Test
        void aGapOfExactlyVisitGapOpensANewVisit() {
            // 07:00-08:00 and 08:30-09:15: two visits, (60 + 20) + (45 + 20)
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            Session bike = session(ana, CROSS_TRAINING).minutes(45).at(TUE, "08:30");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift, bike).penalizesBy(80 + 65);
        }

        @Test
        void visitsMergeWhateverOrderTheSessionsComeIn() {
            Session bike = session(ana, CROSS_TRAINING).minutes(45).at(TUE, "08:10");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "07:00");
            // 07:00-08:55 = 115 + 20
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(bike, lift).penalizesBy(115 + 20);
        }

        @Test
        void aSessionInsideAnotherDoesNotShortenTheVisit() {
            Session lift = session(ana, LIFT).minutes(120).at(TUE, "07:00");
            Session bike = session(ana, CROSS_TRAINING).minutes(30).at(TUE, "07:30");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift, bike).penalizesBy(120 + 20);
        }

        @Test
        void gymSessionsOnTwoDaysAreTwoVisits() {
            Session monday = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session wednesday = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(monday, wednesday).penalizesBy(80 + 80);
        }

        @Test
        void twoAthletesAtTheGymTogetherAreTwoVisits() {
            Session anaLift = session(ana, LIFT).minutes(60).at(MON, "18:00");
            Session benLift = session(ben, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(anaLift, benLift).penalizesBy(80 + 80);
        }

        @Test
        void theAthletesOwnOverheadApplies() {
            Athlete nearby = athlete("nearby").overhead(5).build();
            Session lift = session(nearby, LIFT).minutes(45).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift).penalizesBy(45 + 5);
        }

        @Test
        void aLargerVisitGapMergesALongerGap() {
            Athlete patient = athlete("patient").rules(rules().visitGapMinutes(60)).build();
            Session lift = session(patient, LIFT).minutes(60).at(TUE, "07:00");
            Session bike = session(patient, CROSS_TRAINING).minutes(30).at(TUE, "08:45");
            // gap 45 < 60: one visit 07:00-09:15 = 135 + 20
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift, bike).penalizesBy(135 + 20);
        }

        @Test
        void anyTypePlacedAtTheGymCounts() {
            Session treadmill = session(ana, EASY_RUN).minutes(40).location("gym").at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(treadmill).penalizesBy(40 + 20);
        }

        @Test
        void sessionsAwayFromTheGymCostNothing() {
            Session run = session(ana, EASY_RUN).minutes(60).at(TUE, "07:00");
            Session core = session(ana, CORE).minutes(20).at(TUE, "08:00");
            Session homeLift = session(ana, LIFT).minutes(30).location("home").at(TUE, "09:00");
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(run, core, homeLift).penalizesBy(0);
        }

        @Test
        void unscheduledGymSessionsCostNothing() {
            Session lift = session(ana, LIFT).minutes(60).unscheduled();
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift).penalizesBy(0);
        }
    }

    // ************************************************************************ Lift on easy day

    @Nested
    class LiftOnEasyDay {

        @Test
        void aLiftOnAnEasyDayAfterAnEasyDayCostsTheWeight() {
            Session lift = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(lift).penalizesBy(60);
        }

        @Test
        void aLiftOnAnEasyDayRightAfterAHardDayCostsHalf() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(speed, lift).penalizesBy(30);
        }

        @Test
        void aLiftOnAHardDayCostsNothing() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(speed, lift).penalizesBy(0);
        }

        @Test
        void aLiftOnAHardDayAfterAHardDayCostsNothing() {
            Session longRun = session(ana, LONG_RUN).minutes(90).at(MON, "07:00");
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(longRun, speed, lift).penalizesBy(0);
        }

        @Test
        void anOddWeightCostsItselfOnAnEasyDay() {
            Athlete odd = athlete("odd").weights(new Weights(Map.of(Rule.LIFT_ON_EASY_DAY, 61))).build();
            Session lift = session(odd, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(lift).penalizesBy(61);
        }

        @Test
        void anOddWeightIsHalvedRoundingDownRightAfterAHardDay() {
            Athlete odd = athlete("odd").weights(new Weights(Map.of(Rule.LIFT_ON_EASY_DAY, 61))).build();
            Session speed = session(odd, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(odd, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(speed, lift).penalizesBy(30);
        }

        @Test
        void aHistoryQualitySessionTheDayBeforeTheHorizonMakesMondayHalfPrice() {
            Athlete withHistory = athlete("hist").history(past(LONG_RUN, -1, "08:00", 120)).build();
            Session lift = session(withHistory, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(lift).penalizesBy(30);
        }

        @Test
        void aHistoryEasyRunOrLiftTheDayBeforeTheHorizonIsNotAHardDay() {
            Athlete withHistory = athlete("hist")
                    .history(past(EASY_RUN, -1, "07:00", 60), past(LIFT, -1, "18:00", 60)).build();
            Session lift = session(withHistory, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(lift).penalizesBy(60);
        }

        @Test
        void aHistoryQualitySessionTwoDaysBeforeTheHorizonDoesNotHalveMonday() {
            Athlete withHistory = athlete("hist").history(past(SPEED, -2, "07:00", 60)).build();
            Session lift = session(withHistory, LIFT).minutes(60).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(lift).penalizesBy(60);
        }

        @Test
        void anEasyRunTheDayBeforeDoesNotMakeItAHardDay() {
            Session run = session(ana, EASY_RUN).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(run, lift).penalizesBy(60);
        }

        @Test
        void aQualitySessionTheDayAfterDoesNotMakeTheLiftsDayHard() {
            Session lift = session(ana, LIFT).minutes(60).at(WED, "18:00");
            Session speed = session(ana, SPEED).minutes(60).at(THU, "07:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(lift, speed).penalizesBy(60);
        }

        @Test
        void anotherAthletesQualitySessionDoesNotMakeMyDayHard() {
            Session benSpeed = session(ben, SPEED).minutes(60).at(WED, "07:00");
            Session lift = session(ana, LIFT).minutes(60).at(WED, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(benSpeed, lift).penalizesBy(60);
        }

        @Test
        void eachLiftIsCostedOnItsOwn() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session afterHard = session(ana, LIFT).minutes(60).at(WED, "18:00");
            Session easy = session(ana, LIFT).minutes(60).at(FRI, "18:00");
            Session onHard = session(ana, LIFT).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(speed, afterHard, easy, onHard)
                    .penalizesBy(30 + 60 + 0);
        }
    }

    // ************************************************************************ Rest day

    @Nested
    class RestDay {

        @Test
        void aWeekWithASessionEveryDayMissesOneRestDay() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SUN);
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(1);
        }

        @Test
        void aWeekWithOneFreeDayIsFine() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SAT);
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(0);
        }

        @Test
        void aDayWithOnlyCoreIsStillARestDay() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SAT);
            sessions.add(session(ana, CORE).minutes(20).at(SUN, "09:00"));
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(0);
        }

        @Test
        void aCrossTrainingSessionMakesItATrainingDay() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SAT);
            sessions.add(session(ana, CROSS_TRAINING).minutes(30).at(SUN, "09:00"));
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(1);
        }

        @Test
        void twoSessionsOnOneDayAreOneTrainingDay() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SAT);
            sessions.add(session(ana, LIFT).minutes(60).at(SAT, "18:00"));
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(0);
        }

        @Test
        void twoRestDaysWantedAndNoneGivenMissesTwo() {
            Athlete restful = athlete("restful").rules(rules().restDaysPerWeek(2)).build();
            List<Object> sessions = everyDay(restful, EASY_RUN, MON, SUN);
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(2);
        }

        @Test
        void eachFullWeekIsCountedOnItsOwn() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, 13);
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(2);
        }

        @Test
        void aPartialLastWeekIsNotCounted() {
            horizon = TEN_DAYS;
            Athlete tenDays = athlete("ten").fullWeeks(TEN_DAYS.fullWeeks()).build();
            List<Object> sessions = everyDay(tenDays, EASY_RUN, MON, SAT);
            sessions.addAll(everyDay(tenDays, EASY_RUN, 7, 9));
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(0);
        }

        @Test
        void unscheduledSessionsDoNotTakeARestDay() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SAT);
            sessions.add(session(ana, EASY_RUN).minutes(60).unscheduled());
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(0);
        }

        @Test
        void anotherAthletesSessionDoesNotTakeMyRestDay() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SAT);
            sessions.add(session(ben, EASY_RUN).minutes(60).at(SUN, "09:00"));
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).penalizesBy(0);
        }
    }

    // ************************************************************************ Preferred time

    @Nested
    class PreferredTime {

        /** Lifts "later in the day" (15:00-20:00, every day); speed "in the am" on Tuesday and Thursday. */
        private final Athlete picky = athlete("picky").preferences(
                new Preference(Set.of(LIFT), EnumSet.allOf(DayOfWeek.class), minuteOfDay("15:00"), minuteOfDay("20:00")),
                new Preference(Set.of(SPEED), EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                        minuteOfDay("06:00"), minuteOfDay("09:00"))).build();

        @Test
        void aLiftStartingBeforeItsWindowCosts1() {
            Session lift = session(picky, LIFT).minutes(60).at(WED, "14:45");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(lift).penalizesBy(1);
        }

        @Test
        void aLiftStartingExactlyAtFromIsInside() {
            Session lift = session(picky, LIFT).minutes(60).at(WED, "15:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(lift).penalizesBy(0);
        }

        @Test
        void aLiftStartingExactlyAtToIsOutsideBecauseToIsExclusive() {
            Session lift = session(picky, LIFT).minutes(60).at(WED, "20:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(lift).penalizesBy(1);
        }

        @Test
        void onlyTheStartCountsSoALiftEndingAfterToIsInside() {
            Session lift = session(picky, LIFT).minutes(60).at(WED, "19:45");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(lift).penalizesBy(0);
        }

        @Test
        void aSpeedSessionOnADayOutsideItsPreferredDaysCosts1() {
            Session speed = session(picky, SPEED).minutes(60).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(speed).penalizesBy(1);
        }

        @Test
        void aSpeedSessionOnAPreferredDayAndTimeIsFine() {
            Session speed = session(picky, SPEED).minutes(60).at(THU, "06:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(speed).penalizesBy(0);
        }

        @Test
        void aTypeWithoutPreferencesIsNeverPenalized() {
            Session longRun = session(picky, LONG_RUN).minutes(120).at(SUN, "20:00");
            Session core = session(picky, CORE).minutes(20).at(WED, "06:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(longRun, core).penalizesBy(0);
        }

        @Test
        void anAthleteWithoutPreferencesIsNeverPenalized() {
            Session lift = session(ana, LIFT).minutes(60).at(WED, "06:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(lift).penalizesBy(0);
        }

        @Test
        void anyOneOfSeveralWindowsIsEnough() {
            Athlete twoWindows = athlete("two").preferences(
                    new Preference(Set.of(EASY_RUN), EnumSet.allOf(DayOfWeek.class), minuteOfDay("06:00"), minuteOfDay("08:00")),
                    new Preference(Set.of(EASY_RUN, LIFT), EnumSet.allOf(DayOfWeek.class), minuteOfDay("18:00"),
                            minuteOfDay("20:00"))).build();
            Session morning = session(twoWindows, EASY_RUN).minutes(45).at(MON, "07:00");
            Session evening = session(twoWindows, EASY_RUN).minutes(45).at(TUE, "18:30");
            Session noon = session(twoWindows, EASY_RUN).minutes(45).at(WED, "12:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(morning, evening, noon).penalizesBy(1);
        }
    }

    // ************************************************************************ Coach time

    @Nested
    class CoachTime {

        private final Coach cleo = coach("cleo").build();

        @Test
        void aGroupOfTwoCostsItsMinutesOnce() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::coachTime).given(anaSpeed, benSpeed).penalizesBy(60);
        }

        @Test
        void twoGroupsAtDifferentStartsCostBoth() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benLong = session(ben, LONG_RUN).minutes(90).coach(cleo).at(SAT, "08:00");
            VERIFIER.verifyThat(PlanConstraints::coachTime).given(anaSpeed, benLong).penalizesBy(60 + 90);
        }

        @Test
        void sessionsWithOneStartButDifferentMinutesCostTheLongest() {
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(90).coach(cleo).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::coachTime).given(anaSpeed, benSpeed).penalizesBy(90);
        }

        @Test
        void twoCoachesAtOneStartAreTwoGroups() {
            Coach dora = coach("dora").build();
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(dora).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::coachTime).given(anaSpeed, benSpeed).penalizesBy(60 + 60);
        }

        @Test
        void uncoachedAndUnscheduledSessionsCostNoCoachTime() {
            Session uncoached = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session unscheduled = session(ben, SPEED).minutes(60).coach(cleo).unscheduled();
            VERIFIER.verifyThat(PlanConstraints::coachTime).given(uncoached, unscheduled).penalizesBy(0);
        }
    }

    // ************************************************************************ Plan stability

    @Nested
    class PlanStability {

        @Test
        void aSessionMovedTwoHoursLaterCosts10Plus120() {
            Session lift = session(ana, LIFT).minutes(60).previousStart(TUE, "16:00").at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).penalizesBy(10 + 120);
        }

        @Test
        void aSessionMovedEarlierCountsTheDistance() {
            Session lift = session(ana, LIFT).minutes(60).previousStart(TUE, "18:00").at(TUE, "17:15");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).penalizesBy(10 + 45);
        }

        @Test
        void aSessionMovedToAnotherDayCountsTheWholeDistance() {
            Session lift = session(ana, LIFT).minutes(60).previousStart(TUE, "18:00").at(THU, "18:00");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).penalizesBy(10 + 2 * 1440);
        }

        @Test
        void aSessionAtItsPreviousStartCostsNothing() {
            Session lift = session(ana, LIFT).minutes(60).previousStart(TUE, "18:00").at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).penalizesBy(0);
        }

        @Test
        void aSessionWithoutAPreviousStartCostsNothing() {
            Session lift = session(ana, LIFT).minutes(60).at(TUE, "18:00");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).penalizesBy(0);
        }

        @Test
        void anUnscheduledSessionWithAPreviousStartCostsNothingHere() {
            Session lift = session(ana, LIFT).minutes(60).previousStart(TUE, "18:00").unscheduled();
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).penalizesBy(0);
        }

        @Test
        void eachMovedSessionCounts() {
            Session lift = session(ana, LIFT).minutes(60).previousStart(TUE, "18:00").at(TUE, "18:30");
            Session run = session(ben, EASY_RUN).minutes(60).previousStart(WED, "07:00").at(WED, "06:00");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift, run).penalizesBy((10 + 30) + (10 + 60));
        }

        @Test
        void aLargeAbsoluteStartDoesNotFoolTheComparison() {
            // previousStart is an Integer: 128+ must compare by value, not by identity
            Session lift = session(ana, LIFT).minutes(60).previousStart(NEXT_MON + 6, "20:00")
                    .at(NEXT_MON + 6, "20:00");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).penalizesBy(0);
        }
    }

    // ************************************************************************ justifications

    /**
     * Each rule justifies a match with its own record: the facts the views read (which sessions, how far apart,
     * whether the day before was hard) and the line a runner reads, spelt out here.
     */
    @Nested
    class Justifications {

        private final Coach cleo = coach("cleo").day("06:00", "20:00").capacity(1).build();

        @Test
        void sessionOverlapNamesBothSessionsAndTheMinutes() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "07:00");
            Session core = session(ana, CORE).minutes(45).at(MON, "07:30");
            VERIFIER.verifyThat(PlanConstraints::sessionOverlap).given(run, core).justifiesWith(
                    new Reason.SessionOverlap(run, core, 30, run.getId() + " (Mon 23 Nov 07:00-08:00) and " + core.getId()
                            + " (Mon 23 Nov 07:30-08:15) overlap by 30 min"));
        }

        @Test
        void busyTimeNamesTheBlock() {
            BusyBlock work = busy(ana, MON, "08:30", MON, "17:30");
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "08:00");
            VERIFIER.verifyThat(PlanConstraints::busyTime).given(work, run).justifiesWith(new Reason.BusyTime(run, work, 30,
                    run.getId() + " (Mon 23 Nov 08:00-09:00) overlaps busy time 'ana busy day 0 08:30 - day 0 17:30' by 30 min"));
        }

        @Test
        void dayWindowSaysHowFarOutside() {
            Session run = session(ana, EASY_RUN).minutes(60).at(MON, "05:30");
            VERIFIER.verifyThat(PlanConstraints::dayWindow).given(run).justifiesWith(new Reason.DayWindow(run, 30,
                    run.getId() + " (Mon 23 Nov 05:30-06:30) lies 30 min outside ana's day 06:00-21:00"));
        }

        @Test
        void noLiftBeforeQualityNamesTheLiftAndTheQualitySession() {
            Session lift = session(ana, LIFT).minutes(45).at(TUE, "06:00");
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftBeforeQuality).given(lift, speed).justifiesWith(
                    new Reason.NoLiftBeforeQuality(lift, speed, lift.getId() + " (Tue 24 Nov 06:00) starts before "
                            + speed.getId() + " (Tue 24 Nov 07:00-08:00) ends: lift after you run, never before"));
        }

        @Test
        void recoveryGapSaysTheGapAndWhatIsNeeded() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session lift = session(ana, LIFT).minutes(45).at(TUE, "10:00");
            VERIFIER.verifyThat(PlanConstraints::recoveryGap).given(speed, lift).justifiesWith(
                    new Reason.RecoveryGap(lift, speed, 120, 240, lift.getId() + " (Tue 24 Nov 10:00) starts 2h after "
                            + speed.getId() + " ends (08:00); needs 4h"));
        }

        @Test
        void qualitySpacingNamesThePairAndTheDaysApart() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session tempo = session(ana, SPEED).minutes(45).at(WED, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(speed, tempo).justifiesWith(
                    new Reason.QualitySpacing(speed, null, tempo, 1, 2, speed.getId() + " (Tue 24 Nov 07:00) and "
                            + tempo.getId() + " (Wed 25 Nov 07:00) are 1 day apart; need at least 2 days to recover"));
        }

        @Test
        void qualitySpacingAfterTheHistoryNamesTheHistorySession() {
            PastSession longRun = past(LONG_RUN, -1, "08:00", 100);
            Athlete dana = athlete("dana").history(longRun).build();
            Session speed = session(dana, SPEED).minutes(60).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::qualitySpacing).given(speed).justifiesWith(
                    new Reason.QualitySpacing(null, longRun, speed, 1, 2, "history long run Sun 22 Nov 08:00 and "
                            + speed.getId() + " (Mon 23 Nov 07:00) are 1 day apart; need at least 2 days to recover"));
        }

        @Test
        void noLiftTheDayBeforeQualityNamesBoth() {
            Session lift = session(ana, LIFT).minutes(45).at(MON, "17:00");
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::noLiftTheDayBeforeQuality).given(lift, speed).justifiesWith(
                    new Reason.NoLiftDayBeforeQuality(lift, speed, lift.getId() + " (Mon 23 Nov 17:00) is the day before "
                            + speed.getId() + " (Tue 24 Nov 07:00): never lift the day before a hard workout"));
        }

        @Test
        void oneRunADayListsTheDaysRuns() {
            Session morning = session(ana, EASY_RUN).minutes(30).at(MON, "07:00");
            Session evening = session(ana, EASY_RUN).minutes(30).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::oneRunADay).given(evening, morning).justifiesWith(
                    new Reason.OneRunADay(ana, List.of(morning, evening), 1, "ana has 2 runs on Mon 23 Nov ("
                            + morning.getId() + ", " + evening.getId() + "); at most 1"));
        }

        @Test
        void oneOfAKindADayNamesTheType() {
            Session first = session(ana, CORE).minutes(20).at(MON, "07:00");
            Session second = session(ana, CORE).minutes(20).at(MON, "18:00");
            VERIFIER.verifyThat(PlanConstraints::oneOfAKindADay).given(first, second).justifiesWith(
                    new Reason.OneOfAKindADay(ana, CORE, List.of(first, second), "ana has 2 core sessions on Mon 23 Nov ("
                            + first.getId() + ", " + second.getId() + "); at most 1"));
        }

        @Test
        void liftSpacingNamesThePair() {
            Session first = session(ana, LIFT).minutes(45).at(MON, "17:00");
            Session second = session(ana, LIFT).minutes(45).at(TUE, "17:00");
            VERIFIER.verifyThat(PlanConstraints::liftSpacing).given(first, second).justifiesWith(
                    new Reason.LiftSpacing(first, null, second, 1, 2, first.getId() + " (Mon 23 Nov 17:00) and "
                            + second.getId() + " (Tue 24 Nov 17:00) are 1 day apart; lifts need at least 2 days"));
        }

        @Test
        void liftsPerWeekListsTheWeeksLifts() {
            Athlete dana = athlete("dana").rules(rules().liftSpacingDays(0)).build();
            List<Session> lifts = List.of(session(dana, LIFT).minutes(45).at(MON, "17:00"),
                    session(dana, LIFT).minutes(45).at(TUE, "17:00"), session(dana, LIFT).minutes(45).at(WED, "17:00"),
                    session(dana, LIFT).minutes(45).at(THU, "17:00"));
            VERIFIER.verifyThat(PlanConstraints::liftsPerWeek).given(lifts.toArray()).justifiesWith(
                    new Reason.LiftsPerWeek(dana.weeks().get(0), lifts, 3, "dana week 1 has 4 lifts ("
                            + String.join(", ", lifts.stream().map(Session::getId).toList()) + "); at most 3"));
        }

        @Test
        void coachAvailableSaysOutsideTheDayOrWhichBusyBlock() {
            Session early = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "05:30");
            BusyBlock clinic = busy(cleo, THU, "16:00", THU, "20:00");
            Session late = session(ben, SPEED).minutes(60).coach(cleo).at(THU, "17:00");
            VERIFIER.verifyThat(PlanConstraints::coachAvailable).given(early, clinic, late).justifiesWith(
                    new Reason.CoachAvailable(early, null, 30, early.getId()
                            + " (Tue 24 Nov 05:30-06:30) lies 30 min outside coach cleo's day 06:00-20:00"),
                    new Reason.CoachAvailable(late, clinic, 60, late.getId() + " (Thu 26 Nov 17:00-18:00) overlaps coach "
                            + "cleo's busy time 'cleo busy day 3 16:00 - day 3 20:00' by 1h"));
        }

        @Test
        void oneGroupAtATimeSaysWhichPairIsNotOneGroupOrWhichGroupIsTooFull() {
            Session speed = session(ana, SPEED).minutes(60).coach(cleo).at(TUE, "07:00");
            Session tempo = session(ben, SPEED).minutes(45).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(cleo).at(TUE, "07:30");
            Session anaLong = session(ana, LONG_RUN).minutes(90).coach(cleo).at(SAT, "08:00");
            Session benLong = session(ben, LONG_RUN).minutes(90).coach(cleo).at(SAT, "08:00");
            VERIFIER.verifyThat(PlanConstraints::oneGroupAtATime).given(speed, tempo, benSpeed, anaLong, benLong)
                    .justifiesWith(
                            new Reason.NotOneGroup(speed, benSpeed, 30, "coach cleo: " + speed.getId()
                                    + " (Tue 24 Nov 07:00-08:00) and " + benSpeed.getId() + " (Tue 24 Nov 07:30-08:30)"
                                    + " overlap by 30 min but are not one group (same start, type and minutes)"),
                            new Reason.GroupOverCapacity(cleo, List.of(anaLong, benLong), 2, "coach cleo: the group at "
                                    + "Sat 28 Nov 08:00 holds 2 athletes (" + anaLong.getId() + ", " + benLong.getId()
                                    + "); capacity 1"));
        }

        @Test
        void facilityHoursNamesTheFacility() {
            Facility pool = new Facility("pool", List.of(new OpeningWindow(weekdays(), window("12:00", "13:30"))));
            Session swim = session(ana, CROSS_TRAINING).minutes(45).facility(pool).at(MON, "07:00");
            VERIFIER.verifyThat(PlanConstraints::facilityHours).given(swim).justifiesWith(new Reason.FacilityHours(swim,
                    swim.getId() + " (Mon 23 Nov 07:00-07:45) is not inside an opening window of 'pool'"));
        }

        @Test
        void sessionDatesSaysHowManyDaysOutside() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            speed.setDates(SessionDates.of(horizon, START.plusDays(3), START.plusDays(5)));
            VERIFIER.verifyThat(PlanConstraints::sessionDates).given(speed).justifiesWith(new Reason.SessionDates(speed, 2,
                    speed.getId() + " (Tue 24 Nov 07:00) starts 2 day(s) outside its dates " + speed.getDates()));
        }

        @Test
        void unscheduledSessionSaysWhatWasLeftOut() {
            Session lift = session(ana, LIFT).minutes(45).unscheduled();
            VERIFIER.verifyThat(PlanConstraints::unscheduledSession).given(lift).justifiesWith(
                    new Reason.UnscheduledSession(lift, lift.getId() + " (lift, 45 min, ana) is not scheduled"));
        }

        @Test
        void gymTimeNamesTheVisit() {
            Session lift = session(ana, LIFT).minutes(45).at(MON, "17:00");
            Session core = session(ana, CROSS_TRAINING).minutes(30).at(MON, "17:50");
            GymVisit visit = GymVisit.of(List.of(lift, core)).get(0);
            VERIFIER.verifyThat(PlanConstraints::gymTime).given(lift, core).justifiesWith(new Reason.GymTime(ana, visit,
                    "ana gym visit Mon 23 Nov 17:00-18:20 (" + lift.getId() + ", " + core.getId()
                            + "): 80 min + 20 min overhead"));
        }

        @Test
        void liftOnEasyDaySaysWhetherTheDayBeforeWasHard() {
            Session speed = session(ana, SPEED).minutes(60).at(TUE, "07:00");
            Session afterHard = session(ana, LIFT).minutes(45).at(WED, "17:00");
            Session easy = session(ana, LIFT).minutes(45).at(SAT, "17:00");
            VERIFIER.verifyThat(PlanConstraints::liftOnEasyDay).given(speed, afterHard, easy).justifiesWith(
                    new Reason.LiftOnEasyDay(afterHard, true, afterHard.getId()
                            + " (Wed 25 Nov 17:00) is on an easy day right after a hard day: keep hard days hard, easy days easy"),
                    new Reason.LiftOnEasyDay(easy, false, easy.getId()
                            + " (Sat 28 Nov 17:00) is on an easy day: keep hard days hard, easy days easy"));
        }

        @Test
        void restDayCountsTheRestDays() {
            List<Object> sessions = everyDay(ana, EASY_RUN, MON, SUN);
            VERIFIER.verifyThat(PlanConstraints::restDay).given(sessions.toArray()).justifiesWith(
                    new Reason.RestDay(ana.weeks().get(0), 0, "ana week 1 has 0 rest days; wants 1"));
        }

        @Test
        void preferredTimeNamesTheSession() {
            Athlete dana = athlete("dana").preferences(new Preference(EnumSet.of(SPEED), weekdays(), minuteOfDay("06:00"),
                    minuteOfDay("09:00"))).build();
            Session speed = session(dana, SPEED).minutes(60).at(TUE, "17:00");
            VERIFIER.verifyThat(PlanConstraints::preferredTime).given(speed).justifiesWith(new Reason.PreferredTime(speed,
                    speed.getId() + " (Tue 24 Nov 17:00) starts in none of its preferred windows"));
        }

        @Test
        void coachTimeNamesTheGroupAndItsMinutes() {
            Coach mara = coach("mara").build();
            Session anaSpeed = session(ana, SPEED).minutes(60).coach(mara).at(TUE, "07:00");
            Session benSpeed = session(ben, SPEED).minutes(60).coach(mara).at(TUE, "07:00");
            VERIFIER.verifyThat(PlanConstraints::coachTime).given(benSpeed, anaSpeed).justifiesWith(
                    new Reason.CoachTime(mara, List.of(anaSpeed, benSpeed), 60, "coach mara leads " + anaSpeed.getId()
                            + ", " + benSpeed.getId() + " at Tue 24 Nov 07:00: 60 min"));
        }

        @Test
        void planStabilitySaysHowFarItMoved() {
            Session lift = session(ana, LIFT).minutes(45).previousStart(MON, "17:00").at(MON, "18:30");
            VERIFIER.verifyThat(PlanConstraints::planStability).given(lift).justifiesWith(new Reason.PlanStability(lift, 90, 100,
                    lift.getId() + " (Mon 23 Nov 18:30) moved 90 min from its previous start"));
        }

        @Test
        void qualityGapNamesThePairAndTheUsualRange() {
            Session speed = session(ana, SPEED).minutes(60).at(MON, "07:00");
            Session longRun = session(ana, LONG_RUN).minutes(90).at(SAT, "08:00");
            VERIFIER.verifyThat(PlanConstraints::qualityGap).given(speed, longRun).justifiesWith(
                    new Reason.QualityGap(speed, null, longRun, 5, speed.getId() + " (Mon 23 Nov 07:00) and "
                            + longRun.getId() + " (Sat 28 Nov 08:00) are 5 days apart; usually 2-3 days"));
        }

        @Test
        void missingLiftCountsTheWeeksLifts() {
            Session lift = session(ana, LIFT).minutes(45).at(MON, "17:00");
            VERIFIER.verifyThat(PlanConstraints::missingLift).given(lift, ana.weeks().get(0), ana.weeks().get(1))
                    .justifiesWith(
                            new Reason.MissingLift(ana.weeks().get(0), List.of(lift), "ana week 1 has 1 lifts ("
                                    + lift.getId() + "); aim for 2-3"),
                            new Reason.MissingLift(ana.weeks().get(1), List.of(), "ana week 2 has 0 lifts; aim for 2-3"));
        }
    }

    // ************************************************************************ fixture

    private static int minuteOfDay(String clock) {
        String[] parts = clock.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    /** Absolute minute (after 00:00 of day 0) of {@code clock} on {@code day}; day may be negative. */
    private static int minute(int day, String clock) {
        return day * Minutes.PER_DAY + minuteOfDay(clock);
    }

    private static Window window(String from, String to) {
        return new Window(minuteOfDay(from), minuteOfDay(to));
    }

    private static Set<DayOfWeek> weekdays() {
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }

    private static PastSession past(SessionType type, int day, String clock, int minutes) {
        return new PastSession(type, minute(day, clock), minutes);
    }

    private static BusyBlock busy(Person owner, int fromDay, String from, int toDay, String to) {
        return new BusyBlock(owner, minute(fromDay, from), minute(toDay, to), "busy",
                owner.id() + " busy day " + fromDay + " " + from + " - day " + toDay + " " + to);
    }

    /** One session of {@code type} each day from {@code firstDay} to {@code lastDay} (inclusive) at 07:00. */
    private List<Object> everyDay(Athlete athlete, SessionType type, int firstDay, int lastDay) {
        List<Object> sessions = new ArrayList<>();
        for (int day = firstDay; day <= lastDay; day++) {
            sessions.add(session(athlete, type).minutes(45).at(day, "07:00"));
        }
        return sessions;
    }

    private AthleteBuilder athlete(String id) {
        return new AthleteBuilder(id);
    }

    private static CoachBuilder coach(String id) {
        return new CoachBuilder(id);
    }

    private static RulesBuilder rules() {
        return new RulesBuilder();
    }

    private SessionBuilder session(Athlete athlete, SessionType type) {
        return new SessionBuilder(athlete, type);
    }

    private final class AthleteBuilder {
        private final String id;
        private Window day = Window.DEFAULT_DAY;
        private int overhead = Athlete.DEFAULT_GYM_VISIT_OVERHEAD;
        private Rules rules = Rules.DEFAULT;
        private Weights weights = Weights.DEFAULT;
        private List<PastSession> history = List.of();
        private List<Preference> preferences = List.of();
        private int fullWeeks = horizon.fullWeeks();

        AthleteBuilder(String id) {
            this.id = id;
        }

        AthleteBuilder day(String from, String to) {
            this.day = window(from, to);
            return this;
        }

        AthleteBuilder overhead(int minutes) {
            this.overhead = minutes;
            return this;
        }

        AthleteBuilder rules(RulesBuilder rules) {
            this.rules = rules.build();
            return this;
        }

        AthleteBuilder weights(Weights weights) {
            this.weights = weights;
            return this;
        }

        AthleteBuilder history(PastSession... history) {
            this.history = List.of(history);
            return this;
        }

        AthleteBuilder preferences(Preference... preferences) {
            this.preferences = List.of(preferences);
            return this;
        }

        AthleteBuilder fullWeeks(int fullWeeks) {
            this.fullWeeks = fullWeeks;
            return this;
        }

        Athlete build() {
            return new Athlete(id, id, day, overhead, rules, weights, history, preferences, fullWeeks);
        }
    }

    private static final class CoachBuilder {
        private final String id;
        private Window day = Window.DEFAULT_DAY;
        private int capacity = Coach.DEFAULT_GROUP_CAPACITY;

        CoachBuilder(String id) {
            this.id = id;
        }

        CoachBuilder day(String from, String to) {
            this.day = window(from, to);
            return this;
        }

        CoachBuilder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        Coach build() {
            return new Coach(id, day, capacity);
        }
    }

    /** Rules.DEFAULT with some parameters changed. */
    private static final class RulesBuilder {
        private final Rules d = Rules.DEFAULT;
        private int liftGapMinutes = d.liftGapMinutes();
        private int qualitySpacingMin = d.qualitySpacingMin();
        private int qualitySpacingMax = d.qualitySpacingMax();
        private int liftsPerWeekMin = d.liftsPerWeekMin();
        private int liftsPerWeekMax = d.liftsPerWeekMax();
        private int restDaysPerWeek = d.restDaysPerWeek();
        private int runsPerDay = d.runsPerDay();
        private int liftSpacingDays = d.liftSpacingDays();
        private int visitGapMinutes = d.visitGapMinutes();
        private boolean allowLiftRightAfterQuality = d.allowLiftRightAfterQuality();

        RulesBuilder liftGapMinutes(int minutes) {
            this.liftGapMinutes = minutes;
            return this;
        }

        RulesBuilder qualitySpacing(int min, int max) {
            this.qualitySpacingMin = min;
            this.qualitySpacingMax = max;
            return this;
        }

        RulesBuilder liftsPerWeek(int min, int max) {
            this.liftsPerWeekMin = min;
            this.liftsPerWeekMax = max;
            return this;
        }

        RulesBuilder restDaysPerWeek(int days) {
            this.restDaysPerWeek = days;
            return this;
        }

        RulesBuilder runsPerDay(int runs) {
            this.runsPerDay = runs;
            return this;
        }

        RulesBuilder liftSpacingDays(int days) {
            this.liftSpacingDays = days;
            return this;
        }

        RulesBuilder visitGapMinutes(int minutes) {
            this.visitGapMinutes = minutes;
            return this;
        }

        RulesBuilder allowLiftRightAfterQuality(boolean allow) {
            this.allowLiftRightAfterQuality = allow;
            return this;
        }

        Rules build() {
            return new Rules(liftGapMinutes, qualitySpacingMin, qualitySpacingMax, liftsPerWeekMin, liftsPerWeekMax,
                    restDaysPerWeek, runsPerDay, liftSpacingDays, visitGapMinutes, allowLiftRightAfterQuality);
        }
    }

    private final class SessionBuilder {
        private final Athlete athlete;
        private final SessionType type;
        private int minutes = 60;
        private String location;
        private Facility facility;
        private Coach coach;
        private Integer previousStart;

        SessionBuilder(Athlete athlete, SessionType type) {
            this.athlete = athlete;
            this.type = type;
        }

        SessionBuilder minutes(int minutes) {
            this.minutes = minutes;
            return this;
        }

        SessionBuilder location(String location) {
            this.location = location;
            return this;
        }

        SessionBuilder facility(Facility facility) {
            this.facility = facility;
            this.location = facility.id();
            return this;
        }

        SessionBuilder coach(Coach coach) {
            this.coach = coach;
            return this;
        }

        SessionBuilder previousStart(int day, String clock) {
            // new Integer identity on purpose: Integer.valueOf caches only -128..127
            this.previousStart = Integer.valueOf(minute(day, clock));
            return this;
        }

        /** Scheduled at {@code clock} on {@code day}. */
        Session at(int day, String clock) {
            Session session = build();
            session.setStartSlot(horizon.slot(day, minuteOfDay(clock)));
            return session;
        }

        Session unscheduled() {
            return build();
        }

        private Session build() {
            int rank = nextRank++;
            String id = String.format("%03d-%s-%s", rank, athlete.id(), type.name().toLowerCase());
            Session session = new Session(id, athlete, type, minutes, location, facility, coach);
            session.setIdRank(rank);
            session.setPreviousStart(previousStart);
            return session;
        }
    }
}
