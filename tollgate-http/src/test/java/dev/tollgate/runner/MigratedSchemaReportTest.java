package dev.tollgate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.report.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A check on a schema a later release migrated names the release and the migrations in report.json. */
@ExtendWith(RestoreTollgateProperties.class)
class MigratedSchemaReportTest {
  @TempDir Path reports;

  private Runner runner(String method) {
    // The build's setting wins over reportDir(..).
    System.setProperty("tollgate.reportDir", reports.toString());
    return Tollgate.runner().tries(5).seed(5).reporter(Reporter.none()).withoutCorpus()
        .flakyReruns(0).test(MigratedSchemaReportTest.class.getName(), method);
  }

  private JsonNode report(String method) throws Exception {
    return new ObjectMapper().readTree(reports.resolve(MigratedSchemaReportTest.class.getName()
        + "." + method).resolve("report.json").toFile());
  }

  @Test
  void a_passing_check_names_the_release_and_the_migrations_it_ran_after() throws Exception {
    runner("passes").onMigratedSchema("release 1", List.of("V2__add_note.sql"))
        .check(TodoModel.model(), TodoSystem.correct());

    JsonNode report = report("passes");
    assertThat(report.path("status").asText()).isEqualTo("passed");
    assertThat(report.path("migration").path("release").asText()).isEqualTo("release 1");
    assertThat(report.path("migration").path("scripts").toString()).isEqualTo("[\"V2__add_note.sql\"]");
    assertThat(report.path("statistics").path("programs").asInt()).isEqualTo(5);
  }

  @Test
  void a_failing_check_names_them_beside_the_failure() throws Exception {
    catchThrowableOfType(ModelCheckFailure.class, () -> runner("fails")
        .onMigratedSchema("release 1", List.of("V2__rename.sql"))
        .tries(200).check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE)));

    JsonNode report = report("fails");
    assertThat(report.path("status").asText()).isEqualTo("failed");
    assertThat(report.path("migration").path("scripts").path(0).asText()).isEqualTo("V2__rename.sql");
    assertThat(report.path("failure").path("step").asInt()).isPositive();
  }

  @Test
  void a_check_on_no_migrated_schema_has_no_migration() throws Exception {
    runner("plain").check(TodoModel.model(), TodoSystem.correct());

    assertThat(report("plain").has("migration")).isFalse();
    assertThat(Files.readString(reports.resolve(MigratedSchemaReportTest.class.getName() + ".plain")
        .resolve("report.json"))).doesNotContain("\"migration\"");
  }

  @Test
  void a_blank_release_name_is_refused() {
    assertThatThrownBy(() -> Tollgate.runner().onMigratedSchema(" ", List.of()))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("expected the name of the release whose model runs");
  }
}
