package dev.tollgate.internal.gate;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts the chat text to a Slack-compatible webhook ({@code {"text": ...}}). A chat outage
 * must not change a deploy decision, so every failure comes back as a warning instead.
 */
public final class WebhookNotifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookNotifier() {
    }

    /** Returns a warning when the post failed; the URL is never echoed, since it is a secret. */
    public static Optional<String> post(URI webhook, String text, Duration timeout) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpRequest request = HttpRequest.newBuilder(webhook)
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text)),
                            StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return Optional.of("the chat webhook answered HTTP " + response.statusCode()
                        + " (expected 2xx), so chat was not notified; the verdict stands. Fix: check the"
                        + " webhook URL in " + GateConfig.WEBHOOK_ENV + " or " + GateConfig.WEBHOOK_URL + ".");
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("posting to the chat webhook was interrupted; the verdict stands.");
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("posting to the chat webhook failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replace(webhook.toString(), "<webhook>"))
                    + "; timeout " + timeout.toMillis() + " ms), so chat was not notified; the verdict stands.");
        }
    }
}
