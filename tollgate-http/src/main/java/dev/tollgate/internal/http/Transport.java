package dev.tollgate.internal.http;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.net.HttpClients;
import dev.tollgate.internal.text.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How requests reach the system: the one shared JDK {@code HttpClient} (so every user's session
 * reuses the same kept-alive connections), the base URL, the per-request timeout and the headers
 * sent on every request. Turns I/O failures into messages that say what to do.
 */
public final class Transport {
  private final HttpClient client;
  private final URI baseUrl;
  private final String base;
  private final Duration timeout;
  private final List<Map.Entry<String, String>> headers;
  private final BodyCap bodies;

  /** With bodies capped at {@code maxBodyBytes}; more is a harness fault, not a failed check. */
  public Transport(
      HttpClient client, URI baseUrl, Duration timeout, List<Map.Entry<String, String>> headers,
      long maxBodyBytes) {
    this.bodies = new BodyCap(maxBodyBytes);
    this.client = client;
    this.baseUrl = baseUrl;
    String text = baseUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.timeout = timeout;
    this.headers = List.copyOf(headers);
  }

  /**
   * A client for {@link Transport}s: HTTP/1.1 (no h2c upgrade dance), redirects left to tests, TLS
   * set up on the first https:// request only, no thread pool of its own.
   */
  public static HttpClient newClient(Duration connectTimeout) {
    return HttpClients.builder()
        // The client's own work runs on its selector thread, not handed to a pool thread per
        // response: on a 2-core machine that hop cost about a quarter of a loopback request
        // (median 365 us against 505 us, and the peer benchmark's bug-free check of 300
        // programs took 5.5 s against 7.2 s). Nothing on that thread blocks: the body handler
        // only gathers bytes, and JSON is read by the caller.
        .executor(Runnable::run)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The body cap from {@code -Dtollgate.maxBodyBytes} (default 16 MiB). */
  public static long maxBodyBytes() {
    return BodyCap.fromSettings();
  }

  public Duration timeout() {
    return timeout;
  }

  /** Headers sent on every request, in order. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The absolute URI of {@code path}: appended to the base URL, unless it is absolute itself. */
  public URI resolve(String method, String path) {
    if (path == null) {
      throw new TollgateConfigurationException(
          method + " was given no path. Expected a path such as \"/todos\".");
    }
    String target =
        path.startsWith("http://") || path.startsWith("https://")
            ? path
            : base + (path.startsWith("/") || path.isEmpty() ? "" : "/") + path;
    try {
      return URI.create(target);
    } catch (IllegalArgumentException e) {
      throw new TollgateConfigurationException(
          method + " " + path + ": '" + target + "' is not a valid URI (" + e.getMessage()
              + "). Expected an encoded path; encode generated parts with"
              + " URLEncoder.encode(value, StandardCharsets.UTF_8).",
          e);
    }
  }

  /**
   * Sends {@code request}; {@link Deadlines} bounds the whole exchange, headers and body, by the
   * timeout. A failure to get a response is an AssertionError that says why. The blocking {@code
   * send} is used on purpose: on JDK 17 it costs about half of {@code sendAsync(..).get(..)},
   * which hops threads once more. Requests carry no JDK timeout of their own: it bounds only the
   * headers, and each one registers a timer with the client's selector thread, which cost about
   * 4% of a loopback round trip in {@code HttpBench}.
   */
  public HttpResponse<byte[]> send(HttpRequest request, String method, String path) {
    Deadlines.Call deadline = Deadlines.watch(System.nanoTime() + timeout.toNanos());
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, bodies);
    } catch (InterruptedException e) {
      if (deadline.finish(true)) {
        throw new AssertionError(noResponse(method, path), e);
      }
      Thread.currentThread().interrupt();
      throw new AssertionError(
          method + " " + path + " was interrupted while waiting for " + base + ".", e);
    } catch (IOException | RuntimeException e) {
      deadline.finish(false);
      BodyCap.TooLarge tooLarge = BodyCap.in(e);
      if (tooLarge != null) {
        throw tooLarge.fault(method, path, base);
      }
      throw failure(method, path, e);
    }
    deadline.finish(false);
    return response;
  }

  private AssertionError failure(String method, String path, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return new AssertionError(noResponse(method, path), cause);
      }
      if (t instanceof ConnectException) {
        return new AssertionError(
            method + " " + path + " could not connect to " + base + ": connection refused."
                + " Expected the app to listen there; it may be down, still starting, or on"
                + " another port (check HttpSystem.at(..) and the app's log).",
            cause);
      }
    }
    String kind = cause instanceof IOException ? "the connection failed" : "the request failed";
    return new AssertionError(
        method + " " + path + " got no response from " + base + ": " + kind + " (" + cause
            + "). The app may have crashed or closed the connection; check its log.",
        cause);
  }

  private String noResponse(String method, String path) {
    return method + " " + path + " got no response within " + show(timeout) + " from " + base
        + "; the app may hang or be overloaded; raise HttpSystem.timeout(..) if it is just slow";
  }

  /** {@code 5 s}, {@code 300 ms}, {@code 1.5 s}. */
  public static String show(Duration duration) {
    return Durations.show(duration);
  }
}
