package dev.tollgate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.report.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlantedBugsTest {

  private static Runner defaultBudget() {
    // The default budget: tries, max steps, shrink limits.
    return Tollgate.runner().reporter(Reporter.none());
  }

  @ParameterizedTest
  @EnumSource(Bug.class)
  void finds_each_planted_bug_and_shrinks_it_to_its_minimal_length(Bug bug) {
    for (long s = 1; s <= 3; s++) {
      long seed = s;
      ModelCheckFailure failure =
          catchThrowableOfType(
              ModelCheckFailure.class,
              () -> defaultBudget().users(bug.users()).seed(seed).check(TodoModel.model(), TodoSystem.with(bug)));

      assertThat(failure).as("%s with seed %d", bug, seed).isNotNull();
      assertThat(failure.steps())
          .as("shrunk program for %s (seed %d):%n%s", bug, seed, failure.getMessage())
          .hasSize(bug.minimalSteps());
      assertThat(failure.failedStep()).isEqualTo(bug.minimalSteps());
      assertThat(failure.originalSteps()).isGreaterThanOrEqualTo(bug.minimalSteps());
    }
  }

  @Test
  void delete_twice_failure_names_the_broken_expectation_with_expected_and_actual() {
    ModelCheckFailure failure =
        catchThrowableOfType(
            ModelCheckFailure.class,
            () -> defaultBudget().seed(7).check(TodoModel.model(), TodoSystem.with(Bug.DELETE_TWICE)));

    assertThat(failure.check()).isEqualTo("postcondition of delete_todo");
    assertThat(failure.isExpectedDefined()).isTrue();
    assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("404");
    assertThat(failure.getActual().getStringRepresentation()).isEqualTo("500");
    assertThat(failure.steps()).hasSize(4);
    assertThat(failure.steps().get(0)).endsWith("login()");
    assertThat(failure.steps().get(1)).contains("add_todo(").contains("→ todo#2");
    assertThat(failure.steps().get(2)).contains("delete_todo(todo#2)");
    assertThat(failure.steps().get(3)).contains("delete_todo(todo#2)");
    assertThat(failure.getMessage())
        .contains("4. ")
        .contains("<-- FAILED: postcondition of delete_todo")
        .contains("expected: 404")
        .contains("Model state before step 4")
        .contains("-Dtollgate.replay=" + failure.replayToken());
  }

  @Test
  void correct_system_passes_500_tries_without_a_false_alarm() {
    RunSummary summary =
        Tollgate.runner()
            .tries(500)
            .users(3)
            .reporter(Reporter.none())
            .check(TodoModel.model(), TodoSystem.correct());

    assertThat(summary.programs()).isEqualTo(500);
    assertThat(summary.commandCounts()).containsKeys(
        "login", "logout", "list_with_old_token", "add_todo", "edit_todo", "delete_todo",
        "list_todos", "vote");
    assertThat(summary.statesVisited()).containsExactly("logged_in", "logged_out");
  }
}
