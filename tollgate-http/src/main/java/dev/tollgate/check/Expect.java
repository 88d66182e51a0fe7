package dev.tollgate.check;

import dev.tollgate.http.Response;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Postcondition checks for HTTP answers that need no assertion library: each failure is an
 * opentest4j {@link AssertionFailedError} with expected and actual (so IDEs and the report show
 * them side by side) and the start of the body.
 *
 * <pre>{@code
 * .expect((state, res, title) -> {
 *   Expect.status(res, 201);
 *   Expect.field(res, "title", title);
 * })
 * }</pre>
 *
 * <p>JSON numbers are compared by value, whatever their width: {@code field(res, "id", 7)} holds
 * for a body {@code {"id": 7}}, read as a Long.
 */
public final class Expect {
  private static final int BODY_SHOWN = 300;

  private Expect() {}

  /** The response's status is {@code expected}. */
  public static void status(Response response, int expected) {
    status("status", expected, response);
  }

  /** As {@link #status(Response, int)}, with {@code what} (e.g. the command) leading the message. */
  public static void status(String what, int expected, Response response) {
    if (response.status() != expected) {
      throw new AssertionFailedError(
          what + ": expected status " + expected + " but was " + response.status() + "; body: "
              + shorten(response.body()),
          expected, response.status());
    }
  }

  /** The response's status is one of {@code expected}, e.g. {@code statusIn(res, 200, 204)}. */
  public static void statusIn(Response response, int... expected) {
    if (expected.length == 0) {
      throw new IllegalArgumentException("Expect.statusIn needs at least one status");
    }
    if (Arrays.stream(expected).noneMatch(s -> s == response.status())) {
      String set = Arrays.toString(expected);
      throw new AssertionFailedError(
          "status: expected one of " + set + " but was " + response.status() + "; body: "
              + shorten(response.body()),
          set, response.status());
    }
  }

  /**
   * The value at {@code path} in the JSON body ({@link Response#path(String)}: {@code "id"},
   * {@code "todo.title"}, {@code "items[0].id"}, {@code "items.size()"}) equals {@code expected};
   * {@code null} expects the path to lead nowhere or to JSON null.
   */
  public static void field(Response response, String path, Object expected) {
    equal(path, expected, response.path(path), response);
  }

  /** {@code actual} equals {@code expected} (numbers by value); {@code response} gives the body. */
  public static void equal(String what, Object expected, Object actual, Response response) {
    if (!same(expected, actual)) {
      throw new AssertionFailedError(
          what + ": expected " + show(expected) + " but was " + show(actual) + "; body: "
              + shorten(response.body()),
          expected, actual);
    }
  }

  /** Equal, with numbers of any width (Integer, Long, Double, BigDecimal) compared by value. */
  public static boolean same(Object expected, Object actual) {
    if (expected instanceof Number a && actual instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(expected, actual);
  }

  private static String show(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String shorten(String body) {
    if (body == null || body.isEmpty()) {
      return "(none)";
    }
    return body.length() <= BODY_SHOWN ? body : body.substring(0, BODY_SHOWN) + "…";
  }
}
