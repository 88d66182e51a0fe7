package dev.tollgate.internal.shrink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.fixtures.Todos;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.runner.Checker;
import dev.tollgate.internal.runner.Settings;
import dev.tollgate.model.Ref;
import dev.tollgate.runner.ModelCheckFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShrinkingPropertiesTest {

  private static Settings settings(long seed, int users) {
    return new Settings(
        200, 50, users, seed, Duration.ofMinutes(1), 1000, Duration.ofMinutes(1), true, null,
        token -> "replay " + token);
  }

  @ParameterizedTest
  @EnumSource(Bug.class)
  void every_shrink_candidate_is_valid_and_none_is_longer_than_the_failing_program(Bug bug) {
    for (long seed = 11; seed <= 15; seed++) {
      List<Program<Todos, TodoSystem.Client>> candidates = new ArrayList<>();
      Checker<Todos, TodoSystem.Client> checker =
          new Checker<>(
              TodoModel.model(), TodoSystem.with(bug), settings(seed, bug.users()), candidates::add);

      ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class, checker::check);

      assertThat(failure).as("%s, seed %d", bug, seed).isNotNull();
      assertThat(candidates).isNotEmpty();
      for (Program<Todos, TodoSystem.Client> candidate : candidates) {
        assertThat(candidate.size()).isLessThanOrEqualTo(failure.originalSteps());
        for (Step<Todos, TodoSystem.Client> step : candidate.steps()) {
          assertThat(step.command().enabled(step.before(), step.user()))
              .as("precondition of step %d (%s) in candidate%n%s", step.step() + 1, step, candidate)
              .isTrue();
          for (Ref<?> ref : refsIn(step.arg())) {
            assertThat(ref.madeBy(candidate.token()) && ref.step() < step.step())
                .as("reference %s at step %d was made by an earlier step", ref, step.step() + 1)
                .isTrue();
          }
        }
      }
      assertThat(failure.steps().size()).isLessThanOrEqualTo(failure.originalSteps());
    }
  }

  private static List<Ref<?>> refsIn(Object arg) {
    if (arg instanceof Ref<?> ref) {
      return List.of(ref);
    }
    if (arg instanceof TodoModel.Edit edit) {
      return List.of(edit.todo());
    }
    return List.of();
  }
}
