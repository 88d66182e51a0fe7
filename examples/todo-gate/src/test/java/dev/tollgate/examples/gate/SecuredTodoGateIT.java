package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.App;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Readiness;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import dev.tollgate.runner.TollgateExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate on the app with security on, through {@code App.jar(..)} and nothing written by hand:
 * its health check answers 401 without credentials, which counts as up; the default reset keeps
 * the administrator and the categories that a migration seeded.
 */
class SecuredTodoGateIT {

  @RegisterExtension
  static final TollgateExtension gate = Tollgate.environment()
      .app(App.jar(TodoApp.JAR)
          .env("TODO_APP_FLAGS", "secured")
          .readyWhen(Readiness.http("/health").withStatus(200, 401))
          .startTimeout(Duration.ofSeconds(60)))
      .postgres()
      .kind(EnvironmentKind.LOCAL)
      .build();

  @StateMachineTest(tries = 100, maxSteps = 20, users = 2)
  void seed_rows_and_roles_hold_after_every_reset(Runner runner) {
    RunSummary summary = runner.check(SecuredTodoModel.model());

    assertThat(summary.commandCounts().keySet()).contains(
        "health", "register", "login", "login_admin", "logout", "list_categories", "admin_users");
  }
}
