package io.runplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runplan.domain.Session;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.solver.StartSlots;
import io.runplan.season.SeasonBlock;
import io.runplan.solver.PlanReport;
import io.runplan.support.Chromium;
import io.runplan.support.SolvedSeason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The season page of a solved season (the nurse's last 8 weeks to her marathon) in headless Chromium, on a desktop and
 * a phone screen: the chart draws a bar for every week, the lifts and the long run's points, the phases read as bands,
 * every placed session of every week is in view, nothing spills sideways, and the screenshot shows the chart's colours.
 * Skipped where chromium is missing (.ci/run installs Debian's package).
 */
class SeasonPageInChromiumTest {

    /** Run in the page by this test only: what of the chart and the weeks a person can see. */
    private static final String PROBE = """
            <script>
            (function () {
              const result = { visible: [], hidden: [], bars: [], lifts: 0, dots: 0, text: document.body.innerText,
                               overflow: document.documentElement.scrollWidth > window.innerWidth };
              for (const el of document.querySelectorAll('[data-session]')) {
                el.scrollIntoView({ block: 'center', inline: 'center' });
                const r = el.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + Math.min(6, r.width / 2), r.top + Math.min(6, r.height / 2));
                const shown = r.width >= 10 && r.height >= 8 && hit !== null && el.contains(hit);
                (shown ? result.visible : result.hidden).push(el.dataset.session);
              }
              window.scrollTo(0, 0);
              const svg = document.querySelector('svg[data-chart]').getBoundingClientRect();
              result.chartWidth = svg.width;
              for (const bar of document.querySelectorAll('g[data-week]')) {
                const r = bar.getBoundingClientRect();
                result.bars.push({ week: bar.dataset.week, width: r.width, height: r.height,
                                   inside: r.left >= svg.left && r.right <= svg.right });
              }
              result.lifts = document.querySelectorAll('rect[data-lift]').length;
              result.dots = document.querySelectorAll('circle[data-long-run]').length;
              document.body.setAttribute('data-probe', btoa(unescape(encodeURIComponent(JSON.stringify(result)))));
            })();
            </script>
            """;

    @TempDir
    static Path directory;
    static Path page;
    static PlanFile solved;

    @BeforeAll
    static void writePage() {
        solved = new PlanReader().read(SolvedSeason.solved());
        page = directory.resolve("season.html");
        new SeasonPage(solved, solved.plan(), PlanReport.of(StartSlots.assign(solved.plan()))).write(page);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void theChartAndEveryWeekAreThereToSee(int width, int height) throws Exception {
        assumeTrue(Chromium.find() != null, "chromium is not installed");
        Path probed = directory.resolve("probed-" + width + ".html");
        Files.writeString(probed, Files.readString(page).replace("</body>", PROBE + "</body>"));
        String dom = Chromium.run(directory, width, height, "--dump-dom", probed.toUri().toString());
        Matcher encoded = Pattern.compile("data-probe=\"([A-Za-z0-9+/=]+)\"").matcher(dom);
        assertThat(encoded.find()).as("the probe ran").isTrue();
        JsonNode result = new ObjectMapper().readTree(new String(Base64.getDecoder().decode(encoded.group(1)), StandardCharsets.UTF_8));

        SeasonBlock block = SeasonBlock.of(solved.document()).orElseThrow();
        assertThat(result.get("bars")).hasSize(block.weeks().size());
        for (JsonNode bar : result.get("bars")) {
            assertThat(bar.get("width").asDouble()).as("bar of week " + bar.get("week")).isGreaterThan(2);
            assertThat(bar.get("height").asDouble()).as("bar of week " + bar.get("week")).isGreaterThan(2);
            assertThat(bar.get("inside").asBoolean()).as("bar of week " + bar.get("week") + " inside the chart").isTrue();
        }
        assertThat(result.get("chartWidth").asDouble()).isGreaterThan(width * 0.6);
        assertThat(result.get("lifts").asInt()).isEqualTo(block.weeks().stream().mapToInt(SeasonBlock.Week::lifts).sum());
        assertThat(result.get("dots").asInt()).isEqualTo((int) block.weeks().stream().filter(w -> w.longRunMinutes() > 0).count());

        List<String> visible = new ArrayList<>();
        result.get("visible").forEach(id -> visible.add(id.asText()));
        assertThat(result.get("hidden")).isEmpty();
        assertThat(visible).containsExactlyInAnyOrderElementsOf(
                solved.plan().getSessions().stream().filter(Session::isScheduled).map(Session::getId).toList());
        assertThat(result.get("overflow").asBoolean()).as("the page spills sideways").isFalse();
        assertThat(result.get("text").asText()).contains("Noor: marathon", "Score 0hard/0medium/", "base", "peak", "taper",
                "Week 1 of 8", "Week 8 of 8", "race week", "block A", "lifts", "week");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void theScreenshotShowsTheSeasonInColour(int width, int height) throws Exception {
        assumeTrue(Chromium.find() != null, "chromium is not installed");
        Path png = directory.resolve("season-" + width + ".png");
        Chromium.run(directory, width, height, "--screenshot=" + png, page.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        // the chart is at the top: long runs, easy runs, speed, lifts and the phase bands all show
        assertThat(Chromium.share(image, 0xa61e4d)).as("long runs").isGreaterThan(0.001);
        assertThat(Chromium.share(image, 0x2b8a3e)).as("easy runs").isGreaterThan(0.001);
        assertThat(Chromium.share(image, 0xd9480f)).as("speed sessions").isGreaterThan(0.0005);
        assertThat(Chromium.share(image, 0x1864ab)).as("lifts").isGreaterThan(0.0001);
        assertThat(Chromium.share(image, 0xfff0f6) + Chromium.share(image, 0xebfbee)).as("peak and taper bands").isGreaterThan(0.005);
    }
}
