package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A database or an app that dies while a check runs is reported at the next reset as a dependency
 * down, naming it: a {@link TollgateHarnessException}, not a configuration error and not a failed
 * check.
 */
class DependencyDownIT {

  private static Model<Object, Http> health() {
    return Model.define("health", Http.class, Object::new)
        .command("health", c -> c.run((http, none) -> http.get("/health").status()))
        .build();
  }

  /** Runs the check; before the third program's reset, {@code kill} takes a dependency down. */
  private static TollgateHarnessException checkKilling(Environment env, Runnable kill) {
    AtomicInteger resets = new AtomicInteger();
    HttpSystem system = HttpSystem.at(env.appBaseUrl()).onReset(() -> {
      if (resets.incrementAndGet() == 3) {
        kill.run();
      }
      env.reset();
    });
    return catchThrowableOfType(TollgateHarnessException.class, () -> Tollgate.runner()
        .reporter(Reporter.none()).withoutReports().withoutCorpus().seed(1).tries(10).maxSteps(3)
        .check(health(), system));
  }

  private static void killAndWait(long pid) {
    ProcessHandle.of(pid).ifPresent(process -> {
      process.destroyForcibly();
      process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    });
  }

  @Test
  void a_database_killed_during_the_check_is_named_as_down_at_the_next_reset() throws Exception {
    Path workDir = TinyApps.workDir("db-down");
    try (Environment env = Environments.builder().app(TinyApps.onTestClasspath()).postgres()
        .kind(EnvironmentKind.LOCAL).workDir(workDir).build().start()) {
      Path data = TinyApps.dataDirectories(workDir).get(0);
      long postmaster =
          Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());

      TollgateHarnessException e = checkKilling(env, () -> killAndWait(postmaster));

      assertThat(e).isNotInstanceOf(TollgateConfigurationException.class);
      assertThat(e.getMessage())
          .startsWith("Dependency down during reset: the database at " + env.database().jdbcUrl())
          .containsPattern("SQL state (08|57P0)").contains("neither a failed check nor a configuration error");
    }
  }

  @Test
  void an_app_killed_during_the_check_is_named_as_down_at_the_next_reset() throws Exception {
    Path workDir = TinyApps.workDir("app-down");
    try (Environment env = Environments.builder().app(TinyApps.onTestClasspath()).postgres()
        .kind(EnvironmentKind.LOCAL).workDir(workDir).build().start()) {
      long app = ProcessHandle.current().children()
          .filter(p -> p.info().command().orElse("").contains("java")).findFirst().orElseThrow()
          .pid();

      TollgateHarnessException e = checkKilling(env, () -> killAndWait(app));

      assertThat(e.getMessage())
          .startsWith("Dependency down during reset: the app. Expected the app (")
          .contains("to be running, but it exited with code",
              "neither a failed check nor a configuration error");
    }
  }
}
