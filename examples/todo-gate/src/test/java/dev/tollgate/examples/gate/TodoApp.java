package dev.tollgate.examples.gate;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tollgate.check.Eventually;
import dev.tollgate.db.Db;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the example app for the gate: its jar as a child process, PostgreSQL, a notifier stub,
 * and a flag-service stub that answers each program's pinning flag.
 */
final class TodoApp {
  static final Path JAR = Path.of("../todo-app/target/todo-app.jar");

  private TodoApp() {}

  static Environment start(String bugs) {
    return start(bugs, EnvironmentKind.LOCAL);
  }

  /** The app in {@code kind}: locally as a child process, or as an image built from its Dockerfile. */
  static Environment start(String bugs, EnvironmentKind kind) {
    Environment environment = Environments.builder().app(app(bugs)).postgres().stub("notifier")
        .stub("flags").kind(kind).build().start();
    try {
      warmUp(environment);
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
    return environment;
  }

  /**
   * One todo before any check, then a reset. A freshly started app makes its first notifier
   * connection slowly, which on a loaded machine can pass the app's notifier timeout: that first
   * call must not fall into a program, whose check_notifications would fail for no fault of the
   * app. An app that cannot store the todo (release 1 on a schema that renamed its column) sends
   * no notification: then there is nothing to warm up, and the checks find what is wrong.
   */
  static void warmUp(Environment environment) {
    int created;
    try (Http http = system(environment).session()) {
      Map<String, Object> credentials = Map.of("name", "warm-up", "password", "warm-up-password");
      http.post("/users", credentials);
      http.bearer(http.post("/sessions", credentials).path("token"));
      created = http.post("/todos", Map.of("title", "warm-up")).status();
    }
    if (created != 201) {
      environment.reset();
      return;
    }
    WireMock notifier = environment.stub("notifier").client();
    Eventually.within(Duration.ofSeconds(10)).untilAsserted(() -> {
      if (notifier.find(WireMock.postRequestedFor(WireMock.urlEqualTo("/notify"))).isEmpty()) {
        throw new AssertionError("the warm-up todo's notification has not arrived yet");
      }
    });
    environment.reset();
  }

  /**
   * The app, with {@code bugs} switched on ("" for none), and the names that become staff. Its
   * pinning flag comes from the flag service (FLAGS_URL, the "flags" stub), per program.
   */
  static App app(String bugs) {
    // A missing jar is reported at start, with its path and how to build it.
    App app = App.jar(JAR)
        .withDockerfile(JAR.getParent().getParent())
        .env("STAFF_USERS", TodoGateModel.STAFF_NAMES)
        // The timeout bounds the connect too: a freshly started app's first call, on a loaded
        // machine, can take a few hundred ms to connect, which is no failure of the app.
        .env("NOTIFIER_TIMEOUT_MS", "1000")
        .readyWhen("/health")
        .startTimeout(Duration.ofSeconds(60));
    if (!bugs.isEmpty()) {
      app = app.env("TODO_APP_BUGS", bugs);
    }
    return app;
  }

  /**
   * Skips the calling test where containers cannot run (Docker or its images missing), saying
   * what {@code meanwhile} covers, but fails it in CI.
   */
  static void assumeContainersCanRun(String meanwhile) {
    Optional<String> problem = Environments.whyContainersCannotRun();
    if (problem.isPresent()) {
      String message = problem.get() + " Meanwhile " + meanwhile + ".";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message + " CI=true, so this fails instead of skipping.");
      }
      Assumptions.abort(message);
    }
  }

  static HttpSystem system(Environment environment) {
    return HttpSystem.at(environment.appBaseUrl()).onReset(environment::reset);
  }

  static TodoGateModel.Setup setup(Environment environment) {
    return new TodoGateModel.Setup(
        Db.at(environment.database().dataSource()), environment.stub("notifier").client(),
        environment.stub("flags").client());
  }
}
