package dev.tollgate.http;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.http.CookieJar;
import dev.tollgate.internal.http.Json;
import dev.tollgate.internal.http.ReceivedResponse;
import dev.tollgate.internal.http.Reportable;
import dev.tollgate.internal.http.Transport;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.internal.secrets.Secrets;
import dev.tollgate.report.Exchange;
import dev.tollgate.report.Traced;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * One user's HTTP session against the system: the base URL, the user's own credentials (a bearer
 * token, Basic credentials or any other {@code Authorization} scheme), session headers such as an
 * API key, and cookies. Every request is recorded (redacted, with its latency) for the step's
 * report; every credential it sends is masked by value wherever it shows up. What it holds can
 * be taken as a {@link Session} value ({@link #session()}), and a request can be sent with any
 * session a model kept ({@link #with(Session)}): a second token, or a stale one after logout.
 *
 * <p>Sessions share their {@link HttpSystem}'s one HTTP client, so they reuse its
 * connections; a session itself is cheap. It is not thread-safe: one user acts at a time.
 */
public final class Http implements Traced, AutoCloseable {
  private static final String JSON_TYPE = "application/json";

  private final Transport transport;
  private final CookieJar cookies = new CookieJar();
  /** Shared with the views {@link #with(Session)} makes, so their exchanges reach the step. */
  private final List<Exchange> recorded;
  /** Every token and cookie value this session (and its views) has held, scrubbed wherever it shows up. */
  private final Set<String> secrets;
  /** Whether this is a view made by {@link #with(Session)}; its close leaves the recording alone. */
  private final boolean view;
  /** The scheme of {@link #authorization}, e.g. "Bearer"; null when none is set. */
  private String scheme;
  /** The credential after the scheme, e.g. the token; null when none is set. */
  private String credential;
  private final Map<String, String> sessionHeaders = new LinkedHashMap<>();

  Http(Transport transport) {
    this(transport, new ArrayList<>(), new LinkedHashSet<>(), false);
  }

  private Http(Transport transport, List<Exchange> recorded, Set<String> secrets, boolean view) {
    this.transport = transport;
    this.recorded = recorded;
    this.secrets = secrets;
    this.view = view;
  }

  public Response get(String path) {
    return send("GET", path, List.of(), null);
  }

  public Response delete(String path) {
    return send("DELETE", path, List.of(), null);
  }

  /** Body: a Map, List, record or bean (written by Jackson), a String of raw JSON, or null. */
  public Response post(String path, Object body) {
    return send("POST", path, List.of(), body);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, List.of(), body);
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, List.of(), body);
  }

  /** A request with any method and extra headers: {@code .header(..).body(..).send()}. */
  public Request request(String method, String path) {
    return new Builder(method, path);
  }

  /**
   * The session this {@code Http} holds now, as a value: its credential, session headers and
   * cookies. Keep it to send later with {@link #with(Session)}, say after a second login or a
   * logout (a stale session).
   */
  public Session session() {
    return new Session(scheme, credential, sessionHeaders, cookies.snapshot());
  }

  /**
   * Makes {@code session} this one's own from now on: its credential, session headers and cookies
   * replace what this {@code Http} held ({@link Session#NONE} clears them all).
   */
  public void use(Session session) {
    Objects.requireNonNull(session, "session");
    this.scheme = session.scheme();
    this.credential = session.credential();
    sessionHeaders.clear();
    sessionHeaders.putAll(session.headers());
    cookies.replaceWith(session.cookies());
    secrets.addAll(session.secrets());
  }

  /**
   * An {@code Http} that sends with {@code session} instead of this one's own credential, session
   * headers and cookies: {@code http.with(staleSession).get("/todos")}. It shares this one's base
   * URL, connections and recording, so its exchanges show in the step's report (masked). This
   * {@code Http} is left as it was: cookies the server sets in answer stay in the returned one
   * (its {@link #session()} has them).
   */
  public Http with(Session session) {
    Http other = new Http(transport, recorded, secrets, true);
    other.use(session);
    return other;
  }

  /** Sends {@code Authorization: Bearer <token>} on every later request; {@code null} clears. */
  public void bearer(String token) {
    authorization("Bearer", token);
  }

  /** The bearer token this session sends, or {@code null} (also when another scheme is set). */
  public String bearer() {
    return "Bearer".equals(scheme) ? credential : null;
  }

  /**
   * Sends {@code Authorization: Basic base64(user:password)} (RFC 7617, UTF-8) on every later
   * request; a {@code null} user clears. The password and the encoded credentials are masked by
   * value in every report and message.
   */
  public void basic(String user, String password) {
    if (user == null) {
      authorization(null, null);
      return;
    }
    if (user.indexOf(':') >= 0) {
      throw new TollgateConfigurationException(
          "Expected a Basic user name without ':', but found '" + user + "'. RFC 7617 splits the"
              + " credentials at the first ':', so the server would read another user. Use a user"
              + " name without ':' or send the header yourself with authorization(\"Basic\", ..).");
    }
    String pass = password == null ? "" : password;
    if (!pass.isEmpty()) {
      Secrets.register(pass);
      secrets.add(pass);
    }
    authorization("Basic", Base64.getEncoder()
        .encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Sends {@code Authorization: <scheme> <credential>} on every later request, for schemes other
   * than Bearer and Basic (e.g. {@code authorization("Token", jwt)}); a {@code null} credential
   * clears. The credential is masked by value in every report and message.
   */
  public void authorization(String scheme, String credential) {
    if (credential == null) {
      this.scheme = null;
      this.credential = null;
      return;
    }
    this.scheme = checkedScheme(scheme);
    this.credential = credential;
    secrets.add(credential);
    Secrets.register(credential);
  }

  /**
   * Sends the header {@code name: value} on every later request of this session, e.g. an API key
   * ({@code header("X-API-Key", key)}); a {@code null} value removes it. A header given to one
   * {@link #request(String, String) request} wins over it. Values of secret-named headers (key,
   * token, secret, password, auth …) are masked by value in every report and message.
   */
  public void header(String name, String value) {
    // Header names are case-insensitive: one set under another case replaces it.
    sessionHeaders.keySet().removeIf(key -> key.equalsIgnoreCase(name));
    if (value == null) {
      return;
    }
    sessionHeaders.put(name, value);
    List<String> hidden = Redactor.credentials(name, value);
    secrets.addAll(hidden);
    Secrets.registerAll(hidden);
  }

  static String checkedScheme(String scheme) {
    if (scheme == null || !Transport.isToken(scheme)) {
      throw new TollgateConfigurationException(
          "Expected an Authorization scheme such as Bearer, Basic or Token, but found '" + scheme
              + "'. A scheme is one word of letters, digits and !#$%&'*+-.^_`|~ (RFC 9110).");
    }
    return scheme;
  }

  /** The value of the cookie {@code name} the server set in this session, or {@code null}. */
  public String cookie(String name) {
    return cookies.get(name);
  }

  public URI baseUrl() {
    return transport.baseUrl();
  }

  @Override
  public List<Exchange> drainExchanges() {
    if (recorded.isEmpty()) {
      return List.of();
    }
    List<Exchange> out = new ArrayList<>(recorded.size());
    for (Exchange raw : recorded) {
      out.add(Reportable.of(raw, secrets));
    }
    recorded.clear();
    return out;
  }

  /**
   * Forgets the session: credentials, session headers, cookies and anything recorded but not
   * drained. A view from {@link #with(Session)} forgets only its own session.
   */
  @Override
  public void close() {
    scheme = null;
    credential = null;
    sessionHeaders.clear();
    cookies.clear();
    if (!view) {
      recorded.clear();
    }
  }

  private Response send(String method, String path, List<String[]> extra, Object body) {
    URI uri = transport.resolve(method, path);
    String json = Json.write(body, method, path);
    HttpUriRequestBase request = Transport.request(method, uri);
    Map<String, List<String>> sent = new LinkedHashMap<>();
    // A header given for one request wins over what the session would send by itself.
    boolean typed = has(extra, "Content-Type");
    for (Map.Entry<String, String> header : transport.headers()) {
      typed |= header.getKey().equalsIgnoreCase("Content-Type");
      add(request, sent, header.getKey(), header.getValue());
    }
    if (json != null && !typed) {
      add(request, sent, "Content-Type", JSON_TYPE);
    }
    for (Map.Entry<String, String> header : sessionHeaders.entrySet()) {
      if (!has(extra, header.getKey())) {
        add(request, sent, header.getKey(), header.getValue());
      }
    }
    if (credential != null && !has(extra, "Authorization")) {
      add(request, sent, "Authorization", scheme + " " + credential);
    }
    String cookie = cookies.header();
    if (cookie != null && !has(extra, "Cookie")) {
      add(request, sent, "Cookie", cookie);
    }
    for (String[] header : extra) {
      add(request, sent, header[0], header[1]);
    }
    long start = System.nanoTime();
    Transport.Reply response;
    try {
      response = transport.send(
          request, json == null ? null : json.getBytes(StandardCharsets.UTF_8), method, path);
    } catch (AssertionError e) {
      recorded.add(new Exchange(
          method, path, sent, json, 0, Map.of(), null,
          Duration.ofNanos(System.nanoTime() - start), e.getMessage()));
      throw e;
    }
    long latency = System.nanoTime() - start;
    List<String> setCookies = response.headers().allValues("Set-Cookie");
    if (!setCookies.isEmpty()) {
      cookies.receive(setCookies);
      secrets.addAll(cookies.values());
    }
    ReceivedResponse received =
        new ReceivedResponse(method + " " + path, response.statusCode(), response.headers(),
            response.body());
    recorded.add(new Exchange(
        method, path, sent, json, response.statusCode(), response.headers().map(),
        received.body(), Duration.ofNanos(latency), null));
    return received;
  }

  private static boolean has(List<String[]> headers, String name) {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static void add(
      HttpUriRequestBase request, Map<String, List<String>> sent, String name, String value) {
    Secrets.registerAll(Redactor.credentials(name, value));
    Transport.header(request, name, value);
    sent.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
  }

  /** The request {@link #request(String, String)} hands out. */
  private final class Builder implements Request {
    private final String method;
    private final String path;
    private final List<String[]> headers = new ArrayList<>();
    private Object body;

    Builder(String method, String path) {
      this.method = method;
      this.path = path;
    }

    @Override
    public Request header(String name, String value) {
      headers.add(new String[] {name, value});
      return this;
    }

    @Override
    public Request body(Object value) {
      this.body = value;
      return this;
    }

    @Override
    public Response send() {
      return Http.this.send(method, path, headers, body);
    }
  }
}
