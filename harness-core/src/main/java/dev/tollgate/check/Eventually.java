package dev.tollgate.check;

import dev.tollgate.internal.text.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A postcondition for an effect that arrives later (the notifier was called, a job finished),
 * with a bounded wait: {@code Eventually.within(Duration.ofSeconds(2)).untilAsserted(() -> ..)}.
 *
 * <p>Polls in the calling thread, so the check may use the step's own (single-threaded) clients,
 * and no thread outlives it. On timeout it fails with an AssertionError saying what was awaited,
 * for how long, and the last failure seen.
 */
public final class Eventually {
  private static final Duration DEFAULT_POLL = Duration.ofMillis(20);

  /** An assertion to repeat: it passes by returning, and fails by throwing. */
  @FunctionalInterface
  public interface Assertion {
    void run() throws Throwable;
  }

  private final Duration timeout;
  private final Duration poll;
  private final String what;

  private Eventually(Duration timeout, Duration poll, String what) {
    this.timeout = timeout;
    this.poll = poll;
    this.what = what;
  }

  /** Waits at most {@code timeout} (polling every 20 ms unless told otherwise). */
  public static Eventually within(Duration timeout) {
    return new Eventually(positive("Eventually.within", timeout, "2000"), DEFAULT_POLL, null);
  }

  public Eventually pollEvery(Duration interval) {
    return new Eventually(timeout, positive("pollEvery", interval, "20"), what);
  }

  private static Duration positive(String call, Duration value, String exampleMillis) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          call + "(" + value + "): expected a positive duration, e.g. Duration.ofMillis("
              + exampleMillis + ").");
    }
    return value;
  }

  /** Names what is awaited, for the failure message: {@code "the notifier was called"}. */
  public Eventually describedAs(String description) {
    return new Eventually(timeout, poll, Objects.requireNonNull(description, "description"));
  }

  /**
   * Repeats {@code assertion} until it passes or the time is up: at once, then every poll
   * interval. An exception counts as a failure to retry, as an AssertionError does.
   */
  public void untilAsserted(Assertion assertion) {
    Objects.requireNonNull(assertion, "assertion");
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last;
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError | Exception failed) {
        last = failed;
      } catch (Throwable other) {
        throw sneaky(other);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + awaited() + ". Last failure: "
            + oneLine(last) + ".", last);
      }
    }
    throw new AssertionError(
        "Waited " + Durations.show(timeout) + " for " + awaited() + ", but it did not happen."
            + " Last failure: " + oneLine(last) + "."
            + " If the effect is just slow, raise Eventually.within(..).",
        last);
  }

  private String awaited() {
    return what != null ? what : "the assertion to pass";
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  private static String oneLine(Throwable t) {
    String message = t.getMessage();
    String text = message == null ? t.getClass().getSimpleName() : message.strip();
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
