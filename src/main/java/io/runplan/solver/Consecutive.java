package io.runplan.solver;

import io.runplan.domain.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;

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

    /** The consecutive pairs of one athlete's sessions of a kind, sorted by start then id; history first if any. */
    static List<Consecutive> pairs(SortedSet<Placed> sessions, boolean afterHistory) {
        List<Consecutive> pairs = new ArrayList<>(sessions.size());
        Placed previous = null;
        for (Placed placed : sessions) {
            if (previous != null || afterHistory) {
                pairs.add(new Consecutive(previous, placed));
            }
            previous = placed;
        }
        return pairs;
    }
}
