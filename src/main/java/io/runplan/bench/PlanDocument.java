package io.runplan.bench;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds plan file documents (docs/plan-format.md) node by node, for the sample datasets and the generator. */
final class PlanDocument {

    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanDocument() {
    }

    static ObjectNode publicGym() {
        return facility("gym", openWindow(WEEKDAYS, "06:00", "22:00"), openWindow(WEEKEND, "08:00", "18:00"));
    }

    // ------------------------------------------------------------------------------------------ plan file nodes

    /**
     * A plan with empty lists in the field order of docs/plan-format.md; {@link #tidy} drops the lists left empty. Default rules and
     * weights, so neither is written.
     */
    static ObjectNode plan(String name, LocalDate start, int days, int grainMinutes) {
        return plan(name, start, days, grainMinutes, null, null);
    }

    /** As {@link #plan(String, LocalDate, int, int)}, with {@code rules} and {@code weights} where not null. */
    static ObjectNode plan(String name, LocalDate start, int days, int grainMinutes, ObjectNode rules, ObjectNode weights) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("name", name);
        plan.put("start", start.toString());
        plan.put("days", days);
        plan.put("grainMinutes", grainMinutes);
        if (rules != null) {
            plan.set("rules", rules);
        }
        if (weights != null) {
            plan.set("weights", weights);
        }
        plan.putArray("facilities");
        plan.putArray("coaches");
        plan.putArray("athletes");
        return plan;
    }

    static ArrayNode facilities(ObjectNode plan) {
        return plan.withArrayProperty("facilities");
    }

    static ObjectNode facility(String id, ObjectNode... openWindows) {
        ObjectNode facility = JSON.createObjectNode();
        facility.put("id", id);
        ArrayNode open = facility.putArray("open");
        for (ObjectNode window : openWindows) {
            open.add(window);
        }
        return facility;
    }

    static ObjectNode openWindow(Set<DayOfWeek> days, String from, String to) {
        ObjectNode window = JSON.createObjectNode();
        window.set("days", weekdayNames(days));
        window.put("from", from);
        window.put("to", to);
        return window;
    }

    /** An empty object, for the {@code rules} and {@code weights} a generator overrides. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode window(String from, String to) {
        ObjectNode window = JSON.createObjectNode();
        window.put("from", from);
        window.put("to", to);
        return window;
    }

    static ObjectNode coach(ObjectNode plan, String id, JsonNode day, int groupCapacity) {
        ObjectNode coach = plan.withArrayProperty("coaches").addObject();
        coach.put("id", id);
        coach.set("day", day);
        coach.put("groupCapacity", groupCapacity);
        coach.putArray("busy");
        return coach;
    }

    /** An athlete with empty lists in the field order of docs/plan-format.md; {@link #tidy} drops those left empty. */
    static ObjectNode athlete(ObjectNode plan, String id, String name, JsonNode day, int gymOverheadMinutes) {
        ObjectNode athlete = plan.withArrayProperty("athletes").addObject();
        athlete.put("id", id);
        athlete.put("name", name);
        athlete.set("day", day);
        athlete.put("gymVisitOverheadMinutes", gymOverheadMinutes);
        athlete.putArray("busy");
        athlete.putArray("history");
        athlete.putArray("preferences");
        athlete.putArray("sessions");
        return athlete;
    }

    static void busy(ObjectNode person, LocalDate date, String from, String to, String label) {
        busy(person, date.atTime(LocalTime.parse(from)), date.atTime(LocalTime.parse(to)), label);
    }

    static void busy(ObjectNode person, LocalDateTime start, LocalDateTime end, String label) {
        ObjectNode block = person.withArrayProperty("busy").addObject();
        block.put("start", start.format(LOCAL_TIME));
        block.put("end", end.format(LOCAL_TIME));
        block.put("label", label);
    }

    static void history(ObjectNode athlete, String type, LocalDateTime start, int minutes) {
        athlete.withArrayProperty("history").add(pastSession(type, start, minutes));
    }

    static ObjectNode pastSession(String type, LocalDateTime start, int minutes) {
        ObjectNode past = JSON.createObjectNode();
        past.put("type", type);
        past.put("start", start.format(LOCAL_TIME));
        past.put("minutes", minutes);
        return past;
    }

    /** A soft window; {@code days} null means every day. */
    static void preference(ObjectNode athlete, List<String> types, Set<DayOfWeek> days, String from,
            String to) {
        ObjectNode preference = athlete.withArrayProperty("preferences").addObject();
        ArrayNode typeNames = preference.putArray("types");
        types.forEach(typeNames::add);
        if (days != null) {
            preference.set("days", weekdayNames(days));
        }
        preference.put("from", from);
        preference.put("to", to);
    }

    /** A session to be planned (no start); callers add {@code location} and {@code coach} where not the default. */
    static ObjectNode session(ObjectNode athlete, String id, String type, int minutes) {
        ObjectNode session = athlete.withArrayProperty("sessions").addObject();
        session.put("id", id);
        session.put("type", type);
        session.put("minutes", minutes);
        return session;
    }

    static ArrayNode weekdayNames(Set<DayOfWeek> days) {
        ArrayNode names = JSON.createArrayNode();
        for (DayOfWeek day : EnumSet.copyOf(days)) { // EnumSet iterates Monday first
            names.add(day.name().substring(0, 3));
        }
        return names;
    }

    /** Drops the lists nobody filled, so a plan file shows only what it says. */
    static ObjectNode tidy(ObjectNode plan) {
        for (JsonNode coach : plan.path("coaches")) {
            dropEmptyLists((ObjectNode) coach, "busy");
        }
        for (JsonNode athlete : plan.path("athletes")) {
            dropEmptyLists((ObjectNode) athlete, "busy", "history", "preferences");
        }
        dropEmptyLists(plan, "facilities", "coaches");
        return plan;
    }

    static void dropEmptyLists(ObjectNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isArray() && node.get(field).isEmpty()) {
                node.remove(field);
            }
        }
    }

    /** Two-space indent, one element per line, {@code "key": value}, and {@code \n} on every platform. */
    static ObjectWriter planWriter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return JSON.writer(printer);
    }
}
