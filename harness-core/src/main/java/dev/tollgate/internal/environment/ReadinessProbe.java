package dev.tollgate.internal.environment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls an HTTP path until it answers 2xx, the deadline passes, or the app is found dead. */
final class ReadinessProbe {
  /** How a probe ended. */
  enum Outcome { READY, DIED, TIMED_OUT }

  private static final Duration PAUSE = Duration.ofMillis(25);
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private volatile String lastAnswer = "no answer yet";

  Outcome await(URI url, Duration timeout, BooleanSupplier alive) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
    while (true) {
      if (!alive.getAsBoolean()) {
        return Outcome.DIED;
      }
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return Outcome.READY;
        }
        lastAnswer = "HTTP " + response.statusCode();
      } catch (IOException e) {
        lastAnswer = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.TIMED_OUT;
      }
      if (System.nanoTime() > deadline) {
        return Outcome.TIMED_OUT;
      }
      try {
        Thread.sleep(PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.TIMED_OUT;
      }
    }
  }

  /** The last thing the probe saw, for messages: {@code HTTP 503} or {@code ConnectException}. */
  String lastAnswer() {
    return lastAnswer;
  }
}
