package io.runplan.domain;


import java.util.Comparator;

/**
 * Orders sessions from easiest to hardest to place, for First Fit Decreasing: coached sessions (a group, a coach and
 * a track must meet), then quality sessions (they chain through Quality spacing), then lifts, then those with the
 * fewest possible starts, the longest, and by id so the order is total.
 */
public class SessionDifficulty implements Comparator<Session> {

    private static final Comparator<Session> ORDER = Comparator
            .comparing(Session::isCoached)
            .thenComparing(Session::isQuality)
            .thenComparing(Session::isLift)
            .thenComparing(session -> -session.getPossibleStarts().size())
            .thenComparingInt(Session::getMinutes)
            .thenComparing(Session::getId);

    @Override
    public int compare(Session a, Session b) {
        return ORDER.compare(a, b);
    }
}
