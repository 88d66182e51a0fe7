package dev.tollgate.http;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.http.Transport;
import dev.tollgate.internal.module.Addressed;
import dev.tollgate.model.User;
import dev.tollgate.runner.SystemUnderTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The system under test, reached over HTTP: a fresh {@link Http} session per user per program,
 * and a reset hook run before every program.
 *
 * <p>All sessions share one HTTP client, so connections are kept alive across users
 * and programs; per-user state (token, cookies) lives in each {@link Http}.
 */
public final class HttpSystem implements SystemUnderTest<Http>, Addressed {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final URI baseUrl;
  private ResetAction reset = () -> {};
  private Duration timeout = DEFAULT_TIMEOUT;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>();
  private CloseableHttpClient client;
  private long maxBodyBytes;

  private HttpSystem(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The system at {@code baseUrl}, e.g. {@code http://127.0.0.1:8080} (paths are appended). */
  public static HttpSystem at(URI baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
        || baseUrl.getHost() == null) {
      throw new TollgateConfigurationException(
          "HttpSystem.at(" + baseUrl + "): expected an absolute http or https URL with a host,"
              + " e.g. URI.create(\"http://127.0.0.1:8080\").");
    }
    return new HttpSystem(baseUrl);
  }

  /** {@link #at(URI)} from text. */
  public static HttpSystem at(String baseUrl) {
    try {
      return at(URI.create(baseUrl));
    } catch (IllegalArgumentException e) {
      throw new TollgateConfigurationException(
          "HttpSystem.at(\"" + baseUrl + "\"): not a URI (" + e.getMessage() + "). Expected"
              + " e.g. \"http://127.0.0.1:8080\".",
          e);
    }
  }

  /** What {@link #reset()} does before every program: truncate tables, reset stubs, and so on. */
  public HttpSystem onReset(ResetAction action) {
    this.reset = Objects.requireNonNull(action, "action");
    return this;
  }

  /** How long one request may wait for its response (default 5 s) before its step fails. */
  public synchronized HttpSystem timeout(Duration perRequest) {
    if (perRequest == null || perRequest.isNegative() || perRequest.isZero()) {
      throw new TollgateConfigurationException(
          "HttpSystem.timeout(" + perRequest + "): expected a positive duration, e.g."
              + " Duration.ofSeconds(5).");
    }
    this.timeout = perRequest;
    this.client = null;
    return this;
  }

  /** A header sent on every request of every session (a test marker, say). */
  public synchronized HttpSystem header(String name, String value) {
    headers.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value,
        "value")));
    return this;
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public void reset() throws Exception {
    reset.reset();
  }

  @Override
  public Http client(User user) {
    return session();
  }

  /** A fresh session not tied to a user: for set-up, or an invariant that looks as an admin. */
  public synchronized Http session() {
    if (client == null) {
      maxBodyBytes = Transport.maxBodyBytes();
      client = Transport.newClient(timeout);
    }
    return new Http(new Transport(client, baseUrl, timeout, headers, maxBodyBytes));
  }
}
