package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.environment.App;
import dev.tollgate.environment.Database;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Postgres;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExternalEnvironmentIT {
  /** Stands in for a deployed staging system. */
  private static Environment deployed;

  @BeforeAll
  static void deploy() throws Exception {
    deployed = Environments.builder().app(TinyApps.onTestClasspath()).postgres().kind(EnvironmentKind.LOCAL)
        .workDir(TinyApps.workDir("deployed")).build().start();
  }

  @AfterAll
  static void undeploy() {
    deployed.close();
  }

  @AfterEach
  void clearConfiguration() {
    System.clearProperty("tollgate.external.url");
  }

  @Test
  void resets_a_deployed_system_through_its_jdbc_url_and_leaves_it_running_on_close() throws Exception {
    Database db = deployed.database();
    Environment external = Environments.builder().app(App.deployedAt(deployed.appBaseUrl()))
        .postgres(Postgres.jdbc(db.jdbcUrl(), db.user(), db.password())).kind(EnvironmentKind.EXTERNAL).build();
    try (external) {
      external.start();
      URI app = external.appBaseUrl();
      TinyApps.post(app, "/users?name=ada");
      TinyApps.post(app, "/todos?user=1&title=milk");
      assertThat(TinyApps.get(app, "/todos/count").body()).isEqualTo("1");

      external.reset();

      assertThat(TinyApps.get(app, "/todos/count").body()).isEqualTo("0");
      assertThat(TinyApps.post(app, "/users?name=bob").body()).isEqualTo("{\"id\":1}");
    }
    assertThat(TinyApps.get(deployed.appBaseUrl(), "/health").statusCode()).as("the deployed app still runs").isEqualTo(200);
  }

  @Test
  void takes_the_base_url_from_configuration_so_the_same_test_runs_against_staging() throws Exception {
    System.setProperty("tollgate.external.url", deployed.appBaseUrl().toString());
    Environment external = Environments.builder().app(App.jar(Path.of("not-needed.jar"))).kind(EnvironmentKind.EXTERNAL)
        .build();
    try (external) {
      external.start();

      assertThat(external.appBaseUrl()).isEqualTo(deployed.appBaseUrl());
      assertThatThrownBy(external::database).isInstanceOf(EnvironmentException.class)
          .hasMessageStartingWith("This environment has no database.");
    }
  }

  @Test
  void without_a_base_url_says_where_to_give_one() {
    Environment external = Environments.builder().app(App.jar(Path.of("not-needed.jar"))).kind(EnvironmentKind.EXTERNAL)
        .build();

    assertThatThrownBy(external::start).isInstanceOf(EnvironmentException.class)
        .hasMessage("The external environment needs the deployed app's base URL, but none was given."
            + " Set -Dtollgate.external.url=https://staging.example.com (or the variable TOLLGATE_EXTERNAL_URL),"
            + " or build the environment with App.deployedAt(URI).");
  }
}
