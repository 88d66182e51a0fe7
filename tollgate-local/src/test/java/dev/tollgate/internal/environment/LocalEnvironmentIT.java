package dev.tollgate.internal.environment;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.TollgateHarnessException;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Postgres;
import dev.tollgate.environment.Readiness;
import dev.tollgate.environment.Reset;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LocalEnvironmentIT {

  private static Environment local(App app, Path workDir) {
    return Environments.builder().app(app).postgres().stub("notifier").kind(EnvironmentKind.LOCAL).workDir(workDir).build();
  }

  @Test
  void runs_app_against_embedded_postgres_and_stub_and_reset_empties_tables_and_restarts_ids() throws Exception {
    try (Environment env = local(TinyApps.onTestClasspath(), TinyApps.workDir("flow")).start()) {
      env.stub("notifier").client().register(post(urlEqualTo("/notify")).willReturn(noContent()));
      URI app = env.appBaseUrl();
      assertThat(TinyApps.post(app, "/users?name=ada").body()).isEqualTo("{\"id\":1}");
      assertThat(TinyApps.post(app, "/todos?user=1&title=milk").body()).isEqualTo("{\"id\":1,\"notifier\":204}");
      assertThat(TinyApps.post(app, "/todos?user=1&title=eggs").body()).isEqualTo("{\"id\":2,\"notifier\":204}");
      env.stub("notifier").client().verifyThat(2, postRequestedFor(urlEqualTo("/notify")));

      env.reset();

      assertThat(TinyApps.get(app, "/todos/count").body()).isEqualTo("0");
      assertThat(env.stub("notifier").client().find(postRequestedFor(urlEqualTo("/notify")))).isEmpty();
      assertThat(TinyApps.post(app, "/users?name=bob").body()).as("ids restart after reset").isEqualTo("{\"id\":1}");
      assertThat(TinyApps.post(app, "/todos?user=1&title=tea").body())
          .as("stub mappings survive the reset").isEqualTo("{\"id\":1,\"notifier\":204}");
      try (Connection c = env.database().connect(); Statement s = c.createStatement();
           ResultSet rows = s.executeQuery("select count(*) from flyway_schema_history")) {
        rows.next();
        assertThat(rows.getInt(1)).as("migration history is kept").isEqualTo(1);
      }
    }
  }

  @Test
  void protected_health_check_counts_as_up_and_reset_keeps_the_seed_rows_and_their_sequences() throws Exception {
    App app = TinyApps.onTestClasspath().env("TINY_APP_HEALTH_STATUS", "401").env("TINY_APP_SEED", "true")
        .readyWhen(Readiness.http("/health").withStatus(200, 401));
    try (Environment env = local(app, TinyApps.workDir("seed")).start()) {
      env.stub("notifier").client().register(post(urlEqualTo("/notify")).willReturn(noContent()));
      URI url = env.appBaseUrl();
      assertThat(TinyApps.get(url, "/users/names").body()).isEqualTo("1=admin");
      assertThat(TinyApps.post(url, "/users?name=ada").body()).isEqualTo("{\"id\":2}");
      assertThat(TinyApps.post(url, "/todos?user=2&title=milk").body()).isEqualTo("{\"id\":2,\"notifier\":204}");
      try (Connection c = env.database().connect(); Statement s = c.createStatement()) {
        s.execute("update users set name = 'renamed' where id = 1");
      }

      for (int reset = 0; reset < 3; reset++) {
        env.reset();

        assertThat(TinyApps.get(url, "/users/names").body()).as("seed rows survive reset " + reset).isEqualTo("1=admin");
        assertThat(TinyApps.get(url, "/todos/count").body()).isEqualTo("1");
        assertThat(TinyApps.post(url, "/users?name=bob").body()).as("ids repeat after reset " + reset)
            .isEqualTo("{\"id\":2}");
      }
    }
  }

  @Test
  void empty_all_tables_reset_drops_the_seed_rows_too() throws Exception {
    App app = TinyApps.onTestClasspath().env("TINY_APP_SEED", "true");
    try (Environment env = Environments.builder().app(app).postgres().kind(EnvironmentKind.LOCAL)
        .reset(Reset.emptyAllTables()).workDir(TinyApps.workDir("empty")).build().start()) {
      env.reset();

      assertThat(TinyApps.get(env.appBaseUrl(), "/users/names").body()).isEmpty();
      assertThat(TinyApps.post(env.appBaseUrl(), "/users?name=bob").body()).isEqualTo("{\"id\":1}");
    }
  }

  @Test
  void port_readiness_starts_an_app_whose_health_check_never_answers_2xx() throws Exception {
    App app = TinyApps.onTestClasspath().env("TINY_APP_NEVER_READY", "true").readyWhen(Readiness.port());
    try (Environment env = local(app, TinyApps.workDir("port")).start()) {
      assertThat(TinyApps.get(env.appBaseUrl(), "/health").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void reset_runs_the_app_hook_after_the_database_is_empty() throws Exception {
    List<String> countsSeenByHook = new java.util.ArrayList<>();
    try (Environment env = Environments.builder().app(TinyApps.onTestClasspath()).postgres().kind(EnvironmentKind.LOCAL)
        .afterReset(e -> {
          try {
            countsSeenByHook.add(TinyApps.get(e.appBaseUrl(), "/todos/count").body());
          } catch (Exception failure) {
            throw new IllegalStateException(failure);
          }
        })
        .workDir(TinyApps.workDir("hook")).build().start()) {
      TinyApps.post(env.appBaseUrl(), "/users?name=ada");
      TinyApps.post(env.appBaseUrl(), "/todos?user=1&title=milk");

      env.reset();

      assertThat(countsSeenByHook).containsExactly("0");
    }
  }

  @Test
  void close_leaves_no_child_process_no_postgres_server_and_no_data_directory() throws Exception {
    Path workDir = TinyApps.workDir("teardown");
    List<ProcessHandle> before = TinyApps.liveDescendants();
    long postmaster;
    List<ProcessHandle> during;
    try (Environment env = local(TinyApps.onTestClasspath(), workDir).start()) {
      assertThat(TinyApps.get(env.appBaseUrl(), "/health").statusCode()).isEqualTo(200);
      during = TinyApps.liveDescendants();
      Path dataDir = TinyApps.dataDirectories(workDir).get(0);
      postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
      assertThat(ProcessHandle.of(postmaster)).isPresent();
      assertThat(during).hasSizeGreaterThan(before.size());
    }

    // At once, with no wait: close() returns only once the app, its children and the watchdogs are gone.
    assertThat(Stream.concat(during.stream(), TinyApps.liveDescendants().stream()).distinct()
        .filter(ProcessHandle::isAlive).filter(p -> !before.contains(p)).map(ProcessTree::describe))
        .as("processes started by the environment and still running after close()").isEmpty();
    assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("postgres server").isEmpty();
    assertThat(TinyApps.dataDirectories(workDir)).isEmpty();
  }

  @Test
  void app_that_exits_at_start_is_reported_with_exit_code_and_log_tail_and_nothing_is_left() throws Exception {
    Path workDir = TinyApps.workDir("exits");
    Environment env = local(TinyApps.onTestClasspath().env("TINY_APP_EXIT_AT_START", "3"), workDir);

    assertThatThrownBy(env::start).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("exited with code 3 during start")
        .hasMessageContaining("Last lines of")
        .hasMessageContaining("tiny-app: told to fail at start (TINY_APP_EXIT_AT_START=3)");
    assertThat(TinyApps.dataDirectories(workDir)).isEmpty();
  }

  @Test
  void app_that_never_becomes_ready_fails_within_its_start_timeout_and_is_stopped() throws Exception {
    Path workDir = TinyApps.workDir("never-ready");
    Environment env = local(TinyApps.onTestClasspath().env("TINY_APP_NEVER_READY", "true")
        .startTimeout(Duration.ofSeconds(10)), workDir);
    List<ProcessHandle> before = TinyApps.liveDescendants();

    // 10 s: long enough for the tiny app's JVM to come up on a loaded machine and answer 503.
    assertThatThrownBy(env::start).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("did not become ready. Expected GET http://")
        .hasMessageContaining("/health answers 2xx within 10000 ms, but the last probe got: HTTP 503 not ready.")
        .hasMessageContaining("withStatus(200, 503)")
        .hasMessageContaining("The app was stopped.")
        .hasMessageContaining("tiny-app: listening on");
    assertThat(TinyApps.liveDescendants()).containsExactlyInAnyOrderElementsOf(
        before.stream().filter(ProcessHandle::isAlive).toList());
  }

  @Test
  void missing_jar_is_reported_with_its_path_and_how_to_fix_it() throws Exception {
    Environment env = local(App.jar(Path.of("no-such", "app.jar")), TinyApps.workDir("no-jar"));

    assertThatThrownBy(env::start).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("Expected the app jar at " + Path.of("no-such", "app.jar").toAbsolutePath()
            + ", but there is no file there. Build the app first");
  }

  @Test
  void unreachable_jdbc_url_is_named_with_the_password_hidden() throws Exception {
    Environment env = Environments.builder().app(TinyApps.onTestClasspath()).kind(EnvironmentKind.LOCAL)
        .postgres(Postgres.jdbc("jdbc:postgresql://localhost:1/app?password=secret", "tester", "pw"))
        .workDir(TinyApps.workDir("bad-jdbc")).build();

    assertThatThrownBy(env::start).isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("Expected to connect to PostgreSQL at jdbc:postgresql://localhost:1/app?password=[redacted: 6 chars]"
            + " as user 'tester', but the connection failed")
        .hasMessageNotContaining("secret");
  }

  @Test
  void app_that_dies_after_start_is_reported_on_the_next_reset() throws Exception {
    try (Environment env = local(TinyApps.onTestClasspath(), TinyApps.workDir("dies")).start()) {
      ProcessHandle app = TinyApps.liveDescendants().stream()
          // The app is the one java child (the others are PostgreSQL's); a long command line may
          // not be readable whole, so the command's name is the fallback.
          .filter(p -> p.info().commandLine().orElse("").contains("TinyApp")
              || p.info().command().orElse("").endsWith("/java"))
          .findFirst().orElseThrow();
      app.destroyForcibly();
      app.onExit().get();

      // Not a configuration error: the app was up when the environment started (DependencyDownIT).
      assertThatThrownBy(env::reset).isInstanceOf(TollgateHarnessException.class)
          .hasMessageStartingWith("Dependency down during reset: the app.")
          .hasMessageContaining("to be running, but it exited with code")
          .hasMessageContaining("tiny-app: listening on");
    }
  }
}
