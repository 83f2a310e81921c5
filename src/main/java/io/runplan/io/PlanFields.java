package io.runplan.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The field names a plan file may hold, place by place (docs/plan-format.md), and the unknown ones in a document: a
 * misspelt field would otherwise be ignored without a word ("pined": true, and the session the user meant to pin is
 * moved). Keys starting with {@code x-} belong to the user or another program and are never reported.
 */
public final class PlanFields {

    /** A key a plan file has where runplan reads no such field; {@code nearest} is the known name it most resembles. */
    public record Unknown(String parentPath, String name, Optional<String> nearest, Collection<String> known) {

        public String path() {
            return parentPath + "." + name;
        }

        /** "unknown field; did you mean 'pinned'?", or the names known there when none is close. */
        public String describe() {
            return "unknown field; " + nearest.map(PlanFields::didYouMean)
                    .orElse("runplan reads " + String.join(", ", known) + " here (keys starting with x- are yours)");
        }
    }

    /**
     * The fields of one place of the file: each known name with the place its value is (an object of that shape, or a
     * list of such objects), or {@link #ANY} for a value whose keys are not field names or are checked elsewhere.
     * They are the fields the reader binds ({@link PlanJson}), so a field the reader learns is known here too.
     */
    private record Shape(Map<String, Shape> fields) {
    }

    /** A value not looked into: text, numbers, lists of them, and objects whose keys are data. */
    private static final Shape ANY = new Shape(Map.of());

    /**
     * The top level: the fields {@link PlanJson.Plan} binds, and what runplan writes under "score", "unscheduled",
     * "unscheduledReasons", "constraints" and "replanned", which is never read back, only written anew. Under "rules"
     * and "weights" every key is checked by the reader itself (an unknown one is an error there: a misspelt weight
     * must not keep its default).
     */
    private static final Shape PLAN = new Shape(with(of(PlanJson.Plan.class).fields(), Map.of("rules", ANY, "weights", ANY),
            "score", "unscheduled", "unscheduledReasons", "constraints", "replanned"));

    private PlanFields() {
    }

    /** Every unknown key of a plan document, in the order of the file. */
    public static List<Unknown> unknown(JsonNode plan) {
        List<Unknown> unknown = new ArrayList<>();
        check(plan, PLAN, "$", unknown);
        return unknown;
    }

    /** Whether a key belongs to the user ("x-note"): never read, never reported, kept when the plan is written. */
    public static boolean isUsersOwn(String key) {
        return key.regionMatches(true, 0, "x-", 0, 2);
    }

    /** The name of {@code known} that {@code name} most resembles, if it is close enough to be a slip of the hand. */
    public static Optional<String> nearest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int longest = Math.max(name.length(), best == null ? 0 : best.length());
        int allowed = longest <= 4 ? 1 : longest <= 8 ? 2 : 3;
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * "did you mean 'liftsPerWeek'? " when {@code key} of {@code object} is close to one of {@code names} that the
     * object lacks, else "": for the places whose unknown keys the reader refuses itself (rules, weights).
     */
    public static String didYouMean(String key, JsonNode object, Collection<String> names) {
        return nearest(key, absent(object, names)).map(name -> didYouMean(name) + " ").orElse("");
    }

    private static String didYouMean(String name) {
        return "did you mean '" + name + "'?";
    }

    /** The names not yet in {@code object}: a misspelt key stands for a field the object lacks, not one it has. */
    private static List<String> absent(JsonNode object, Collection<String> names) {
        return names.stream().filter(name -> !object.has(name)).toList();
    }

    private static void check(JsonNode node, Shape shape, String path, List<Unknown> unknown) {
        if (shape == ANY || node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), shape, path + "[" + i + "]", unknown);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            Shape value = shape.fields().get(key);
            if (value != null) {
                check(field.getValue(), value, path + "." + key, unknown);
            } else if (!isUsersOwn(key)) {
                unknown.add(new Unknown(path, key, nearest(key, absent(node, shape.fields().keySet())),
                        shape.fields().keySet()));
            }
        }
    }

    /**
     * Optimal string alignment distance: letters inserted, dropped, replaced, or two neighbours swapped ("dya" is one
     * step from "day"), the slips a hand makes.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The fields of a record of {@link PlanJson}, in its order: each a place of the same kind when it is a record or a
     * list of records, else a value not looked into.
     */
    private static Shape of(Class<?> record) {
        Map<String, Shape> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type == List.class && component.getGenericType() instanceof ParameterizedType list) {
                type = list.getActualTypeArguments()[0] instanceof Class<?> element ? element : Object.class;
            }
            boolean place = type.isRecord() && type.getEnclosingClass() == PlanJson.class && !isValue(type);
            fields.put(component.getName(), place ? of(type) : ANY);
        }
        return new Shape(fields);
    }

    /** A value record (a number with its text, a time of day): one value of the file, not a place with fields. */
    private static boolean isValue(Class<?> type) {
        return type == PlanJson.Whole.class || type == PlanJson.TimeOfDay.class;
    }

    /** {@code fields} with some replaced and some added, each added one a value not looked into. */
    private static Map<String, Shape> with(Map<String, Shape> fields, Map<String, Shape> replaced, String... added) {
        Map<String, Shape> all = new LinkedHashMap<>(fields);
        all.putAll(replaced);
        for (String name : added) {
            all.put(name, ANY);
        }
        return all;
    }
}
