package io.runplan.replan;

/**
 * One session whose start a re-plan changed: from its old start to its new one (null: unscheduled), why, and the
 * reason in words.
 */
public record Change(String sessionId, String athleteId, Why why, Integer from, Integer to, String reason) {

    /** Why a session changed, from the most direct cause to the least. */
    public enum Why {
        /** Listed as missed: placed again after the re-planning time, or left unscheduled. */
        MISSED,
        /**
         * Its old start now breaks a hard rule by itself or with sessions that did not change: a new busy block, a day
         * off, Quality spacing against a done session once the session between them is gone.
         */
        COLLIDES,
        /** Its old start would break a rule with a session that had to move or be placed. */
        MAKES_ROOM,
        /** A coached session that moved with its whole group. */
        WITH_GROUP,
        /** Its old start breaks no hard rule, but costs more than moving (Plan stability included). */
        LOWER_COST,
        /** It was unscheduled and now has a start. */
        WAS_UNSCHEDULED
    }

    public boolean isDropped() {
        return from != null && to == null;
    }

    public boolean isMoved() {
        return from != null && to != null;
    }

    /** "missed", "moved", "dropped" or "placed": the word the change list shows. */
    public String kind() {
        if (why == Why.MISSED) {
            return "missed";
        }
        return to == null ? "dropped" : from == null ? "placed" : "moved";
    }
}
