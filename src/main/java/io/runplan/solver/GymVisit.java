package io.runplan.solver;

import io.runplan.domain.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An athlete's gym sessions on one day that run into each other (gaps shorter than visitGapMinutes). */
public record GymVisit(int start, int end, List<Session> sessions) {

    private static final Comparator<Session> BY_START = Comparator.comparingInt(Session::getStart)
            .thenComparingInt(Session::getEnd);

    /** Merges one athlete's gym sessions of one day into visits. */
    public static List<GymVisit> of(List<Session> gymSessionsOfOneDay) {
        if (gymSessionsOfOneDay.isEmpty()) {
            return List.of();
        }
        List<Session> sorted = new ArrayList<>(gymSessionsOfOneDay);
        sorted.sort(BY_START);
        int visitGap = sorted.get(0).getAthlete().rules().visitGapMinutes();
        List<GymVisit> visits = new ArrayList<>(2);
        int start = sorted.get(0).getStart();
        int end = sorted.get(0).getEnd();
        List<Session> members = new ArrayList<>();
        members.add(sorted.get(0));
        for (Session session : sorted.subList(1, sorted.size())) {
            if (session.getStart() - end < visitGap) {
                end = Math.max(end, session.getEnd());
                members.add(session);
            } else {
                visits.add(new GymVisit(start, end, List.copyOf(members)));
                start = session.getStart();
                end = session.getEnd();
                members.clear();
                members.add(session);
            }
        }
        visits.add(new GymVisit(start, end, List.copyOf(members)));
        return visits;
    }

    public int span() {
        return end - start;
    }

    /** What this visit costs: its span plus the athlete's overhead (travel, changing, warm-up). */
    public int cost() {
        return span() + sessions.get(0).getAthlete().gymVisitOverheadMinutes();
    }
}
