package io.runplan.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import java.time.DayOfWeek;
import java.util.BitSet;
import java.util.List;

/**
 * A training session to place: the planning entity. Its planning variable is its start slot; null means
 * unscheduled (it did not fit without breaking a hard rule). Derived values (end, day) are plain getters,
 * valid only while it is scheduled.
 */
@PlanningEntity(comparatorClass = SessionDifficulty.class)
public class Session {

    /** Ties between sessions with the same start are broken by id; see {@link #getOrderKey()}. */
    private static final long ORDER_KEY_STRIDE = 1L << 24;

    @PlanningId
    private String id;
    private Athlete athlete;
    private SessionType type;
    private int minutes;
    private String location;
    private Facility facility;
    private Coach coach;
    @PlanningPin
    private boolean pinned;
    private Integer previousStart;
    private Integer earliestStart;
    private SessionDates dates;
    private boolean boundToGroup;
    private int idRank;
    /** Built by the solver's StartSlots before a plan is solved or scored; null until then. */
    private List<TimeSlot> possibleStarts;
    private BitSet possibleStartSet = new BitSet();

    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "possibleStarts")
    private TimeSlot startSlot;

    public Session() {
    }

    public Session(String id, Athlete athlete, SessionType type, int minutes, String location, Facility facility,
            Coach coach) {
        this.id = id;
        this.athlete = athlete;
        this.type = type;
        this.minutes = minutes;
        this.location = location == null ? type.defaultLocation() : location;
        this.facility = facility;
        this.coach = coach;
    }

    public String getId() {
        return id;
    }

    public Athlete getAthlete() {
        return athlete;
    }

    public SessionType getType() {
        return type;
    }

    public int getMinutes() {
        return minutes;
    }

    /** A facility id, {@code gym}, {@code outdoor} or {@code home}. */
    public String getLocation() {
        return location;
    }

    /** "at track", "at the gym", "at home", or nothing for a run outdoors: where it is, as a runner says it. */
    public String where() {
        return switch (location) {
            case "outdoor" -> "";
            case "gym" -> "at the gym";
            case "home" -> "at home";
            default -> "at " + location;
        };
    }

    /** The facility whose opening hours bind this session, or null. */
    public Facility getFacility() {
        return facility;
    }

    public Coach getCoach() {
        return coach;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    /** The start in the plan being revised (absolute minute), or null. */
    public Integer getPreviousStart() {
        return previousStart;
    }

    public void setPreviousStart(Integer previousStart) {
        this.previousStart = previousStart;
    }

    /**
     * Re-planning: the first minute this session may start (the re-plan's {@code --now}), or null for no limit. Read
     * when the value range is built ({@code StartSlots}); a start the session already has is kept regardless.
     */
    public Integer getEarliestStart() {
        return earliestStart;
    }

    public void setEarliestStart(Integer earliestStart) {
        this.earliestStart = earliestStart;
    }

    /** The dates this session may start on (rule Session dates), or null for any date. */
    public SessionDates getDates() {
        return dates;
    }

    public void setDates(SessionDates dates) {
        this.dates = dates;
    }

    /**
     * Re-planning: a coached session of another athlete's group that moves only together with its whole group (one
     * move for all the group's sessions), never alone, so a re-plan never splits a group it did not have to.
     */
    public boolean isBoundToGroup() {
        return boundToGroup;
    }

    public void setBoundToGroup(boolean boundToGroup) {
        this.boundToGroup = boundToGroup;
    }

    /** Position of this session's id among all ids of the plan, sorted: the tie-break of equal starts. */
    public int getIdRank() {
        return idRank;
    }

    public void setIdRank(int idRank) {
        this.idRank = idRank;
    }

    /**
     * The starts the solver may give this session (its value range). Reading a plan file does not build them: whoever
     * solves or scores the plan does, with {@code StartSlots.assign}, after the last change to the plan's facts.
     */
    @ValueRangeProvider(id = "possibleStarts")
    public List<TimeSlot> getPossibleStarts() {
        if (possibleStarts == null) {
            throw new IllegalStateException("the possible starts of session " + id + " are not built yet: call "
                    + "StartSlots.assign(plan) before solving or scoring the plan");
        }
        return possibleStarts;
    }

    /** Whether {@link #getPossibleStarts()} is built ({@code StartSlots.assign}). */
    public boolean hasPossibleStarts() {
        return possibleStarts != null;
    }

    public void setPossibleStarts(List<TimeSlot> possibleStarts) {
        this.possibleStarts = possibleStarts;
        this.possibleStartSet = new BitSet();
        possibleStarts.forEach(slot -> possibleStartSet.set(slot.start()));
    }

    /** Whether {@code slot} is one of this session's possible starts (null, unscheduled, always is). */
    public boolean canStartAt(TimeSlot slot) {
        return slot == null || (slot.start() >= 0 && possibleStartSet.get(slot.start()));
    }

    public TimeSlot getStartSlot() {
        return startSlot;
    }

    public void setStartSlot(TimeSlot startSlot) {
        this.startSlot = startSlot;
    }

    // ------------------------------------------------------------------ derived, for scheduled sessions

    public boolean isScheduled() {
        return startSlot != null;
    }

    /** Absolute start minute (after 00:00 of the horizon's first day). */
    public int getStart() {
        return startSlot.start();
    }

    public int getEnd() {
        return startSlot.start() + minutes;
    }

    /** The day of a session is the date of its start. */
    public int getDay() {
        return startSlot.day();
    }

    /** Whether it runs past midnight into the next day (a start given in a hand-made file may do so). */
    public boolean isEndingAfterMidnight() {
        return startSlot.minuteOfDay() + minutes > Minutes.PER_DAY;
    }

    public int getMinuteOfDay() {
        return startSlot.minuteOfDay();
    }

    public DayOfWeek getDayOfWeek() {
        return startSlot.dayOfWeek();
    }

    /** Orders sessions by start, then id, as "consecutive" in docs/rules.md needs. */
    public long getOrderKey() {
        return startSlot.start() * ORDER_KEY_STRIDE + idRank;
    }

    /** The full week this session lies in, or null in a partial last week. */
    public AthleteWeek getAthleteWeek() {
        return athlete.weekOf(startSlot.day());
    }

    public boolean isQuality() {
        return type.isQuality();
    }

    public boolean isLift() {
        return type == SessionType.LIFT;
    }

    public boolean isRun() {
        return type.isRun();
    }

    public boolean isAtGym() {
        return "gym".equals(location);
    }

    public boolean isCoached() {
        return coach != null;
    }

    /**
     * Whether this and {@code other} are one group of their coach: both coached by the same coach, both scheduled,
     * with the same start, type and minutes (docs/rules.md, One group at a time). The rule and every view of groups
     * ask this.
     */
    public boolean isSameGroupAs(Session other) {
        return coach != null && coach == other.coach && startSlot != null && other.startSlot != null
                && getStart() == other.getStart() && type == other.type && minutes == other.minutes;
    }

    /** Minutes outside the athlete's day window (a session crossing midnight counts its minutes past it). */
    public int getMinutesOutsideDayWindow() {
        return athlete.day().minutesOutside(startSlot.minuteOfDay(), minutes);
    }

    /** Minutes outside the coach's day window; 0 for sessions without a coach. */
    public int getMinutesOutsideCoachWindow() {
        return coach == null ? 0 : coach.day().minutesOutside(startSlot.minuteOfDay(), minutes);
    }

    public boolean isOutsideFacilityHours() {
        return facility != null && !facility.isOpenFor(startSlot.dayOfWeek(), startSlot.minuteOfDay(), minutes);
    }

    /** Days between the start and the nearest of the session's dates; 0 inside them or without dates. */
    public int getDaysOutsideDates() {
        return dates == null ? 0 : dates.daysOutside(startSlot.day());
    }

    public boolean isOutsidePreferredTime() {
        return athlete.missesPreferredTime(type, startSlot.dayOfWeek(), startSlot.minuteOfDay());
    }

    public boolean isMovedFromPreviousStart() {
        return previousStart != null && previousStart != startSlot.start();
    }

    /** "ana-lift-1 (Tue 24 Nov 15:00)", "ana-race (Sun 29 Nov 09:00, pinned)" or "ana-lift-1 (unscheduled)". */
    public String describe() {
        return id + " (" + (startSlot == null ? "unscheduled" : startSlot.label()) + (pinned ? ", pinned" : "") + ")";
    }

    /** "ana-lift-1 (Tue 24 Nov 15:00-15:45)". */
    public String describeWithEnd() {
        if (startSlot == null) {
            return describe();
        }
        return id + " (" + startSlot.label() + "-" + Minutes.clock(Minutes.minuteOfDay(getEnd())) + (pinned ? ", pinned" : "")
                + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
