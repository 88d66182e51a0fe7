package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import dev.tollgate.runner.TollgateExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ShowcaseModel} against the real todo app: it passes on the correct app, and finds a
 * planted bug through a session kept after its logout.
 */
class ShowcaseIT {

  @RegisterExtension
  static final TollgateExtension gate = Tollgate.environment()
      .app(TodoApp.app(""))
      .postgres()
      .stub("notifier")
      .kind(EnvironmentKind.LOCAL)
      .build();

  @StateMachineTest(tries = 100, maxSteps = 30, users = 2)
  void the_showcase_model_passes_on_the_correct_app(Runner runner) {
    RunSummary summary = runner.check(ShowcaseModel.model());

    if (System.getProperty("tollgate.replay") != null) {
      return; // a replay line runs one program: the checks below are about the random tries
    }
    assertThat(summary.commandCounts().keySet()).contains("register", "login", "logout",
        "stale_session", "add_todos", "list_todos", "edit_todo");
    assertThat(summary.statesVisited()).containsExactly("logged_in", "logged_out", "new");
  }

  @Test
  void a_session_that_outlives_its_logout_is_found_through_the_stale_session() {
    try (Environment environment = TodoApp.start("logout-keeps-session")) {
      ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> Tollgate.runner().users(1).seed(1).withoutCorpus().withoutReports()
              .test(ShowcaseIT.class.getName(), "a_session_that_outlives_its_logout")
              .check(ShowcaseModel.model(), TodoApp.system(environment)));

      assertThat(failure).as("the showcase must find logout-keeps-session").isNotNull();
      assertThat(failure.check()).isEqualTo("postcondition of stale_session");
      // register, login, logout, then the stale session still works
      assertThat(failure.steps()).hasSize(4);
      assertThat(failure.getMessage()).contains("expected status 401 but was 200");
    }
  }
}
