package io.runplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Rule;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.solver.PlanReport;
import io.runplan.solver.StartSlots;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs say what runplan does: every rule is in docs/rules.md, and the example of docs/plan-format.md is true. */
class DocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rulesDocDescribesEveryRuleWithItsDefaultWeight() throws IOException {
        String rules = Files.readString(Path.of("docs", "rules.md"));
        for (Rule rule : Rule.values()) {
            assertThat(rules).as(rule.ruleName()).contains("\n### " + rule.ruleName() + "\n");
            if (rule.level() == Rule.Level.SOFT) {
                assertThat(rules).as(rule.ruleName())
                        .contains("| " + rule.ruleName() + " | " + rule.defaultWeight() + " |")
                        .containsPattern("### " + rule.ruleName() + "\n[^#]*\\*Default weight\\*: " + rule.defaultWeight() + "\\b");
            }
        }
    }

    /**
     * The input of the example reads without a warning, and its output is what runplan writes for those starts: the
     * same fields, the same score, the same reasons.
     */
    @Test
    void planFormatExampleIsWhatRunplanReadsAndWrites() throws IOException {
        List<String> blocks = jsonBlocks(Files.readString(Path.of("docs", "plan-format.md")));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        Path source = Path.of("docs", "ana-week.json");
        PlanFile input = new PlanReader().read(source, JSON.readTree(blocks.get(0)));
        assertThat(input.warnings()).isEmpty();
        assertThat(input.plan().getSessions()).allMatch(s -> s.isPinned() || !s.isScheduled());

        ObjectNode output = (ObjectNode) JSON.readTree(blocks.get(1));
        PlanFile solved = new PlanReader().read(source, output);
        assertThat(solved.warnings()).isEmpty();
        PlanReport report = PlanReport.of(StartSlots.assign(solved.plan()));
        assertThat(output.get("score").textValue()).isEqualTo(report.score().toString());
        JsonNode written = new PlanWriter().toDocument(solved, solved.plan(), report);
        assertThat(written).isEqualTo(output);

        ObjectNode withoutAnswer = output.deepCopy();
        withoutAnswer.remove(List.of("score", "unscheduled", "unscheduledReasons", "constraints"));
        for (JsonNode session : withoutAnswer.get("athletes").get(0).get("sessions")) {
            if (!session.path("pinned").asBoolean()) {
                ((ObjectNode) session).remove("start");
            }
            ((ObjectNode) session).remove("end");
        }
        assertThat(withoutAnswer).isEqualTo(input.document());
    }

    private static List<String> jsonBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
