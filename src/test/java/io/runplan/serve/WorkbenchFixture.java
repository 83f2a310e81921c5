package io.runplan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A workbench over a test folder on a free port of 127.0.0.1, and an HTTP client for its API. */
final class WorkbenchFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Path folder;
    final Workbench workbench;
    final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Events> streams = new ArrayList<>();

    private WorkbenchFixture(Path folder, Workbench workbench) {
        this.folder = folder;
        this.workbench = workbench;
        this.base = "http://127.0.0.1:" + workbench.port();
    }

    /** A workbench on 127.0.0.1 (a token when {@code token} is not null) whose solves stop after {@code moves}. */
    static WorkbenchFixture start(Path folder, String token, long moves) {
        Workbench workbench = new Workbench(new Workbench.Settings(folder, "127.0.0.1", 0, token, false, moves, null, 0,
                plan -> 30, 10));
        workbench.start();
        return new WorkbenchFixture(folder, workbench);
    }

    /** An answer: status, body, headers. */
    record Response(int status, String body, HttpHeaders headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }
    }

    Response get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    Response post(String path, String json) {
        return send(request(path, "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response post(String path, Object... fields) {
        return post(path, body(fields));
    }

    /** A request with any method, content type and body. */
    Response send(String method, String path, String contentType, String body) {
        return send(request(path, "Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response put(String path, String json) {
        return send(request(path, "Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan's state (GET /api/plans/FILE). */
    JsonNode state(String file) {
        Response response = get("/api/plans/" + file);
        if (response.status() != 200) {
            throw new IllegalStateException(response.status() + ": " + response.body());
        }
        return response.json();
    }

    String version(String file) {
        return state(file).path("version").asText();
    }

    /** {"version": ..., key: value, ...} as JSON text; values are texts, numbers, booleans, lists or JSON nodes. */
    static String body(Object... fields) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            body.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        return body.toString();
    }

    /** The events pushed to a page open on {@code file}, from now on. */
    Events events(String file) {
        Events events = new Events(base + "/api/plans/" + file + "/events");
        streams.add(events);
        return events;
    }

    /** One server-sent event stream, read in the background. */
    final class Events implements AutoCloseable {
        record Event(String type, JsonNode data) {
        }

        private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        private final Thread reader;
        private volatile InputStream stream;

        Events(String url) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            stream = response.body();
            reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    String type = null;
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("event: ")) {
                            type = line.substring("event: ".length());
                        } else if (line.startsWith("data: ") && type != null) {
                            received.add(new Event(type, JSON.readTree(line.substring("data: ".length()))));
                            type = null;
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "test-events");
            reader.setDaemon(true);
            reader.start();
            await("hello", e -> true, 10);
        }

        /** The first event of {@code type} matching {@code test} within {@code seconds}; fails otherwise. */
        Event await(String type, Predicate<Event> test, long seconds) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Event> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                try {
                    Event event = received.poll(100, TimeUnit.MILLISECONDS);
                    if (event != null) {
                        seen.add(event);
                        if (event.type().equals(type) && test.test(event)) {
                            return event;
                        }
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("no '" + type + "' event within " + seconds + " s; got " + seen);
        }

        @Override
        public void close() {
            try {
                stream.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        streams.forEach(Events::close);
        workbench.close();
    }
}
