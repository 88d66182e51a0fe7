package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same gate, on containers: PostgreSQL, the app's image built from its Dockerfile, and
 * WireMock, on one Docker network. It skips where Docker or its images are missing, but fails in
 * CI.
 */
class TodoGateContainersIT {
  private static Environment environment;

  @BeforeAll
  static void start() {
    TodoApp.assumeContainersCanRun("TodoGateIT runs the gate locally");
    environment = TodoApp.start("", EnvironmentKind.CONTAINERS);
  }

  @AfterAll
  static void stop() {
    if (environment != null) {
      environment.close();
    }
  }

  // A fixed seed: this class shows the gate works on containers, so it asserts which commands
  // ran. Exploring new programs on every build is TodoGateIT's job (200 tries, a fresh seed).
  @StateMachineTest(tries = 50, maxSteps = 30, users = 3, seed = "20261128")
  void todos_stay_consistent_on_containers(Runner runner) {
    RunSummary summary =
        runner.check(TodoGateModel.model(TodoApp.setup(environment)), TodoApp.system(environment));

    assertThat(summary.programs()).isGreaterThanOrEqualTo(50);
    assertThat(summary.commandCounts()).containsKeys("add_todo", "vote_todo", "pin_todo");
  }
}
