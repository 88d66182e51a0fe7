package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps every step's deadline and the run's time budget itself, whatever a step does,
 * and names a dead dependency during reset as such.
 */
class StepDeadlineTest {

  /** An in-process system: nothing to reset, no client state. */
  private static final SystemUnderTest<Object> IN_PROCESS = system(() -> {});

  private static SystemUnderTest<Object> system(ResetBody reset) {
    return new SystemUnderTest<>() {
      @Override
      public void reset() throws Exception {
        reset.run();
      }

      @Override
      public Object client(User user) {
        return new Object();
      }
    };
  }

  @FunctionalInterface
  private interface ResetBody {
    void run() throws Exception;
  }

  private static Runner runner() {
    return Tollgate.runner().reporter(Reporter.none()).withoutReports().withoutCorpus().seed(5);
  }

  /** Sleeps {@code millis} in the step; counts the interrupt that ends the sleep early. */
  private static Object nap(long millis, CountDownLatch interrupted) {
    try {
      Thread.sleep(millis);
      return "rested";
    } catch (InterruptedException e) {
      interrupted.countDown();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Test
  void a_step_still_running_when_the_budget_is_over_is_interrupted_and_named_as_a_harness_timeout() {
    CountDownLatch interrupted = new CountDownLatch(1);
    Model<Object, Object> model = Model.define("sleepy", Object.class, Object::new)
        .command("nap", c -> c.run((client, none) -> nap(20_000, interrupted)))
        .build();

    TollgateHarnessException e = catchThrowableOfType(TollgateHarnessException.class,
        () -> runner().timeBudget(Duration.ofSeconds(1)).check(model, IN_PROCESS));

    assertThat(e).isNotInstanceOf(TollgateConfigurationException.class);
    assertThat(e.getMessage())
        .startsWith("Model 'sleepy': the time budget of PT1S was used up before the first try"
            + " finished: step 1 (nap) was still running after ")
        .contains("its thread was interrupted and abandoned",
            "Raise timeBudget (-Dtollgate.timeBudget), or set -Dtollgate.stepTimeout (now PT30S)");
    assertThat(awaited(interrupted)).as("the hung step's thread was interrupted").isTrue();
  }

  @Test
  void a_step_over_its_step_timeout_fails_the_run_as_a_timeout_and_is_shrunk() {
    CountDownLatch interrupted = new CountDownLatch(1);
    Model<Object, Object> model = Model.define("hangs", Object.class, Object::new)
        .command("ping", c -> c.run((client, none) -> "pong"))
        .command("hang", c -> c.run((client, none) -> nap(20_000, interrupted)))
        .build();

    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().maxSteps(6).tries(20).stepTimeout(Duration.ofMillis(300)).flakyReruns(1)
            .check(model, IN_PROCESS));

    assertThat(failure.getMessage())
        .contains("hang: the step overran its deadline",
            "did not finish within its deadline of 300 ms (tollgate.stepTimeout); Tollgate"
                + " interrupted its thread and abandoned it",
            "raise -Dtollgate.stepTimeout (now PT0.3S)", "deterministic");
    assertThat(failure.steps()).hasSize(1);
    assertThat(awaited(interrupted)).isTrue();
  }

  @Test
  void the_budget_stops_a_program_between_steps_not_only_between_tries() {
    AtomicInteger resets = new AtomicInteger();
    Model<Object, Object> model = Model.define("slow", Object.class, Object::new)
        .command("tick", c -> c.run((client, none) ->
            resets.get() == 1 ? "fast" : nap(30, new CountDownLatch(1))))
        .build();

    // The first program runs fast, so one try finishes; then every step takes 30 ms, and some
    // program is still going when the budget is over.
    RunSummary summary = runner().tries(1000).timeBudget(Duration.ofMillis(900))
        .check(model, system(resets::incrementAndGet));

    assertThat(summary.toString())
        .containsPattern("stopped during try \\d+ of 1000: time budget of PT0.9S used up \\((it"
            + " stopped before step \\d+ \\(tick\\)|step \\d+ \\(tick\\) was still running)");
  }

  @Test
  void a_refused_connection_during_reset_is_a_dependency_down_not_a_configuration_error()
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Model<Object, Object> model = Model.define("db", Object.class, Object::new)
        .command("ping", c -> c.run((client, none) -> "pong"))
        .build();

    TollgateHarnessException e = catchThrowableOfType(TollgateHarnessException.class,
        () -> runner().check(model, system(() -> new Socket("127.0.0.1", closedPort).close())));

    assertThat(e).isNotInstanceOf(TollgateConfigurationException.class);
    assertThat(e.getMessage())
        .startsWith("Dependency down during reset: a connection was refused or timed out")
        .contains("it may have crashed, been stopped",
            "this is neither a failed check nor a configuration error");
  }

  @Test
  void a_reset_that_fails_on_its_own_is_still_the_reset_s_error() {
    Model<Object, Object> model = Model.define("db", Object.class, Object::new)
        .command("ping", c -> c.run((client, none) -> "pong"))
        .build();

    TollgateConfigurationException e = catchThrowableOfType(TollgateConfigurationException.class,
        () -> runner().check(model, system(() -> {
          throw new IllegalStateException("no table todos");
        })));

    assertThat(e.getMessage()).startsWith(
        "Resetting the system before a program failed: java.lang.IllegalStateException: no table");
  }

  private static boolean awaited(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
