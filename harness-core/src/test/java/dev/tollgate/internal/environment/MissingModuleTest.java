package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.environment.App;
import dev.tollgate.environment.EnvironmentBuilder;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Postgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The core's own tests run without the environment modules, as a project does that has not added
 * them: an environment whose module is missing fails before it starts anything, naming the
 * artifact to add, with a snippet to paste.
 */
class MissingModuleTest {
  private static final String VERSION = "0.1.0-SNAPSHOT";

  private static EnvironmentBuilder builder(EnvironmentKind kind) {
    return Environments.builder().kind(kind).app(App.jar(Path.of("no-such-app.jar")))
        .workDir(Path.of("target", "missing-module"));
  }

  @Test
  void a_local_environment_without_its_module_names_tollgate_local_word_for_word() {
    assertThatThrownBy(() -> builder(EnvironmentKind.LOCAL).postgres().stub("notifier").build().start())
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("The local environment needs Tollgate's module dev.tollgate:tollgate-local (embedded"
            + " PostgreSQL, the app as a child process and WireMock in this JVM), but it is not on the test"
            + " classpath. Each environment is a module that brings its own libraries, so a project adds one"
            + " dependency per environment it uses. Add to your pom.xml (with tollgate-bom imported, without"
            + " the <version>):\n"
            + "    <dependency>\n"
            + "      <groupId>dev.tollgate</groupId>\n"
            + "      <artifactId>tollgate-local</artifactId>\n"
            + "      <version>" + VERSION + "</version>\n"
            + "      <scope>test</scope>\n"
            + "    </dependency>\n"
            + "(or choose another environment: -Dtollgate.environment=local|containers|external).");
  }

  @Test
  void a_containers_environment_without_its_module_names_tollgate_containers_only() {
    assertThatThrownBy(() -> builder(EnvironmentKind.CONTAINERS).postgres().stub("notifier").build().start())
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("The containers environment needs Tollgate's module dev.tollgate:tollgate-containers")
        .hasMessageContaining("<artifactId>tollgate-containers</artifactId>")
        .hasMessageNotContaining("tollgate-local")
        .hasMessageNotContaining("org.testcontainers");
  }

  @Test
  void a_local_environment_with_a_container_database_names_both_modules() {
    assertThatThrownBy(() -> builder(EnvironmentKind.LOCAL).postgres(Postgres.container()).build().start())
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("The local environment needs Tollgate's module dev.tollgate:tollgate-local (")
        .hasMessageContaining(", and Tollgate's module dev.tollgate:tollgate-containers (")
        .hasMessageContaining("but they are not on the test classpath");
  }

  @Test
  void an_external_environment_needs_the_local_module_only_for_its_stubs() {
    assertThatThrownBy(() -> builder(EnvironmentKind.EXTERNAL).stub("notifier").build().start())
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("The external environment needs Tollgate's module dev.tollgate:tollgate-local");

    assertThatThrownBy(() -> builder(EnvironmentKind.EXTERNAL).build().start())
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("The external environment needs the deployed app's base URL")
        .hasMessageNotContaining("not on the test classpath");
  }

  @Test
  void docker_checks_without_the_containers_module_name_it() {
    assertThatThrownBy(Environments::dockerAvailable).isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("Environments.dockerAvailable() needs Tollgate's module"
            + " dev.tollgate:tollgate-containers");
    assertThat(Environments.whyContainersCannotRun()).hasValueSatisfying(why ->
        assertThat(why).startsWith("The containers environment needs Tollgate's module dev.tollgate:tollgate-containers"));
  }

  @Test
  void without_the_containers_module_auto_means_local() {
    assertThat(EnvironmentModules.containers()).isEmpty();
    System.setProperty("tollgate.environment", "auto");
    try {
      assertThat(Environments.resolveKind(null)).isEqualTo(EnvironmentKind.LOCAL);
    } finally {
      System.clearProperty("tollgate.environment");
    }
  }

  @Test
  void a_missing_driver_of_an_external_database_is_named_with_its_version() {
    String message = Requires.message("The external environment", List.of(), List.of(Requires.Library.POSTGRES_DRIVER));

    assertThat(message)
        .startsWith("The external environment needs the PostgreSQL JDBC driver (org.postgresql:postgresql), but it is"
            + " not on the test classpath.")
        .contains("<artifactId>postgresql</artifactId>")
        .contains("<version>42.")
        .doesNotContain("<version>…</version>");
  }
}
