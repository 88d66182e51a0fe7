package dev.tollgate.internal.environment;

import dev.tollgate.environment.Readiness;
import dev.tollgate.internal.net.HttpClients;
import dev.tollgate.internal.text.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls until the app is ready in the sense of its {@link Readiness}, the deadline passes, or the
 * app is found dead; then says what it probed and what it last saw.
 */
final class ReadinessProbe {
  /** How a probe ended. */
  enum Outcome { READY, DIED, TIMED_OUT }

  private static final Duration PAUSE = Duration.ofMillis(25);
  private static final int BODY_CHARS = 200;
  /** A port probe: a server holds an accepted connection open this long; a proxy with nothing behind it closes it. */
  private static final int HOLD_MILLIS = 150;
  private final HttpClient client = HttpClients.builder().connectTimeout(Duration.ofSeconds(1)).build();
  private final Readiness readiness;
  private final URI target;
  private volatile String lastAnswer = "no answer yet";
  private volatile int lastStatus = -1;

  /** Probes {@code readiness} on the app at {@code baseUrl} (its path is resolved against it). */
  ReadinessProbe(Readiness readiness, URI baseUrl) {
    this.readiness = readiness;
    String base = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
        : baseUrl.toString();
    this.target = readiness.path() == null ? baseUrl : URI.create(base + readiness.path());
  }

  Outcome await(Duration timeout, BooleanSupplier alive) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(2)).GET().build();
    while (true) {
      if (!alive.getAsBoolean()) {
        return Outcome.DIED;
      }
      try {
        if (readiness.path() == null ? portAccepts() : answers(request)) {
          return Outcome.READY;
        }
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

  private boolean answers(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    String body = new String(response.body(), StandardCharsets.UTF_8);
    body = body.length() > BODY_CHARS ? body.substring(0, BODY_CHARS) + "…" : body;
    lastStatus = response.statusCode();
    lastAnswer = "HTTP " + response.statusCode() + (body.isBlank() ? "" : " " + Printable.line(body.strip()));
    return readiness.accepts(new Readiness.Answer(response.statusCode(), body));
  }

  private boolean portAccepts() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 1000);
      socket.setSoTimeout(HOLD_MILLIS);
      InputStream in = socket.getInputStream();
      try {
        if (in.read() < 0) {
          lastAnswer = "a connection that was closed at once (a proxy with nothing listening behind it)";
          return false;
        }
      } catch (SocketTimeoutException heldOpen) {
        // Accepted and waiting for the client to speak: a server is listening.
      }
      return true;
    }
  }

  /** The last thing the probe saw, for messages: {@code HTTP 401 {"error":"unauthorized"}} or {@code ConnectException}. */
  String lastAnswer() {
    return lastAnswer;
  }

  /** What was probed: {@code GET http://127.0.0.1:4711/health answers 2xx}. */
  String probed() {
    return readiness.path() == null
        ? "port " + target.getPort() + " on " + target.getHost() + " accepts a connection"
        : "GET " + target + readiness.describe().substring(readiness.describe().indexOf(" answers "));
  }

  /** The end of a timeout message: what was probed, what was last seen, and how to fix it. */
  String timedOut(Duration timeout) {
    StringBuilder out = new StringBuilder("Expected ").append(probed()).append(" within ").append(timeout.toMillis())
        .append(" ms, but the last probe got: ").append(lastAnswer).append(". ");
    if (lastStatus >= 0 && readiness.path() != null) {
      String accept = "App.readyWhen(Readiness.http(\"" + readiness.path() + "\").withStatus(200, " + lastStatus
          + ")), or .anyStatus(), or Readiness.port()";
      if (lastStatus == 401 || lastStatus == 403) {
        out.append("The app answers HTTP, so it is up: ").append(readiness.path()).append(" wants credentials (a")
            .append(" protected health check). Accept that answer: ").append(accept).append("; or point readyWhen(..)")
            .append(" at a public path.");
      } else {
        out.append("The app answers HTTP, so it is running. If ").append(lastStatus).append(" means up, accept it: ")
            .append(accept).append("; if it reports itself unhealthy, fix what its health check depends on, or raise")
            .append(" App.startTimeout(..) if it is only slow.");
      }
    } else {
      out.append("Nothing answered there yet: check that the app listens on the port it is given, or raise")
          .append(" App.startTimeout(..) if it is only slow.");
    }
    return out.toString();
  }
}
