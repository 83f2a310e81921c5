package io.runplan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The changes a coach makes on the page, as edits of the plan document: each touches only the fields it is about
 * (a session's start and pin, a person's busy list) and leaves the reading, and so every check, to the plan reader.
 */
final class PlanEdits {

    private PlanEdits() {
    }

    /** The session starts at {@code start} ("2026-11-24T07:00"); a pin stays as it was. */
    static Consumer<ObjectNode> move(String sessionId, LocalDateTime start) {
        return document -> {
            ObjectNode session = session(document, sessionId);
            session.put("start", start.toString());
            session.remove("end"); // the end follows from start and minutes; the writer puts it back
        };
    }

    /** The session keeps its start whatever a solve does. */
    static Consumer<ObjectNode> pin(String sessionId) {
        return document -> {
            ObjectNode session = session(document, sessionId);
            if (!session.hasNonNull("start")) {
                throw RequestRefused.conflict(sessionId + " has no start to keep; move it to a start first, then pin it");
            }
            session.put("pinned", true);
        };
    }

    static Consumer<ObjectNode> unpin(String sessionId) {
        return document -> session(document, sessionId).remove("pinned");
    }

    /** The session loses its start (and its pin): a solve may place it again. */
    static Consumer<ObjectNode> unschedule(String sessionId) {
        return document -> {
            ObjectNode session = session(document, sessionId);
            session.putNull("start");
            session.remove("end");
            session.remove("pinned");
        };
    }

    /** A busy block added to the athlete's or the coach's own busy list. */
    static Consumer<ObjectNode> addBusy(PersonRef person, LocalDateTime start, LocalDateTime end, String label) {
        return document -> {
            ObjectNode owner = person(document, person);
            ArrayNode busy = owner.get("busy") instanceof ArrayNode list ? list : owner.putArray("busy");
            ObjectNode block = busy.addObject();
            block.put("start", start.toString());
            block.put("end", end.toString());
            if (label != null && !label.isBlank()) {
                block.put("label", label);
            }
        };
    }

    /**
     * The busy block from {@code start} to {@code end} taken out of the person's busy list. A block read from a
     * calendar file is read again from it each time, so it is changed there, not here.
     */
    static Consumer<ObjectNode> removeBusy(PersonRef person, LocalDateTime start, LocalDateTime end) {
        return document -> {
            ObjectNode owner = person(document, person);
            JsonNode busy = owner.get("busy");
            if (busy instanceof ArrayNode list) {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode block = list.get(i);
                    if (sameTime(block.get("start"), start) && sameTime(block.get("end"), end)) {
                        if (block.hasNonNull("calendar")) {
                            throw RequestRefused.conflict(person + "'s busy time " + start + " to " + end + " comes from the "
                                    + "calendar " + block.get("calendar").asText() + ", which is read again each time: "
                                    + "remove it there");
                        }
                        list.remove(i);
                        return;
                    }
                }
            }
            String calendars = owner.get("calendars") instanceof ArrayNode files && !files.isEmpty()
                    ? "; busy time read from " + person + "'s calendars (" + String.join(", ", texts(files))
                    + ") is changed in those files" : "";
            throw RequestRefused.notFound(person + " has no busy block from " + start + " to " + end + " in the plan file"
                    + calendars);
        };
    }

    /** An athlete or a coach, as a request names them. */
    record PersonRef(String list, String id) {

        static PersonRef of(RequestBody request) {
            String athlete = request.optionalText("athlete");
            String coach = request.optionalText("coach");
            if ((athlete == null) == (coach == null)) {
                throw RequestRefused.badInput("give 'athlete' or 'coach' (one of them): whose busy time it is");
            }
            return athlete != null ? new PersonRef("athletes", athlete) : new PersonRef("coaches", coach);
        }

        @Override
        public String toString() {
            return (list.equals("athletes") ? "athlete " : "coach ") + id;
        }
    }

    private static ObjectNode session(ObjectNode document, String sessionId) {
        for (JsonNode athlete : document.path("athletes")) {
            for (JsonNode session : athlete.path("sessions")) {
                if (session instanceof ObjectNode object && sessionId.equals(session.path("id").asText(null))) {
                    return object;
                }
            }
        }
        throw RequestRefused.notFound("no session '" + sessionId + "' in the plan");
    }

    private static ObjectNode person(ObjectNode document, PersonRef person) {
        List<String> ids = new ArrayList<>();
        for (JsonNode node : document.path(person.list())) {
            if (node instanceof ObjectNode object && person.id().equals(node.path("id").asText(null))) {
                return object;
            }
            ids.add(node.path("id").asText());
        }
        throw RequestRefused.notFound("no " + person + " in the plan (" + person.list() + ": " + String.join(", ", ids) + ")");
    }

    private static boolean sameTime(JsonNode text, LocalDateTime time) {
        if (text == null || !text.isTextual()) {
            return false;
        }
        try {
            return LocalDateTime.parse(text.textValue()).equals(time);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static List<String> texts(ArrayNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
