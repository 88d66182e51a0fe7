package dev.tollgate.check;

import dev.tollgate.internal.text.Durations;
import java.time.Duration;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

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

  /** Repeats {@code assertion} until it passes or the time is up. */
  public void untilAsserted(ThrowingRunnable assertion) {
    Objects.requireNonNull(assertion, "assertion");
    Throwable[] last = new Throwable[1];
    try {
      conditions().untilAsserted(() -> {
        try {
          assertion.run();
        } catch (Throwable t) {
          last[0] = t;
          throw t;
        }
      });
    } catch (ConditionTimeoutException e) {
      Throwable cause = last[0] != null ? last[0] : e;
      String awaited = what != null ? what : "the assertion to pass";
      throw new AssertionError(
          "Waited " + Durations.show(timeout) + " for " + awaited + ", but it did not happen."
              + (last[0] == null ? "" : " Last failure: " + oneLine(last[0]) + ".")
              + " If the effect is just slow, raise Eventually.within(..).",
          cause);
    }
  }

  private ConditionFactory conditions() {
    return Awaitility.await()
        .atMost(timeout)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(poll)
        .ignoreExceptions();
  }

  private static String oneLine(Throwable t) {
    String message = t.getMessage();
    String text = message == null ? t.getClass().getSimpleName() : message.strip();
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
