package io.runplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.domain.Session;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanReader;
import io.runplan.season.SeasonBlock;
import io.runplan.support.SolvedSeason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code runplan season}: from an athlete file and a race to a season's plan file, and the rest of a solved season. */
class SeasonCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ANA = Path.of("datasets/athletes/ana-office-worker.json");
    private static final Path NOOR = Path.of("datasets/athletes/noor-nurse.json");

    @Test
    void aSeasonIsEveryWeekToTheRaceEachSessionBoundToItsWeek(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("ana.season.json");
        String before = Files.readString(ANA);
        CommandLineTest.Run run = runplan("season", ANA.toString(), "--race", "2027-03-14", "--distance", "half", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Season of ana: half, 12 weeks", "from 200 min a week, longest run 85 min",
                "base", "build", "peak", "taper", "(cut-back week)", "Next: runplan solve");
        assertThat(Files.readString(ANA)).isEqualTo(before);

        PlanFile season = new PlanReader(true).read(out);
        assertThat(season.warnings()).isEmpty();
        assertThat(season.plan().getHorizon().start()).isEqualTo(LocalDate.parse("2026-12-21"));
        assertThat(season.plan().getHorizon().days()).isEqualTo(84);
        SeasonBlock block = SeasonBlock.of(season.document()).orElseThrow();
        assertThat(block.weeks()).hasSize(12);
        assertThat(block.raceDate()).isEqualTo(LocalDate.parse("2027-03-14"));
        for (Session session : season.plan().getSessions()) {
            int week = session.getDates().firstDay() / 7;
            assertThat(session.getDates().firstDay()).isEqualTo(7 * week);
            assertThat(session.getDates().lastDay()).isEqualTo(7 * week + 6);
            assertThat(session.getId()).startsWith(String.format("ana-w%02d-", week + 1));
        }
        for (SeasonBlock.Week week : block.weeks()) {
            List<Session> sessions = season.plan().getSessions().stream()
                    .filter(s -> s.getDates().firstDay() / 7 == week.week() - 1).toList();
            assertThat(sessions.stream().filter(Session::isLift)).hasSize(week.lifts());
            assertThat(sessions.stream().filter(s -> s.isRun() && !s.getId().endsWith("-race"))
                    .mapToInt(Session::getMinutes).sum()).isEqualTo(week.runMinutes());
        }
        JsonNode lift = season.sessionNodes().get("ana-w01-lift-1");
        assertThat(lift.get("block").textValue()).isEqualTo("A");
        assertThat(lift.get("focus").textValue()).isEqualTo("heavy");
        assertThat(season.sessionNodes().get("ana-w12-race").get("dates").get("from").textValue()).isEqualTo("2027-03-08");
    }

    /** The shipped season datasets are the command's output for the shipped athletes (calendar paths aside). */
    @ParameterizedTest
    @CsvSource({"ana-office-worker, 2027-03-14, half, season-half-marathon",
            "noor-nurse, 2027-04-25, marathon, season-marathon-nurse"})
    void theShippedSeasonsAreWhatTheSeasonCommandWrites(String athlete, String race, String distance, String dataset,
            @TempDir Path directory) throws Exception {
        Path out = directory.resolve(dataset + ".json");
        CommandLineTest.Run run = runplan("season", "datasets/athletes/" + athlete + ".json", "--race", race, "--distance",
                distance, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(withoutCalendarPaths(JSON.readTree(out.toFile())))
                .isEqualTo(withoutCalendarPaths(JSON.readTree(Path.of("datasets", dataset + ".json").toFile())));
    }

    /**
     * The rest of a solved season grows from what was done: a missed long run and a session the solver left out are
     * not in the history, the done ones are, and the first re-planned week is at most 10 % over the week done.
     */
    @Test
    void theRestOfASeasonGrowsFromWhatWasDoneNotFromWhatWasPlanned(@TempDir Path directory) throws Exception {
        Path solved = SolvedSeason.solved();
        ObjectNode document = (ObjectNode) JSON.readTree(solved.toFile());
        SeasonBlock block = SeasonBlock.of(document).orElseThrow();
        SeasonBlock.Week resumeAt = block.weeks().get(3);
        // the solver "left out" an easy run of the week before
        String leftOut = "noor-w03-easy-1";
        for (JsonNode session : document.get("athletes").get(0).get("sessions")) {
            if (session.get("id").textValue().equals(leftOut)) {
                ((ObjectNode) session).putNull("start");
                ((ObjectNode) session).remove("end");
            }
        }
        Path edited = directory.resolve("noor.season.solved.json");
        Files.writeString(edited, document.toPrettyString());
        Files.copy(Path.of("datasets/calendars/noor-rota.ics"), Files.createDirectories(directory.resolve("cal")).resolve("noor-rota.ics"));
        rewriteCalendars(edited, solved);

        CommandLineTest.Run run = runplan("season", edited.toString(), "--now", resumeAt.from().toString(), "--missed",
                "noor-w03-long", "--out", directory.resolve("rest.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("weeks 4-8 here");

        PlanFile rest = new PlanReader(true).read(directory.resolve("rest.json"));
        SeasonBlock restBlock = SeasonBlock.of(rest.document()).orElseThrow();
        assertThat(restBlock.firstWeek()).isEqualTo(4);
        assertThat(restBlock.totalWeeks()).isEqualTo(block.totalWeeks());
        assertThat(rest.plan().getHorizon().start()).isEqualTo(resumeAt.from());
        assertThat(restBlock.weeks()).extracting(SeasonBlock.Week::phase)
                .isEqualTo(block.weeks().subList(3, block.weeks().size()).stream().map(SeasonBlock.Week::phase).toList());

        PlanFile before = new PlanReader().read(edited);
        int week3Done = 0;
        int doneSessions = 0;
        int resumeMinute = 3 * 7 * 1440;
        for (Session session : before.plan().getSessions()) {
            boolean done = session.isScheduled() && session.getStart() < resumeMinute && !session.getId().equals("noor-w03-long");
            if (done) {
                doneSessions++;
                if (session.isRun() && session.getStart() >= resumeMinute - 7 * 1440) {
                    week3Done += session.getMinutes();
                }
            }
        }
        int historyBefore = JSON.readTree(NOOR.toFile()).get("athletes").get(0).get("history").size();
        assertThat(rest.plan().getAthletes().get(0).history()).hasSize(historyBefore + doneSessions);
        assertThat(rest.document().get("season").get("current").get("weeklyRunMinutes").intValue()).isEqualTo(week3Done);
        assertThat(week3Done).isLessThan(block.weeks().get(2).runMinutes());
        assertThat(restBlock.weeks().get(0).runMinutes()).isLessThanOrEqualTo((int) Math.floor(1.10 * week3Done));

        CommandLineTest.Run solve = runplan("solve", directory.resolve("rest.json").toString(), "--moves", "20000");
        assertThat(solve.exitCode()).as(solve.err()).isZero();
    }

    /**
     * A week with no room (a week away, busy from end to end): the solver leaves that week's sessions out, each with its
     * reason, and breaks no rule; the page shows them as left out; the rest of the season after that week starts again
     * from the least runplan plans, not from the weeks planned before it.
     */
    @Test
    void aWeekWithNoRoomIsLeftOutWithReasonsAndTheRestStartsAgainFromLittle(@TempDir Path directory) throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(SolvedSeason.season().toFile());
        SeasonBlock block = SeasonBlock.of(document).orElseThrow();
        LocalDate away = block.weeks().get(1).from();
        ObjectNode athlete = (ObjectNode) document.get("athletes").get(0);
        ObjectNode busy = athlete.withArray("busy").addObject();
        busy.put("start", away + "T00:00");
        busy.put("end", away.plusDays(7) + "T00:00");
        busy.put("label", "away, no running");
        String calendar = athlete.get("calendars").get(0).textValue();
        Path file = directory.resolve("noor.season.json");
        Files.writeString(file, document.toPrettyString().replace("\"" + calendar + "\"", "\"cal/noor-rota.ics\""));
        Files.copy(Path.of("datasets/calendars/noor-rota.ics"), Files.createDirectories(directory.resolve("cal")).resolve("noor-rota.ics"));

        Path page = directory.resolve("season.html");
        CommandLineTest.Run run = runplan("solve", file.toString(), "--moves", "20000", "--html", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectNode solved = (ObjectNode) JSON.readTree(directory.resolve("noor.season.solved.json").toFile());
        List<String> week2 = new ArrayList<>();
        solved.get("athletes").get(0).get("sessions").forEach(s -> {
            if (s.get("id").textValue().startsWith("noor-w02-")) {
                week2.add(s.get("id").textValue());
            }
        });
        assertThat(solved.get("score").textValue()).startsWith("0hard/-" + week2.size() + "medium/");
        List<String> unscheduled = new ArrayList<>();
        solved.get("unscheduled").forEach(id -> unscheduled.add(id.textValue()));
        assertThat(unscheduled).containsExactlyInAnyOrderElementsOf(week2);
        week2.forEach(id -> assertThat(solved.get("unscheduledReasons").get(id).textValue())
                .contains("outside its dates " + away + "..", "overlap noor's busy time"));
        String html = Files.readString(page);
        assertThat(html).contains("Left out by the solver", "class=\"unplaced\"", "noor-w02-long");

        run = runplan("season", directory.resolve("noor.season.solved.json").toString(), "--now",
                block.weeks().get(2).from().toString(), "--out", directory.resolve("rest.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        SeasonBlock rest = SeasonBlock.of(JSON.readTree(directory.resolve("rest.json").toFile())).orElseThrow();
        assertThat(rest.weeks().get(0).runMinutes()).isLessThanOrEqualTo(99).isLessThan(block.weeks().get(2).runMinutes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--distance half                                   | give the race",
            "--race 2027-03-14 --distance 3k                   | --distance '3k': use 5k, 10k, half or marathon",
            "--race 14.03.2027 --distance half                 | --race '14.03.2027': expected a date",
            "--race 2027-03-14 --distance half --weeks 30      | $.athletes[0].history[0].start: lies on or after the season's first day",
            "--race 2027-03-14 --distance half --weeks 1       | --weeks 1: a season has 2 to 52 weeks",
            "--race 2026-12-27 --distance half                 | a season of 1 weeks",
            "--race 2027-03-14 --distance half --athlete bo    | --athlete bo: no such athlete",
            "--race 2027-03-14 --distance half --now 2027-01-04 | --now re-plans the season of a season file",
            "--race 2027-03-14 --distance half --missed x      | --missed goes with --now"})
    void aBadRequestIsOneLineAndExitCode2(String arguments, String message, @TempDir Path directory) {
        List<String> args = new ArrayList<>(List.of("season", ANA.toString(), "--out", directory.resolve("s.json").toString()));
        args.addAll(List.of(arguments.trim().split("\\s+")));
        CommandLineTest.Run run = runplan(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(directory.resolve("s.json")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"weeklyRunMinutes\": 30, \"longestRunMinutes\": 20}  | $.athletes[0].current: weeklyRunMinutes 30 is outside 90..1500",
            "{\"weeklyRunMinutes\": 200, \"longestRunMinutes\": 250} | $.athletes[0].current: longestRunMinutes 250 is more than weeklyRunMinutes 200",
            "{\"weeklyRunMinutes\": \"lots\", \"longestRunMinutes\": 60} | $.athletes[0].current.weeklyRunMinutes: expected a whole number",
            "null                                                    | $.athletes[0].current: missing, and no run in the history's last 7 days"})
    void anAthleteWhoseCurrentTrainingCannotStartASeasonIsRefused(String current, String message, @TempDir Path directory)
            throws Exception {
        ObjectNode athlete = (ObjectNode) JSON.readTree(NOOR.toFile());
        ObjectNode noor = (ObjectNode) athlete.get("athletes").get(0);
        noor.set("current", JSON.readTree(current));
        noor.remove("calendars");
        noor.putArray("history");
        Path file = directory.resolve("noor.json");
        Files.writeString(file, athlete.toPrettyString());
        CommandLineTest.Run run = runplan("season", file.toString(), "--race", "2027-04-25", "--distance", "marathon");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ": " + message);
        assertThat(directory.resolve("noor.season.json")).doesNotExist();
    }

    @Test
    void theRestOfAFileThatIsNoSeasonIsRefused() {
        CommandLineTest.Run run = runplan("season", "datasets/office-worker-week.json", "--now", "2026-11-30");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("$.season: missing");
    }

    @Test
    void aMisspeltFieldOfTheAthleteFileIsAWarningAndWithStrictAnError(@TempDir Path directory) throws Exception {
        ObjectNode athlete = (ObjectNode) JSON.readTree(NOOR.toFile());
        ObjectNode current = (ObjectNode) athlete.get("athletes").get(0).get("current");
        current.set("longestRunMinuts", current.remove("longestRunMinutes"));
        Path file = directory.resolve("noor.json");
        Files.writeString(file, athlete.toPrettyString().replace("../calendars/", "cal/"));
        Files.copy(Path.of("datasets/calendars/noor-rota.ics"), Files.createDirectories(directory.resolve("cal")).resolve("noor-rota.ics"));
        CommandLineTest.Run run = runplan("season", file.toString(), "--race", "2027-04-25", "--distance", "marathon", "--strict");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("$.athletes[0].current.longestRunMinuts: unknown field; did you mean 'longestRunMinutes'?");
        run = runplan("season", file.toString(), "--race", "2027-04-25", "--distance", "marathon");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("warning: ", "longestRunMinuts", "$.athletes[0].current.longestRunMinutes: missing");
    }

    @Test
    void theSeasonPageBeforeAndAfterSolving(@TempDir Path directory) throws Exception {
        Path page = directory.resolve("season.html");
        CommandLineTest.Run run = runplan("season", NOOR.toString(), "--race", SolvedSeason.RACE, "--distance", "marathon",
                "--weeks", "8", "--out", directory.resolve("s.json").toString(), "--html", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("<svg", "Planned season: not placed yet", "noor-w01-long").doesNotContain("data-session=");
        assertThat(count(html, "class=\"bar")).isEqualTo(8);

        Path solvedPage = directory.resolve("solved.html");
        run = runplan("export", SolvedSeason.solved().toString(), "--html", solvedPage.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        html = Files.readString(solvedPage);
        PlanFile solved = new PlanReader().read(SolvedSeason.solved());
        assertThat(count(html, "data-session=")).isEqualTo((int) solved.plan().getSessions().stream().filter(Session::isScheduled).count());
        assertThat(count(html, "class=\"bar")).isEqualTo(8);
        assertThat(html).contains("Week 8 of 8 \u00b7 taper \u00b7 race week").doesNotContain("http://", "https://", "<script");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The solved file names its calendar relative to where it was written; the copy here names the copy beside it. */
    private static void rewriteCalendars(Path edited, Path solved) throws Exception {
        String text = Files.readString(edited);
        ObjectNode document = (ObjectNode) JSON.readTree(text);
        String name = document.get("athletes").get(0).get("calendars").get(0).textValue();
        Files.writeString(edited, text.replace("\"" + name + "\"", "\"cal/noor-rota.ics\""));
    }

    private static JsonNode withoutCalendarPaths(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.remove(List.of("calendars", "calendar"));
            for (Iterator<String> it = copy.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                copy.set(key, withoutCalendarPaths(copy.get(key)));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(withoutCalendarPaths(item)));
            return copy;
        }
        return node;
    }
}
