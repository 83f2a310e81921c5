package io.runplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.bench.PlanGenerator;
import io.runplan.io.PlanReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it: exit codes, what it prints, what it writes and never overwrites. */
public class CommandLineTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/plans/format-example.json");

    public record Run(int exitCode, String out, String err) {
    }

    public static Run runplan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = RunplanCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * The office worker's best week costs only its two gym visits, which every plan pays: solve says no better plan
     * exists (and stops there), check says so of the written plan. So for the example week (250, which runplan proves
     * by searching Ana's days); but not of the same week with the tempo run moved out of its preferred hours (and the
     * lift after it later): 280, every rule kept, and no such claim.
     */
    @Test
    void aPlanAtItsBoundIsCalledTheBestThereIsAndOnlySuchAPlan(@TempDir Path directory) throws Exception {
        Path solved = directory.resolve("ana.json");
        Run solve = runplan("solve", "datasets/office-worker-week.json", "--moves", "20000", "--out", solved.toString());
        Run check = runplan("check", solved.toString());
        Path week = directory.resolve("week.json");
        Run example = runplan("solve", EXAMPLE.toString(), "--moves", "2000", "--out", week.toString());
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(week.toFile());
        for (var session : document.get("athletes").get(0).get("sessions")) {
            String id = session.get("id").textValue();
            if (id.equals("ana-tempo") || id.equals("ana-lift-1")) {
                ((ObjectNode) session).put("start", id.equals("ana-tempo") ? "2026-11-26T09:00" : "2026-11-26T14:00");
                ((ObjectNode) session).remove("end");
            }
        }
        new ObjectMapper().writeValue(week.toFile(), document);
        Run worse = runplan("check", week.toString());

        assertThat(solve.out()).contains("Score 0hard/0medium/-130soft  (every hard rule kept; every session placed; "
                + "no better plan exists)");
        assertThat(check.out()).contains("-130soft  (every hard rule kept; every session placed; no better plan exists)");
        assertThat(example.out()).contains("Score 0hard/0medium/-250soft  (every hard rule kept; every session placed; "
                + "no better plan exists)");
        assertThat(worse.out()).contains("Score 0hard/0medium/-280soft").doesNotContain("no better plan");
    }

    @Test
    void solvePrintsTheWeekTheScoreAndCostsAndWritesTheSolvedPlanNextToTheInput(@TempDir Path directory) throws Exception {
        Path plan = Files.copy(EXAMPLE, directory.resolve("week.json"));
        String before = Files.readString(plan);
        Run run = runplan("solve", plan.toString(), "--moves", "2000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("(2000 moves, seed 0)", "best ", "done: 0hard/0medium/");
        assertThat(run.out()).contains("Mon 23 Nov", "[08:30-17:30 work]", "ana-race", "Score 0hard/0medium/",
                "Soft cost per rule", "Gym time", "Wrote");
        Path solved = directory.resolve("week.solved.json");
        assertThat(solved).exists();
        assertThat(Files.readString(plan)).isEqualTo(before);
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(solved.toFile());
        assertThat(document.get("score").textValue()).startsWith("0hard/0medium/");
        assertThat(document.get("athletes").get(0).get("sessions").get(0).get("start").isTextual()).isTrue();
    }

    /** The time limit is the machine's: what it gives is a plan and the limit said, not a score by then. */
    @Test
    void aTimeLimitedSolveSaysItsLimitAndWritesAPlan(@TempDir Path directory) {
        Path plan = copy(EXAMPLE, directory);
        Run run = runplan("solve", plan.toString(), "--seconds", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("(at most 1 s, seed 0)", "done: ");
        assertThat(run.out()).contains("Score ", "Wrote");
        assertThat(directory.resolve("week.solved.json")).exists();
    }

    @Test
    void solveRefusesToWriteOverItsInput(@TempDir Path directory) throws Exception {
        Path plan = Files.copy(EXAMPLE, directory.resolve("week.json"));
        String before = Files.readString(plan);
        Run run = runplan("solve", plan.toString(), "--out", plan.toString(), "--seconds", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("never writes over its input");
        assertThat(Files.readString(plan)).isEqualTo(before);
    }

    @Test
    void checkReportsALiftMovedBeforeASpeedSessionByRuleAndSessions(@TempDir Path directory) throws Exception {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(EXAMPLE.toFile());
        var sessions = document.get("athletes").get(0).withArray("sessions");
        ((ObjectNode) sessions.get(0)).put("start", "2026-11-24T17:00"); // ana-track, Tue at the track
        ((ObjectNode) sessions.get(1)).put("start", "2026-11-26T06:00"); // ana-tempo, Thu
        ((ObjectNode) sessions.get(2)).put("start", "2026-11-24T16:00"); // ana-lift-1, Tue BEFORE the track
        ((ObjectNode) sessions.get(3)).put("start", "2026-11-26T13:00"); // ana-lift-2, Thu after the tempo
        Path plan = directory.resolve("hand-made.json");
        new ObjectMapper().writeValue(plan.toFile(), document);

        Run run = runplan("check", plan.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN No lift before quality")
                .containsPattern("ana-lift-1 \\(Tue 24 Nov 16:00\\) starts before ana-track \\(Tue 24 Nov 17:00-18:00\\) ends");
    }

    @Test
    void checkOfAValidPlanExitsZero(@TempDir Path directory) {
        Run solve = runplan("solve", copy(EXAMPLE, directory).toString(), "--moves", "2000");
        assertThat(solve.exitCode()).isZero();
        Run check = runplan("check", directory.resolve("week.solved.json").toString());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("every hard rule kept");
    }

    private static Path copy(Path source, Path directory) {
        try {
            return Files.copy(source, directory.resolve("week.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON         | {\"name\": \"x\", \"start\": | not valid JSON",
            "missing field          | {\"name\": \"x\", \"days\": 7, \"athletes\": [] } | $.start: missing",
            "unknown session type   | {\"name\":\"x\",\"start\":\"2026-11-23\",\"days\":7,\"athletes\":[{\"id\":\"a\",\"sessions\":[{\"id\":\"s\",\"type\":\"RUN\",\"minutes\":30}]}]} | $.athletes[0].sessions[0].type: unknown session type \"RUN\"",
            "unknown coach          | {\"name\":\"x\",\"start\":\"2026-11-23\",\"days\":7,\"athletes\":[{\"id\":\"a\",\"sessions\":[{\"id\":\"s\",\"type\":\"SPEED\",\"minutes\":30,\"coach\":\"zoe\"}]}]} | $.athletes[0].sessions[0].coach: unknown coach id 'zoe'",
            "end before start       | {\"name\":\"x\",\"start\":\"2026-11-23\",\"days\":7,\"athletes\":[{\"id\":\"a\",\"busy\":[{\"start\":\"2026-11-23T10:00\",\"end\":\"2026-11-23T09:00\"}],\"sessions\":[]}]} | $.athletes[0].busy[0]: end 2026-11-23T09:00 is not after start",
            "longer than day window | {\"name\":\"x\",\"start\":\"2026-11-23\",\"days\":7,\"athletes\":[{\"id\":\"a\",\"day\":{\"from\":\"06:00\",\"to\":\"07:00\"},\"sessions\":[{\"id\":\"s\",\"type\":\"LONG_RUN\",\"minutes\":90}]}]} | $.athletes[0].sessions[0].minutes: 90 minutes is longer than a's day window",
    })
    void badInputIsOneLineNamingTheFileAndThePathWithExitCode2(String what, String json, String message,
            @TempDir Path directory) throws Exception {
        Path plan = directory.resolve("bad.json");
        Files.writeString(plan, json);
        for (String command : new String[] {"solve", "check"}) {
            Run run = runplan(command, plan.toString(), "--seconds", "1");
            if (command.equals("check")) {
                run = runplan(command, plan.toString());
            }
            assertThat(run.exitCode()).as(what).isEqualTo(2);
            assertThat(run.err()).as(what).startsWith("runplan: " + plan + ": ").contains(message);
            assertThat(run.err().strip().lines()).as(what + ": one line, no stack trace").hasSize(1);
        }
        assertThat(Files.readString(plan)).isEqualTo(json);
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
    }

    /** The example with ana-race's "pinned" misspelt, the athlete's "day" too, and keys of the user's own. */
    private static Path withTypos(Path directory) throws java.io.IOException {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(EXAMPLE.toFile());
        ObjectNode ana = (ObjectNode) document.get("athletes").get(0);
        ObjectNode race = (ObjectNode) ana.get("sessions").get(4);
        race.set("pined", race.remove("pinned"));
        ana.set("dya", ana.remove("day"));
        ana.put("x-note", "easy week");
        document.putObject("x-app").put("pinned", "not a field of runplan's");
        Path plan = directory.resolve("typos.json");
        new ObjectMapper().writeValue(plan.toFile(), document);
        return plan;
    }

    @Test
    void aMisspeltFieldIsAWarningWithItsPathAndTheNameItWasMeantToBe(@TempDir Path directory) throws Exception {
        Path plan = withTypos(directory);
        Run run = runplan("solve", plan.toString(), "--moves", "500");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines().filter(line -> line.contains("warning"))).containsExactly(
                "runplan: warning: " + plan + ": $.athletes[0].sessions[4].pined: unknown field; did you mean 'pinned'?",
                "runplan: warning: " + plan + ": $.athletes[0].dya: unknown field; did you mean 'day'?");
        ObjectNode solved = (ObjectNode) new ObjectMapper().readTree(directory.resolve("typos.solved.json").toFile());
        assertThat(solved.get("x-app").get("pinned").textValue()).as("the user's own keys are kept").isNotEmpty();
        assertThat(solved.get("athletes").get(0).get("x-note").textValue()).isEqualTo("easy week");
    }

    @Test
    void strictRefusesAnUnknownFieldOnEveryCommandThatReadsAPlanAndWritesNothing(@TempDir Path directory)
            throws Exception {
        Path plan = withTypos(directory);
        String before = Files.readString(plan);
        String[][] commands = {
                {"solve", plan.toString(), "--strict", "--moves", "500", "--ics", directory.resolve("ics").toString(),
                        "--html", directory.resolve("week.html").toString()},
                {"check", "--strict", plan.toString()},
                {"export", plan.toString(), "--strict", "--plan", directory.resolve("busy.json").toString()},
                {"replan", plan.toString(), "--strict", "--now", "2026-11-24T12:00", "--moves", "500"},
        };
        for (String[] command : commands) {
            Run run = runplan(command);
            assertThat(run.exitCode()).as(command[0]).isEqualTo(2);
            assertThat(run.err()).as(command[0]).isEqualTo("runplan: " + plan
                    + ": $.athletes[0].sessions[4].pined: unknown field; did you mean 'pinned'? (--strict; 1 more unknown field)\n");
            assertThat(run.out()).as(command[0]).isEmpty();
        }
        assertThat(Files.readString(plan)).isEqualTo(before);
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(plan);
        }
    }

    @Test
    void secondsAndMovesTogetherAreRefusedOnBothSolvingCommands(@TempDir Path directory) {
        Path plan = copy(EXAMPLE, directory);
        for (String[] command : new String[][] {
                {"solve", plan.toString(), "--seconds", "5", "--moves", "1000"},
                {"replan", plan.toString(), "--now", "2026-11-24T12:00", "--moves", "1000", "--seconds", "5"}}) {
            Run run = runplan(command);
            assertThat(run.exitCode()).as(command[0]).isEqualTo(2);
            assertThat(run.err()).as(command[0]).startsWith("runplan: ").contains("--seconds=N", "--moves=N",
                    "mutually exclusive").endsWith("(see 'runplan " + command[0] + " --help')\n");
            assertThat(run.err().strip().lines()).as(command[0]).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(plan);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMistypedCommandLineIsOneLineWithExitCode2(@TempDir Path directory) {
        Path plan = copy(EXAMPLE, directory);
        Run calendar = runplan("check", plan.toString(), "--busy", "dentist.ics");
        assertThat(calendar.exitCode()).isEqualTo(2);
        assertThat(calendar.err()).isEqualTo("runplan: Invalid value for option '--busy' (ID=FILE.ics): expected "
                + "ID=FILE.ics, the id of an athlete or coach and a calendar file, e.g. --busy ana=work.ics "
                + "(see 'runplan check --help')\n");

        // replan's time block is --busy-time: --busy names a calendar file on the other commands
        Run oldName = runplan("replan", plan.toString(), "--now", "2026-11-24T12:00", "--busy",
                "2026-11-26T06:00/2026-11-26T07:00");
        assertThat(oldName.exitCode()).isEqualTo(2);
        assertThat(oldName.err()).startsWith("runplan: Unknown options: '--busy'").contains("did you mean --busy-time?")
                .endsWith("(see 'runplan replan --help')\n");
        assertThat(oldName.err().strip().lines()).hasSize(1);
    }

    @Test
    void missingFileIsExitCode2() {
        Run run = runplan("check", "no/such/plan.json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no/such/plan.json: no such file");
    }

    @Test
    void solveTakesASolverConfigurationCutFromTheBenchmark(@TempDir Path directory) throws Exception {
        Path plan = Files.copy(EXAMPLE, directory.resolve("week.json"));
        Path config = Files.writeString(directory.resolve("tabu.xml"), """
                <solver xmlns="https://timefold.ai/xsd/solver">
                  <constructionHeuristic><constructionHeuristicType>FIRST_FIT</constructionHeuristicType></constructionHeuristic>
                  <localSearch><localSearchType>TABU_SEARCH</localSearchType></localSearch>
                </solver>
                """);
        Run run = runplan("solve", plan.toString(), "--solver-config", config.toString(), "--moves", "2000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("done: 0hard/0medium/");
    }

    @Test
    void aBadSolverConfigurationIsOneLineWithExitCode2(@TempDir Path directory) throws Exception {
        Path plan = Files.copy(EXAMPLE, directory.resolve("week.json"));
        Path config = Files.writeString(directory.resolve("bad.xml"), "<solver><localSearch><nonsense/></localSearch>");
        Run run = runplan("solve", plan.toString(), "--solver-config", config.toString(), "--seconds", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("runplan: " + config + ": line 1, column 47: not a Timefold solver configuration");
        assertThat(run.err().lines()).hasSize(1);

        // Well-formed, but Timefold refuses it when it builds the solver or starts the local search.
        for (String unusable : new String[] {
                "<customPhase><customPhaseCommandClass>no.Such</customPhaseCommandClass></customPhase>",
                "<localSearch><acceptor><lateAcceptanceSize>-5</lateAcceptanceSize></acceptor></localSearch>"}) {
            Files.writeString(config, "<solver xmlns=\"https://timefold.ai/xsd/solver\">" + unusable + "</solver>");
            Run refused = runplan("solve", plan.toString(), "--solver-config", config.toString(), "--seconds", "1");
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains("runplan: " + config + ": ").contains("solver configuration");
        }

        Run missing = runplan("solve", plan.toString(), "--solver-config", "no/such.xml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no/such.xml: no such solver configuration file");
        assertThat(directory.resolve("week.solved.json")).doesNotExist();
    }

    @Test
    void theDefaultTimeLimitGrowsWithABigPlan() {
        var small = new PlanReader().read(Path.of("datasets/club-week.json")).plan();
        var big = new PlanReader().read(Path.of("generated.json"), PlanGenerator.generate(100, 28, 1)).plan();
        assertThat(SolveCommand.defaultSeconds(small)).isEqualTo(30);
        assertThat(big.getSessions().size()).isGreaterThan(3_100);
        assertThat(SolveCommand.defaultSeconds(big)).isEqualTo(big.getSessions().size() / 100);
    }
}
