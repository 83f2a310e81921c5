package io.runplan.io;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.runplan.domain.SessionType;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plan file's shape as Jackson binds it (docs/plan-format.md): one record per place of the file, each value of
 * the kind the format asks for (a non-empty string, a whole number, a date, a local time, a time of day, a week day,
 * a session type, a time zone) or refused, by the deserializers below, with the words a user reads. What spans fields
 * (ranges, an end after its start, ids that must exist or be unique, defaults) is checked by {@link PlanReader}.
 * A field missing or null is null here; unknown fields are ignored here and reported by {@link PlanFields}.
 */
final class PlanJson {

    private PlanJson() {
    }

    /** {@code season}: a season file's block, read by {@code runplan season} (docs/season.md), not by the plan reader. */
    record Plan(String name, LocalDate start, Whole days, Whole grainMinutes, ZoneId timeZone, Rules rules,
            JsonNode weights, List<Facility> facilities, List<Coach> coaches, List<Athlete> athletes, JsonNode season) {
        @JsonCreator
        Plan {
        }
    }

    record Rules(Double liftGapAfterQualityHours, MinMax qualitySpacingDays, MinMax liftsPerWeek, Whole restDaysPerWeek,
            Whole runsPerDay, Whole liftSpacingDays, Whole visitGapMinutes, Boolean allowLiftRightAfterQuality) {
        @JsonCreator
        Rules {
        }
    }

    record MinMax(Whole min, Whole max) {
        @JsonCreator
        MinMax {
        }
    }

    record Facility(String id, List<Opening> open) {
        @JsonCreator
        Facility {
        }
    }

    record Opening(List<DayOfWeek> days, TimeOfDay from, TimeOfDay to) {
        @JsonCreator
        Opening {
        }
    }

    record Window(TimeOfDay from, TimeOfDay to) {
        @JsonCreator
        Window {
        }
    }

    record Coach(String id, Window day, List<Busy> busy, List<String> calendars, Whole groupCapacity) {
        @JsonCreator
        Coach {
        }
    }

    record Busy(LocalDateTime start, LocalDateTime end, String label, String calendar) {
        @JsonCreator
        Busy {
        }
    }

    /** {@code current}: the athlete's training now, read by {@code runplan season}, not by the plan reader. */
    record Athlete(String id, String name, Window day, List<Busy> busy, List<String> calendars,
            Whole gymVisitOverheadMinutes, List<Past> history, List<Preference> preferences, List<Session> sessions,
            Current current) {
        @JsonCreator
        Athlete {
        }
    }

    /** An athlete's training now (a season's starting level), checked by {@code runplan season}. */
    record Current(JsonNode weeklyRunMinutes, JsonNode longestRunMinutes) {
        @JsonCreator
        Current {
        }
    }

    record Past(SessionType type, LocalDateTime start, Whole minutes) {
        @JsonCreator
        Past {
        }
    }

    record Preference(List<SessionType> types, List<DayOfWeek> days, TimeOfDay from, TimeOfDay to) {
        @JsonCreator
        Preference {
        }
    }

    /** {@code block} and {@code focus}: a season's lift, its lifting block and focus (docs/season.md), not planned by. */
    record Session(String id, SessionType type, Whole minutes, String location, String coach, LocalDateTime start,
            Boolean pinned, LocalDateTime previousStart, Dates dates, LocalDateTime end, JsonNode block, JsonNode focus) {
        @JsonCreator
        Session {
        }
    }

    record Dates(LocalDate from, LocalDate to) {
        @JsonCreator
        Dates {
        }
    }

    /** A whole number as the file gives it (60 or 60.0); {@code text} is how it is written, for a message. */
    record Whole(double value, String text) {

        /** The number, or a refusal at {@code path} naming the range. */
        int between(int min, int max, String path) {
            if (value < min || value > max) {
                throw new PlanFormatException(path, "must be between " + min + " and " + max + ", got "
                        + (text.length() > 20 ? text.substring(0, 20) + "..." : text));
            }
            return (int) value;
        }
    }

    /** A time of day "06:30" as minutes after midnight; "24:00" is the end of a day. */
    record TimeOfDay(int minutes) {
    }

    // ------------------------------------------------------------------ binding

    /** A value refused by one of the deserializers below: its message is the user's. */
    static final class Refused extends JsonMappingException {
        Refused(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{2}):(\\d{2})");
    private static final Map<String, DayOfWeek> WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toMap(day -> day.name().substring(0, 3), day -> day));

    /**
     * A mapper that parses plan files (a duplicate key is an error, nesting is bounded) and binds them with the
     * deserializers below, nothing coerced.
     */
    static ObjectMapper mapper() {
        SimpleModule values = new SimpleModule("plan-file values");
        values.addDeserializer(String.class, value(PlanJson::text));
        values.addDeserializer(Whole.class, value(node -> {
            if (!node.isNumber() || (!node.isIntegralNumber() && node.doubleValue() != Math.rint(node.doubleValue()))) {
                return refuse("expected a whole number, got " + kind(node));
            }
            return new Whole(node.doubleValue(), node.asText());
        }));
        values.addDeserializer(Double.class, value(node -> node.isNumber() ? node.doubleValue()
                : refuse("expected a number, got " + kind(node))));
        values.addDeserializer(Boolean.class, value(node -> node.isBoolean() ? node.booleanValue()
                : refuse("expected true or false, got " + node)));
        values.addDeserializer(LocalDate.class, value(PlanJson::date));
        values.addDeserializer(LocalDateTime.class, value(PlanJson::localTime));
        values.addDeserializer(TimeOfDay.class, value(PlanJson::timeOfDay));
        values.addDeserializer(DayOfWeek.class, value(node -> {
            DayOfWeek day = node.isTextual() ? WEEKDAYS.get(node.textValue()) : null;
            return day != null ? day : refuse(unknownDay(node));
        }));
        values.addDeserializer(SessionType.class, value(node -> {
            for (SessionType type : SessionType.values()) {
                if (node.isTextual() && type.name().equals(node.textValue())) {
                    return type;
                }
            }
            return refuse("unknown session type " + node + "; use one of " + sessionTypes());
        }));
        values.addDeserializer(ZoneId.class, value(node -> {
            String text = text(node);
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                return refuse("unknown time zone '" + text + "'; use a name like Europe/Berlin, America/New_York or UTC");
            }
        }));
        ObjectMapper mapper = new ObjectMapper().registerModule(values)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
        return mapper;
    }

    /** What a binding error says: the refusal's own words, or the kind the place wanted and what the file has. */
    static String describe(JsonMappingException e, JsonNode found) {
        if (e instanceof Refused) {
            return e.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            boolean list = Collection.class.isAssignableFrom(mismatch.getTargetType());
            return (list ? "expected a list, got " : "expected an object, got ") + kind(found);
        }
        return "cannot be read: " + e.getOriginalMessage();
    }

    /** "$.athletes[0].sessions[2].type" for where binding stopped. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference step : e.getPath()) {
            path.append(step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]");
        }
        return path.toString();
    }

    /** The node of {@code root} where binding stopped, or null. */
    static JsonNode nodeAt(JsonNode root, JsonMappingException e) {
        JsonNode node = root;
        for (JsonMappingException.Reference step : e.getPath()) {
            if (node == null) {
                return null;
            }
            node = step.getFieldName() != null ? node.get(step.getFieldName()) : node.get(step.getIndex());
        }
        return node;
    }

    /** "string \"abc\"", "number 5", "array [...]": a value as an error message shows it. */
    static String kind(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    static String unknownDay(JsonNode node) {
        return "unknown day " + node + "; use one of MON, TUE, WED, THU, FRI, SAT, SUN";
    }

    static String sessionTypes() {
        return Arrays.stream(SessionType.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String text(JsonNode node) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            refuse("expected a non-empty string, got " + kind(node));
        }
        return node.textValue();
    }

    private static LocalDate date(JsonNode node) {
        String text = text(node);
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // refused below
            }
        }
        return refuse("expected a date like 2026-11-23, got '" + text + "'");
    }

    private static LocalDateTime localTime(JsonNode node) {
        String text = text(node);
        Matcher m = DATE_TIME.matcher(text);
        if (m.matches()) {
            if (m.group(4) != null && Integer.parseInt(m.group(4)) != 0) {
                return refuse("seconds must be 0: '" + text + "'");
            }
            try {
                return LocalDateTime.of(LocalDate.parse(m.group(1)),
                        LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                // refused below
            }
        }
        return refuse("expected a local time like 2026-11-24T07:00, got '" + text + "'");
    }

    private static TimeOfDay timeOfDay(JsonNode node) {
        String text = text(node);
        Matcher m = TIME_OF_DAY.matcher(text);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (minute <= 59 && (hour < 24 || (hour == 24 && minute == 0))) {
                return new TimeOfDay(hour * 60 + minute);
            }
        }
        return refuse("expected a time of day like 06:30, got '" + text + "'");
    }

    /** Thrown inside a deserializer, turned into a {@link Refused} there with the parser Jackson needs. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private static <T> T refuse(String message) {
        throw new Refusal(message);
    }

    /** A deserializer that reads the value as a tree and makes it with {@code make}, or refuses it. */
    private static <T> JsonDeserializer<T> value(Function<JsonNode, T> make) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode node = context.readTree(parser);
                try {
                    return make.apply(node);
                } catch (Refusal refusal) {
                    throw new Refused(parser, refusal.getMessage());
                }
            }
        };
    }
}
