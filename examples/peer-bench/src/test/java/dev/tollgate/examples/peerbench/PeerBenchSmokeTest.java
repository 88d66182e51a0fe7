package dev.tollgate.examples.peerbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.examples.peerbench.service.Bug;
import dev.tollgate.examples.peerbench.service.ShelfService;
import org.junit.jupiter.api.Test;

/** The peer benchmark's Tollgate side on one bug and one seed, and on the bug-free service. */
class PeerBenchSmokeTest {

  @Test
  void finds_the_duplicate_user_bug_and_shrinks_it_to_two_registrations() throws Exception {
    try (ShelfService service = ShelfService.start(Bug.DUPLICATE_USER, 0)) {
      TollgatePeer.Outcome outcome = TollgatePeer.check(service.baseUrl(), 1, 300, 50);

      assertThat(outcome.found()).isTrue();
      assertThat(outcome.failure()).isEqualTo("postcondition of register");
      assertThat(outcome.steps()).hasSize(2).allSatisfy(step -> assertThat(step).contains("register"));
      assertThat(outcome.firstFailureMillis()).isPositive();
      assertThat(outcome.systemSteps()).isGreaterThanOrEqualTo(outcome.stepsToFirstFailure());
    }
  }

  @Test
  void raises_no_false_alarm_on_the_bug_free_service() throws Exception {
    try (ShelfService service = ShelfService.start(Bug.NONE, 0)) {
      TollgatePeer.Outcome outcome = TollgatePeer.check(service.baseUrl(), 1, 60, 50);

      assertThat(outcome.failure()).isNull();
      assertThat(outcome.found()).isFalse();
      assertThat(outcome.systemSteps()).isPositive();
    }
  }
}
