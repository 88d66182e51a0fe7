package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in the model itself are reported as model mistakes, before any system runs, naming the
 * command: not as failures of the system.
 */
class ModelMistakesTest {
  private static final AtomicInteger systemCalls = new AtomicInteger();

  /** An in-process system that answers every call with "ok", and counts resets. */
  private static final SystemUnderTest<Object> OK = new SystemUnderTest<>() {
    @Override
    public void reset() {
      systemCalls.incrementAndGet();
    }

    @Override
    public Object client(User user) {
      return "client";
    }
  };

  private static RunSummary check(Model<?, Object> model) {
    @SuppressWarnings("unchecked")
    Model<Object, Object> m = (Model<Object, Object>) model;
    return Tollgate.runner().seed(5).tries(20).maxSteps(20).reporter(Reporter.none()).check(m, OK);
  }

  private static void rejectedBeforeTheSystemRuns(Model<?, Object> model, String... parts) {
    int before = systemCalls.get();
    assertThatThrownBy(() -> check(model))
        .isInstanceOf(TollgateConfigurationException.class)
        .message().contains(parts);
    assertThat(systemCalls.get()).as("resets of the system").isEqualTo(before);
  }

  @Test
  void a_generator_that_uses_math_random_is_named_as_not_pure() {
    Model<Object, Object> model = Model.<Object, Object>define("random", () -> "s")
        .command("add", c -> c.with(Gen.integers(0, 9).map(i -> i + (int) (Math.random() * 1e6)))
            .run((client, n) -> "ok"))
        .build();

    rejectedBeforeTheSystemRuns(model,
        "Model 'random': the same choices gave two different programs, at step 1 (command 'add')",
        "Suspect: the argument generator of command 'add'", "not Math.random");
  }

  @Test
  void an_update_that_changes_the_state_it_was_given_is_named() {
    Model<List<Integer>, Object> model =
        Model.<List<Integer>, Object>define("in-place", ArrayList::new)
            .command("add", c -> c.with(Gen.integers(1, 5))
                .run((client, n) -> "ok")
                .update((list, call) -> {
                  list.add(call.arg());          // the mistake: the old state changes too
                  return list;
                }))
            .build();

    rejectedBeforeTheSystemRuns(model,
        "The model update of command 'add' changed the state it was given, at step 1",
        "before the update: []", "Return a new state instead");
  }

  @Test
  void an_update_that_copies_the_state_passes() {
    Model<List<Integer>, Object> model =
        Model.<List<Integer>, Object>define("copying", List::of)
            .command("add", c -> c.with(Gen.integers(1, 5))
                .run((client, n) -> "ok")
                .update((list, call) -> {
                  List<Integer> next = new ArrayList<>(list);
                  next.add(call.arg());
                  return List.copyOf(next);
                }))
            .build();

    assertThat(check(model).programs()).isEqualTo(20);
  }

  /** An item without equals and hashCode: a HashSet of them iterates in identity order. */
  static final class Item {
    final int n;

    Item(int n) {
      this.n = n;
    }

    @Override
    public String toString() {
      return "item" + n;
    }
  }

  @Test
  void picking_from_a_set_ordered_by_identity_hashes_is_named() {
    Model<Set<Item>, Object> model = Model.<Set<Item>, Object>define("identity", Set::of)
        .command("add", c -> c.with(Gen.integers(1, 1000)).run((client, n) -> "ok")
            .update((items, call) -> {
              Set<Item> next = new HashSet<>(items);
              next.add(new Item(call.arg()));
              return next;
            }))
        .command("use", c -> c.when((items, user) -> items.size() > 1)
            .with((items, user) -> Gen.elements(List.copyOf(items)))
            .run((client, item) -> "ok"))
        .build();

    rejectedBeforeTheSystemRuns(model,
        "the same choices gave two different programs",
        "Suspect: a set or map in the model state ordered by identity hashes");
  }

  @Test
  void refs_in_a_hash_set_give_the_same_program_every_time() {
    Model<Set<Ref<Object>>, Object> model =
        Model.<Set<Ref<Object>>, Object>define("ref-set", Set::of)
            .command("create", c -> c.run((client, none) -> "id")
                .yields(result -> result)
                .update((refs, call) -> {
                  Set<Ref<Object>> next = new HashSet<>(refs);
                  next.add(call.ref());
                  return next;
                }))
            .command("use", c -> c.when((refs, user) -> refs.size() > 1)
                .with((refs, user) -> Gen.elements(List.copyOf(refs)))
                .run((client, ref) -> ref.get()))
            .build();

    RunSummary summary = check(model);

    assertThat(summary.commandCounts().get("use")).isPositive();
  }

  @Test
  void an_exception_in_a_generator_names_the_command_the_step_and_the_state() {
    Model<Object, Object> model = Model.<Object, Object>define("boom", () -> "the-state")
        .command("ping", c -> c.run((client, none) -> "ok"))
        .command("add", c -> c.with((state, user) -> {
          throw new IllegalStateException("no generator for " + state);
        }).run((client, n) -> "ok"))
        .build();

    rejectedBeforeTheSystemRuns(model,
        "The argument generator of command 'add' threw java.lang.IllegalStateException: no"
            + " generator for the-state at step ",
        "model state: the-state", "guard it");
  }

  @Test
  void an_exception_in_an_update_names_the_command_the_step_and_the_state() {
    Model<Object, Object> model = Model.<Object, Object>define("boom", () -> "the-state")
        .command("add", c -> c.with(Gen.integers(1, 3)).run((client, n) -> "ok")
            .update((state, call) -> {
              throw new ArithmeticException("/ by zero");
            }))
        .build();

    rejectedBeforeTheSystemRuns(model,
        "The model update of command 'add' threw java.lang.ArithmeticException: / by zero at step 1"
            + " for user1", "model state: the-state");
  }

  @Test
  void an_exception_in_a_precondition_names_the_command_the_step_and_the_state() {
    Model<Object, Object> model = Model.<Object, Object>define("boom", () -> "the-state")
        .command("ping", c -> c.run((client, none) -> "ok"))
        .command("odd", c -> c.when((state, user) -> {
          throw new NullPointerException("no field");
        }).run((client, none) -> "ok"))
        .build();

    rejectedBeforeTheSystemRuns(model,
        "The precondition of command 'odd' threw java.lang.NullPointerException: no field at step 1",
        "model state: the-state");
  }

  @Test
  void weights_far_beyond_an_int_neither_overflow_nor_starve_the_others() {
    ModelBuilder<Object, Object> builder = Model.<Object, Object>define("heavy", () -> "s");
    for (int i = 0; i < 70; i++) {
      double weight = i == 0 ? 1e300 : Double.MAX_VALUE / 1e10;
      builder.command("c" + i, c -> c.weight(weight).run((client, none) -> "ok"));
    }
    builder.command("light", c -> c.weight(1e-3).run((client, none) -> "ok"));

    RunSummary summary = check(builder.build());

    assertThat(summary.commandCounts().values().stream().mapToLong(Integer::longValue).sum())
        .isEqualTo(summary.steps());
    assertThat(summary.commandCounts().keySet().stream().filter(name -> name.startsWith("c")))
        .hasSizeGreaterThan(30);
  }
}
