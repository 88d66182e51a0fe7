package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.Step;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.SystemUnderTest;
import org.junit.jupiter.api.Test;

/** {@code toWhen(..)}: a login with a wrong password keeps the user logged out. */
class BranchingTransitionTest {

  enum Session { LOGGED_OUT, LOGGED_IN }

  /** The system: every account's password is "right"; each client holds one session. */
  static final class Accounts implements SystemUnderTest<Accounts.Client> {
    private final boolean acceptsAnyPassword;

    Accounts(boolean acceptsAnyPassword) {
      this.acceptsAnyPassword = acceptsAnyPassword;
    }

    final class Client {
      private boolean loggedIn;

      int login(String password) {
        loggedIn = acceptsAnyPassword || password.equals("right");
        return loggedIn ? 200 : 401;
      }

      int whoami() {
        return loggedIn ? 200 : 401;
      }

      int logout() {
        loggedIn = false;
        return 204;
      }
    }

    @Override
    public void reset() {}

    @Override
    public Client client(User user) {
      return new Client();
    }
  }

  static Model<Integer, Accounts.Client> model() {
    return Model.define("accounts", Accounts.Client.class, () -> 0)
        .userStates(Session.class)
        .command("login", c -> c.from(Session.LOGGED_OUT)
            .with(Gen.elements("right", "wrong"))
            .toWhen((logins, call) -> call.arg().equals("right"),
                Session.LOGGED_IN, Session.LOGGED_OUT)
            .run((client, password) -> client.login(password))
            .expect((logins, call, status) -> assertThat(status).as("login status")
                .isEqualTo(call.arg().equals("right") ? 200 : 401))
            .update((logins, call) -> call.arg().equals("right") ? logins + 1 : logins))
        .command("whoami", c -> c.from(Session.LOGGED_IN)
            .run((client, none) -> client.whoami())
            .expect((logins, call, status) -> assertThat(status).as("whoami status")
                .isEqualTo(200)))
        .command("logout", c -> c.from(Session.LOGGED_IN).to(Session.LOGGED_OUT)
            .run((client, none) -> client.logout()))
        .build();
  }

  @Test
  void a_failed_login_keeps_the_user_logged_out_and_later_steps_respect_it() {
    ProgramGenerator<Integer, Accounts.Client> generator =
        new ProgramGenerator<>(model(), 2, 20, false);
    int wrong = 0;
    for (long seed = 0; seed < 200; seed++) {
      Program<Integer, Accounts.Client> program = generator.generate(ChoiceRecorder.random(seed));
      boolean[] loggedIn = new boolean[2];
      for (Step<Integer, Accounts.Client> step : program.steps()) {
        int user = step.user().index();
        switch (step.command().name()) {
          case "login" -> {
            loggedIn[user] = step.arg().equals("right");
            wrong += loggedIn[user] ? 0 : 1;
          }
          case "logout" -> loggedIn[user] = false;
          default -> assertThat(loggedIn[user]).as("%s: %s runs logged in", program, step)
              .isTrue();
        }
        assertThat(step.userStateAfter()).as(step.describe())
            .isEqualTo(loggedIn[user] ? "logged_in" : "logged_out");
      }
    }
    assertThat(wrong).isGreaterThan(50);
  }

  @Test
  void a_system_that_agrees_with_the_prediction_passes_through_both_branches() {
    RunSummary summary = Tollgate.runner().tries(50).users(2).seed(1).reporter(Reporter.none())
        .withoutReports().withoutCorpus()
        .check(model(), new Accounts(false));

    assertThat(summary.transitions()).containsKeys(
        "logged_out --login--> logged_in", "logged_out --login--> logged_out",
        "logged_in --whoami--> logged_in");
  }

  @Test
  void a_system_that_disagrees_fails_the_step_where_it_answered() {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().tries(50).users(2).seed(1).reporter(Reporter.none())
            .withoutReports().withoutCorpus()
            .check(model(), new Accounts(true)));

    assertThat(failure).isNotNull();
    assertThat(failure.check()).isEqualTo("postcondition of login");
    assertThat(failure.steps()).hasSize(1);
    assertThat(failure.steps().get(0)).endsWith("login(\"wrong\")");
  }

  @Test
  void both_ends_are_declared_and_checked() {
    Command<Integer, Accounts.Client> login = model().commands().get(0);

    assertThat(login.targets()).containsExactly("logged_in", "logged_out");
    assertThat(login.to()).isNull();
    assertThatThrownBy(() -> Model.define("accounts", Object.class, () -> 0)
        .userStates(Session.class)
        .command("login", c -> c.with(Gen.booleans())
            .toWhen((model, call) -> call.arg(), Session.LOGGED_IN, "locked")
            .run((client, ok) -> ok))
        .build())
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("Command 'login' goes to the unknown user state 'locked'");
  }

  @Test
  void a_prediction_that_throws_is_a_model_mistake_naming_the_command() {
    Model<Integer, Object> model = Model.define("accounts", Object.class, () -> 0)
        .userStates(Session.class)
        .command("login", c -> c.with(Gen.constant("pw"))
            .toWhen((logins, call) -> call.arg().charAt(5) == 'x',
                Session.LOGGED_IN, Session.LOGGED_OUT)
            .run((client, password) -> password))
        .build();

    assertThatThrownBy(() -> new ProgramGenerator<>(model, 1, 5, false)
        .generate(ChoiceRecorder.random(1)))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("The transition (toWhen) of command 'login' threw");
  }
}
