package dev.tollgate.models;

import dev.tollgate.http.Response;
import java.math.BigDecimal;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/** The checks the reusable machines make, as opentest4j failures with expected and actual. */
final class Expect {
  private static final int BODY_SHOWN = 300;

  private Expect() {}

  static void status(String what, int expected, Response response) {
    if (response.status() != expected) {
      throw new AssertionFailedError(
          what + ": expected status " + expected + " but was " + response.status()
              + "; body: " + shorten(response.body()),
          expected, response.status());
    }
  }

  static void equal(String what, Object expected, Object actual, Response response) {
    if (!same(expected, actual)) {
      throw new AssertionFailedError(
          what + ": expected " + show(expected) + " but was " + show(actual) + "; body: "
              + shorten(response.body()),
          expected, actual);
    }
  }

  /** Equal, with JSON numbers of any width compared by value. */
  static boolean same(Object expected, Object actual) {
    if (expected instanceof Number a && actual instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(expected, actual);
  }

  private static String show(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String shorten(String body) {
    if (body == null) {
      return "(none)";
    }
    return body.length() <= BODY_SHOWN ? body : body.substring(0, BODY_SHOWN) + "…";
  }
}
