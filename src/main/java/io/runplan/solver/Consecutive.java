package io.runplan.solver;

import io.runplan.domain.Athlete;
import io.runplan.domain.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.function.ToIntBiFunction;

/**
 * Two sessions of one athlete with none of their kind between them ({@code earlier} null: the first one after the
 * history). Quality spacing and Lift spacing score these pairs.
 */
record Consecutive(Placed earlier, Placed later) {

    /**
     * A session as it was placed when it joined a group: the order key and day are taken then, so that the sorted
     * group can still find and remove it after the session has moved.
     */
    record Placed(long orderKey, int day, Session session) {

        static final Comparator<Placed> BY_ORDER = Comparator.comparingLong(Placed::orderKey);

        static Placed of(Session session) {
            return new Placed(session.getOrderKey(), session.getDay(), session);
        }
    }

    /**
     * The consecutive pairs of one athlete's sessions of a kind, sorted by start then id, history first if any, of
     * which {@code size} is above 0 (a rule's matches).
     */
    static List<Consecutive> pairs(SortedSet<Placed> sessions, boolean afterHistory, ToIntBiFunction<Athlete, Consecutive> size) {
        List<Consecutive> pairs = new ArrayList<>(2);
        Athlete athlete = sessions.first().session().getAthlete();
        Placed previous = null;
        for (Placed placed : sessions) {
            if (previous != null || afterHistory) {
                Consecutive pair = new Consecutive(previous, placed);
                if (size.applyAsInt(athlete, pair) > 0) {
                    pairs.add(pair);
                }
            }
            previous = placed;
        }
        return pairs;
    }
}
