package io.runplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runplan.support.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code runplan replan} as a user runs it: what it prints and writes, and one line with exit code 2 for mistakes. */
class ReplanCommandTest {

    private static final Path GROUP = Path.of("src/test/resources/plans/group-must-move.json");
    private static final String MISSED_TUESDAY = "src/test/resources/plans/missed-tuesday.json";

    @Test
    void replanPrintsTheChangesWithReasonsAndBothScoresAndWritesNameReplannedJson(@TempDir Path directory) throws Exception {
        Path plan = Files.copy(GROUP, directory.resolve("group.json"));
        String before = Files.readString(plan);

        CommandLineTest.Run run = runplan("replan", plan.toString(), "--now", "2026-11-23T12:00", "--athlete", "a",
                "--busy-time", "2026-11-24T16:30/2026-11-24T17:30:physio", "--moves", "2000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Re-planning", "for a", "done: 0hard/0medium/");
        assertThat(run.out())
                .contains("Changes: 3 moved, 0 dropped, 0 missed (0 placed again)")
                .containsPattern("moved +a-track +Tue 24 Nov 17:00 +-> Tue 24 Nov 17:30 +Busy time: a-track \\(Tue 24 Nov 17:00-18:00\\)"
                        + " overlaps busy time 'physio Tue 24 Nov 16:30-17:30' by 30 min")
                .containsPattern("moved +b-track .* moves with its group \\(coach mara: a-track, b-track, c-track\\)")
                .contains("Score before re-planning  -30hard/0medium/-60soft", "Score after re-planning   0hard/0medium/-180soft",
                        "[16:30-17:30 physio]", "Wrote");
        assertThat(Files.readString(plan)).isEqualTo(before);
        Path replanned = directory.resolve("group.replanned.json");
        JsonNode document = new ObjectMapper().readTree(replanned.toFile());
        assertThat(document.get("score").textValue()).isEqualTo("0hard/0medium/-180soft");
        assertThat(document.get("replanned").get("scoreBefore").textValue()).isEqualTo("-30hard/0medium/-60soft");
        assertThat(document.get("replanned").get("changes")).hasSize(3);
        JsonNode a = document.get("athletes").get(0);
        assertThat(a.get("busy").get(0).get("label").textValue()).isEqualTo("physio");
        assertThat(a.get("sessions").get(0).get("previousStart").textValue()).isEqualTo("2026-11-24T17:00");
        assertThat(a.get("sessions").get(0).get("start").textValue()).isEqualTo("2026-11-24T17:30");
        assertThat(a.get("sessions").get(0).has("pinned")).isFalse();

        CommandLineTest.Run check = runplan("check", replanned.toString());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("Score 0hard/0medium/-180soft");
    }

    /**
     * {@code --problem-out}: the re-plan as a plan file for the benchmark and other solvers. Done sessions pinned where
     * they were, the missed one without a start, the rest with previous starts and dates from the day of --now, busy
     * time before --now around the done sessions: solving the file with {@code solve} starts nothing before --now
     * and moves no done session. Nothing is solved or written besides the file.
     */
    @Test
    void problemOutWritesTheReplanAsAPlanFileThatStartsNothingBeforeNow(@TempDir Path directory) throws Exception {
        Path solved = SolvedPlans.of(MISSED_TUESDAY);
        Path problem = directory.resolve("problem.json");
        CommandLineTest.Run run = runplan("replan", solved.toString(), "--now", "2026-11-25T12:00",
                "--missed", "rosa-track", "--problem-out", problem.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote the re-planning problem to " + problem, "1 missed");
        assertThat(directory.resolve("problem.replanned.json")).doesNotExist();

        JsonNode document = new ObjectMapper().readTree(problem.toFile());
        assertThat(document.has("score")).isFalse();
        JsonNode rosa = document.get("athletes").get(0);
        List<String> beforeNow = new ArrayList<>();
        rosa.get("busy").forEach(block -> {
            if (block.get("label").textValue().equals("before --now")) {
                beforeNow.add(block.get("start").textValue() + "/" + block.get("end").textValue());
            }
        });
        assertThat(beforeNow).isNotEmpty().allMatch(span -> span.matches("2026-11-25T\\d\\d:\\d\\d/2026-11-25T\\d\\d:\\d\\d"));
        assertThat(beforeNow.get(0)).startsWith("2026-11-25T00:00/");
        assertThat(beforeNow.get(beforeNow.size() - 1)).endsWith("/2026-11-25T12:00");
        for (JsonNode session : rosa.get("sessions")) {
            String id = session.get("id").textValue();
            if (id.equals("rosa-track")) {
                assertThat(session.get("start").isNull()).isTrue();
            }
            if (session.path("pinned").asBoolean()) {
                assertThat(session.get("start").textValue()).isLessThan("2026-11-25T12:00");
                assertThat(session.has("dates")).isFalse();
            } else {
                assertThat(session.get("dates").get("from").textValue()).as(id).isEqualTo("2026-11-25");
            }
        }

        Path out = directory.resolve("solved.json");
        CommandLineTest.Run solve = runplan("solve", problem.toString(), "--moves", "20000", "--seed", "1", "--out",
                out.toString());
        assertThat(solve.exitCode()).as(solve.err()).isZero();
        assertThat(solve.out()).contains("Score 0hard/0medium/");
        for (JsonNode session : new ObjectMapper().readTree(out.toFile()).get("athletes").get(0).get("sessions")) {
            if (!session.path("pinned").asBoolean()) {
                assertThat(session.get("start").textValue()).as(session.get("id").textValue())
                        .isGreaterThanOrEqualTo("2026-11-25T12:00");
            }
        }
    }

    /**
     * The most common miss: Saturday's long run in the history, Tuesday's track missed, re-planned from Wednesday noon.
     * Every start left is 4 or more days after Saturday: the usual 2-3 day rhythm cannot be kept, the 2-day recovery
     * can, so the track session is placed again and the longer gap is a cost, said in the change list.
     */
    @Test
    void aMissedTuesdayAfterASaturdayLongRunIsPlacedAgainWithALongerGapNotABrokenRule(@TempDir Path directory)
            throws Exception {
        Path solved = SolvedPlans.of(MISSED_TUESDAY);
        Path out = directory.resolve("replanned.json");
        CommandLineTest.Run run = runplan("replan", solved.toString(), "--now", "2026-11-25T12:00",
                "--missed", "rosa-track", "--seed", "1", "--moves", "20000", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("done: 0hard/0medium/");
        assertThat(run.out())
                .contains("Changes: ", "1 missed (1 placed again)")
                .containsPattern("missed +rosa-track +Tue 24 Nov 06:00 +-> (Thu 26|Fri 27|Sat 28|Sun 29) Nov .*"
                        + "missed; placed again after --now; a longer gap than usual \\(Quality gap: history long run "
                        + "Sat 21 Nov 08:00 and rosa-\\w+ \\(\\w+ \\d+ Nov \\d\\d:\\d\\d\\) are [4-8] days apart; "
                        + "usually 2-3 days\\): recovery between quality sessions comes first")
                .containsPattern("Quality gap +\\d+ +\\(1 matches, weight 120\\)")
                .containsPattern("Score after re-planning +0hard/0medium/")
                .doesNotContainPattern("(?m)^BROKEN");
        JsonNode document = new ObjectMapper().readTree(out.toFile());
        assertThat(document.get("score").textValue()).startsWith("0hard/0medium/");
        assertThat(document.get("unscheduled")).isEmpty();
        assertThat(runplan("check", out.toString()).exitCode()).isZero();
    }

    /** Sick Monday to Wednesday; the gym is closed at the weekend, so one lift fits: a cost, not a broken rule. */
    @Test
    void aSickMondayToWednesdayWithRoomForOneLiftCostsAMissingLift(@TempDir Path directory) throws Exception {
        Path solved = SolvedPlans.of(MISSED_TUESDAY);
        Path out = directory.resolve("replanned.json");
        CommandLineTest.Run run = runplan("replan", solved.toString(), "--now", "2026-11-23T00:00",
                "--off", "2026-11-23", "--off", "2026-11-24", "--off", "2026-11-25",
                "--seed", "1", "--moves", "20000", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("done: 0hard/-\\d+medium/");
        assertThat(run.out())
                .containsPattern("Missing lift +120 +\\(1 matches, weight 120\\)")
                .containsPattern("dropped +rosa-lift-\\d")
                .containsPattern("Score after re-planning +0hard/")
                .doesNotContainPattern("(?m)^BROKEN");
        JsonNode document = new ObjectMapper().readTree(out.toFile());
        assertThat(document.get("score").textValue()).startsWith("0hard/");
        assertThat(document.get("constraints").toString()).contains("\"Missing lift\"", "rosa week 1 has 1 lifts");
    }

    @Test
    void theSameSeedAndMovesWriteTheSameFile(@TempDir Path directory) throws Exception {
        Path solved = SolvedPlans.of("datasets/office-worker-week.json");
        List<String> files = new ArrayList<>();
        for (String name : List.of("a.json", "b.json")) {
            Path out = directory.resolve(name);
            CommandLineTest.Run run = runplan("replan", solved.toString(), "--now", "2026-11-24T12:00",
                    "--off", "2026-11-26", "--missed", "ana-track", "--seed", "3", "--moves", "5000", "--out", out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            files.add(Files.readString(out));
        }
        assertThat(files.get(0)).isEqualTo(files.get(1)).contains("\"label\" : \"off\"");
    }

    @Test
    void replanRefusesToWriteOverItsInput(@TempDir Path directory) throws Exception {
        Path plan = Files.copy(GROUP, directory.resolve("group.json"));
        String before = Files.readString(plan);
        CommandLineTest.Run run = runplan("replan", plan.toString(), "--now", "2026-11-23T12:00", "--out", plan.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("never writes over its input");
        assertThat(Files.readString(plan)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "now not a time      | --now=tomorrow                                   | --now 'tomorrow': expected a local time like 2026-11-25T12:00",
            "now after horizon   | --now=2026-11-26T00:00                           | group.json: --now 2026-11-26T00:00 is at or after the end of the horizon (2026-11-23 + 3 days): nothing is left to re-plan",
            "unknown athlete     | --athlete=zed                                    | group.json: --athlete zed: no athlete has this id; known: a, b, c",
            "unknown session     | --missed=a-tempo                                 | group.json: --missed a-tempo: no session has this id",
            "missed in future    | --missed=a-track                                 | group.json: $.athletes[0].sessions[0].start: --missed a-track starts Tue 24 Nov 17:00, not before --now 2026-11-23T19:00: only a session due before --now can be missed",
            "someone else's      | --athlete=b --missed=a-easy                      | group.json: $.athletes[0].sessions[1]: --missed a-easy is a's session; --athlete b re-plans b's sessions only",
            "busy without whom   | --busy-time=2026-11-24T06:00/2026-11-24T07:00    | group.json: --busy-time and --off need --athlete ID: the plan has 3 athletes; say whose calendar changed",
            "busy malformed      | --athlete=a --busy-time=2026-11-24T06:00-07:00 | --busy-time '2026-11-24T06:00-07:00': expected START/END[:label] like 2026-11-26T06:00/2026-11-26T07:30:dentist",
            "busy backwards      | --athlete=a --busy-time=2026-11-24T07:00/2026-11-24T06:00 | group.json: --busy-time 2026-11-24T07:00/2026-11-24T06:00: the end is not after the start",
            "busy in the past    | --athlete=a --busy-time=2026-11-23T06:00/2026-11-23T07:00 | group.json: --busy-time 2026-11-23T06:00/2026-11-23T07:00: ends before --now Mon 23 Nov 19:00; busy time in the past changes nothing (list the sessions it stopped with --missed)",
            "off outside horizon | --athlete=a --off=2026-12-01                      | group.json: --off 2026-12-01: not a day of the horizon (2026-11-23 + 3 days)",
            "off not a date      | --athlete=a --off=friday                         | --off 'friday': expected a date like 2026-11-27",
    })
    void mistakesAreOneLineWithExitCode2AndNothingIsWritten(String what, String options, String message,
            @TempDir Path directory) throws Exception {
        Path plan = Files.copy(GROUP, directory.resolve("group.json"));
        List<String> args = new ArrayList<>(List.of("replan", plan.toString(), "--moves", "100"));
        args.addAll(List.of(options.split(" ")));
        if (!options.contains("--now")) {
            args.add("--now=2026-11-23T19:00");
        }
        CommandLineTest.Run run = runplan(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").endsWith(message).startsWith("runplan: ");
        assertThat(run.out()).isEmpty();
        assertThat(directory.resolve("group.replanned.json")).doesNotExist();
    }
}
