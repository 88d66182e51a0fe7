package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.Environment;
import dev.tollgate.runner.ModelCheckFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
  @CsvSource(delimiter = '|', value = {
    // bug | users it needs | the failing command and its BUGS.md length, per way the bug shows
    "delete-twice         | 1 | delete_todo:3",
    "edit-resurrects      | 1 | edit_todo:3",
    "logout-keeps-session | 1 | stale_token:2",
    "list-leaks           | 2 | list_todos:2",
    "page-drops-11th      | 1 | list_todos:12",
    "double-vote          | 1 | vote_todo:3",
    "blank-title          | 1 | add_todo:1 edit_todo:2",
    "vote-fk-500          | 1 | vote_todo:3",
  })
  void each_planted_bug_fails_the_gate_shrunk_to_its_minimal_length(
      String bug, int users, String shapes) {
    Map<String, Integer> lengths = new LinkedHashMap<>();
    for (String shape : shapes.trim().split(" ")) {
      String[] parts = shape.split(":");
      lengths.put(parts[0], Integer.parseInt(parts[1]));
    }
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
      String command = failure.check().replace("postcondition of ", "");
      assertThat(lengths)
          .as("the failing check of %s:%n%s", bug, failure.getMessage())
          .containsKey(command);
      assertThat(failure.check()).isEqualTo("postcondition of " + command);
      assertThat(failure.steps().get(failure.failedStep() - 1)).contains(" " + command + "(");
      assertThat(failure.steps())
          .as("shrunk program for %s:%n%s", bug, failure.getMessage())
          .hasSize(lengths.get(command) + 2 * users);
    }
  }

  /**
   * A bug only staff see, with the pinning flag on: the program draws both flag dimensions, and
   * shrinking keeps exactly what the bug needs, the flag on and the user staff (who registers as
   * {@code staff1}, a name the app makes staff).
   */
  @Test
  void a_bug_only_staff_see_is_found_and_shrunk_as_staff_with_the_flag_on() {
    try (Environment environment = TodoApp.start("pin-toggles")) {
      ModelCheckFailure failure =
          catchThrowableOfType(
              ModelCheckFailure.class,
              () -> Tollgate.runner()
                  .users(2)
                  .seed(1)
                  .withoutCorpus()
                  .withoutReports()
                  .test(PlantedBugsGateIT.class.getName(), "a_bug_only_staff_see")
                  .check(TodoGateModel.model(TodoApp.setup(environment)),
                      TodoApp.system(environment)));

      assertThat(failure).as("the gate must fail with pin-toggles switched on").isNotNull();
      assertThat(failure.check()).as(failure.getMessage()).isEqualTo("postcondition of pin_todo");
      // register, login, add_todo, pin_todo, pin_todo: one user, the other shrunk away.
      assertThat(failure.steps()).as(failure.getMessage()).hasSize(5);
      assertThat(failure.steps().get(0)).contains("register(staff");
      assertThat(failure.getMessage()).containsPattern("Flags: pinning on; [^\\n]*staff on");
    }
  }
}
