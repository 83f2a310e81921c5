package io.runplan.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.Horizon;
import io.runplan.domain.Person;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.Reason;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a solved plan back as a plan file: the input document with each session's start and end, the score, the
 * unscheduled ids and the reasons per rule added (docs/plan-format.md, "Added by runplan"), and the busy time read from calendar
 * files written out as "busy" entries that name their calendar. Every field the user wrote is kept.
 */
public final class PlanWriter {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The output document for {@code plan} (a solved copy of {@code file}'s plan), to be written beside the input. */
    public ObjectNode toDocument(PlanFile file, TrainingPlan plan, PlanReport report) {
        return toDocument(file, plan, report, null);
    }

    /**
     * The output document for {@code plan}, to be written to {@code target}: calendar paths, relative to the plan
     * file, are rewritten relative to {@code target} when it lies in another directory.
     */
    public ObjectNode toDocument(PlanFile file, TrainingPlan plan, PlanReport report, Path target) {
        ObjectNode document = withCalendarBusy(file, target);
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

    /**
     * The input document with each imported calendar's busy time written out as "busy" entries
     * ({@code start}, {@code end}, {@code label} and {@code calendar}: the file as the plan names it), in place of
     * the copies an earlier run wrote of the same calendars. So the independent checker, and a later reading without
     * the calendar files, see the busy time the plan was made around.
     */
    public ObjectNode withCalendarBusy(PlanFile file, Path target) {
        ObjectNode document = file.document().deepCopy();
        Horizon horizon = file.plan().getHorizon();
        for (Map.Entry<Person, List<String>> entry : file.calendars().entrySet()) {
            Person person = entry.getKey();
            ObjectNode personNode = find(document, person instanceof Coach ? "coaches" : "athletes", person.id());
            Set<String> names = new HashSet<>(entry.getValue());
            Map<String, String> moved = relocateCalendars(personNode, file.source(), target);
            ArrayNode busy = personNode.get("busy") instanceof ArrayNode existing ? existing : busyField(personNode);
            for (Iterator<JsonNode> it = busy.elements(); it.hasNext(); ) {
                JsonNode block = it.next();
                if (block.hasNonNull("calendar") && names.contains(block.get("calendar").asText())) {
                    it.remove();
                }
            }
            for (BusyBlock block : person.busy()) {
                if (block.getCalendar() != null && names.contains(block.getCalendar())) {
                    ObjectNode entryNode = busy.addObject();
                    entryNode.put("start", horizon.toDateTime(block.getStart()).format(LOCAL_TIME));
                    entryNode.put("end", horizon.toDateTime(block.getEnd()).format(LOCAL_TIME));
                    entryNode.put("label", block.getLabel());
                    entryNode.put("calendar", moved.getOrDefault(block.getCalendar(), block.getCalendar()));
                }
            }
        }
        return document;
    }

    /**
     * Rewrites the person's "calendars" (paths relative to the plan file) relative to {@code target}'s directory, so
     * the written plan finds the same files; returns old name to new name for the ones that changed.
     */
    private static Map<String, String> relocateCalendars(ObjectNode person, Path source, Path target) {
        Map<String, String> moved = new HashMap<>();
        if (target == null || !(person.get("calendars") instanceof ArrayNode calendars)) {
            return moved;
        }
        Path from = source.toAbsolutePath().normalize().getParent();
        Path to = target.toAbsolutePath().normalize().getParent();
        if (from.equals(to)) {
            return moved;
        }
        for (int i = 0; i < calendars.size(); i++) {
            String name = calendars.get(i).asText();
            if (Path.of(name).isAbsolute()) {
                continue;
            }
            String relocated = to.relativize(from.resolve(name).normalize()).toString()
                    .replace(File.separatorChar, '/');
            calendars.set(i, calendars.textNode(relocated));
            moved.put(name, relocated);
        }
        return moved;
    }

    private static ObjectNode find(ObjectNode document, String list, String id) {
        for (JsonNode node : document.withArray(list)) {
            if (node.path("id").asText().equals(id)) {
                return (ObjectNode) node;
            }
        }
        throw new IllegalStateException(id + " of the plan is not in the file's " + list);
    }

    /** A new "busy" list, placed after "calendars" (or before "sessions") so the file reads in its usual order. */
    private static ArrayNode busyField(ObjectNode person) {
        ObjectNode copy = person.deepCopy();
        person.removeAll();
        ArrayNode busy = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (busy == null && field.getKey().equals("sessions")) {
                busy = person.putArray("busy");
            }
            person.set(field.getKey(), field.getValue());
            if (busy == null && field.getKey().equals("calendars")) {
                busy = person.putArray("busy");
            }
        }
        return busy != null ? busy : person.putArray("busy");
    }

    private static Session find(TrainingPlan plan, String id) {
        for (Session session : plan.getSessions()) {
            if (session.getId().equals(id)) {
                return session;
            }
        }
        throw new IllegalStateException("session " + id + " of the file is not in the plan");
    }

    /** Writes {@code document} to {@code target}, whole or not at all ({@link AtomicFile}). */
    public void write(ObjectNode document, Path target) {
        AtomicFile.write(target, stream -> writeTo(document, stream));
    }

    /** The document as runplan writes every plan file, to {@code stream} (closed after): for file systems not local. */
    public void writeTo(ObjectNode document, OutputStream stream) throws IOException {
        mapper.writeValue(stream, document);
    }
}
