package dev.tollgate.internal.http;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.net.HttpClients;
import dev.tollgate.internal.text.Durations;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * How requests reach the system: the one shared client (so every user's session reuses the same
 * kept-alive connections), the base URL, the per-request timeout and the headers sent on every
 * request. Turns I/O failures into messages that say what to do.
 *
 * <p>The client is Apache HttpClient's classic one: a request is written and its answer read on
 * the caller's thread, with no selector thread to hand it to and back. Against the JDK's {@code
 * HttpClient}, whose every exchange passes through that thread, the peer benchmark's checks took
 * about a quarter less time, most of it in a fresh JVM's first seconds (less code to run
 * interpreted and to compile).
 */
public final class Transport {
  /** Connections per system: more than a check's users and parallel branches ever hold. */
  private static final int MAX_CONNECTIONS = 1024;
  /** Set by the client itself, as the JDK's HttpClient refuses them too. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  /** Methods that send no body unless given one; others send an empty one (Content-Length: 0). */
  private static final Set<String> BODILESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

  private final CloseableHttpClient client;
  private final URI baseUrl;
  private final String base;
  private final Duration timeout;
  private final List<Map.Entry<String, String>> headers;
  private final BodyCap bodies;

  /** With bodies capped at {@code maxBodyBytes}; more is a harness fault, not a failed check. */
  public Transport(
      CloseableHttpClient client, URI baseUrl, Duration timeout,
      List<Map.Entry<String, String>> headers, long maxBodyBytes) {
    this.bodies = new BodyCap(maxBodyBytes);
    this.client = client;
    this.baseUrl = baseUrl;
    String text = baseUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.timeout = timeout;
    this.headers = List.copyOf(headers);
  }

  /**
   * A client for {@link Transport}s: HTTP/1.1, redirects, cookies and compression left to tests
   * (a request is sent once, as the model said, and its answer seen as the app sent it; see
   * {@link ResendReadsOnce} for the one exception), TLS set up on the first https:// connection
   * only. {@code timeout} bounds the connect and each read; {@link Deadlines} bounds the whole
   * exchange.
   */
  public static CloseableHttpClient newClient(Duration timeout) {
    Timeout limit = Timeout.of(timeout);
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                .setSslContext(HttpClients.deferredDefault()).buildClassic())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(limit)
                .setSocketTimeout(limit)
                // A kept-alive connection idle this long is checked before reuse, so a request
                // is not sent on one the app has closed (it would not be sent again).
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build())
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .setMaxConnTotal(MAX_CONNECTIONS)
            .build();
    return org.apache.hc.client5.http.impl.classic.HttpClients.custom()
        .setConnectionManager(connections)
        .setUserAgent("Tollgate")
        .setRetryStrategy(new ResendReadsOnce())
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableContentCompression()
        .disableAuthCaching()
        .disableConnectionState()
        .build();
  }

  /**
   * Sends a GET or HEAD once more when the connection it went out on was closed before any of
   * the answer came (a kept-alive connection the app had just closed), as the JDK's client does;
   * nothing else is sent twice, and no answer is retried, a 503 or a 429 included: the model
   * must see each as the app gave it.
   */
  private static final class ResendReadsOnce extends DefaultHttpRequestRetryStrategy {
    ResendReadsOnce() {
      super(1, TimeValue.ZERO_MILLISECONDS,
          List.of(InterruptedIOException.class, UnknownHostException.class, ConnectException.class,
              NoRouteToHostException.class, SSLException.class),
          List.of());
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount,
        HttpContext context) {
      return exception instanceof NoHttpResponseException
          && super.retryRequest(request, exception, execCount, context);
    }

    @Override
    protected boolean handleAsIdempotent(HttpRequest request) {
      String method = request.getMethod();
      return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
    }
  }

  /** A request to {@code uri}, to give headers with {@link #header} and send with {@link #send}. */
  public static HttpUriRequestBase request(String method, URI uri) {
    return new HttpUriRequestBase(method, uri);
  }

  /**
   * Adds a header to {@code request}, or says why it cannot be sent: its name must be an HTTP
   * token, its value free of control characters and of characters past U+00FF, and the client
   * sets Host, Connection, Content-Length, Expect and Upgrade itself.
   */
  public static void header(HttpUriRequestBase request, String name, String value) {
    String why = RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) ? "the client sets it itself"
        : !isToken(name) ? "its name is not an HTTP token"
        : !isFieldValue(value) ? "its value holds a control character or one past U+00FF"
        : null;
    if (why != null) {
      throw new TollgateConfigurationException(
          "The header '" + name + ": " + value + "' cannot be sent: " + why + ". Expected a name"
              + " of letters, digits and !#$%&'*+-.^_`|~, and a value without control characters"
              + " (tab aside) or characters past U+00FF; Host, Connection, Content-Length,"
              + " Expect and Upgrade are set by the client.");
    }
    request.addHeader(name, value);
  }

  /** Whether {@code text} is an HTTP token (RFC 9110): a header name, an auth scheme. */
  public static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFieldValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xFF || c == 0x7F || c < 0x20 && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** An answer: its status, headers and whole body. */
  public record Reply(int statusCode, HttpHeaders headers, byte[] body) {}

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
   * Sends {@code request} with {@code body} (null: none), on the caller's thread. {@link
   * Deadlines} bounds the whole exchange, headers and body, by the timeout, and ends it if the
   * thread is interrupted. A failure to get a response is an AssertionError that says why.
   */
  public Reply send(HttpUriRequestBase request, byte[] body, String method, String path) {
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, null));
    } else if (!BODILESS.contains(method.toUpperCase(Locale.ROOT))) {
      request.setEntity(new ByteArrayEntity(new byte[0], null));
    }
    Deadlines.Call deadline =
        Deadlines.watch(System.nanoTime() + timeout.toNanos(), request::cancel);
    try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
      byte[] bytes;
      try {
        bytes = bodies.read(response.getEntity());
      } catch (BodyCap.TooLarge tooLarge) {
        request.cancel(); // closes the connection: the rest is never read
        throw tooLarge;
      }
      deadline.finish();
      return new Reply(response.getCode(), headersOf(response), bytes);
    } catch (BodyCap.TooLarge tooLarge) {
      deadline.finish();
      throw tooLarge.fault(method, path, base);
    } catch (IOException | RuntimeException e) {
      if (deadline.finish()) {
        throw new AssertionError(noResponse(method, path), e);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError(
            method + " " + path + " was interrupted while waiting for " + base + ".", e);
      }
      throw failure(method, path, e);
    }
  }

  private static HttpHeaders headersOf(ClassicHttpResponse response) {
    // Names in lower case, as HTTP/2 has them and as the JDK's client gave them.
    Map<String, List<String>> map = new TreeMap<>();
    for (Header header : response.getHeaders()) {
      map.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
          .add(header.getValue());
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }

  private AssertionError failure(String method, String path, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      // Socket and connect timeouts: the connect, or one read, took the whole timeout.
      if (t instanceof InterruptedIOException) {
        return new AssertionError(noResponse(method, path), cause);
      }
      if (t instanceof SSLException) {
        return new AssertionError(
            method + " " + path + " could not set up TLS with " + base + ": " + t.getMessage()
                + ". Expected a certificate this JVM trusts, for the host in the URL. For a test"
                + " server's own certificate, put it in a trust store and run with"
                + " -Djavax.net.ssl.trustStore=<file> (and -Djavax.net.ssl.trustStorePassword).",
            cause);
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
