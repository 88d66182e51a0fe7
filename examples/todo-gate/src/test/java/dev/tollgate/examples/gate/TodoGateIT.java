package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.environment.Environment;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The gate on the example app: its users' model, run against the real app, its PostgreSQL and a
 * WireMock notifier. A red result blocks the deploy.
 */
class TodoGateIT {
  private static Environment environment;

  @BeforeAll
  static void start() {
    // -Dtodo.bugs=delete-twice (say) switches planted bugs on, to see the gate block.
    environment = TodoApp.start(System.getProperty("todo.bugs", ""));
  }

  @AfterAll
  static void stop() {
    if (environment != null) {
      environment.close();
    }
  }

  @StateMachineTest(tries = 200, maxSteps = 30, users = 3)
  void todos_stay_consistent(Runner runner) {
    RunSummary summary =
        runner.check(TodoGateModel.model(TodoApp.setup(environment)), TodoApp.system(environment));

    // 200 random programs, after the regression corpus's (none while the gate stays green).
    assertThat(summary.programs()).isGreaterThanOrEqualTo(200);
    assertThat(summary.commandCounts().keySet()).contains(
        "register", "login", "logout", "stale_token", "add_todo", "get_todo", "edit_todo",
        "delete_todo", "list_todos", "vote_todo", "unvote_todo", "pin_todo",
        "check_notifications", "notifier_fails");
  }
}
