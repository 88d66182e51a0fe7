package dev.tollgate.internal.report;

import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.report.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second line of defence against secrets in reports. The HTTP layer redacts exchanges before
 * it makes them; this catches what a hand-written client or a model's own text let through. The
 * rules are the {@link Redactor}'s, so a name is secret in a report exactly when it is secret on
 * the wire.
 */
public final class Redaction {
  public static final String REDACTED = Redactor.MASK;

  private Redaction() {}

  /** Whether a header, property or field of this name usually holds a secret. */
  public static boolean looksSecret(String name) {
    return Redactor.isSecretName(name);
  }

  /** A text with secret fields and parameters and passwords in URLs blanked out. */
  public static String text(String text) {
    return Redactor.text(text);
  }

  public static Exchange exchange(Exchange e) {
    return new Exchange(
        e.method(), text(e.target()), headers(e.requestHeaders()), text(e.requestBody()),
        e.status(), headers(e.responseHeaders()), text(e.responseBody()), e.latency(),
        text(e.error()));
  }

  private static Map<String, List<String>> headers(Map<String, List<String>> headers) {
    return headers == null ? Map.of() : Redactor.headers(headers, Set.of());
  }
}
