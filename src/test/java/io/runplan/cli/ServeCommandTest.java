package io.runplan.cli;

import io.runplan.support.RunplanProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.runplan.cli.CommandLineTest.runplan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code runplan serve} on the command line: bad options are one line and exit code 2; started in its own JVM on a
 * host other than 127.0.0.1 it prints an address with an access token, answers requests that carry it and refuses
 * those that do not; Ctrl-C stops it and closes the port.
 */
class ServeCommandTest {

    private static final Pattern ADDRESS = Pattern.compile("http://localhost:(\\d+)/\\?token=([0-9a-f]+)");

    @Test
    void aFolderThatIsNotThereABadPortOrABusyPortIsBadInput(@TempDir Path directory) throws IOException {
        var missing = runplan("serve", directory.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("runplan: " + directory.resolve("nowhere")
                + ": no such folder; give the folder of your plan files\n");
        assertThat(runplan("serve", directory.toString(), "--port", "70000").err()).startsWith("runplan: --port must be 0 to 65535");
        assertThat(runplan("serve", directory.toString(), "--moves", "0").exitCode()).isEqualTo(2);
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            var busy = runplan("serve", directory.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(busy.exitCode()).isEqualTo(2);
            assertThat(busy.err()).startsWith("runplan: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void onAnotherHostItNeedsTheTokenItPrintsAndCtrlCStopsIt(@TempDir Path directory) throws Exception {
        assumeTrue(RunplanProcess.canSendCtrlC(), "python3 and kill are needed to send Ctrl-C");
        Path plans = Files.createDirectory(directory.resolve("plans"));
        try (RunplanProcess serve = RunplanProcess.start("serve", plans.toString(), "--port", "0", "--host",
                "localhost", "--moves", "500")) {
            assertThat(serve.awaitLine(line -> ADDRESS.matcher(line).find(), 60))
                    .as("the address printed: " + serve.output()).isTrue();
            Matcher address = ADDRESS.matcher(serve.output());
            assertThat(address.find()).isTrue();
            int port = Integer.parseInt(address.group(1));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThat(status(http, address.group())).isEqualTo(200);
            assertThat(status(http, "http://localhost:" + port + "/api/plans")).isEqualTo(401);
            assertThat(status(http, "http://localhost:" + port + "/api/plans?token=" + address.group(2))).isEqualTo(200);

            serve.ctrlC();
            assertThat(serve.awaitExit(60)).as("stops after Ctrl-C").isNotNull();
            assertThat(serve.output()).contains("Stopped.");
            assertThatThrownBy(() -> status(http, "http://localhost:" + port + "/")).isInstanceOf(ConnectException.class);
        }
    }

    private static int status(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
