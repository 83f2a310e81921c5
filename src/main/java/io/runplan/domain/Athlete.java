package io.runplan.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A runner: the daily window, busy time, history and preferences the rules read, and the plan's rule
 * parameters and weights in force for them. Identity equality (it is a join key on the hot path).
 */
public final class Athlete implements Person {

    public static final int DEFAULT_GYM_VISIT_OVERHEAD = 20;

    private final String id;
    private final String name;
    private final Window day;
    private final int gymVisitOverheadMinutes;
    private final Rules rules;
    private final Weights weights;
    private final List<BusyBlock> busy = new ArrayList<>();
    private final List<PastSession> history;
    private final List<Preference> preferences;
    private final List<AthleteWeek> weeks;
    private final PastSession lastQualityInHistory;
    private final PastSession lastLiftInHistory;
    private final Set<Integer> hardDaysInHistory = new HashSet<>();

    public Athlete(String id, String name, Window day, int gymVisitOverheadMinutes, Rules rules, Weights weights,
            List<PastSession> history, List<Preference> preferences, int fullWeeks) {
        this.id = id;
        this.name = name == null ? id : name;
        this.day = day;
        this.gymVisitOverheadMinutes = gymVisitOverheadMinutes;
        this.rules = rules;
        this.weights = weights;
        this.history = List.copyOf(history);
        this.preferences = List.copyOf(preferences);
        List<AthleteWeek> weekList = new ArrayList<>();
        for (int w = 0; w < fullWeeks; w++) {
            weekList.add(new AthleteWeek(this, w));
        }
        this.weeks = List.copyOf(weekList);
        PastSession lastQuality = null;
        PastSession lastLift = null;
        for (PastSession past : this.history) {
            if (past.type().isQuality()) {
                hardDaysInHistory.add(past.day());
                if (lastQuality == null || past.start() >= lastQuality.start()) {
                    lastQuality = past;
                }
            } else if (past.type() == SessionType.LIFT && (lastLift == null || past.start() >= lastLift.start())) {
                lastLift = past;
            }
        }
        this.lastQualityInHistory = lastQuality;
        this.lastLiftInHistory = lastLift;
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    @Override
    public Window day() {
        return day;
    }

    public int gymVisitOverheadMinutes() {
        return gymVisitOverheadMinutes;
    }

    public Rules rules() {
        return rules;
    }

    public Weights weights() {
        return weights;
    }

    public List<BusyBlock> busy() {
        return Collections.unmodifiableList(busy);
    }

    public void addBusy(BusyBlock block) {
        busy.add(block);
    }

    public List<PastSession> history() {
        return history;
    }

    public List<Preference> preferences() {
        return preferences;
    }

    public List<AthleteWeek> weeks() {
        return weeks;
    }

    /** The full week holding {@code day}, or null in a partial last week. */
    public AthleteWeek weekOf(int day) {
        int index = day / 7;
        return day >= 0 && index < weeks.size() ? weeks.get(index) : null;
    }

    /** The latest quality session of the history (Quality spacing's first pair), or null. */
    public PastSession lastQualityInHistory() {
        return lastQualityInHistory;
    }

    /** The latest lift of the history (Lift spacing's first pair), or null. */
    public PastSession lastLiftInHistory() {
        return lastLiftInHistory;
    }

    /** A history quality session made this (negative) day a hard day. */
    public boolean isHardDayInHistory(int day) {
        return hardDaysInHistory.contains(day);
    }

    /** Whether sessions of this type have preferred windows, and {@code minuteOfDay} on that day misses them all. */
    public boolean missesPreferredTime(SessionType type, java.time.DayOfWeek dayOfWeek, int minuteOfDay) {
        boolean hasPreference = false;
        for (Preference preference : preferences) {
            if (preference.covers(type)) {
                if (preference.contains(dayOfWeek, minuteOfDay)) {
                    return false;
                }
                hasPreference = true;
            }
        }
        return hasPreference;
    }

    @Override
    public String toString() {
        return id;
    }
}
