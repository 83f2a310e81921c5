package io.runplan.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import io.runplan.domain.Session;

import java.util.Arrays;
import java.util.List;

/** Why a rule matched, as one line a runner understands, with the ids of the sessions it names. */
public record Reason(String text, List<String> sessionIds) implements ConstraintJustification, Comparable<Reason> {

    public Reason {
        sessionIds = List.copyOf(sessionIds);
    }

    public static Reason of(String text, Session... sessions) {
        return new Reason(text, Arrays.stream(sessions).map(Session::getId).toList());
    }

    public static Reason of(String text, List<Session> sessions) {
        return new Reason(text, sessions.stream().map(Session::getId).toList());
    }

    @Override
    public int compareTo(Reason other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
