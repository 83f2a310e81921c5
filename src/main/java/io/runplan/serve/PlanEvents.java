package io.runplan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages open on each plan, as server-sent event streams: a solve's progress ("best", "done") and every change of
 * the plan file ("changed", by this page, another tab or another program) are pushed to each of them.
 */
final class PlanEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();

    /** Keeps {@code client} until it goes away, and greets it with {@code hello} (the plan's version). */
    void add(String file, SseClient client, Object hello) {
        client.keepAlive();
        client.onClose(() -> remove(file, client));
        send(file, client, "hello", json(hello));
        clients.computeIfAbsent(file, f -> ConcurrentHashMap.newKeySet()).add(client);
    }

    /** Sends the event {@code type} with {@code data} (as JSON) to every page open on {@code file}. */
    void send(String file, String type, Object data) {
        Set<SseClient> open = clients.get(file);
        if (open == null || open.isEmpty()) {
            return;
        }
        String json = json(data);
        for (SseClient client : open) {
            send(file, client, type, json);
        }
    }

    /** A comment to every page, so that no connection is closed for being idle. */
    void ping() {
        clients.forEach((file, open) -> open.forEach(client -> {
            synchronized (client) {
                if (client.terminated()) {
                    remove(file, client);
                } else {
                    client.sendComment("ping");
                }
            }
        }));
    }

    /** Ends every stream (the server is stopping). */
    void closeAll() {
        clients.values().forEach(open -> open.forEach(client -> {
            synchronized (client) {
                client.close();
            }
        }));
        clients.clear();
    }

    private static String json(Object data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(String file, SseClient client, String type, String json) {
        synchronized (client) {
            if (client.terminated()) {
                remove(file, client);
                return;
            }
            client.sendEvent(type, json);
        }
    }

    private void remove(String file, SseClient client) {
        Set<SseClient> open = clients.get(file);
        if (open != null) {
            open.remove(client);
        }
    }
}
