package io.runplan.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Person;
import io.runplan.domain.TrainingPlan;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A plan read from a file: the domain for the solver, and the document it came from, so that writing it back
 * keeps every field the user wrote (docs/plan-format.md). {@code calendars} names, per person, the
 * calendar files whose busy time was imported on this reading (their blocks carry the name); {@code timeZone} is the
 * plan's own "timeZone", or null when it names none; {@code warnings} says what the calendars got wrong that was read
 * past, one line each naming the JSON path, the calendar file and its line.
 */
public record PlanFile(Path source, ObjectNode document, TrainingPlan plan, Map<String, ObjectNode> sessionNodes,
        ZoneId timeZone, Map<Person, List<String>> calendars, List<String> warnings) {

    public PlanFile(Path source, ObjectNode document, TrainingPlan plan, Map<String, ObjectNode> sessionNodes) {
        this(source, document, plan, sessionNodes, null, Map.of(), List.of());
    }
}
