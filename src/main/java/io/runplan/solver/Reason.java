package io.runplan.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import io.runplan.domain.Athlete;
import io.runplan.domain.AthleteWeek;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.Minutes;
import io.runplan.domain.PastSession;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;

import java.util.Comparator;
import java.util.List;

/**
 * Why a rule matched: one typed record per rule of {@link PlanConstraints} (its justification), holding the facts
 * the rule found (the sessions, the busy block, how far apart, whether the day before was hard) and the line a runner
 * reads. The report, the week view, the printer and the explanations read these facts instead of working them out
 * again. The line is made when the match is found, as sessions move after that (a re-plan tries old starts).
 */
public sealed interface Reason extends ConstraintJustification, Comparable<Reason> {

    /** The rule that matched. */
    Rule rule();

    /** The match as one line, naming the sessions it involves. */
    String text();

    /** The sessions the match names, in the order the line names them. */
    List<Session> sessions();

    /** The ids of {@link #sessions()}. */
    default List<String> sessionIds() {
        return sessions().stream().map(Session::getId).toList();
    }

    @Override
    default int compareTo(Reason other) {
        return text().compareTo(other.text());
    }

    // ************************************************************************ Hard

    /** Two sessions of one athlete overlap by {@code minutes}. */
    record SessionOverlap(Session first, Session second, int minutes, String text) implements Reason {
        static SessionOverlap of(Session first, Session second, int minutes) {
            return new SessionOverlap(first, second, minutes, first.describeWithEnd() + " and " + second.describeWithEnd()
                    + " overlap by " + Minutes.duration(minutes));
        }

        public Rule rule() {
            return Rule.SESSION_OVERLAP;
        }

        public List<Session> sessions() {
            return List.of(first, second);
        }
    }

    /** A session overlaps its athlete's busy block by {@code minutes}. */
    record BusyTime(Session session, BusyBlock busy, int minutes, String text) implements Reason {
        static BusyTime of(Session session, BusyBlock busy, int minutes) {
            return new BusyTime(session, busy, minutes, session.describeWithEnd() + " overlaps busy time '"
                    + busy.describe() + "' by " + Minutes.duration(minutes));
        }

        public Rule rule() {
            return Rule.BUSY_TIME;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    /** A session lies {@code minutes} outside its athlete's day window. */
    record DayWindow(Session session, int minutes, String text) implements Reason {
        static DayWindow of(Session session, int minutes) {
            return new DayWindow(session, minutes, session.describeWithEnd() + " lies " + Minutes.duration(minutes)
                    + " outside " + session.getAthlete().id() + "'s day " + session.getAthlete().day());
        }

        public Rule rule() {
            return Rule.DAY_WINDOW;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    /** A lift starts before a quality session of the same day ends. */
    record NoLiftBeforeQuality(Session lift, Session quality, String text) implements Reason {
        static NoLiftBeforeQuality of(Session lift, Session quality) {
            return new NoLiftBeforeQuality(lift, quality, lift.describe() + " starts before "
                    + quality.describeWithEnd() + " ends: lift after you run, never before");
        }

        public Rule rule() {
            return Rule.NO_LIFT_BEFORE_QUALITY;
        }

        public List<Session> sessions() {
            return List.of(lift, quality);
        }
    }

    /** A lift starts {@code gapMinutes} after a quality session of the same day ends; it needs {@code neededMinutes}. */
    record RecoveryGap(Session lift, Session quality, int gapMinutes, int neededMinutes, String text) implements Reason {
        static RecoveryGap of(Session lift, Session quality) {
            int gap = lift.getStart() - quality.getEnd();
            int needed = lift.getAthlete().rules().liftGapMinutes();
            return new RecoveryGap(lift, quality, gap, needed, lift.describe() + " starts " + Minutes.duration(gap)
                    + " after " + quality.getId() + " ends (" + Minutes.clock(Minutes.minuteOfDay(quality.getEnd()))
                    + "); needs " + Minutes.duration(needed));
        }

        public Rule rule() {
            return Rule.RECOVERY_GAP;
        }

        public List<Session> sessions() {
            return List.of(lift, quality);
        }
    }

    /**
     * Two consecutive quality sessions of one athlete {@code daysApart} days apart, closer than {@code minDays}; with
     * {@code earlier} null the first is the last one of the history, {@code history}.
     */
    record QualitySpacing(Session earlier, PastSession history, Session later, int daysApart, int minDays, String text)
            implements Reason {
        static QualitySpacing of(Session earlier, PastSession history, Session later, int daysApart) {
            int min = later.getAthlete().rules().qualitySpacingMin();
            return new QualitySpacing(earlier, history, later, daysApart, min, pairText(earlier, history, later, daysApart)
                    + "; need at least " + days(min) + " to recover");
        }

        public Rule rule() {
            return Rule.QUALITY_SPACING;
        }

        public List<Session> sessions() {
            return pair(earlier, later);
        }
    }

    /** A lift on the day before a quality session. */
    record NoLiftDayBeforeQuality(Session lift, Session quality, String text) implements Reason {
        static NoLiftDayBeforeQuality of(Session lift, Session quality) {
            return new NoLiftDayBeforeQuality(lift, quality, lift.describe() + " is the day before "
                    + quality.describe() + ": never lift the day before a hard workout");
        }

        public Rule rule() {
            return Rule.NO_LIFT_DAY_BEFORE_QUALITY;
        }

        public List<Session> sessions() {
            return List.of(lift, quality);
        }
    }

    /** An athlete has more runs on one day than {@code allowed}. */
    record OneRunADay(Athlete athlete, List<Session> runs, int allowed, String text) implements Reason {
        static OneRunADay of(Athlete athlete, List<Session> runs) {
            List<Session> sorted = sorted(runs);
            int allowed = athlete.rules().runsPerDay();
            return new OneRunADay(athlete, sorted, allowed, athlete.id() + " has " + sorted.size() + " runs on "
                    + Minutes.dayLabel(sorted.get(0).getStartSlot().date()) + " (" + ids(sorted) + "); at most " + allowed);
        }

        public Rule rule() {
            return Rule.ONE_RUN_A_DAY;
        }

        public List<Session> sessions() {
            return runs;
        }
    }

    /** An athlete has more than one session of a one-a-day type on one day. */
    record OneOfAKindADay(Athlete athlete, SessionType type, List<Session> sessions, String text) implements Reason {
        static OneOfAKindADay of(Athlete athlete, SessionType type, List<Session> sessions) {
            List<Session> sorted = sorted(sessions);
            return new OneOfAKindADay(athlete, type, sorted, athlete.id() + " has " + sorted.size() + " " + type.label()
                    + " sessions on " + Minutes.dayLabel(sorted.get(0).getStartSlot().date()) + " (" + ids(sorted)
                    + "); at most 1");
        }

        public Rule rule() {
            return Rule.ONE_OF_A_KIND_A_DAY;
        }
    }

    /** Two consecutive lifts {@code daysApart} days apart, closer than {@code minDays}; {@code earlier} as in Quality spacing. */
    record LiftSpacing(Session earlier, PastSession history, Session later, int daysApart, int minDays, String text)
            implements Reason {
        static LiftSpacing of(Session earlier, PastSession history, Session later, int daysApart) {
            int min = later.getAthlete().rules().liftSpacingDays();
            return new LiftSpacing(earlier, history, later, daysApart, min, pairText(earlier, history, later, daysApart)
                    + "; lifts need at least " + days(min));
        }

        public Rule rule() {
            return Rule.LIFT_SPACING;
        }

        public List<Session> sessions() {
            return pair(earlier, later);
        }
    }

    /** A full week holds more lifts than the maximum. */
    record LiftsPerWeek(AthleteWeek week, List<Session> lifts, int max, String text) implements Reason {
        static LiftsPerWeek of(AthleteWeek week, List<Session> lifts) {
            List<Session> sorted = sorted(lifts);
            int max = week.athlete().rules().liftsPerWeekMax();
            return new LiftsPerWeek(week, sorted, max, weekLifts(week, sorted) + "; at most " + max);
        }

        public Rule rule() {
            return Rule.LIFTS_PER_WEEK;
        }

        public List<Session> sessions() {
            return lifts;
        }
    }

    /**
     * A coached session lies {@code minutes} outside its coach's day window ({@code busy} null), or overlaps the coach's
     * busy block {@code busy} by {@code minutes}.
     */
    record CoachAvailable(Session session, BusyBlock busy, int minutes, String text) implements Reason {
        static CoachAvailable of(Session session, BusyBlock busy, int minutes) {
            Coach coach = session.getCoach();
            return new CoachAvailable(session, busy, minutes, busy == null
                    ? session.describeWithEnd() + " lies " + Minutes.duration(minutes) + " outside coach " + coach.id()
                            + "'s day " + coach.day()
                    : session.describeWithEnd() + " overlaps coach " + coach.id() + "'s busy time '" + busy.describe()
                            + "' by " + Minutes.duration(minutes));
        }

        public Rule rule() {
            return Rule.COACH_AVAILABLE;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    /** Two sessions of one coach overlap by {@code minutes} but are not one group (One group at a time). */
    record NotOneGroup(Session first, Session second, int minutes, String text) implements Reason {
        static NotOneGroup of(Session first, Session second, int minutes) {
            return new NotOneGroup(first, second, minutes, "coach " + first.getCoach().id() + ": "
                    + first.describeWithEnd() + " and " + second.describeWithEnd() + " overlap by "
                    + Minutes.duration(minutes) + " but are not one group (same start, type and minutes)");
        }

        public Rule rule() {
            return Rule.ONE_GROUP_AT_A_TIME;
        }

        public List<Session> sessions() {
            return List.of(first, second);
        }
    }

    /** A coach's group holds more athletes than her capacity (One group at a time). */
    record GroupOverCapacity(Coach coach, List<Session> group, int athletes, String text) implements Reason {
        static GroupOverCapacity of(Coach coach, List<Session> group, int athletes) {
            List<Session> sorted = sorted(group);
            return new GroupOverCapacity(coach, sorted, athletes, "coach " + coach.id() + ": the group at "
                    + sorted.get(0).getStartSlot().label() + " holds " + athletes + " athletes (" + ids(sorted)
                    + "); capacity " + coach.groupCapacity());
        }

        public Rule rule() {
            return Rule.ONE_GROUP_AT_A_TIME;
        }

        public List<Session> sessions() {
            return group;
        }
    }

    /** A session lies outside its facility's opening hours. */
    record FacilityHours(Session session, String text) implements Reason {
        static FacilityHours of(Session session) {
            return new FacilityHours(session, session.describeWithEnd() + " is not inside an opening window of '"
                    + session.getLocation() + "'");
        }

        public Rule rule() {
            return Rule.FACILITY_HOURS;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    /** A session starts {@code daysOutside} days outside its dates. */
    record SessionDates(Session session, int daysOutside, String text) implements Reason {
        static SessionDates of(Session session, int daysOutside) {
            return new SessionDates(session, daysOutside, session.describe() + " starts " + daysOutside
                    + " day(s) outside its dates " + session.getDates());
        }

        public Rule rule() {
            return Rule.SESSION_DATES;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    // ************************************************************************ Medium

    /** A session is left unscheduled. */
    record UnscheduledSession(Session session, String text) implements Reason {
        static UnscheduledSession of(Session session) {
            return new UnscheduledSession(session, session.getId() + " (" + session.getType().label() + ", "
                    + session.getMinutes() + " min, " + session.getAthlete().id() + ") is not scheduled");
        }

        public Rule rule() {
            return Rule.UNSCHEDULED_SESSION;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    // ************************************************************************ Soft

    /** One gym visit of an athlete: its span and her overhead. */
    record GymTime(Athlete athlete, GymVisit visit, String text) implements Reason {
        static GymTime of(Athlete athlete, GymVisit visit) {
            return new GymTime(athlete, visit, athlete.id() + " gym visit " + visit.sessions().get(0).getStartSlot().label()
                    + "-" + Minutes.clock(Minutes.minuteOfDay(visit.end())) + " (" + ids(visit.sessions()) + "): "
                    + visit.span() + " min + " + athlete.gymVisitOverheadMinutes() + " min overhead");
        }

        public Rule rule() {
            return Rule.GYM_TIME;
        }

        public List<Session> sessions() {
            return visit.sessions();
        }
    }

    /** A lift on an easy day; {@code afterHardDay}: the day before is a hard day (in the plan or its history). */
    record LiftOnEasyDay(Session lift, boolean afterHardDay, String text) implements Reason {
        static LiftOnEasyDay of(Session lift, boolean afterHardDay) {
            return new LiftOnEasyDay(lift, afterHardDay, lift.describe() + " is on an easy day"
                    + (afterHardDay ? " right after a hard day" : "") + ": keep hard days hard, easy days easy");
        }

        public Rule rule() {
            return Rule.LIFT_ON_EASY_DAY;
        }

        public List<Session> sessions() {
            return List.of(lift);
        }
    }

    /** A full week has {@code restDays} rest days, fewer than wanted. */
    record RestDay(AthleteWeek week, int restDays, String text) implements Reason {
        static RestDay of(AthleteWeek week, int restDays) {
            return new RestDay(week, restDays, week.athlete().id() + " week " + (week.index() + 1) + " has " + restDays
                    + " rest days; wants " + week.athlete().rules().restDaysPerWeek());
        }

        public Rule rule() {
            return Rule.REST_DAY;
        }

        public List<Session> sessions() {
            return List.of();
        }
    }

    /** A session starts in none of its preferred windows. */
    record PreferredTime(Session session, String text) implements Reason {
        static PreferredTime of(Session session) {
            return new PreferredTime(session, session.describe() + " starts in none of its preferred windows");
        }

        public Rule rule() {
            return Rule.PREFERRED_TIME;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    /** A coach leads the sessions {@code group} (one start) for {@code minutes}. */
    record CoachTime(Coach coach, List<Session> group, int minutes, String text) implements Reason {
        static CoachTime of(Coach coach, List<Session> group, int minutes) {
            List<Session> sorted = sorted(group);
            return new CoachTime(coach, sorted, minutes, "coach " + coach.id() + " leads " + ids(sorted) + " at "
                    + sorted.get(0).getStartSlot().label() + ": " + minutes + " min");
        }

        public Rule rule() {
            return Rule.COACH_TIME;
        }

        public List<Session> sessions() {
            return group;
        }
    }

    /** A session moved {@code minutes} from its previous start, which costs {@code cost} units. */
    record PlanStability(Session session, int minutes, int cost, String text) implements Reason {
        static PlanStability of(Session session, int minutes, int cost) {
            return new PlanStability(session, minutes, cost, session.describe() + " moved " + minutes
                    + " min from its previous start");
        }

        public Rule rule() {
            return Rule.PLAN_STABILITY;
        }

        public List<Session> sessions() {
            return List.of(session);
        }
    }

    /** Two consecutive quality sessions further apart than usual; {@code earlier} as in Quality spacing. */
    record QualityGap(Session earlier, PastSession history, Session later, int daysApart, String text) implements Reason {
        static QualityGap of(Session earlier, PastSession history, Session later, int daysApart) {
            var rules = later.getAthlete().rules();
            return new QualityGap(earlier, history, later, daysApart, pairText(earlier, history, later, daysApart)
                    + "; usually " + rules.qualitySpacingMin() + "-" + rules.qualitySpacingMax() + " days");
        }

        public Rule rule() {
            return Rule.QUALITY_GAP;
        }

        public List<Session> sessions() {
            return pair(earlier, later);
        }
    }

    /** A full week holds fewer lifts than the minimum. */
    record MissingLift(AthleteWeek week, List<Session> lifts, String text) implements Reason {
        static MissingLift of(AthleteWeek week, List<Session> lifts) {
            List<Session> sorted = sorted(lifts);
            var rules = week.athlete().rules();
            return new MissingLift(week, sorted, weekLifts(week, sorted) + "; aim for " + rules.liftsPerWeekMin() + "-"
                    + rules.liftsPerWeekMax());
        }

        public Rule rule() {
            return Rule.MISSING_LIFT;
        }

        public List<Session> sessions() {
            return lifts;
        }
    }

    // ************************************************************************ words shared by the lines

    /** "ana-track (Tue 24 Nov 17:00) and ana-tempo (Wed 25 Nov 06:00) are 1 day apart", the history named when first. */
    private static String pairText(Session earlier, PastSession history, Session later, int daysApart) {
        String first = earlier != null ? earlier.describe() : "history " + describePast(later, history);
        return first + " and " + later.describe() + " are " + days(daysApart) + " apart";
    }

    private static String describePast(Session later, PastSession past) {
        return past.type().label() + " " + Minutes.dayLabel(later.getStartSlot().date().plusDays(past.day() - later.getDay()))
                + " " + Minutes.clock(Minutes.minuteOfDay(past.start()));
    }

    private static List<Session> pair(Session earlier, Session later) {
        return earlier == null ? List.of(later) : List.of(earlier, later);
    }

    private static String weekLifts(AthleteWeek week, List<Session> lifts) {
        return week.athlete().id() + " week " + (week.index() + 1) + " has " + lifts.size() + " lifts"
                + (lifts.isEmpty() ? "" : " (" + ids(lifts) + ")");
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /** By start, then id: the order "consecutive" in docs/rules.md means. */
    private static List<Session> sorted(List<Session> sessions) {
        return sessions.stream().sorted(Comparator.comparingLong(Session::getOrderKey)).toList();
    }

    private static String ids(List<Session> sessions) {
        return String.join(", ", sorted(sessions).stream().map(Session::getId).toList());
    }
}
