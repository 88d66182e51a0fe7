package dev.tollgate.examples.gate;

import dev.tollgate.db.Db;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.http.HttpSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Starts the example app for the gate: its jar as a child process, PostgreSQL, a notifier stub. */
final class TodoApp {
  static final Path JAR = Path.of("../todo-app/target/todo-app.jar");
  /** user1 is staff; the pinning flag is on, so the model covers both kinds of user. */
  static final Set<Integer> STAFF = Set.of(0);

  private TodoApp() {}

  static Environment start(String bugs) {
    return start(bugs, EnvironmentKind.LOCAL);
  }

  /** The app in {@code kind}: locally as a child process, or as an image built from its Dockerfile. */
  static Environment start(String bugs, EnvironmentKind kind) {
    return Environments.builder().app(app(bugs)).postgres().stub("notifier").kind(kind).build()
        .start();
  }

  /** The app, with {@code bugs} switched on ("" for none), its flags and its staff user. */
  static App app(String bugs) {
    // A missing jar is reported at start, with its path and how to build it.
    App app = App.jar(JAR)
        .withDockerfile(JAR.getParent().getParent())
        .env("TODO_APP_FLAGS", "pinning")
        .env("STAFF_USERS", TodoGateModel.SESSIONS.nameOf(0))
        .env("NOTIFIER_TIMEOUT_MS", "1000")
        .readyWhen("/health")
        .startTimeout(Duration.ofSeconds(60));
    if (!bugs.isEmpty()) {
      app = app.env("TODO_APP_BUGS", bugs);
    }
    return app;
  }

  static HttpSystem system(Environment environment) {
    return HttpSystem.at(environment.appBaseUrl()).onReset(environment::reset);
  }

  static TodoGateModel.Setup setup(Environment environment) {
    return new TodoGateModel.Setup(
        true, STAFF, Db.at(environment.database().dataSource()),
        environment.stub("notifier").client());
  }
}
