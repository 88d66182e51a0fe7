package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import dev.tollgate.runner.TollgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate on the example app: its users' model, run against the real app, its PostgreSQL and a
 * WireMock notifier, started once for the class by the extension. A red result blocks the deploy.
 */
class TodoGateIT {

  @RegisterExtension
  static final TollgateExtension gate = Tollgate.environment()
      // -Dtodo.bugs=delete-twice (say) switches planted bugs on, to see the gate block.
      .app(TodoApp.app(System.getProperty("todo.bugs", "")))
      .postgres()
      .stub("notifier")
      .stub("flags")
      .kind(EnvironmentKind.LOCAL)
      .build();

  @StateMachineTest(tries = 200, maxSteps = 30, users = 3)
  void todos_stay_consistent(Runner runner, Environment environment) {
    RunSummary summary = runner.check(TodoGateModel.model(TodoApp.setup(environment)));

    if (System.getProperty("tollgate.replay") != null) {
      return; // a replay line runs one program: the checks below are about the random tries
    }
    // 200 random programs, after the regression corpus's (none while the gate stays green).
    assertThat(summary.programs()).isGreaterThanOrEqualTo(200);
    assertThat(summary.commandCounts().keySet()).contains(
        "register", "login", "logout", "stale_token", "add_todo", "get_todo", "edit_todo",
        "delete_todo", "list_todos", "vote_todo", "unvote_todo", "pin_todo",
        "check_notifications", "notifier_fails", "notifier_recovers");
    // Both sides of the pinning flag, for staff and for other users, in one run.
    assertThat(summary.flagCounts().get("pin_todo"))
        .containsKeys("as staff", "as not staff", "pinning on", "pinning off");
  }
}
