package dev.tollgate.internal.http;

import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.report.Exchange;
import java.util.Collection;

/**
 * Turns an exchange as sent and received into one fit for a report: redacted and with bodies cut.
 * Sessions keep raw exchanges and call this only when the runner drains them, so the work is done
 * once per step, and redaction then knows every secret the session learned in that step (a token
 * the login response just handed out, say).
 */
public final class Reportable {
  /** Bodies longer than this many characters are cut in reports. */
  public static final int BODY_LIMIT = 8 * 1024;

  private Reportable() {}

  public static Exchange of(Exchange raw, Collection<String> secrets) {
    Exchange redacted = Redactor.exchange(raw, secrets);
    return new Exchange(
        redacted.method(), redacted.target(), redacted.requestHeaders(),
        cut(redacted.requestBody()), redacted.status(), redacted.responseHeaders(),
        cut(redacted.responseBody()), redacted.latency(), redacted.error());
  }

  /** Keeps the first {@link #BODY_LIMIT} characters and says how long the whole body was. */
  static String cut(String body) {
    if (body == null || body.length() <= BODY_LIMIT) {
      return body;
    }
    int end = Character.isHighSurrogate(body.charAt(BODY_LIMIT - 1)) ? BODY_LIMIT - 1 : BODY_LIMIT;
    return body.substring(0, end)
        + String.format("… [cut: %,d of %,d characters shown]", end, body.length());
  }
}
