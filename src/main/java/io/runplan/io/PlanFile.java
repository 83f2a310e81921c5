package io.runplan.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.TrainingPlan;

import java.nio.file.Path;
import java.util.Map;

/**
 * A plan read from a file: the domain for the solver, and the document it came from, so that writing it back
 * keeps every field the user wrote (FORMAT.md: programs may add fields).
 */
public record PlanFile(Path source, ObjectNode document, TrainingPlan plan, Map<String, ObjectNode> sessionNodes) {
}
