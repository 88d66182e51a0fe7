package dev.tollgate.internal.report;

import dev.tollgate.report.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A second line of defence against secrets in reports. The HTTP layer redacts exchanges before
 * it makes them; this catches what a hand-written client or a new header name let through.
 */
public final class Redaction {
  public static final String REDACTED = "[redacted]";

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|passwd|secret|token|api[-_.]?key|credential|authorization|cookie"
              + "|session|private[-_.]?key|auth).*");
  private static final Pattern SECRET_JSON_FIELD =
      Pattern.compile(
          "(\"(?i:[a-z_-]*(?:password|passwd|secret|token|api[-_]?key|credential)[a-z_-]*)\""
              + "\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(://)[^/@\\s:]+:[^/@\\s]+@");

  private Redaction() {}

  /** Whether a header, property or field of this name usually holds a secret. */
  public static boolean looksSecret(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  /** A text with secret JSON fields and credentials in URLs blanked out. */
  public static String text(String text) {
    if (text == null) {
      return null;
    }
    String out = SECRET_JSON_FIELD.matcher(text).replaceAll("$1\"" + REDACTED + "\"");
    return URL_CREDENTIALS.matcher(out).replaceAll("$1" + REDACTED + "@");
  }

  public static Exchange exchange(Exchange e) {
    return new Exchange(
        e.method(), text(e.target()), headers(e.requestHeaders()), text(e.requestBody()),
        e.status(), headers(e.responseHeaders()), text(e.responseBody()), e.latency(),
        text(e.error()));
  }

  private static Map<String, List<String>> headers(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (headers == null) {
      return out;
    }
    headers.forEach((name, values) ->
        out.put(name, looksSecret(name) ? List.of(REDACTED) : List.copyOf(values)));
    return out;
  }
}
