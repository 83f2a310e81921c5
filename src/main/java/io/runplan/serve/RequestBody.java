package io.runplan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.io.PlanFields;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON object an action of the workbench is sent: read field by field, each mistake a message naming the field
 * and what it expects, and a key the action does not read refused by name (with the known key it most resembles), never
 * silently ignored.
 */
final class RequestBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String action;
    private final ObjectNode body;

    private RequestBody(String action, ObjectNode body) {
        this.action = action;
        this.body = body;
    }

    /** {@code text} as the body of {@code action}, which reads the fields {@code known} only; an empty body is {}. */
    static RequestBody parse(String action, String text, List<String> known) {
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw RequestRefused.badInput(action + ": the request is not valid JSON: " + e.getOriginalMessage()
                    .replaceAll("\\s+", " "));
        }
        if (!(node instanceof ObjectNode object)) {
            throw RequestRefused.badInput(action + ": the request must be one JSON object, like {\"version\": \"...\"}");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw RequestRefused.badInput(action + ": unknown field '" + name + "'; "
                        + PlanFields.nearest(name, known).map(n -> "did you mean '" + n + "'?")
                        .orElse(known.isEmpty() ? "this action reads no fields" : "it reads " + String.join(", ", known)));
            }
        }
        return new RequestBody(action, object);
    }

    boolean has(String field) {
        return body.hasNonNull(field);
    }

    /** A text field that must be there. */
    String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw RequestRefused.badInput(action + ": '" + field + "' is missing");
        }
        return value;
    }

    /** A text field, or null. */
    String optionalText(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RequestRefused.badInput(action + ": '" + field + "' must be text, got " + value);
        }
        return value.textValue();
    }

    /** A whole number of at least 1, or null. */
    Long positive(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 1) {
            throw RequestRefused.badInput(action + ": '" + field + "' must be a whole number of at least 1, got " + value);
        }
        return value.longValue();
    }

    /** A whole number, or {@code fallback}. */
    long whole(String field, long fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw RequestRefused.badInput(action + ": '" + field + "' must be a whole number, got " + value);
        }
        return value.longValue();
    }

    /** A local time like 2026-11-24T07:00 (the plan file's format); {@code what} says what it is for. */
    LocalDateTime time(String field) {
        return time(field, text(field));
    }

    LocalDateTime time(String field, String text) {
        if (TIME.matcher(text).matches()) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw RequestRefused.badInput(action + ": '" + field + "' is '" + text + "': expected a local time like 2026-11-24T07:00");
    }

    /** A list of texts (a single text is a list of one), or an empty list. */
    List<String> texts(String field) {
        JsonNode value = body.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isTextual()) {
            texts.add(value.textValue());
            return texts;
        }
        if (!value.isArray()) {
            throw RequestRefused.badInput(action + ": '" + field + "' must be a list of texts, got " + value);
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw RequestRefused.badInput(action + ": '" + field + "' must be a list of texts, got " + item + " in it");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** A list of dates like 2026-11-27. */
    List<LocalDate> dates(String field) {
        List<LocalDate> dates = new ArrayList<>();
        for (String text : texts(field)) {
            LocalDate date = null;
            if (DATE.matcher(text).matches()) {
                try {
                    date = LocalDate.parse(text);
                } catch (DateTimeException e) {
                    // the message below
                }
            }
            if (date == null) {
                throw RequestRefused.badInput(action + ": '" + field + "' has '" + text + "': expected a date like 2026-11-27");
            }
            dates.add(date);
        }
        return dates;
    }

    /** A list of objects, each read as a body of its own with {@code known} fields. */
    List<RequestBody> objects(String field, List<String> known) {
        JsonNode value = body.get(field);
        List<RequestBody> objects = new ArrayList<>();
        if (value == null || value.isNull()) {
            return objects;
        }
        if (!value.isArray()) {
            throw RequestRefused.badInput(action + ": '" + field + "' must be a list of objects, got " + value);
        }
        for (int i = 0; i < value.size(); i++) {
            objects.add(parse(action + ": " + field + "[" + i + "]", value.get(i).toString(), known));
        }
        return objects;
    }
}
