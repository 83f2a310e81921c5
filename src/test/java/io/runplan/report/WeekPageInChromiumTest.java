package io.runplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.support.Chromium;
import io.runplan.support.SolvedCalendarWeek;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
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
 * The week view of the solved calendar dataset opened in headless Chromium, on a desktop and a phone screen: every
 * session is laid out where a person can see it (not hidden, not covered), the page's text reads right, nothing
 * spills sideways on the phone, and the screenshot shows the sessions' colours. Skipped where chromium is missing
 * (.ci/run installs Debian's package).
 */
class WeekPageInChromiumTest {

    /** Run in the page by this test only: per session (and coach's group), whether its top left corner shows it. */
    static final String PROBE = """
            <script>
            (function () {
              const result = { visible: [], hidden: [], text: document.body.innerText,
                               overflow: document.documentElement.scrollWidth > window.innerWidth };
              for (const el of document.querySelectorAll('[data-session], [data-group]')) {
                el.scrollIntoView({ block: 'center', inline: 'center' });
                const r = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                const hit = document.elementFromPoint(r.left + Math.min(6, r.width / 2), r.top + Math.min(6, r.height / 2));
                const shown = r.width >= 10 && r.height >= 8 && style.visibility !== 'hidden' && style.display !== 'none'
                    && hit !== null && el.contains(hit);
                (shown ? result.visible : result.hidden).push(el.dataset.session || 'group ' + el.dataset.group);
              }
              window.scrollTo(0, 0);
              document.body.setAttribute('data-probe',
                  btoa(unescape(encodeURIComponent(JSON.stringify(result)))));
            })();
            </script>
            """;

    @TempDir
    static Path directory;
    static Path page;

    @BeforeAll
    static void writePage() {
        page = directory.resolve("week.html");
        new WeekPage(SolvedCalendarWeek.plan(), SolvedCalendarWeek.report(), SolvedCalendarWeek.input().timeZone())
                .write(page);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void everySessionIsVisibleAndThePageReadsRight(int width, int height) throws Exception {
        assumeTrue(chromium() != null, "chromium is not installed");
        Path probed = directory.resolve("probed-" + width + ".html");
        Files.writeString(probed, Files.readString(page).replace("</body>", PROBE + "</body>"));
        String dom = run(width, height, "--dump-dom", probed.toUri().toString());
        Matcher encoded = Pattern.compile("data-probe=\"([A-Za-z0-9+/=]+)\"").matcher(dom);
        assertThat(encoded.find()).as("the probe ran:\n" + dom.substring(0, Math.min(500, dom.length()))).isTrue();
        JsonNode result = new ObjectMapper().readTree(new String(Base64.getDecoder().decode(encoded.group(1)), StandardCharsets.UTF_8));

        TrainingPlan plan = SolvedCalendarWeek.plan();
        List<String> visible = new ArrayList<>();
        result.get("visible").forEach(id -> visible.add(id.asText()));
        assertThat(result.get("hidden")).isEmpty();
        List<String> expected = new ArrayList<>(plan.getSessions().stream().filter(Session::isScheduled).map(Session::getId).toList());
        plan.getSessions().stream().filter(s -> s.isScheduled() && s.getCoach() != null)
                .collect(java.util.stream.Collectors.groupingBy(s -> s.getCoach().id() + "/" + s.getStart()))
                .forEach((key, group) -> expected.add("group " + group.get(0).getCoach().id() + ":"
                        + group.stream().map(Session::getId).sorted().findFirst().orElseThrow()));
        assertThat(visible).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.get("overflow").asBoolean()).as("the page spills sideways").isFalse();
        String text = result.get("text").asText();
        assertThat(text).contains("calendar-week", "Score 0hard/0medium/", "every hard rule kept; every session placed",
                "Ana", "Ben", "Chen", "COACH", "Mon 23", "Sun 29", "Work", "Night shift", "Take-home midterm (all day)");
        for (Session session : plan.getSessions()) {
            String start = io.runplan.domain.Minutes.clock(session.getMinuteOfDay());
            assertThat(text).contains(start + "-");
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void theScreenshotShowsTheWeekInColour(int width, int height) throws Exception {
        assumeTrue(chromium() != null, "chromium is not installed");
        Path png = directory.resolve("week-" + width + ".png");
        run(width, height, "--screenshot=" + png, page.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        // the first athlete's week is in view: speed (orange), easy run (green) and busy time (grey) all show
        assertThat(share(image, 0xd9480f)).as("speed sessions").isGreaterThan(0.001);
        assertThat(share(image, 0x2b8a3e)).as("easy runs").isGreaterThan(0.001);
        assertThat(share(image, 0xe9ecef) + share(image, 0xdee2e6)).as("busy time").isGreaterThan(0.01);
        assertThat(share(image, 0xf6f8fa) + share(image, 0xffffff)).as("not one colour").isLessThan(0.95);
    }

    private static String run(int width, int height, String... arguments) throws IOException, InterruptedException {
        return Chromium.run(directory, width, height, arguments);
    }

    private static double share(BufferedImage image, int rgb) {
        return Chromium.share(image, rgb);
    }

    private static Path chromium() {
        return Chromium.find();
    }
}
