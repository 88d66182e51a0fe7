package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.Environment;
import dev.tollgate.runner.ModelCheckFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each planted bug of the example app, switched on alone, fails the gate; the shrunk program has
 * the minimal length that {@code examples/todo-app/BUGS.md} gives, and its failing step names the
 * broken expectation. BUGS.md counts neither registration nor the first login of each user, so
 * the program here is longer by two steps per user.
 */
class PlantedBugsGateIT {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // bug, BUGS.md length, users it needs, the failing step's command, its broken expectation
    "delete-twice,         3, 1, delete_todo,  postcondition of delete_todo",
    "edit-resurrects,      3, 1, edit_todo,    postcondition of edit_todo",
    "logout-keeps-session, 2, 1, stale_token,  postcondition of stale_token",
    "list-leaks,           2, 2, list_todos,   postcondition of list_todos",
    "page-drops-11th,     12, 1, list_todos,   postcondition of list_todos",
    "double-vote,          3, 1, vote_todo,    postcondition of vote_todo",
    "blank-title,          1, 1, add_todo,     postcondition of add_todo",
    "vote-fk-500,          3, 1, vote_todo,    postcondition of vote_todo",
  })
  void each_planted_bug_fails_the_gate_shrunk_to_its_minimal_length(
      String bug, int length, int users, String command, String check) {
    try (Environment environment = TodoApp.start(bug)) {
      ModelCheckFailure failure =
          catchThrowableOfType(
              ModelCheckFailure.class,
              () -> Tollgate.runner()
                  .users(users)
                  .seed(1)
                  // Failures are planted here: keep them out of the corpus and of the reports
                  // that the gate reads.
                  .withoutCorpus()
                  .withoutReports()
                  .test(PlantedBugsGateIT.class.getName(), "each_planted_bug_fails_the_gate")
                  .check(TodoGateModel.model(TodoApp.setup(environment)),
                      TodoApp.system(environment)));

      assertThat(failure).as("the gate must fail with %s switched on", bug).isNotNull();
      assertThat(failure.steps())
          .as("shrunk program for %s:%n%s", bug, failure.getMessage())
          .hasSize(length + 2 * users);
      assertThat(failure.steps().get(failure.failedStep() - 1)).contains(command);
      assertThat(failure.check()).isEqualTo(check);
    }
  }
}
