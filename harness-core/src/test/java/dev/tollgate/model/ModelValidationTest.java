package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.SystemUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A malformed model gets one configuration error naming the element at fault, within a second. */
class ModelValidationTest {

  /** A system that must never be reached: validation happens before anything runs. */
  private static final SystemUnderTest<Object> UNREACHED =
      new SystemUnderTest<>() {
        @Override
        public void reset() {
          throw new AssertionError("the system must not run for a malformed model");
        }

        @Override
        public Object client(User user) {
          throw new AssertionError("the system must not run for a malformed model");
        }
      };

  /**
   * Rejected with the message, and promptly: the bound only catches a check that hangs or
   * searches without end, so it is generous enough for a loaded machine (a check takes about
   * 1 s there, a few ms on an idle one); it is no timing assertion.
   */
  private static void rejectedPromptly(Executable check, String... messageParts) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> assertThatThrownBy(check::execute)
            .isInstanceOf(TollgateConfigurationException.class)
            .message()
            .contains(messageParts));
  }

  private static void check(Model<Object, Object> model) {
    Tollgate.runner().seed(1).reporter(Reporter.none()).check(model, UNREACHED);
  }

  @Test
  void a_model_without_commands_is_rejected() {
    rejectedPromptly(
        () -> Model.define("empty", Object.class, Object::new).build(),
        "Model 'empty' has no commands", ".command(\"add_todo\"");
  }

  @Test
  void a_command_whose_precondition_is_never_true_is_named() {
    Model<Object, Object> model =
        Model.define("stuck", Object.class, Object::new)
            .command("ping", c -> c.run((client, none) -> "pong"))
            .command("never", c -> c.when((m, user) -> false).run((client, none) -> "x"))
            .build();

    rejectedPromptly(
        () -> check(model),
        "Command 'never' was never enabled, neither in 200 random programs nor in a search of",
        "its precondition is never true", "Fix its precondition");
  }

  @Test
  void a_model_where_nothing_is_enabled_at_the_start_says_why_for_each_command() {
    Model<Object, Object> model =
        Model.define("locked", Object.class, Object::new)
            .userStates("out", "in")
            .command("use", c -> c.from("in").run((client, none) -> "x"))
            .command("open", c -> c.from("out").when((m, u) -> false).run((client, none) -> "x"))
            .build();

    rejectedPromptly(
        () -> check(model),
        "Model 'locked': no command is enabled at the first step",
        "use: runs only from [in]", "open: its precondition is false");
  }

  @Test
  void a_transition_to_an_unknown_state_is_named_with_the_known_states() {
    rejectedPromptly(
        () -> Model.define("fsm", Object.class, Object::new)
            .userStates("logged_out", "logged_in")
            .command("login", c -> c.from("logged_out").to("loged_in").run((client, none) -> "x"))
            .build(),
        "Command 'login' goes to the unknown user state 'loged_in'",
        "Declared states: [logged_out, logged_in]");
  }

  @Test
  void duplicate_command_names_are_rejected() {
    rejectedPromptly(
        () -> Model.define("dupes", Object.class, Object::new)
            .command("add", c -> c.run((client, none) -> "x"))
            .command("add", c -> c.run((client, none) -> "y"))
            .build(),
        "Model 'dupes' has two commands named 'add' (commands 1 and 2)", "rename one");
  }

  @Test
  void a_reference_used_before_anything_binds_it_is_named() {
    // The mistake: the model keeps its refs in a shared mutable list, so they leak between
    // programs (the state itself stays untouched, so only the reference check can tell).
    List<Ref<Object>> leaked = new ArrayList<>();
    Model<Object, Object> model =
        Model.<Object, Object>define("leaky", () -> "refs kept elsewhere")
            .command("create", c -> c.run((client, none) -> "id").yields(result -> result)
                .update((state, call) -> {
                  leaked.add(call.ref());
                  return state;
                }))
            .command("use", c -> c.when((state, user) -> !leaked.isEmpty())
                .with((state, user) -> Gen.elements(leaked))
                .run((client, ref) -> ref))
            .build();

    rejectedPromptly(
        () -> check(model),
        "Command 'use'", "which no earlier step of this program made",
        "initialState() returns a fresh state");
  }

  @Test
  void a_generator_that_filters_out_everything_is_named() {
    Model<Object, Object> model =
        Model.define("picky", Object.class, Object::new)
            .command("pick", c -> c.with(Gen.integers(0, 10).filter(i -> i > 100))
                .run((client, i) -> i))
            .build();

    rejectedPromptly(
        () -> check(model),
        "the argument generator of command 'pick' gave no value",
        "a filter rejected 100 generated values in a row", "Generate the wanted values directly");
  }

  @Test
  void a_command_without_an_action_is_named() {
    rejectedPromptly(
        () -> Model.define("lazy", Object.class, Object::new)
            .command("idle", c -> c.with(Gen.booleans()))
            .build(),
        "Command 'idle' has no action", ".run((client, arg) -> ...)");
  }

  @Test
  void a_model_update_that_returns_null_is_named() {
    Model<Object, Object> model =
        Model.define("void", Object.class, Object::new)
            .command("forget", c -> c.run((client, none) -> "x").update((state, call) -> null))
            .build();

    rejectedPromptly(() -> check(model), "The model update of command 'forget' returned null");
  }

  @Test
  void a_negative_weight_is_rejected_where_it_is_set() {
    assertThatThrownBy(() -> Command.named("heavy").weight(-1))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessage("Command 'heavy': weight -1 is negative; expected 0 or more.");
  }

  @Test
  void enum_states_and_string_states_name_the_same_states() {
    enum Session { LOGGED_OUT, LOGGED_IN }

    Model<Object, Object> model =
        Model.define("enums", Object.class, Object::new)
            .userStates(Session.class)
            .command("login", c -> c.from(Session.LOGGED_OUT).to("logged_in")
                .run((client, none) -> "x"))
            .build();

    assertThat(model.userStates()).containsExactly("logged_out", "logged_in");
    assertThat(model.commands().get(0).to()).isEqualTo("logged_in");
  }

  @Test
  void a_second_with_is_rejected_instead_of_replacing_the_first() {
    rejectedPromptly(
        () -> Model.define("twice", Object.class, Object::new)
            .command("add", c -> c.with(Gen.integers(0, 9)).with(Gen.strings())
                .run((client, arg) -> arg))
            .build(),
        "Command 'add' has a second .with(..)", "Gen.combine(");
  }

  @Test
  void a_second_yields_with_the_same_label_is_rejected_instead_of_replacing_the_first() {
    rejectedPromptly(
        () -> Model.define("twice", Object.class, Object::new)
            .command("login", c -> c.run((client, none) -> "tok")
                .yields("token", result -> result).yields("token", result -> result))
            .build(),
        "Command 'login' has a second .yields(..) labelled 'token'",
        ".yields(\"token\", res -> res.path(\"token\")).yields(\"user\"");
  }

  @Test
  void a_second_unnamed_yields_is_rejected_instead_of_replacing_the_first() {
    rejectedPromptly(
        () -> Model.define("twice", Object.class, Object::new)
            .command("login", c -> c.run((client, none) -> "tok")
                .yields(result -> result).yields(result -> result))
            .build(),
        "Command 'login' has a second .yields(..) labelled 'login'", "Name them apart");
  }

  @Test
  void a_second_update_composes_with_the_first() {
    List<Integer> seen = new ArrayList<>();
    Model<Integer, Object> model = Model.define("counter", Object.class, () -> 0)
        .command("bump", c -> c.run((client, none) -> "ok")
            .update((count, call) -> count + 1)
            .update((count, call) -> count * 10))
        .invariant("seen", (count, users) -> seen.add(count))
        .build();

    Tollgate.runner().seed(1).tries(1).maxSteps(2).reporter(Reporter.none()).withoutReports()
        .withoutCorpus().check(model, new SystemUnderTest<Object>() {
          @Override
          public void reset() {}

          @Override
          public Object client(User user) {
            return new Object();
          }
        });

    // Each step adds one, then multiplies by ten: 0 -> 10 -> 110, never 1 or 0 * 10.
    assertThat(seen).contains(10).doesNotContain(1);
  }
}
