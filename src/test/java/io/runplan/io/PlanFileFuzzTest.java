package io.runplan.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;
import io.runplan.support.Guarantees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded mutation fuzzer over the shipped plan files: fields removed, values replaced by junk of every type,
 * numbers bent, list items duplicated, the text truncated or a byte flipped. Every mutant either solves normally
 * (exit 0, a solved plan written that breaks no hard rule a pin does not cause) or is refused with exit code 2 and one line naming the file and the JSON path;
 * never an uncaught exception, never a hang, and the mutant file itself is never changed.
 */
@Execution(ExecutionMode.CONCURRENT) // computation only (no time limit, no port): beside other classes
class PlanFileFuzzTest {

    private static final Map<String, Integer> BASES = new LinkedHashMap<>();

    static {
        BASES.put("datasets/office-worker-week.json", 450);
        BASES.put("src/test/resources/plans/format-example.json", 200);
        BASES.put("src/test/resources/plans/mini-club.json", 200);
        BASES.put("datasets/shift-nurse-4-weeks.json", 100);
        BASES.put("datasets/club-week.json", 100);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void everyMutantSolvesOrIsRefusedWithOneLineAndExitCode2(@TempDir Path directory) throws IOException {
        Random random = new Random(1123);
        int mutants = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Integer> base : BASES.entrySet()) {
            String original = Files.readString(Path.of(base.getKey()));
            for (int i = 0; i < base.getValue(); i++, mutants++) {
                Path mutant = directory.resolve("mutant-" + mutants + ".json");
                byte[] bytes = mutate(original, random);
                Files.write(mutant, bytes);
                Path out = directory.resolve("mutant-" + mutants + ".solved.json");
                HostileInputTest.Run run = HostileInputTest.Run.of("solve", mutant.toString(), "--moves", "150",
                        "--out", out.toString());
                if (run.exitCode() == 2) {
                    refused++;
                    if (!run.err().startsWith("runplan: " + mutant + ": $") || run.err().strip().lines().count() != 1) {
                        failures.add(mutant.getFileName() + " from " + base.getKey() + ": " + run);
                    }
                } else if (run.exitCode() != 0 || !run.out().contains("Score ") || !Files.exists(out)) {
                    failures.add(mutant.getFileName() + " from " + base.getKey() + ": " + run);
                } else if (!Guarantees.hardBreaksNotCausedByPins(out).isEmpty()) {
                    failures.add(mutant.getFileName() + " from " + base.getKey() + ": breaks a hard rule no pin causes: "
                            + Guarantees.hardBreaksNotCausedByPins(out));
                }
                if (!java.util.Arrays.equals(Files.readAllBytes(mutant), bytes)) {
                    failures.add(mutant.getFileName() + ": the input was changed");
                }
                Files.deleteIfExists(out);
            }
        }
        System.out.printf("fuzz: %d mutants, %d refused with exit code 2, %d solved%n", mutants, refused, mutants - refused);
        assertThat(failures).isEmpty();
        assertThat(mutants).isGreaterThanOrEqualTo(1000);
        // Both outcomes must be common, or the fuzzer is not testing what it claims.
        assertThat(refused).isBetween(mutants / 5, mutants - mutants / 10);
    }

    /**
     * Every key the plan files hold (input and solved output), misspelt as a hand slips (one letter dropped, two
     * neighbours swapped), is reported with its JSON path and the name it was meant to be: as a warning when the plan
     * still reads, or inside the one error that stops it. Each place's key is tried once (the first athlete's
     * "minutes" stands for every session's).
     */
    @Test
    void everyMisspeltKeyIsReportedWithTheNameItWasMeantToBe() throws IOException {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        for (String base : List.of("src/test/resources/plans/format-example.json", "src/test/resources/plans/mini-club.json",
                "datasets/office-worker-week.json", "datasets/calendar-week.json",
                "src/test/resources/plans/dated-two-weeks.json")) {
            documents.put(base, (ObjectNode) JSON.readTree(Path.of(base).toFile()));
        }
        // the fields runplan writes: the end of each session, the score, the unscheduled sessions and why, the rules'
        // reasons, busy time copied from calendars, and what a re-plan did
        for (String base : List.of("src/test/resources/plans/format-example.json", "datasets/calendar-week.json")) {
            PlanFile read = new PlanReader().read(Path.of(base));
            ObjectNode solved = new PlanWriter().toDocument(read, read.plan(), PlanReport.of(StartSlots.assign(read.plan())));
            solved.putObject("replanned").put("now", "2026-11-23T06:00");
            documents.put(base + ", as runplan writes it", solved);
        }

        Map<String, String> seen = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int slips = 0;
        for (Map.Entry<String, ObjectNode> base : documents.entrySet()) {
            Path source = Path.of(base.getKey().split(",")[0]);
            for (KeyAt key : keys(base.getValue(), "$", "$")) {
                if (seen.putIfAbsent(key.place(), key.path()) != null) {
                    continue;
                }
                for (String slip : slips(key.name())) {
                    if (slip.isEmpty() || key.parent().has(slip) || PlanFields.isUsersOwn(slip)) {
                        continue;
                    }
                    slips++;
                    ObjectNode mutant = base.getValue().deepCopy();
                    rename(mutant, key, slip);
                    String report;
                    try {
                        PlanFile read = new PlanReader().read(source, mutant);
                        report = String.join("\n", read.warnings());
                    } catch (PlanFormatException e) {
                        report = e.describe();
                    }
                    String misspelt = key.parentPath() + "." + slip;
                    boolean named = report.contains(misspelt + ": unknown field; did you mean '" + key.name() + "'?")
                            || report.contains("'" + slip + "' here: a misspelling of '" + key.name() + "'?")
                            || report.startsWith(misspelt + ": unknown") && report.contains("did you mean '" + key.name() + "'?");
                    if (!named) {
                        failures.add(base.getKey() + ": " + key.path() + " as '" + slip + "': " + report);
                    }
                }
            }
        }
        System.out.printf("misspellings: %d slips of the keys of %d places, each reported%n", slips, seen.size());
        assertThat(failures).isEmpty();
        // every place a plan file has a field: the top level, rules and weights, facilities, coaches, athletes,
        // their busy time, history, preferences and sessions, and what runplan adds
        assertThat(seen.keySet()).contains("$.athletes[].sessions[].pinned", "$.athletes[].day", "$.athletes[].busy[].start",
                "$.athletes[].history[].minutes", "$.athletes[].preferences[].types", "$.coaches[].groupCapacity",
                "$.facilities[].open[].days", "$.rules.liftGapAfterQualityHours", "$.weights.Gym time",
                "$.athletes[].calendars", "$.timeZone", "$.athletes[].sessions[].end", "$.athletes[].busy[].calendar",
                "$.score", "$.unscheduled", "$.unscheduledReasons", "$.constraints", "$.replanned");
    }

    /** A key of the document: where it is ({@code place}, with list indexes left out) and its object. */
    private record KeyAt(String place, String parentPath, ObjectNode parent, String name) {
        String path() {
            return parentPath + "." + name;
        }
    }

    /** Every key, depth first, except those under what runplan writes and never reads back as fields. */
    private static List<KeyAt> keys(JsonNode node, String place, String path) {
        List<KeyAt> keys = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                keys.add(new KeyAt(place + "." + name, path, object, name));
                if (!List.of("unscheduledReasons", "constraints", "replanned").contains(name)) {
                    keys.addAll(keys(object.get(name), place + "." + name, path + "." + name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                keys.addAll(keys(array.get(i), place + "[]", path + "[" + i + "]"));
            }
        }
        return keys;
    }

    /** The key with one letter dropped, and with two neighbours swapped, at every place. */
    private static List<String> slips(String name) {
        List<String> slips = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            slips.add(name.substring(0, i) + name.substring(i + 1));
        }
        for (int i = 0; i + 1 < name.length(); i++) {
            if (name.charAt(i) != name.charAt(i + 1)) {
                slips.add(name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2));
            }
        }
        return slips.stream().distinct().toList();
    }

    /** The key renamed in place: same value, same position among its siblings. */
    private static void rename(ObjectNode document, KeyAt key, String slip) {
        ObjectNode parent = (ObjectNode) document.at(key.parentPath().substring(1).replaceAll("\\.", "/")
                .replaceAll("\\[(\\d+)]", "/$1"));
        ObjectNode copy = parent.deepCopy();
        parent.removeAll();
        copy.fields().forEachRemaining(field -> parent.set(field.getKey().equals(key.name()) ? slip : field.getKey(),
                field.getValue()));
    }

    static byte[] mutate(String original, Random random) throws IOException {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return original.substring(0, random.nextInt(original.length())).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            byte[] bytes = original.getBytes(StandardCharsets.UTF_8);
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            return bytes;
        }
        JsonNode root = JSON.readTree(original);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            mutateTree(root, random);
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void mutateTree(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            if (object.isEmpty()) {
                object.set("junk", junk(random));
                return;
            }
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, junk(random));
                default -> object.set(name, bend(object.get(name), random));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty()) {
                array.add(junk(random));
                return;
            }
            int index = random.nextInt(array.size());
            switch (random.nextInt(4)) {
                case 0 -> array.remove(index);
                case 1 -> array.add(array.get(index).deepCopy());
                case 2 -> array.set(index, junk(random));
                default -> array.set(index, bend(array.get(index), random));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    private static JsonNode junk(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("junk");
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(0);
            case 5 -> NODES.numberNode(99_999_999);
            case 6 -> NODES.numberNode(1.5);
            case 7 -> NODES.booleanNode(true);
            case 8 -> NODES.arrayNode();
            case 9 -> NODES.objectNode();
            case 10 -> NODES.textNode("2026-13-45T25:61");
            case 11 -> NODES.textNode("2026-11-25T07:00");
            case 12 -> NODES.textNode("MON");
            default -> NODES.textNode("x".repeat(random.nextInt(5_000)));
        };
    }

    /** A plausible neighbour of a value: numbers shifted or scaled, strings cut or extended. */
    private static JsonNode bend(JsonNode value, Random random) {
        if (value.isNumber()) {
            long n = value.asLong();
            long[] choices = {-n, n + 1, n - 1, n * 1000, n / 2, 0};
            return NODES.numberNode(choices[random.nextInt(choices.length)]);
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return random.nextBoolean() || text.isEmpty()
                    ? NODES.textNode(text + (char) ('0' + random.nextInt(40)))
                    : NODES.textNode(text.substring(0, random.nextInt(text.length())));
        }
        return junk(random);
    }
}
