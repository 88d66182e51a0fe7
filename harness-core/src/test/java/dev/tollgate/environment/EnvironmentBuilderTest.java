package dev.tollgate.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvironmentBuilderTest {

  @AfterEach
  void clearConfiguration() {
    System.clearProperty("tollgate.environment");
  }

  @Test
  void rejects_an_environment_without_app_and_shows_how_to_add_one() {
    assertThatThrownBy(() -> Environments.builder().postgres().build()).isInstanceOf(EnvironmentException.class)
        .hasMessage("An environment needs an app, but none was given."
            + " Add for example .app(App.jar(Path.of(\"target/my-app.jar\")).readyWhen(\"/health\")).");
  }

  @Test
  void rejects_a_stub_name_that_cannot_be_a_host_name() {
    assertThatThrownBy(() -> Environments.builder().stub("Notifier Service")).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("but found 'Notifier Service'. Use for example stub(\"notifier\").");
  }

  @Test
  void rejects_a_stub_declared_twice() {
    assertThatThrownBy(() -> Environments.builder().stub("notifier").stub("notifier"))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("The stub 'notifier' is declared twice. Declare each dependent service once.");
  }

  @Test
  void configuration_chooses_the_kind_when_code_does_not() {
    System.setProperty("tollgate.environment", "external");

    Environment env = Environments.builder().app(App.jar(Path.of("app.jar"))).build();

    assertThat(env.kind()).isEqualTo(EnvironmentKind.EXTERNAL);
  }

  @Test
  void a_kind_fixed_in_code_wins_over_configuration() {
    System.setProperty("tollgate.environment", "external");

    assertThat(Environments.resolveKind(EnvironmentKind.LOCAL)).isEqualTo(EnvironmentKind.LOCAL);
  }

  @Test
  void rejects_an_unknown_kind_and_lists_the_valid_ones() {
    System.setProperty("tollgate.environment", "staging");

    assertThatThrownBy(() -> Environments.resolveKind(null)).isInstanceOf(EnvironmentException.class)
        .hasMessage("Expected tollgate.environment to be one of local, containers, external or auto, but found 'staging'."
            + " Fix the system property -Dtollgate.environment or the variable TOLLGATE_ENVIRONMENT.");
  }

  @Test
  void rejects_a_jdbc_url_of_another_database() {
    assertThatThrownBy(() -> Postgres.jdbc("jdbc:mysql://db/app", "u", "p")).isInstanceOf(EnvironmentException.class)
        .hasMessage("Expected a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/app,"
            + " but found 'jdbc:mysql://db/app'.");
  }
}
