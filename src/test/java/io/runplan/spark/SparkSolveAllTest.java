package io.runplan.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import io.runplan.batch.Limits;
import io.runplan.batch.PlanJob;
import io.runplan.batch.SummaryRow;
import io.runplan.cli.CommandLineTest;
import io.runplan.support.PlanFolders;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spark job in local mode (two cores, in this JVM) on a few plans, one broken: what it writes is what batch
 * writes, and the broken plan has solve's message. Moves, not seconds, bound every solve.
 */
class SparkSolveAllTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Limits LIMITS = new Limits(null, 2000L, 3);
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("runplan test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "localhost")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void writesWhatBatchWritesAndListsTheBrokenPlanWithSolvesMessage(@TempDir Path directory) throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        Path sparkOut = directory.resolve("spark");
        Path batchOut = directory.resolve("batch");
        StringWriter err = new StringWriter();

        List<SummaryRow> rows = SolveAll.run(spark,
                new SolveAll.Job(in.toString(), sparkOut.toString(), LIMITS, false, false, 2), new PrintWriter(err, true));
        CommandLineTest.Run batch = runplan("batch", in.toString(), "--out", batchOut.toString(), "--moves", "2000",
                "--seed", "3");

        assertThat(rows).extracting(SummaryRow::file).containsExactly("broken.json", "club/mini-club.json", "week.json");
        assertThat(rows).extracting(SummaryRow::status).containsExactly(SummaryRow.Status.FAILED,
                SummaryRow.Status.SOLVED, SummaryRow.Status.SOLVED);
        String solveMessage = runplan("solve", in.resolve("broken.json").toString(), "--moves", "10").err().strip();
        assertThat("runplan: " + rows.get(0).reason()).isEqualTo(solveMessage);
        assertThat(err.toString()).contains(solveMessage, "2 solved, 1 failed");

        // The same scores, the same plans, the same summary but for the seconds.
        assertThat(batch.exitCode()).isEqualTo(4);
        for (String plan : List.of("week.json", "club/mini-club.json")) {
            assertThat(JSON.readTree(sparkOut.resolve(plan).toFile())).as(plan)
                    .isEqualTo(JSON.readTree(batchOut.resolve(plan).toFile()));
        }
        assertThat(withoutSeconds(sparkOut.resolve("summary.csv"))).isEqualTo(withoutSeconds(batchOut.resolve("summary.csv")));
        assertThat(rows.get(1).score()).isEqualTo(JSON.readTree(batchOut.resolve("club/mini-club.json").toFile())
                .get("score").textValue());
    }

    /**
     * Plans on a file system that is not this disk (HDFS, S3 through s3a; here one under the scheme remote:): read
     * through Hadoop, written whole through Hadoop, with the same plans and scores as from a local folder, and the
     * broken plan's message naming it where it is.
     */
    @Test
    void readsAndWritesPlansOnAFileSystemThatIsNotThisDisk(@TempDir Path directory) throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        Path remoteOut = directory.resolve("remote-out");
        Path localOut = directory.resolve("local-out");
        spark.hadoopConfiguration().set("fs.remote.impl", RemoteLikeFileSystem.class.getName());
        spark.hadoopConfiguration().set("fs.remote.impl.disable.cache", "true");
        PrintWriter quiet = new PrintWriter(new StringWriter());
        String remoteIn = RemoteLikeFileSystem.SCHEME + "://" + in.toAbsolutePath();

        List<SummaryRow> rows = SolveAll.run(spark, new SolveAll.Job(remoteIn,
                RemoteLikeFileSystem.SCHEME + "://" + remoteOut.toAbsolutePath(), LIMITS, false, false, 2), quiet);
        List<SummaryRow> local = SolveAll.run(spark,
                new SolveAll.Job(in.toString(), localOut.toString(), LIMITS, false, false, 2), quiet);

        assertThat(rows).extracting(SummaryRow::status).containsExactly(SummaryRow.Status.FAILED,
                SummaryRow.Status.SOLVED, SummaryRow.Status.SOLVED);
        assertThat(rows).extracting(SummaryRow::score).isEqualTo(local.stream().map(SummaryRow::score).toList());
        assertThat(rows.get(0).reason()).startsWith(RemoteLikeFileSystem.SCHEME + ":" + in.toAbsolutePath()
                + "/broken.json");
        for (String plan : List.of("week.json", "club/mini-club.json")) {
            assertThat(JSON.readTree(remoteOut.resolve(plan).toFile())).as(plan)
                    .isEqualTo(JSON.readTree(localOut.resolve(plan).toFile()));
        }
        assertThat(withoutSeconds(remoteOut.resolve("summary.csv"))).isEqualTo(withoutSeconds(localOut.resolve("summary.csv"))
                .stream().map(line -> line.replace(in.toAbsolutePath() + "/", RemoteLikeFileSystem.SCHEME + ":"
                        + in.toAbsolutePath() + "/")).toList());
        try (var written = Files.walk(remoteOut)) {
            assertThat(written.filter(Files::isRegularFile).map(file -> remoteOut.relativize(file).toString()))
                    .as("no temporary file left behind")
                    .containsExactlyInAnyOrder("summary.csv", "week.json", "club/mini-club.json");
        }
    }

    @Test
    void aReRunSkipsWhatIsUpToDateAndTriesTheBrokenPlanAgain(@TempDir Path directory) throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        Path out = directory.resolve("out");
        PrintWriter quiet = new PrintWriter(new StringWriter());
        SolveAll.Job job = new SolveAll.Job(in.toString(), out.toString(), new Limits(null, 500L, 0), false, false, null);
        SolveAll.run(spark, job, quiet);
        var written = Files.getLastModifiedTime(out.resolve("week.json"));

        List<SummaryRow> again = SolveAll.run(spark, job, quiet);

        assertThat(again).extracting(SummaryRow::status).containsExactly(SummaryRow.Status.FAILED,
                SummaryRow.Status.SKIPPED, SummaryRow.Status.SKIPPED);
        assertThat(again.get(2).score()).isEqualTo(JSON.readTree(out.resolve("week.json").toFile()).get("score").textValue());
        assertThat(Files.getLastModifiedTime(out.resolve("week.json"))).isEqualTo(written);
    }

    @Test
    void aMissingFolderOrAnOutputInsideTheInputIsRefused(@TempDir Path directory) throws Exception {
        Path in = PlanFolders.make(directory.resolve("in"));
        PrintWriter quiet = new PrintWriter(new StringWriter());
        assertThatThrownBy(() -> SolveAll.run(spark, new SolveAll.Job(directory.resolve("none").toString(),
                directory.resolve("out").toString(), LIMITS, false, false, null), quiet))
                .isInstanceOf(PlanJob.Refused.class).hasMessageContaining("no such folder");
        assertThatThrownBy(() -> SolveAll.run(spark, new SolveAll.Job(in.toString(), in.resolve("out").toString(),
                LIMITS, false, false, null), quiet))
                .isInstanceOf(PlanJob.Refused.class).hasMessageContaining("lie one in the other");
        assertThat(in.resolve("out")).doesNotExist();
    }

    @Test
    void aWrongCommandLineIsExitCodeTwoBeforeSparkStarts() {
        StringWriter err = new StringWriter();
        PrintWriter out = new PrintWriter(new StringWriter());
        assertThat(SolveAll.execute(out, new PrintWriter(err, true), "only-in")).isEqualTo(2);
        assertThat(SolveAll.execute(out, new PrintWriter(err, true), "in", "out", "--moves", "0")).isEqualTo(2);
        assertThat(SolveAll.execute(out, new PrintWriter(err, true), "in", "out", "--moves", "5", "--seconds", "5"))
                .isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(3).allMatch(line -> line.startsWith("runplan: "));
    }

    /**
     * Spark's Scala module refuses a Jackson of another minor version than its own, and Spark's jars bring parts of
     * two (jackson-core 2.17 beside databind 2.18): the build pins one Jackson for runplan and Spark alike, and this
     * holds it so. The command-line jar renames its own Jackson (pom.xml), so on a cluster Spark's is never runplan's.
     */
    @Test
    void runplanAndSparkShareOneJacksonThatSparksScalaModuleAccepts() {
        String core = com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
        String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        String annotations = com.fasterxml.jackson.annotation.JsonProperty.class.getPackage().getImplementationVersion();
        assertThat(core).isEqualTo(databind);
        if (annotations != null) {
            assertThat(annotations).isEqualTo(databind);
        }
        // It throws "Scala module ... requires Jackson Databind version >= ..." for a Jackson it does not accept.
        var mapper = new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
        assertThat(mapper.getRegisteredModuleIds()).isNotEmpty();
        assertThat(DefaultScalaModule$.MODULE$.version().toString()).startsWith(databind.replaceAll("\\.\\d+$", ""));
    }

    private static List<String> withoutSeconds(Path summary) throws Exception {
        return Files.readAllLines(summary).stream()
                .map(line -> String.join(",", Arrays.asList(line.split(",", -1)).subList(0, 4)) + ","
                        + String.join(",", Arrays.asList(line.split(",", -1)).subList(5, line.split(",", -1).length)))
                .toList();
    }
}
