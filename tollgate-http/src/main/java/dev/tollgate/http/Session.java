package dev.tollgate.http;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.internal.secrets.Secrets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session as a value: the credential, session headers and cookies that one login gave. A user
 * can hold several (log in twice, keep both tokens), pick one for a request, and keep a stale one
 * to try after logout:
 *
 * <pre>{@code
 * Session first = Session.bearer(http.post("/sessions", credentials).path("token"));
 * http.with(first).get("/todos");          // this request with that session
 * Session current = http.session();        // what the user's own session holds now
 * http.use(first);                         // make it the user's own from now on
 * }</pre>
 *
 * <p>The user's own {@link Http} session stays the easy default; a {@code Session} is for models
 * that keep sessions in their state (as references, since each is known only once its login ran).
 * It is immutable, equal to another with the same contents, and its credentials are masked by
 * value in every report and message, its {@link #toString()} included.
 */
public final class Session {
  /** No credential, no header, no cookie: an anonymous visitor. */
  public static final Session NONE = new Session(null, null, Map.of(), Map.of());

  /** The Authorization scheme, e.g. "Bearer"; null when there is no credential. */
  private final String scheme;
  private final String credential;
  private final Map<String, String> headers;
  private final Map<String, String> cookies;

  Session(String scheme, String credential, Map<String, String> headers,
      Map<String, String> cookies) {
    this.scheme = credential == null ? null : scheme;
    this.credential = credential;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.cookies = Collections.unmodifiableMap(new LinkedHashMap<>(cookies));
    Secrets.registerAll(secrets());
  }

  /** {@code Authorization: Bearer <token>}; a null token gives {@link #NONE}. */
  public static Session bearer(String token) {
    return authorization("Bearer", token);
  }

  /**
   * {@code Authorization: <scheme> <credential>}, e.g. {@code authorization("Token", jwt)}; a null
   * credential gives {@link #NONE}.
   */
  public static Session authorization(String scheme, String credential) {
    if (credential == null) {
      return NONE;
    }
    return new Session(Http.checkedScheme(scheme), credential, Map.of(), Map.of());
  }

  /** The cookie {@code name=value}, as a server's {@code Set-Cookie} would leave it. */
  public static Session cookie(String name, String value) {
    return NONE.withCookie(name, value);
  }

  /** The header {@code name: value} on every request, e.g. an API key. */
  public static Session header(String name, String value) {
    return NONE.withHeader(name, value);
  }

  /** This session with the cookie {@code name=value} too. */
  public Session withCookie(String name, String value) {
    requireName("cookie", name);
    Map<String, String> more = new LinkedHashMap<>(cookies);
    more.put(name, Objects.requireNonNull(value, "value"));
    return new Session(scheme, credential, headers, more);
  }

  /** This session with the header {@code name: value} too (replacing one of that name, any case). */
  public Session withHeader(String name, String value) {
    requireName("header", name);
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.keySet().removeIf(key -> key.equalsIgnoreCase(name));
    more.put(name, Objects.requireNonNull(value, "value"));
    return new Session(scheme, credential, more, cookies);
  }

  private static void requireName(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new TollgateConfigurationException(
          "A session " + what + " has no name: expected e.g. Session." + what + "(\""
              + (what.equals("cookie") ? "sid" : "X-API-Key") + "\", value).");
    }
  }

  /** The bearer token, or {@code null} (also when another scheme is used). */
  public String bearer() {
    return "Bearer".equals(scheme) ? credential : null;
  }

  /** The Authorization scheme ("Bearer", "Token", …), or {@code null} when there is none. */
  public String scheme() {
    return scheme;
  }

  /** The credential after the scheme, or {@code null}. */
  public String credential() {
    return credential;
  }

  /** The value of the cookie {@code name}, or {@code null}. */
  public String cookie(String name) {
    return cookies.get(name);
  }

  /** The session headers, in the order they were set. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The cookies, in the order they were set. */
  public Map<String, String> cookies() {
    return cookies;
  }

  /** Whether this session carries nothing: no credential, no header, no cookie. */
  public boolean isEmpty() {
    return credential == null && headers.isEmpty() && cookies.isEmpty();
  }

  /** The values to mask wherever they show up: the credential, cookies, secret-named headers. */
  List<String> secrets() {
    List<String> out = new ArrayList<>();
    if (credential != null) {
      out.addAll(Redactor.credentials("Authorization", scheme + " " + credential));
    }
    out.addAll(cookies.values());
    headers.forEach((name, value) -> out.addAll(Redactor.credentials(name, value)));
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Session that && Objects.equals(scheme, that.scheme)
        && Objects.equals(credential, that.credential) && headers.equals(that.headers)
        && cookies.equals(that.cookies);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, credential, headers, cookies);
  }

  /** Shows what the session holds with every credential masked: {@code Session[Bearer [redacted: 36 chars]]}. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "Session[none]";
    }
    List<String> parts = new ArrayList<>();
    if (credential != null) {
      parts.add(scheme + " " + Redactor.mask(credential));
    }
    headers.forEach((name, value) -> parts.add(name + ": "
        + (Redactor.credentials(name, value).isEmpty() ? value : Redactor.mask(value))));
    cookies.forEach((name, value) -> parts.add("cookie " + name + "=" + Redactor.mask(value)));
    return "Session[" + String.join(", ", parts) + "]";
  }
}
