package io.runplan.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generated plan file ({@code plan}, sessions to place) and the plan its generator built it around
 * ({@code hiddenPlan}, the same file with every session placed): a known answer with 0 hard and 0 medium.
 */
public record GeneratedPlan(ObjectNode plan, ObjectNode hiddenPlan) {

    /** Sessions in the plan, over all athletes. */
    public int sessionCount() {
        int sessions = 0;
        for (var athlete : plan.path("athletes")) {
            sessions += athlete.path("sessions").size();
        }
        return sessions;
    }
}
