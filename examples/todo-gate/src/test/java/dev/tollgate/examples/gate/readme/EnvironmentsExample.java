package dev.tollgate.examples.gate.readme;

import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Readiness;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.runner.Runner;
import java.nio.file.Path;

/**
 * The README's "Environments" examples, compiled so they keep to the API. Nothing runs them:
 * {@code TodoGateIT} and {@code SecuredTodoGateIT} start the real app this way.
 */
final class EnvironmentsExample {
  private EnvironmentsExample() {}

  static void check(Runner runner, Model<?, Http> model) {
    try (Environment env = Environments.builder()
        .app(App.jar(Path.of("../todo-app/target/todo-app.jar")).env("TODO_APP_FLAGS", "pinning"))
        .postgres()                  // embedded locally, a container in the containers kind
        .stub("notifier")            // WireMock; the app gets NOTIFIER_URL
        .build().start()) {
      runner.check(model, HttpSystem.at(env.appBaseUrl()).onReset(env::reset));
    }
  }

  static void readiness(Path jar) {
    App.jar(jar).readyWhen(Readiness.http("/actuator/health").withStatus(200, 401));  // or .anyStatus()
    App.jar(jar).readyWhen(Readiness.http("/health").when(answer -> answer.body().contains("UP")));
    App.jar(jar).readyWhen(Readiness.port());   // the port accepts a connection; nothing is sent
  }
}
