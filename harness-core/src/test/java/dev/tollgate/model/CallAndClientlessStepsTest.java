package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.Tollgate;
import dev.tollgate.gen.Gen;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An action may see the whole call (user, argument, step), and a step that needs no client (a
 * fault injected, a wait, an eventual check) is written without one: no client is made for it.
 */
class CallAndClientlessStepsTest {
  /** Counts the clients made; its only client is a name. */
  static final class Counting implements SystemUnderTest<String> {
    final AtomicInteger clients = new AtomicInteger();

    @Override
    public void reset() {}

    @Override
    public String client(User user) {
      clients.incrementAndGet();
      return "client of " + user.name();
    }
  }

  private static Runner runner() {
    return Tollgate.runner().seed(11).tries(10).maxSteps(6).users(2).withoutReports()
        .withoutCorpus().reporter(Reporter.none());
  }

  @Test
  void the_action_sees_the_acting_user_the_argument_and_the_step() {
    List<String> seen = new ArrayList<>();
    Model<Integer, String> model = Model.<Integer, String>define("calls", () -> 0)
        .command("say", c -> c.with(Gen.integers(1, 9))
            .runCall((client, call) -> {
              seen.add(client + ": " + call.user().name() + " step " + (call.step() + 1)
                  + " arg " + call.arg());
              return call.arg();
            })
            .expect((count, call, said) -> assertThat(said).isEqualTo(call.arg()))
            .update((count, call) -> count + 1))
        .build();

    runner().check(model, new Counting());

    assertThat(seen).isNotEmpty().allSatisfy(line ->
        assertThat(line).matches("client of (user\\d): \\1 step \\d+ arg [1-9]"));
    assertThat(seen).anyMatch(line -> line.contains("step 2 "));
  }

  @Test
  void a_step_that_performs_or_checks_without_a_client_makes_none() {
    List<Boolean> faults = new ArrayList<>();
    Counting system = new Counting();
    Model<Integer, String> model = Model.<Integer, String>define("faults", () -> 0)
        .command("break_stub", c -> c.with(Gen.booleans())
            .perform(call -> faults.add(call.arg()))
            .update((broken, call) -> broken + 1))
        .command("eventually_seen", c -> c.whenModel(broken -> broken > 0)
            .check((broken, call) -> assertThat(faults).hasSizeGreaterThanOrEqualTo(broken)))
        .build();

    runner().check(model, system);

    assertThat(faults).isNotEmpty();
    assertThat(system.clients).as("clients made").hasValue(0);
  }

  @Test
  void a_check_that_fails_is_the_steps_postcondition() {
    Model<Integer, String> model = Model.<Integer, String>define("late", () -> 0)
        .command("await_mail", c -> c.check((count, call) -> {
          throw new AssertionError("no mail arrived");
        }))
        .build();

    assertThatThrownBy(() -> runner().check(model, new Counting()))
        .isInstanceOfSatisfying(ModelCheckFailure.class, failure -> {
          assertThat(failure.steps()).containsExactly("user1 await_mail()");
          assertThat(failure.getMessage())
              .contains("<-- FAILED: postcondition of await_mail", "no mail arrived");
        });
  }
}
