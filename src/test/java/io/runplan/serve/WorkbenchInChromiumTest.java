package io.runplan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.runplan.support.SolvedPlans;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A coach takes the club's conflicting week (datasets/club-week.json) through the workbench in headless Chromium, as
 * she would: opens it from the list, solves it and sees no hard rule broken, drags a session onto an athlete's busy
 * time and sees "Busy time" named, undoes it, pins a session and solves again (it stays), asks where an unscheduled
 * session could go and applies the first recommendation, and finds the plan file and the calendars to download. Solves
 * stop after a move limit. Skipped where Debian's chromium or chromedriver is missing (.ci/run installs both).
 */
class WorkbenchInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Each solve stops after this many moves: the club week's first fit alone takes some 26,000 (cheap ones: a start
     * tried for one session), so both solves of the test place sessions and stop before the local search, whose moves
     * re-plan whole days and cost far more; sessions are left to recommend starts for.
     */
    private static final long MOVES = 12_000;
    private static final Duration SOLVE = Duration.ofSeconds(180);
    private static final Duration ACTION = Duration.ofSeconds(30);

    /** Selenium warns that it has no DevTools bindings for this Chromium; the test uses WebDriver only. Held here, as
     * java.util.logging forgets the level of a logger nobody holds. */
    private static final java.util.logging.Logger SELENIUM_DEVTOOLS_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    @TempDir
    static Path folder;
    @TempDir
    static Path profile;
    static WorkbenchFixture bench;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver (Debian's chromium-driver) are not installed");
        SELENIUM_DEVTOOLS_LOG.setLevel(java.util.logging.Level.SEVERE);
        Files.copy(Path.of("datasets/club-week.json"), folder.resolve("club-week.json"));
        Files.copy(SolvedPlans.of("datasets/office-worker-week.json"), folder.resolve("office.json"));
        bench = WorkbenchFixture.start(folder, null, MOVES);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aCoachSolvesMovesUndoesPinsResolvesAndAppliesARecommendation() throws Exception {
        // The list of plans, then the plan.
        browser.get(bench.base + "/");
        browser.findElement(By.linkText("club-week.json")).click();
        waitFor(ACTION, "the page is ready", () -> "true".equals(body().getAttribute("data-ready")));
        assertThat(text("body > header")).contains("club-week", "119 session(s) unscheduled");

        // Solve: progress, then the plan redrawn with no hard rule broken.
        click("#rp-solve");
        waitFor(SOLVE, "the solve to end", () -> text("#rp-message").startsWith("Solved in"));
        String solved = text("body > header .score");
        assertThat(solved).startsWith("Score 0hard/").contains("every hard rule kept");
        assertThat(text("#rp-message")).contains("every hard rule kept");

        // Drag a session of an athlete onto her longest busy block: the broken rule is named at once.
        Map<String, String> target = script("""
                for (const person of document.querySelectorAll('section.person[data-person^="athlete:"]')) {
                  const session = person.querySelector('.item[data-session]');
                  const blocks = [...person.querySelectorAll('.busy[data-busy]')];
                  if (!session || blocks.length === 0) continue;
                  const block = blocks.reduce((a, b) => a.getBoundingClientRect().height >= b.getBoundingClientRect().height ? a : b);
                  session.scrollIntoView({block: 'center'});
                  return {session: session.dataset.session, busy: block.dataset.busy, person: person.dataset.person};
                }
                return null;""");
        assertThat(target).as("an athlete with a session and busy time").isNotNull();
        WebElement session = item(target.get("session"));
        WebElement busy = browser.findElement(By.cssSelector("section[data-person='" + target.get("person")
                + "'] .busy[data-busy='" + target.get("busy") + "']"));
        new Actions(browser).moveToElement(session, 0, -session.getSize().getHeight() / 2 + 3).clickAndHold()
                .moveByOffset(5, 5).moveToElement(busy).release().perform();
        waitFor(ACTION, "the move to be scored", () -> text("#rp-message").startsWith("Moved " + target.get("session")));
        assertThat(text("#rp-message")).contains("broken: ").contains("Busy time");
        assertThat(text("body > header .problems")).contains("Broken: Busy time").contains(target.get("session"));
        assertThat(text("body > header .score")).contains("HARD RULES BROKEN");

        // Undo: the solved plan is back.
        click("#rp-undo");
        waitFor(ACTION, "the undo", () -> text("#rp-message").startsWith("Undone"));
        assertThat(text("body > header .score")).isEqualTo(solved);
        assertThat(browser.findElements(By.cssSelector("body > header .problems h2")).stream()
                .map(WebElement::getText)).noneMatch(h -> h.startsWith("Broken"));

        // Pin a session and solve again: it stays where it was pinned.
        String pinnedId = script("return document.querySelector('.item[data-session]').dataset.session;");
        String pinnedAt = start(pinnedId);
        press(item(pinnedId));
        waitFor(ACTION, "the session's panel", () -> !browser.findElements(By.id("rp-pin")).isEmpty());
        assertThat(text("#rp-panel")).contains("Why it is here");
        click("#rp-pin");
        waitFor(ACTION, "the pin", () -> text("#rp-message").startsWith("Pinned " + pinnedId));
        assertThat(item(pinnedId).getAttribute("class")).contains("rp-pinned");
        click("#rp-solve");
        waitFor(SOLVE, "the second solve to end", () -> text("#rp-message").startsWith("Solved in"));
        assertThat(start(pinnedId)).isEqualTo(pinnedAt);
        assertThat(pinned(pinnedId)).isTrue();
        assertThat(item(pinnedId).getAttribute("class")).contains("rp-pinned");

        // Where could an unscheduled session go? Apply the best start.
        List<WebElement> unscheduled = browser.findElements(By.cssSelector("body > header [data-unscheduled]"));
        String placedId = unscheduled.isEmpty()
                ? script("return [...document.querySelectorAll('.item[data-session]')].map(e => e.dataset.session)"
                        + ".find(id => id !== arguments[0]);", pinnedId)
                : unscheduled.get(0).getAttribute("data-unscheduled");
        press(unscheduled.isEmpty() ? item(placedId) : unscheduled.get(0));
        waitFor(ACTION, "the panel of " + placedId, () -> !browser.findElements(By.id("rp-recommend")).isEmpty()
                && text("#rp-panel").contains(placedId));
        click("#rp-recommend");
        waitFor(ACTION, "the recommendations", () -> !browser.findElements(By.cssSelector(".rp-recommendations > li")).isEmpty());
        WebElement first = browser.findElements(By.cssSelector(".rp-recommendations > li")).stream()
                .filter(li -> !li.findElements(By.cssSelector(".rp-apply")).isEmpty()).findFirst().orElseThrow();
        String recommended = first.getAttribute("data-start");
        String recommendedScore = first.getText().replaceAll("(?s).*score (\\S+).*", "$1");
        press(first.findElement(By.cssSelector(".rp-apply")));
        waitFor(ACTION, "the recommended start applied", () -> text("#rp-message").startsWith("Moved " + placedId));
        assertThat(start(placedId)).isEqualTo(recommended);
        assertThat(bench.state("club-week.json").path("score").asText()).isEqualTo(recommendedScore);
        assertThat(text("body > header .score")).contains(recommendedScore);

        // The plan file and the calendars, as the page links them.
        String planLink = browser.findElement(By.id("rp-download")).getAttribute("href");
        assertThat(bench.bytes(planLink.substring(bench.base.length())).body())
                .isEqualTo(Files.readAllBytes(folder.resolve("club-week.json")));
        String calendarsLink = browser.findElement(By.id("rp-calendars")).getAttribute("href");
        assertThat(bench.bytes(calendarsLink.substring(bench.base.length())).body()).startsWith('P', 'K');
        Files.write(Path.of("target", "workbench.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aCoachAddsAndRemovesBusyTimeAndReplansAfterAMissedSessionAndASickDay() throws Exception {
        browser.get(bench.base + "/plans/office.json");
        waitFor(ACTION, "the page is ready", () -> "true".equals(body().getAttribute("data-ready")));

        click("#rp-busy-open");
        waitFor(ACTION, "the busy time panel", () -> !browser.findElements(By.id("rp-busy-add")).isEmpty());
        type("#rp-busy-start", "2026-11-28T19:00");
        type("#rp-busy-end", "2026-11-28T20:30");
        type("#rp-busy-label", "race");
        click("#rp-busy-add");
        waitFor(ACTION, "the busy time added", () -> text("#rp-message").startsWith("Busy time added"));
        String race = ".busy[data-busy='2026-11-28T19:00/2026-11-28T20:30']";
        assertThat(text(race)).contains("race");
        assertThat(Files.readString(folder.resolve("office.json"))).contains("\"label\" : \"race\"");

        press(browser.findElement(By.cssSelector(race)));
        waitFor(ACTION, "the athlete's busy list", () -> text("#rp-busy-list").contains("race"));
        press(browser.findElement(By.cssSelector("#rp-busy-list li[data-busy='2026-11-28T19:00/2026-11-28T20:30'] .rp-remove-busy")));
        waitFor(ACTION, "the busy time removed", () -> text("#rp-message").startsWith("Busy time removed"));
        assertThat(browser.findElements(By.cssSelector(race))).isEmpty();

        click("#rp-replan-open");
        waitFor(ACTION, "the re-plan panel", () -> !browser.findElements(By.id("rp-replan")).isEmpty());
        type("#rp-replan-now", "2026-11-25T12:00");
        String missed = script("const missed = document.getElementById('rp-replan-missed');"
                + " missed.options[0].selected = true; return missed.options[0].value;");
        type("#rp-replan-off", "2026-11-27");
        click("#rp-replan");
        waitFor(SOLVE, "the re-plan", () -> text("#rp-message").startsWith("Re-planned"));
        assertThat(text("#rp-replan-result")).contains("missed " + missed);
        assertThat(Files.readString(folder.resolve("office.json"))).contains("\"replanned\"", "\"label\" : \"off\"");
        assertThat(text("body > header .score")).startsWith("Score 0hard/");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Sets a field's value as typing would end (date and time fields take their value whole), and says it changed. */
    private static void type(String css, String value) {
        script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                browser.findElement(By.cssSelector(css)), value);
    }

    private static WebElement body() {
        return browser.findElement(By.tagName("body"));
    }

    private static WebElement item(String session) {
        return browser.findElement(By.cssSelector(".item[data-session='" + session + "']"));
    }

    /** Scrolls {@code element} to the middle of the window (clear of the toolbar), as a coach would, and clicks it. */
    private static void press(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        element.click();
    }

    private static String text(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    @SuppressWarnings("unchecked")
    private static <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static String start(String session) {
        return sessionState(session).path("start").asText();
    }

    private static boolean pinned(String session) {
        return sessionState(session).path("pinned").asBoolean();
    }

    private static JsonNode sessionState(String id) {
        for (JsonNode session : bench.state("club-week.json").path("sessions")) {
            if (session.path("id").asText().equals(id)) {
                return session;
            }
        }
        throw new AssertionError("no session " + id);
    }

    private static void waitFor(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, timeout, Duration.ofMillis(100)).withMessage(() -> what + "; the page says: "
                    + text("#rp-message")).until(driver -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            try {
                Files.write(Path.of("target", "workbench-failure.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException ignored) {
                // the failure itself matters more
            }
            throw e;
        }
    }
}
