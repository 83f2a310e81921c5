package io.runplan.season;

import io.runplan.domain.SessionType;

/**
 * One session of a season week, before it has a day: {@code name} is its part of the session id ("long", "speed-1",
 * "easy-2", "lift-1", "race"); lifts carry their block letter and focus, other sessions null.
 */
public record PlannedSession(String name, SessionType type, int minutes, String block, LiftFocus focus, boolean race) {

    public static PlannedSession run(String name, SessionType type, int minutes) {
        return new PlannedSession(name, type, minutes, null, null, false);
    }

    public static PlannedSession lift(String name, String block, LiftFocus focus) {
        return new PlannedSession(name, SessionType.LIFT, focus.minutes(), block, focus, false);
    }

    public static PlannedSession race(SessionType type, int minutes) {
        return new PlannedSession("race", type, minutes, null, null, true);
    }
}
