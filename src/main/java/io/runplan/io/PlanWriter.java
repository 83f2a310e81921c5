package io.runplan.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Horizon;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.Reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;

/**
 * Writes a solved plan back as a plan file: the input document with each session's start and end, the score, the
 * unscheduled ids and the reasons per rule added (FORMAT.md "Added on output"). Every field the user wrote is kept.
 */
public final class PlanWriter {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The output document for {@code plan} (a solved copy of {@code file}'s plan). */
    public ObjectNode toDocument(PlanFile file, TrainingPlan plan, PlanReport report) {
        ObjectNode document = file.document().deepCopy();
        Horizon horizon = plan.getHorizon();
        ArrayNode athletes = (ArrayNode) document.get("athletes");
        for (var athleteNode : athletes) {
            for (var sessionNode : athleteNode.get("sessions")) {
                ObjectNode session = (ObjectNode) sessionNode;
                Session planned = find(plan, session.get("id").textValue());
                if (planned.isScheduled()) {
                    session.put("start", horizon.toDateTime(planned.getStart()).format(LOCAL_TIME));
                    session.put("end", horizon.toDateTime(planned.getEnd()).format(LOCAL_TIME));
                } else {
                    session.putNull("start");
                    session.remove("end");
                }
            }
        }
        document.put("score", report.score().toString());
        ArrayNode unscheduled = document.putArray("unscheduled");
        plan.getSessions().stream().filter(s -> !s.isScheduled()).forEach(s -> unscheduled.add(s.getId()));
        ObjectNode reasons = document.putObject("unscheduledReasons");
        report.unscheduledReasons().forEach(reasons::put);
        ArrayNode constraints = document.putArray("constraints");
        for (PlanReport.RuleScore rule : report.rules()) {
            ObjectNode entry = constraints.addObject();
            entry.put("name", rule.rule().ruleName());
            entry.put("score", rule.score().toString());
            entry.put("matches", rule.reasons().size());
            ArrayNode lines = entry.putArray("reasons");
            rule.reasons().stream().map(Reason::text).forEach(lines::add);
        }
        return document;
    }

    private static Session find(TrainingPlan plan, String id) {
        for (Session session : plan.getSessions()) {
            if (session.getId().equals(id)) {
                return session;
            }
        }
        throw new IllegalStateException("session " + id + " of the file is not in the plan");
    }

    /** Writes to a temporary file beside {@code target} and renames it, so a crash never leaves half a file. */
    public void write(ObjectNode document, Path target) {
        Path directory = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            // Beside the target (a rename within one directory is atomic), with the usual file permissions.
            Path temporary = directory.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    mapper.writeValue(stream, document);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
