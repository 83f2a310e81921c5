package io.runplan.batch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which files are plans, how shares split them, and the summary's CSV. */
class PlanFolderTest {

    @Test
    void planFilesAreJsonWithNoHiddenOrUnderscoredPart() {
        assertThat(PlanFolder.isPlanFile("week.json")).isTrue();
        assertThat(PlanFolder.isPlanFile("club-7/ana.json")).isTrue();
        assertThat(PlanFolder.isPlanFile("notes.txt")).isFalse();
        assertThat(PlanFolder.isPlanFile(".week.json")).isFalse();
        assertThat(PlanFolder.isPlanFile("club/.ana.json.123.tmp")).isFalse();
        assertThat(PlanFolder.isPlanFile("_temporary/0/ana.json")).isFalse();
        assertThat(PlanFolder.isPlanFile(".git/x.json")).isFalse();
    }

    @Test
    void sharesCoverEveryFileOnceEveryNthFromTheIth() {
        List<String> files = IntStream.range(0, 10).mapToObj(i -> "p" + i + ".json").toList();
        assertThat(PlanFolder.Shard.parse("1/3").of(files)).containsExactly("p1.json", "p4.json", "p7.json");
        List<String> all = IntStream.range(0, 4).boxed()
                .flatMap(i -> PlanFolder.Shard.parse(i + "/4").of(files).stream()).sorted().toList();
        assertThat(all).isEqualTo(files.stream().sorted().toList());
        assertThat(PlanFolder.Shard.parse("0/1").summaryName()).isEqualTo("summary.csv");
        assertThat(PlanFolder.Shard.parse("2/5").summaryName()).isEqualTo("summary-2-of-5.csv");
        for (String bad : List.of("3/3", "1/0", "-1/3", "1", "a/b", "99999999999/99999999999")) {
            assertThatThrownBy(() -> PlanFolder.Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void foldersThatLieOneInTheOtherAreRefusedAndSiblingsAreNot() {
        assertThat(PlanFolder.overlap("/night/plans", "/night/plans/solved")).contains("lie one in the other");
        assertThat(PlanFolder.overlap("/night/plans", "/night")).isNotNull();
        assertThat(PlanFolder.overlap("/night/plans", "/night/plans")).isNotNull();
        assertThat(PlanFolder.overlap("/night/plans", "/night/plans-solved")).isNull();
        assertThat(PlanFolder.overlap("hdfs://nn/night/in", "hdfs://nn/night/out")).isNull();
    }

    @Test
    void summaryQuotesWhatWouldBreakAColumnAndSaysTheExitCode() {
        SummaryRow refused = new SummaryRow("b.json", null, null, null, 0.014, SummaryRow.Status.FAILED,
                "/in/b.json: $.athletes[0].sessions[2].type: unknown session type \"RUN\"; use one of SPEED, EASY");
        SummaryRow solved = new SummaryRow("a.json", 1, 8, "0hard/0medium/-220soft", 1.5, SummaryRow.Status.SOLVED, "");
        assertThat(Summary.csv(List.of(refused, solved))).isEqualTo("""
                file,athletes,sessions,score,seconds,status,reason
                a.json,1,8,0hard/0medium/-220soft,1.50,solved,
                b.json,,,,0.01,failed,"/in/b.json: $.athletes[0].sessions[2].type: unknown session type ""RUN""; use one of SPEED, EASY"
                """);
        assertThat(Summary.exitCode(List.of(solved))).isZero();
        assertThat(Summary.exitCode(List.of(solved, refused))).isEqualTo(4);
        assertThat(Summary.counts(List.of(solved, refused))).isEqualTo("1 solved, 1 failed");
    }
}
