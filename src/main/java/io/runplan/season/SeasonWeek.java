package io.runplan.season;

import io.runplan.domain.SessionType;

import java.util.List;

/**
 * One week of a season as planned: its phase, whether it is a cut-back week, and its sessions. The figures are the
 * sums of the sessions (the race, in race week, is not in {@code runMinutes}).
 *
 * @param week 1 for the season's first week; the race week is the last
 */
public record SeasonWeek(int week, Phase phase, boolean cutBack, boolean raceWeek, List<PlannedSession> sessions) {

    public SeasonWeek {
        sessions = List.copyOf(sessions);
    }

    /** Minutes of the week's runs, the race not counted. */
    public int runMinutes() {
        return sessions.stream().filter(s -> s.type().isRun() && !s.race()).mapToInt(PlannedSession::minutes).sum();
    }

    public int runMinutes(SessionType type) {
        return sessions.stream().filter(s -> s.type() == type && !s.race()).mapToInt(PlannedSession::minutes).sum();
    }

    /** The week's long run, 0 in race week (the race takes its place). */
    public int longRunMinutes() {
        return sessions.stream().filter(s -> s.type() == SessionType.LONG_RUN && !s.race())
                .mapToInt(PlannedSession::minutes).max().orElse(0);
    }

    /** The longest run of the week, the race not counted. */
    public int longestRunMinutes() {
        return sessions.stream().filter(s -> s.type().isRun() && !s.race()).mapToInt(PlannedSession::minutes).max().orElse(0);
    }

    /** Quality sessions (speed, long run, the race), as docs/rules.md counts them. */
    public int quality() {
        return (int) sessions.stream().filter(s -> s.type().isQuality()).count();
    }

    public int speedSessions() {
        return (int) sessions.stream().filter(s -> s.type() == SessionType.SPEED && !s.race()).count();
    }

    /** Running sessions, the race included. */
    public int runs() {
        return (int) sessions.stream().filter(s -> s.type().isRun()).count();
    }

    public int lifts() {
        return (int) sessions.stream().filter(s -> s.type() == SessionType.LIFT).count();
    }

    public List<PlannedSession> liftSessions() {
        return sessions.stream().filter(s -> s.type() == SessionType.LIFT).toList();
    }

    /** The lifts' focus, null in a week without lifts. */
    public LiftFocus liftFocus() {
        return liftSessions().stream().map(PlannedSession::focus).findFirst().orElse(null);
    }

    /** The lifts' block letter, null in a week without lifts. */
    public String liftBlock() {
        return liftSessions().stream().map(PlannedSession::block).findFirst().orElse(null);
    }
}
