package io.runplan.replan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What happened since a plan was made: the time from which to re-plan, the sessions missed before it, new busy time
 * and whole days off, and optionally the one athlete to re-plan (everyone else's sessions then stay where they are).
 */
public record ReplanRequest(LocalDateTime now, String athleteId, List<String> missed, List<NewBusy> busy,
        List<LocalDate> offDays) {

    public ReplanRequest {
        missed = List.copyOf(missed);
        busy = List.copyOf(busy);
        offDays = List.copyOf(offDays);
    }

    /** A busy block to add to the athlete's calendar, as the user gave it. */
    public record NewBusy(LocalDateTime start, LocalDateTime end, String label) {
    }
}
