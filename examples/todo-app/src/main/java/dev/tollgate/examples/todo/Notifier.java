package dev.tollgate.examples.todo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the notifier service (a Slack-like webhook) about new todos. Calls are asynchronous and
 * bounded by the configured timeout: a slow or failing notifier is logged and counted, and never
 * slows down or fails the API answer.
 */
final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final URI endpoint;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient client;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    Notifier(URI baseUrl, Duration timeout, ObjectMapper mapper) {
        this.endpoint = baseUrl == null ? null : baseUrl.resolve(withSlash(baseUrl.getPath()) + "notify");
        this.timeout = timeout;
        this.mapper = mapper;
        this.client = baseUrl == null ? null : HttpClient.newBuilder()
                // Plain HTTP/1.1: webhook receivers need not understand an h2c upgrade.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    private static String withSlash(String path) {
        return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    }

    void todoAdded(Todo todo, User owner) {
        if (endpoint == null) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(new Notification("todo.added",
                    new Notification.TodoRef(todo.id(), todo.title()), owner.name()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a notification", e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                LOG.warn("notifier call for todo {} failed (timeout {} ms): {}", todo.id(), timeout.toMillis(),
                        error.toString());
            } else if (response.statusCode() >= 300) {
                failed.incrementAndGet();
                LOG.warn("notifier answered {} for todo {}", response.statusCode(), todo.id());
            } else {
                delivered.incrementAndGet();
            }
        });
    }

    /** The webhook's JSON body: what happened, to which todo, by whom; never a credential. */
    record Notification(String event, TodoRef todo, String owner) {
        record TodoRef(long id, String title) {
        }
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }
}
