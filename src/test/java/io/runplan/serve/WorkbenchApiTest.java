package io.runplan.serve;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import io.runplan.cli.RunplanCommand;
import io.runplan.support.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static io.runplan.serve.WorkbenchFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and action of the workbench through its HTTP API, as a script would use it: what each answers, what it
 * writes (the plan file, whole, and the versions kept for undo), and what it refuses with which message (bad input in
 * the command line's words, a stale version, a missing or wrong token), writing nothing then. Solves stop after a move
 * limit, never a clock.
 */
class WorkbenchApiTest {

    /** One athlete, five sessions, a week of four-hour mornings: solved in a few hundred moves. */
    static final String TINY = """
            { "name": "tiny", "start": "2026-11-23", "days": 7, "grainMinutes": 30,
              "athletes": [ { "id": "ana", "name": "Ana", "day": { "from": "06:00", "to": "10:00" },
                "busy": [ { "start": "2026-11-24T06:00", "end": "2026-11-24T08:00", "label": "dentist" } ],
                "sessions": [
                  { "id": "ana-speed", "type": "SPEED", "minutes": 60 },
                  { "id": "ana-long", "type": "LONG_RUN", "minutes": 90 },
                  { "id": "ana-easy", "type": "EASY_RUN", "minutes": 45 },
                  { "id": "ana-lift", "type": "LIFT", "minutes": 45 },
                  { "id": "ana-core", "type": "CORE", "minutes": 20 } ] } ] }
            """;
    static final long MOVES = 1_000;

    @TempDir
    Path folder;

    private WorkbenchFixture start(String... namesAndTexts) throws IOException {
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            Files.writeString(folder.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
        }
        return WorkbenchFixture.start(folder, null, MOVES);
    }

    // ------------------------------------------------------------------------------------------------ pages and list

    @Test
    void listsThePlansAndSaysWhatIsWrongWithAFileInTheCommandLinesWords() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY, "broken.json", "{ \"name\": 3 }", "notes.txt", "not a plan")) {
            JsonNode plans = bench.get("/api/plans").json();
            assertThat(plans).hasSize(2);
            JsonNode broken = plans.get(0);
            assertThat(broken.path("file").asText()).isEqualTo("broken.json");
            assertThat(broken.path("error").asText()).startsWith("broken.json: $");
            assertThat(cliError("check", folder.resolve("broken.json"))).contains(folder + "/" + broken.path("error").asText());
            JsonNode tiny = plans.get(1);
            assertThat(tiny.path("name").asText()).isEqualTo("tiny");
            assertThat(tiny.path("athletes").asInt()).isEqualTo(1);
            assertThat(tiny.path("sessions").asInt()).isEqualTo(5);
            assertThat(tiny.path("score").asText()).isEqualTo("0hard/-5medium/-240soft");
            assertThat(tiny.path("horizon").asText()).isEqualTo("Mon 23 Nov - Sun 29 Nov 2026");
            assertThat(tiny.path("error").isNull()).isTrue();
            var unknown = bench.get("/api/plans?sort=name");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.error()).isEqualTo("/api/plans: unknown query parameter 'sort'");

            String list = bench.get("/").body();
            assertThat(list).contains("href=\"/plans/tiny.json\"", "href=\"/plans/broken.json\"", "0hard/-5medium/-240soft",
                    "expected a non-empty string", "/assets/workbench.js").doesNotContain("notes.txt");
        }
    }

    @Test
    void showsAPlanAsTheWeekViewWithTheWorkbenchScriptAndAFileThatIsNoPlanAsItsMessage() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY, "broken.json", "{ \"name\": 3 }")) {
            var page = bench.get("/plans/tiny.json");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<title>tiny: training week</title>", "<script src=\"/assets/workbench.js\" defer>",
                    "<link rel=\"stylesheet\" href=\"/assets/workbench.css\">", "data-person=\"athlete:ana\"",
                    "data-date=\"2026-11-24\"", "data-busy=\"2026-11-24T06:00/2026-11-24T08:00\"",
                    "data-unscheduled=\"ana-speed\"", "Unscheduled sessions");
            assertThat(bench.get("/assets/workbench.js").body()).contains("EventSource", "/recommendations");
            assertThat(bench.get("/assets/workbench.css").status()).isEqualTo(200);
            var week = bench.get("/plans/tiny.json/week.html");
            assertThat(week.headers().firstValue("Content-Disposition").orElse("")).contains("tiny-week.html");
            assertThat(week.body()).contains("<title>tiny: training week</title>").doesNotContain("<script", "<link");

            var invalid = bench.get("/plans/broken.json");
            assertThat(invalid.status()).isEqualTo(200);
            assertThat(invalid.body()).contains("broken.json: $.name: expected a non-empty string", "rp-replace");
            assertThat(bench.get("/api/plans/broken.json").json().path("error").asText()).startsWith("broken.json: $.name");

            assertThat(bench.get("/plans/nothing.json").status()).isEqualTo(404);
            var missing = bench.get("/api/plans/nothing.json");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.error()).isEqualTo("nothing.json: no such plan file in " + folder.toAbsolutePath().normalize());
            assertThat(bench.get("/api/plans/notes.txt").status()).isEqualTo(400);
            assertThat(bench.get("/api/nothing").error()).contains("no such page or action");
        }
    }

    // ------------------------------------------------------------------------------------------------ solve and stop

    @Test
    void solvePushesItsProgressAndWritesTheSolvedPlanAsTheCommandLineDoes() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            var events = bench.events("tiny.json");
            var started = bench.post("/api/plans/tiny.json/solve", "version", bench.version("tiny.json"), "moves", MOVES);
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.json().path("activity").asText()).startsWith("solving");

            var done = events.await("done", e -> true, 120);
            assertThat(done.data().path("version").asText()).isNotEmpty();
            assertThat(done.data().path("limit").asText()).isEqualTo("1000 moves, seed 0");
            JsonNode state = bench.state("tiny.json");
            assertThat(state.path("version").asText()).isEqualTo(done.data().path("version").asText());
            assertThat(state.path("score").asText()).isEqualTo(done.data().path("score").asText()).startsWith("0hard/0medium/");
            assertThat(state.path("activity").isNull()).isTrue();
            assertThat(state.path("undoable").asInt()).isEqualTo(1);

            // the same file runplan solve writes with the same moves and seed
            Path cli = folder.resolve("cli").resolve("tiny.json");
            Files.createDirectories(cli.getParent());
            Files.writeString(cli, TINY);
            assertThat(RunplanCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                    "solve", cli.toString(), "--moves", Long.toString(MOVES), "--out", cli.resolveSibling("solved.json").toString()))
                    .isZero();
            assertThat(Files.readString(folder.resolve("tiny.json"))).isEqualTo(Files.readString(cli.resolveSibling("solved.json")));
            assertThat(history("tiny.json")).hasSize(2);
        }
    }

    @Test
    void whileSolvingChangesAreRefusedAndStopWritesTheBestPlanSoFar() throws IOException {
        try (WorkbenchFixture bench = start("club.json", Files.readString(Path.of("datasets/club-week.json")))) {
            var events = bench.events("club.json");
            String version = bench.version("club.json");
            assertThat(bench.post("/api/plans/club.json/solve", "version", version, "moves", 100_000_000L).status()).isEqualTo(202);

            var again = bench.post("/api/plans/club.json/solve", "version", version);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.error()).isEqualTo("club.json is solving; stop it or wait until it ends, its plan would be "
                    + "written over this change");
            assertThat(bench.post("/api/plans/club.json/sessions/ana-track/pin", "version", version).status()).isEqualTo(409);
            assertThat(bench.post("/api/plans/club.json/undo", "version", version).status()).isEqualTo(409);
            assertThat(bench.post("/api/plans/club.json/stop", "{\"now\": 1}").status()).isEqualTo(400);

            assertThat(bench.post("/api/plans/club.json/stop", "{}").status()).isEqualTo(202);
            var done = events.await("done", e -> true, 120);
            assertThat(done.data().path("version").asText()).isEqualTo(bench.version("club.json"));
            assertThat(HardMediumSoftScore.parseScore(done.data().path("score").asText()).hardScore()).isZero();
            assertThat(Files.readString(folder.resolve("club.json"))).contains("\"score\" : \"" + done.data().path("score").asText());

            var notSolving = bench.post("/api/plans/club.json/stop", "{}");
            assertThat(notSolving.status()).isEqualTo(409);
            assertThat(notSolving.error()).isEqualTo("club.json is not solving");
        }
    }

    @Test
    void severalPlansSolveAtOnce() throws Exception {
        try (WorkbenchFixture bench = start("a.json", TINY, "b.json", TINY.replace("\"tiny\"", "\"tiny b\""))) {
            var eventsA = bench.events("a.json");
            var eventsB = bench.events("b.json");
            assertThat(bench.post("/api/plans/a.json/solve", "version", bench.version("a.json"), "moves", 400).status()).isEqualTo(202);
            assertThat(bench.post("/api/plans/b.json/solve", "version", bench.version("b.json"), "moves", 400).status()).isEqualTo(202);
            String a = eventsA.await("done", e -> true, 120).data().path("score").asText();
            String b = eventsB.await("done", e -> true, 120).data().path("score").asText();
            assertThat(a).isEqualTo(b).startsWith("0hard/0medium/");
        }
    }

    // ------------------------------------------------------------------------------------------------ move, undo

    @Test
    void aMoveOntoBusyTimeIsScoredAtOnceWithTheBrokenRuleNamedAndUndoBringsBackTheFile() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            String original = bench.version("tiny.json");
            var moved = bench.post("/api/plans/tiny.json/sessions/ana-easy/move", "version", original, "start", "2026-11-24T06:30");
            assertThat(moved.status()).isEqualTo(200);
            JsonNode state = moved.json();
            assertThat(state.path("feasible").asBoolean()).isFalse();
            assertThat(state.path("score").asText()).startsWith("-45hard/-4medium/");
            assertThat(state.path("broken").get(0).path("rule").asText()).isEqualTo("Busy time");
            assertThat(state.path("broken").get(0).path("reasons").get(0).asText()).contains("ana-easy", "dentist");
            String file = Files.readString(folder.resolve("tiny.json"));
            assertThat(file).contains("\"start\" : \"2026-11-24T06:30\"", "\"end\" : \"2026-11-24T07:15\"",
                    "\"score\" : \"-45hard/-4medium/");

            var stale = bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", original, "start", "2026-11-28T06:00");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.error()).startsWith("tiny.json has changed since this page read it (in another tab or by "
                    + "another program): your version " + original + ", now " + state.path("version").asText());
            assertThat(Files.readString(folder.resolve("tiny.json"))).isEqualTo(file);

            var undone = bench.post("/api/plans/tiny.json/undo", "version", state.path("version").asText());
            assertThat(undone.status()).isEqualTo(200);
            assertThat(undone.json().path("version").asText()).isEqualTo(original);
            assertThat(Files.readString(folder.resolve("tiny.json"))).isEqualTo(TINY);
            var nothing = bench.post("/api/plans/tiny.json/undo", "version", original);
            assertThat(nothing.status()).isEqualTo(409);
            assertThat(nothing.error()).isEqualTo("tiny.json: nothing to undo: this is the first version the workbench has of it");
        }
    }

    @Test
    void undoWorksAfterARestart() throws IOException {
        String afterFirst;
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            afterFirst = bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", bench.version("tiny.json"),
                    "start", "2026-11-28T06:00").json().path("version").asText();
            bench.post("/api/plans/tiny.json/sessions/ana-long/pin", "version", afterFirst);
        }
        try (WorkbenchFixture bench = WorkbenchFixture.start(folder, null, MOVES)) {
            assertThat(bench.state("tiny.json").path("undoable").asInt()).isEqualTo(2);
            assertThat(bench.post("/api/plans/tiny.json/undo", "version", bench.version("tiny.json")).json()
                    .path("version").asText()).isEqualTo(afterFirst);
            bench.post("/api/plans/tiny.json/undo", "version", afterFirst);
            assertThat(Files.readString(folder.resolve("tiny.json"))).isEqualTo(TINY);
        }
    }

    @Test
    void aBadMoveGetsTheCommandLinesMessageAndNothingIsWritten() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            String version = bench.version("tiny.json");
            String move = "/api/plans/tiny.json/sessions/ana-easy/move";

            var offGrain = bench.post(move, "version", version, "start", "2026-11-24T06:10");
            assertThat(offGrain.status()).isEqualTo(400);
            Path cli = folder.resolve("cli").resolve("tiny.json");
            Files.createDirectories(cli.getParent());
            Files.writeString(cli, TINY.replace("\"minutes\": 45 },", "\"minutes\": 45, \"start\": \"2026-11-24T06:10\" },"));
            assertThat(offGrain.error()).startsWith("tiny.json: $.athletes[0].sessions[2].start: not on the plan's 30-minute grain");
            assertThat(cliError("check", cli)).contains(cli.getParent() + "/" + offGrain.error());

            assertThat(bench.post(move, "version", version, "start", "2026-12-30T06:00").error())
                    .startsWith("tiny.json: $.athletes[0].sessions[2].start: starts outside the horizon");
            assertThat(bench.post(move, "version", version, "start", "tomorrow").error())
                    .isEqualTo("move ana-easy: 'start' is 'tomorrow': expected a local time like 2026-11-24T07:00");
            assertThat(bench.post(move, "version", version, "strat", "2026-11-25T06:00").error())
                    .isEqualTo("move ana-easy: unknown field 'strat'; did you mean 'start'?");
            assertThat(bench.post(move, "version", version).error()).isEqualTo("move ana-easy: 'start' is missing");
            assertThat(bench.post(move, "start", "2026-11-25T06:00").error()).startsWith("tiny.json: the request names no 'version'");
            assertThat(bench.post(move, "{ \"version\": ").error()).startsWith("move ana-easy: the request is not valid JSON");
            assertThat(bench.post(move, "[1]").error()).startsWith("move ana-easy: the request must be one JSON object");
            var unknown = bench.post("/api/plans/tiny.json/sessions/nobody/move", "version", version, "start", "2026-11-25T06:00");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.error()).isEqualTo("no session 'nobody' in the plan");
            var notJson = bench.send("POST", move, "text/plain", body("version", version, "start", "2026-11-25T06:00"));
            assertThat(notJson.status()).isEqualTo(415);

            assertThat(Files.readString(folder.resolve("tiny.json"))).isEqualTo(TINY);
            assertThat(history("tiny.json")).isEmpty();
            assertThat(leftovers()).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------ pin, unschedule

    @Test
    void aPinnedSessionStaysWhereItIsThroughASolveAndUnpinAndUnscheduleChangeOnlyItsOwnFields() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            String version = bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", bench.version("tiny.json"),
                    "start", "2026-11-25T08:00").json().path("version").asText();
            var notPlaced = bench.post("/api/plans/tiny.json/sessions/ana-core/pin", "version", version);
            assertThat(notPlaced.status()).isEqualTo(409);
            assertThat(notPlaced.error()).isEqualTo("ana-core has no start to keep; move it to a start first, then pin it");
            JsonNode pinned = bench.post("/api/plans/tiny.json/sessions/ana-long/pin", "version", version).json();
            assertThat(session(pinned, "ana-long").path("pinned").asBoolean()).isTrue();
            assertThat(Files.readString(folder.resolve("tiny.json"))).contains("\"pinned\" : true");

            var events = bench.events("tiny.json");
            bench.post("/api/plans/tiny.json/solve", "version", pinned.path("version").asText());
            events.await("done", e -> true, 120);
            JsonNode solved = bench.state("tiny.json");
            assertThat(session(solved, "ana-long").path("start").asText()).isEqualTo("2026-11-25T08:00");
            assertThat(session(solved, "ana-long").path("pinned").asBoolean()).isTrue();
            assertThat(solved.path("unscheduled")).isEmpty();

            JsonNode unpinned = bench.post("/api/plans/tiny.json/sessions/ana-long/unpin", "version",
                    solved.path("version").asText()).json();
            assertThat(session(unpinned, "ana-long").path("pinned").asBoolean()).isFalse();
            assertThat(session(unpinned, "ana-long").path("start").asText()).isEqualTo("2026-11-25T08:00");
            JsonNode unscheduled = bench.post("/api/plans/tiny.json/sessions/ana-long/unschedule", "version",
                    unpinned.path("version").asText()).json();
            assertThat(session(unscheduled, "ana-long").path("start").isNull()).isTrue();
            assertThat(unscheduled.path("unscheduled").get(0).path("session").asText()).isEqualTo("ana-long");
            assertThat(unscheduled.path("unscheduled").get(0).path("reason").asText()).isNotBlank();
            assertThat(Files.readString(folder.resolve("tiny.json"))).doesNotContain("\"pinned\"");
        }
    }

    // ------------------------------------------------------------------------------------------------ advice

    @Test
    void explainsASessionAndRanksItsOtherStartsByScoreAndTheFirstAppliedScoresAsRecommended() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            String version = bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", bench.version("tiny.json"),
                    "start", "2026-11-24T06:30").json().path("version").asText();
            JsonNode about = bench.get("/api/plans/tiny.json/sessions/ana-long").json();
            assertThat(about.path("summary").asText()).startsWith("Long run, 1h30");
            assertThat(about.path("start").asText()).isEqualTo("2026-11-24T06:30");
            assertThat(about.path("broken").get(0).asText()).startsWith("Busy time: ");
            assertThat(about.path("why").get(0).asText()).isEqualTo("Overlaps your busy time 'dentist'.");
            JsonNode unplaced = bench.get("/api/plans/tiny.json/sessions/ana-core").json();
            assertThat(unplaced.path("start").isNull()).isTrue();
            assertThat(unplaced.path("unscheduledReason").asText()).isNotBlank();

            JsonNode ranked = bench.get("/api/plans/tiny.json/sessions/ana-long/recommendations?limit=3").json();
            assertThat(ranked).hasSize(3);
            List<HardMediumSoftScore> scores = new ArrayList<>();
            ranked.forEach(r -> scores.add(HardMediumSoftScore.parseScore(r.path("score").asText())));
            assertThat(scores).isSortedAccordingTo((a, b) -> b.compareTo(a));
            JsonNode first = ranked.get(0);
            assertThat(scores.get(0).hardScore()).isZero();
            assertThat(first.path("difference").asText()).startsWith("+90hard");
            assertThat(first.path("changes").get(0).path("rule").asText()).isEqualTo("Busy time");
            assertThat(first.path("changes").get(0).path("difference").asText()).isEqualTo("+90hard");

            JsonNode applied = bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", version,
                    "start", first.path("start").asText()).json();
            assertThat(applied.path("score").asText()).isEqualTo(first.path("score").asText());
            assertThat(bench.get("/api/plans/tiny.json/sessions/ana-long/recommendations?limit=1").json().get(0)
                    .path("current").asBoolean()).isTrue();

            assertThat(bench.get("/api/plans/tiny.json/sessions/ana-long/recommendations?limit=0").status()).isEqualTo(400);
            assertThat(bench.get("/api/plans/tiny.json/sessions/ana-long/recommendations?limt=2").error())
                    .contains("unknown query parameter 'limt'");
            assertThat(bench.get("/api/plans/tiny.json/sessions/nobody").status()).isEqualTo(404);
            bench.post("/api/plans/tiny.json/sessions/ana-long/pin", "version", applied.path("version").asText());
            var pinned = bench.get("/api/plans/tiny.json/sessions/ana-long/recommendations");
            assertThat(pinned.status()).isEqualTo(409);
            assertThat(pinned.error()).startsWith("ana-long is pinned");
        }
    }

    // ------------------------------------------------------------------------------------------------ busy time

    @Test
    void busyTimeIsAddedToAndRemovedFromThePersonsOwnList() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            String version = bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", bench.version("tiny.json"),
                    "start", "2026-11-28T06:00").json().path("version").asText();
            var added = bench.post("/api/plans/tiny.json/busy", "version", version, "athlete", "ana",
                    "start", "2026-11-28T07:00", "end", "2026-11-28T09:00", "label", "race");
            assertThat(added.status()).isEqualTo(200);
            assertThat(added.json().path("broken").get(0).path("rule").asText()).isEqualTo("Busy time");
            assertThat(added.json().path("busy").get(1).path("label").asText()).isEqualTo("race");
            assertThat(Files.readString(folder.resolve("tiny.json"))).contains("\"label\" : \"race\"");
            String withBusy = added.json().path("version").asText();

            assertThat(bench.post("/api/plans/tiny.json/busy", "version", withBusy, "athlete", "ana", "coach", "mara",
                    "start", "2026-11-28T07:00", "end", "2026-11-28T09:00").error())
                    .isEqualTo("give 'athlete' or 'coach' (one of them): whose busy time it is");
            var nobody = bench.post("/api/plans/tiny.json/busy", "version", withBusy, "athlete", "bob",
                    "start", "2026-11-28T07:00", "end", "2026-11-28T09:00");
            assertThat(nobody.status()).isEqualTo(404);
            assertThat(nobody.error()).isEqualTo("no athlete bob in the plan (athletes: ana)");
            assertThat(bench.post("/api/plans/tiny.json/busy", "version", withBusy, "coach", "mara",
                    "start", "2026-11-28T07:00", "end", "2026-11-28T09:00").status()).isEqualTo(404);
            var backwards = bench.post("/api/plans/tiny.json/busy", "version", withBusy, "athlete", "ana",
                    "start", "2026-11-28T09:00", "end", "2026-11-28T07:00");
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.error()).isEqualTo("tiny.json: $.athletes[0].busy[2]: end 2026-11-28T07:00 is not after "
                    + "start 2026-11-28T09:00; a busy block needs a positive length");

            var removed = bench.post("/api/plans/tiny.json/busy/remove", "version", withBusy, "athlete", "ana",
                    "start", "2026-11-28T07:00", "end", "2026-11-28T09:00");
            assertThat(removed.json().path("broken")).isEmpty();
            assertThat(Files.readString(folder.resolve("tiny.json"))).doesNotContain("race");
            var gone = bench.post("/api/plans/tiny.json/busy/remove", "version", removed.json().path("version").asText(),
                    "athlete", "ana", "start", "2026-11-28T07:00", "end", "2026-11-28T09:00");
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.error()).isEqualTo("athlete ana has no busy block from 2026-11-28T07:00 to 2026-11-28T09:00 in the plan file");
        }
    }

    // ------------------------------------------------------------------------------------------------ re-plan

    @Test
    void missedSessionsAndSickDaysRunTheCommandLinesReplanAndBadRequestsGetItsMessages() throws IOException {
        try (WorkbenchFixture bench = start("office.json", Files.readString(SolvedPlans.of("datasets/office-worker-week.json")))) {
            String version = bench.version("office.json");
            JsonNode before = bench.state("office.json");
            String missed = session(before, "ana-easy-1").path("id").asText();

            var unknown = bench.post("/api/plans/office.json/replan", "version", version, "now", "2026-11-25T12:00",
                    "missed", List.of("nobody"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.error()).isEqualTo("office.json: --missed nobody: no session has this id");
            assertThat(bench.post("/api/plans/office.json/replan", "version", version, "now", "noon").error())
                    .isEqualTo("re-plan: 'now' is 'noon': expected a local time like 2026-11-24T07:00");
            assertThat(bench.post("/api/plans/office.json/replan", "version", version, "now", "2026-12-25T12:00").error())
                    .startsWith("office.json: --now 2026-12-25T12:00 is at or after the end of the horizon");
            assertThat(bench.post("/api/plans/office.json/replan", "version", version, "now", "2026-11-25T12:00",
                    "off", List.of("friday")).error()).isEqualTo("re-plan: 'off' has 'friday': expected a date like 2026-11-27");
            assertThat(bench.post("/api/plans/office.json/replan", "version", version, "now", "2026-11-25T12:00",
                    "busyTime", List.of(Map.of("start", "2026-11-26T06:00", "until", "x"))).error())
                    .isEqualTo("re-plan: busyTime[0]: unknown field 'until'; it reads start, end, label");
            assertThat(history("office.json")).isEmpty();

            var replanned = bench.post("/api/plans/office.json/replan", "version", version, "now", "2026-11-25T12:00",
                    "missed", List.of(missed), "off", List.of("2026-11-27"),
                    "busyTime", List.of(Map.of("start", "2026-11-26T06:00", "end", "2026-11-26T08:00", "label", "dentist")),
                    "moves", 2000);
            assertThat(replanned.status()).isEqualTo(200);
            JsonNode result = replanned.json();
            assertThat(result.path("scoreAfter").asText()).startsWith("0hard/");
            assertThat(result.path("changes").findValuesAsText("session")).contains(missed);
            assertThat(result.path("changes").findValuesAsText("kind")).contains("missed");
            assertThat(result.path("plan").path("busy").findValuesAsText("label")).contains("off", "dentist");
            String file = Files.readString(folder.resolve("office.json"));
            assertThat(file).contains("\"replanned\"", "\"label\" : \"off\"", "\"label\" : \"dentist\"");
            assertThat(result.path("plan").path("version").asText()).isEqualTo(bench.version("office.json"));
        }
    }

    // ------------------------------------------------------------------------------------------------ files

    @Test
    void anUploadedOrReplacedPlanIsCheckedAsTheCommandLineReadsItAndWrittenAsItCame() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            var created = bench.post("/api/plans/new.json", TINY);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("name").asText()).isEqualTo("tiny");
            assertThat(Files.readString(folder.resolve("new.json"))).isEqualTo(TINY);
            assertThat(bench.post("/api/plans/new.json", TINY).status()).isEqualTo(409);

            String bad = TINY.replace("\"EASY_RUN\"", "\"JOG\"");
            var refused = bench.post("/api/plans/bad.json", bad);
            assertThat(refused.status()).isEqualTo(400);
            Files.writeString(folder.resolve("cli-bad.json"), bad);
            String cli = cliError("check", folder.resolve("cli-bad.json"));
            assertThat(refused.error()).startsWith("bad.json: $.athletes[0].sessions[2].type: ");
            assertThat(cli).contains(refused.error().substring("bad.json".length()));
            var notJson = bench.post("/api/plans/bad.json", "{ \"name\": ");
            assertThat(notJson.error()).startsWith("bad.json: $").contains("not valid JSON", "line 1");
            assertThat(folder.resolve("bad.json")).doesNotExist();
            assertThat(bench.post("/api/plans/plan.txt", TINY).error()).startsWith("'plan.txt': a plan is named by its file");

            String version = bench.version("new.json");
            String renamed = TINY.replace("\"tiny\"", "\"renamed\"");
            assertThat(bench.put("/api/plans/new.json?version=" + version, bad).status()).isEqualTo(400);
            assertThat(bench.put("/api/plans/new.json?version=stale", renamed).status()).isEqualTo(409);
            assertThat(bench.put("/api/plans/new.json?version=" + version + "&force=1", renamed).status()).isEqualTo(400);
            assertThat(Files.readString(folder.resolve("new.json"))).isEqualTo(TINY);
            var replaced = bench.put("/api/plans/new.json?version=" + version, renamed);
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().path("name").asText()).isEqualTo("renamed");
            assertThat(replaced.json().path("undoable").asInt()).isEqualTo(1);
            assertThat(leftovers()).isEmpty();
        }
    }

    @Test
    void aPlanChangedByAnotherProgramIsNoticedAndPushedAndAChangeAgainstTheOldVersionRefused() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY)) {
            String ours = bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", bench.version("tiny.json"),
                    "start", "2026-11-28T06:00").json().path("version").asText();
            String oursText = Files.readString(folder.resolve("tiny.json"));
            var events = bench.events("tiny.json");
            String edited = oursText.replace("\"name\" : \"tiny\"", "\"name\" : \"edited\"");
            Files.writeString(folder.resolve("tiny.json"), edited);
            String theirs = PlanOnDisk.id(edited.getBytes(StandardCharsets.UTF_8));
            var changed = events.await("changed", e -> e.data().path("version").asText().equals(theirs), 30);
            assertThat(changed.data().path("cause").asText()).isEqualTo("changed on disk by another program");

            var stale = bench.post("/api/plans/tiny.json/sessions/ana-long/pin", "version", ours);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.error()).contains("has changed since this page read it");
            assertThat(bench.state("tiny.json").path("name").asText()).isEqualTo("edited");

            bench.post("/api/plans/tiny.json/undo", "version", bench.version("tiny.json"));
            assertThat(Files.readString(folder.resolve("tiny.json"))).isEqualTo(oursText);
        }
    }

    @Test
    void downloadsThePlanFileAndItsCalendars() throws IOException {
        try (WorkbenchFixture bench = start("tiny.json", TINY, "broken.json", "{}")) {
            bench.post("/api/plans/tiny.json/sessions/ana-long/move", "version", bench.version("tiny.json"), "start", "2026-11-28T06:00");
            HttpResponse<byte[]> plan = bench.bytes("/api/plans/tiny.json/download");
            assertThat(plan.headers().firstValue("Content-Disposition").orElse("")).isEqualTo("attachment; filename=\"tiny.json\"");
            assertThat(plan.body()).isEqualTo(Files.readAllBytes(folder.resolve("tiny.json")));

            HttpResponse<byte[]> zip = bench.bytes("/api/plans/tiny.json/calendars.zip");
            assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
            Map<String, String> calendars = unzip(zip.body());
            assertThat(calendars.keySet()).containsExactly("athlete-ana-busy.ics", "athlete-ana.ics");
            assertThat(calendars.get("athlete-ana.ics")).contains("BEGIN:VCALENDAR", "DTSTART:20261128T060000", "Long run");
            assertThat(bench.get("/api/plans/broken.json/calendars.zip").status()).isEqualTo(409);
        }
    }

    // ------------------------------------------------------------------------------------------------ access

    @Test
    void withATokenEveryRequestNeedsItAndWithoutOneOnlyTheLoopbackNameIsAnswered() throws IOException {
        Files.writeString(folder.resolve("tiny.json"), TINY);
        try (WorkbenchFixture bench = WorkbenchFixture.start(folder, "s3cret", MOVES)) {
            var none = bench.get("/api/plans");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.error()).startsWith("this workbench needs its access token");
            assertThat(bench.get("/api/plans?token=wrong").status()).isEqualTo(401);
            assertThat(bench.get("/api/plans?token=wrong").error()).startsWith("wrong access token");
            assertThat(bench.get("/").status()).isEqualTo(401);
            assertThat(bench.get("/plans/tiny.json").status()).isEqualTo(401);
            assertThat(bench.get("/api/plans/tiny.json/events", "Accept", "text/event-stream").status()).isEqualTo(401);
            assertThat(bench.post("/api/plans/tiny.json/solve", "version", "x").status()).isEqualTo(401);
            assertThat(bench.get("/api/plans/tiny.json", "Authorization", "Bearer wrong").status()).isEqualTo(401);

            var opened = bench.get("/?token=s3cret");
            assertThat(opened.status()).isEqualTo(200);
            String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith("runplan-token=s3cret").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
            assertThat(bench.get("/api/plans", "Cookie", "runplan-token=s3cret").status()).isEqualTo(200);
            assertThat(bench.get("/api/plans/tiny.json", "Authorization", "Bearer s3cret").status()).isEqualTo(200);
        }
        try (WorkbenchFixture bench = WorkbenchFixture.start(folder, null, MOVES)) {
            assertThat(bench.get("/api/plans").status()).isEqualTo(200);
            assertThat(rawStatus(bench.workbench.port(), "GET /api/plans HTTP/1.1\r\nHost: evil.example:" + bench.workbench.port()
                    + "\r\nConnection: close\r\n\r\n")).isEqualTo(403);
            assertThat(rawStatus(bench.workbench.port(), "GET /api/plans HTTP/1.1\r\nHost: localhost:" + bench.workbench.port()
                    + "\r\nConnection: close\r\n\r\n")).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static JsonNode session(JsonNode state, String id) {
        for (JsonNode session : state.path("sessions")) {
            if (session.path("id").asText().equals(id)) {
                return session;
            }
        }
        throw new AssertionError("no session " + id);
    }

    private List<Path> history(String file) throws IOException {
        Path directory = folder.resolve(".runplan/history").resolve(file);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(directory)) {
            return versions.toList();
        }
    }

    /** Temporary files left in the folder: none may be. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    /** What the command line says on stderr for {@code args}. */
    static String cliError(String command, Path plan) {
        StringWriter err = new StringWriter();
        RunplanCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), command, plan.toString());
        return err.toString();
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** The status of a request written by hand (the HTTP client will not send another Host). */
    private static int rawStatus(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
