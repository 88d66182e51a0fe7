package dev.tollgate.examples.todo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime feature flags, as teams run them with a flag service (LaunchDarkly, Unleash, an
 * in-house one): each decision asks {@code GET {FLAGS_URL}/flags/{flag}?user={name}}, which
 * answers {@code {"enabled": true|false}}, so a flag flips without a restart or a deploy. With no
 * {@code FLAGS_URL}, or when the service fails, the flag is what {@code TODO_APP_FLAGS} says, the
 * default a real flag SDK falls back to. There is no cache: a test stand-in answers at once, and
 * a flip shows on the next request.
 */
final class FlagService {
    private static final Logger LOG = LoggerFactory.getLogger(FlagService.class);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final Config config;
    private final URI baseUrl;
    private final ObjectMapper mapper;
    private final HttpClient client;

    FlagService(Config config, ObjectMapper mapper) {
        this.config = config;
        this.baseUrl = config.flagsUrl();
        this.mapper = mapper;
        this.client = baseUrl == null ? null : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** Whether {@code flag} is on for the user named {@code userName}. */
    boolean on(Flag flag, String userName) {
        if (client == null) {
            return config.has(flag);
        }
        String path = baseUrl.getPath() == null || baseUrl.getPath().isEmpty() || baseUrl.getPath().endsWith("/")
                ? baseUrl.getPath() : baseUrl.getPath() + "/";
        URI uri = baseUrl.resolve((path.isEmpty() ? "/" : path) + "flags/" + flag.flagName() + "?user="
                + URLEncoder.encode(userName, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode enabled = mapper.readTree(response.body()).get("enabled");
                if (enabled != null && enabled.isBoolean()) {
                    return enabled.booleanValue();
                }
            }
            LOG.warn("flag service: GET {} answered {} {}; using the default from TODO_APP_FLAGS", uri,
                    response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            LOG.warn("flag service: GET {} failed ({}); using the default from TODO_APP_FLAGS", uri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return config.has(flag);
    }
}
