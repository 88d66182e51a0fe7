package dev.tollgate.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import org.junit.jupiter.api.Test;

/** {@link Crud} against a small real service: its commands draw ids from the resource's bundle. */
class CrudTest {
  private static final Crud.Resource NOTES = Crud.resource("note", "/notes")
      .create("title", Gen.elements("", "a", "b"), title -> !"".equals(title))
      .edit("title", Gen.elements("", "c"), title -> !"".equals(title))
      .ownedByUser(false);

  private static Model<World, Http> model() {
    return Model.define("notes", Http.class, World::empty).commands(NOTES.commands()).build();
  }

  @Test
  void a_correct_service_passes_and_every_command_runs_once_a_note_exists() throws Exception {
    try (ItemsServer server = new ItemsServer(false)) {
      RunSummary summary = Tollgate.runner().tries(40).seed(1).reporter(Reporter.none())
          .withoutReports().withoutCorpus()
          .check(model(), HttpSystem.at(server.baseUrl()).onReset(server::reset));

      assertThat(summary.commandCounts()).containsKeys(
          "add_note", "get_note", "edit_note", "delete_note", "list_notes");
    }
  }

  @Test
  void a_second_delete_that_succeeds_is_found_in_three_steps() throws Exception {
    try (ItemsServer server = new ItemsServer(true)) {
      ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> Tollgate.runner().tries(100).seed(1).reporter(Reporter.none())
              .withoutReports().withoutCorpus()
              .check(model(), HttpSystem.at(server.baseUrl()).onReset(server::reset)));

      assertThat(failure).isNotNull();
      assertThat(failure.check()).isEqualTo("postcondition of delete_note");
      assertThat(failure.steps()).hasSize(3);
      assertThat(failure.steps().get(0)).contains("add_note({title=\"a\"})");
      assertThat(failure.steps().get(1)).contains("delete_note(note#1)");
      assertThat(failure.steps().get(2)).contains("delete_note(note#1)");
    }
  }
}
