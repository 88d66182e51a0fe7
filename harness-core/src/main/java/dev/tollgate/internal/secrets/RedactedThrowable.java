package dev.tollgate.internal.secrets;

import java.util.IdentityHashMap;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Stands in for an exception whose message held a secret: same type name, stack trace, causes and
 * suppressed exceptions, with every message redacted. A failure's cause is printed by the console,
 * the IDE and failsafe's XML; with it, none of them sees the raw body an assertion quoted.
 */
public final class RedactedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Causes further down than this are left out. */
  private static final int MAX_DEPTH = 32;

  private final String type;

  private RedactedThrowable(String type, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  /** The name of the exception's type this one stands in for. */
  public String type() {
    return type;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? type : type + ": " + message;
  }

  /**
   * {@code throwable} itself when no message in its chain holds a secret; otherwise a copy with
   * every message redacted. An {@code AssertionFailedError} stays one, so IDEs still show its
   * expected and actual values (redacted).
   */
  public static Throwable of(Throwable throwable) {
    if (throwable == null || !holdsSecret(throwable, new IdentityHashMap<>(), 0)) {
      return throwable;
    }
    return copy(throwable, new IdentityHashMap<>(), 0);
  }

  private static boolean holdsSecret(Throwable t, Map<Throwable, Boolean> seen, int depth) {
    if (t == null || depth > MAX_DEPTH || seen.put(t, Boolean.TRUE) != null) {
      return false;
    }
    if (changes(t.getMessage()) || t instanceof AssertionFailedError afe && afe.isExpectedDefined()
        && (changes(afe.getExpected().getStringRepresentation())
            || changes(afe.getActual().getStringRepresentation()))) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (holdsSecret(suppressed, seen, depth + 1)) {
        return true;
      }
    }
    return holdsSecret(t.getCause(), seen, depth + 1);
  }

  private static boolean changes(String text) {
    return text != null && !Redactor.text(text).equals(text);
  }

  private static Throwable copy(Throwable t, Map<Throwable, Throwable> done, int depth) {
    if (t == null || depth > MAX_DEPTH) {
      return null;
    }
    Throwable already = done.get(t);
    if (already != null) {
      return already;
    }
    Throwable cause = t.getCause() == t ? null : copy(t.getCause(), done, depth + 1);
    String message = t.getMessage() == null ? null : Redactor.text(t.getMessage());
    Throwable out;
    if (t.getClass() == AssertionFailedError.class && ((AssertionFailedError) t).isExpectedDefined()) {
      AssertionFailedError afe = (AssertionFailedError) t;
      out = new AssertionFailedError(message,
          Redactor.text(afe.getExpected().getStringRepresentation()),
          Redactor.text(afe.getActual().getStringRepresentation()), cause);
    } else if (t.getClass() == AssertionFailedError.class) {
      out = new AssertionFailedError(message, cause);
    } else {
      out = new RedactedThrowable(t.getClass().getName(), message, cause);
    }
    done.put(t, out);
    out.setStackTrace(t.getStackTrace());
    for (Throwable suppressed : t.getSuppressed()) {
      Throwable copied = copy(suppressed, done, depth + 1);
      if (copied != null && copied != out) {
        out.addSuppressed(copied);
      }
    }
    return out;
  }
}
