package dev.tollgate.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

  @Test
  void passes_once_the_effect_arrives_within_the_bound() {
    AtomicInteger polls = new AtomicInteger();

    Eventually.within(Duration.ofSeconds(2)).pollEvery(Duration.ofMillis(5))
        .untilAsserted(() -> assertThat(polls.incrementAndGet()).isGreaterThanOrEqualTo(3));

    assertThat(polls).hasValue(3);
  }

  @Test
  void fails_after_the_bound_saying_what_was_awaited_for_how_long_and_the_last_failure() {
    long start = System.nanoTime();

    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> Eventually.within(Duration.ofMillis(200))
            .describedAs("the notifier to be called")
            .untilAsserted(() -> assertThat(0).as("notifier calls").isEqualTo(1)));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(error).hasMessageStartingWith(
        "Waited 200 ms for the notifier to be called, but it did not happen. Last failure:"
            + " [notifier calls] expected: 1 but was: 0.");
    assertThat(error).hasMessageEndingWith("If the effect is just slow, raise Eventually.within(..).");
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void keeps_polling_through_exceptions_and_reports_the_last_one() {
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> Eventually.within(Duration.ofMillis(100)).untilAsserted(() -> {
          throw new IllegalStateException("stub not reachable");
        }));

    assertThat(error).hasMessageContaining("for the assertion to pass")
        .hasMessageContaining("Last failure: stub not reachable.")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void an_interrupted_wait_keeps_the_interrupt_and_says_what_was_awaited() {
    Thread.currentThread().interrupt();
    try {
      AssertionError error = catchThrowableOfType(AssertionError.class,
          () -> Eventually.within(Duration.ofSeconds(30)).describedAs("the job to finish")
              .untilAsserted(() -> assertThat(0).isEqualTo(1)));

      assertThat(error).hasMessageStartingWith("Interrupted while waiting for the job to finish.");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
