package dev.tollgate.internal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.fixtures.Todos;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParallelProgramsTest {
  private final Model<Todos, TodoSystem.Client> model = TodoModel.model();
  private final ProgramGenerator<Todos, TodoSystem.Client> generator =
      new ProgramGenerator<>(model, 3, 8, true, 3, 4);

  @Test
  void programs_are_sequential_unless_parallel_is_asked_for() {
    ProgramGenerator<Todos, TodoSystem.Client> sequential =
        new ProgramGenerator<>(model, 3, 8, true);
    for (long seed = 0; seed < 50; seed++) {
      Program<Todos, TodoSystem.Client> program = sequential.generate(ChoiceRecorder.random(seed));

      assertThat(program.branches()).isEmpty();
      assertThat(program.isParallel()).isFalse();
      assertThat(program.prefix()).isEqualTo(program.steps());
    }
  }

  @Test
  void a_parallel_program_is_a_prefix_then_two_to_n_branches_of_one_user_each() {
    Set<Integer> counts = new HashSet<>();
    int branchSteps = 0;
    for (long seed = 0; seed < 200; seed++) {
      Program<Todos, TodoSystem.Client> program = generator.generate(ChoiceRecorder.random(seed));

      assertThat(program.isParallel()).isTrue();
      assertThat(program.branches()).hasSizeBetween(2, 3);
      counts.add(program.branches().size());
      List<Step<Todos, TodoSystem.Client>> all = new ArrayList<>(program.prefix());
      for (int b = 0; b < program.branches().size(); b++) {
        List<Step<Todos, TodoSystem.Client>> branch = program.branches().get(b);
        assertThat(branch).hasSizeLessThanOrEqualTo(4);
        for (Step<Todos, TodoSystem.Client> step : branch) {
          assertThat(step.user().index()).as("the user of branch %d", b).isEqualTo(b);
          assertThat(program.branchOf(step.step())).isEqualTo(b);
        }
        all.addAll(branch);
        branchSteps += branch.size();
      }
      assertThat(all).isEqualTo(program.steps());
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).step()).isEqualTo(i);
      }
      assertThat(program.stepSpans()).hasSize(program.size());
    }
    assertThat(counts).containsExactlyInAnyOrder(2, 3);
    assertThat(branchSteps).isGreaterThan(400);
  }

  @Test
  void every_branch_step_is_enabled_in_every_interleaving() {
    int interleavings = 0;
    for (long seed = 0; seed < 200; seed++) {
      Program<Todos, TodoSystem.Client> program = generator.generate(ChoiceRecorder.random(seed));
      Todos state = model.initialState();
      String first = model.userStates().get(0);
      String[] users = {first, first, first};
      for (Step<Todos, TodoSystem.Client> step : program.prefix()) {
        users[step.user().index()] = step.userStateAfter();
        state = step.after();
      }
      interleavings += everyInterleaving(program, state, users, new int[program.branches().size()]);
    }
    assertThat(interleavings).isGreaterThan(1000);
  }

  /** Walks every interleaving by brute force, failing on a step that is not enabled. */
  private int everyInterleaving(
      Program<Todos, TodoSystem.Client> program, Todos state, String[] users, int[] at) {
    int found = 0;
    boolean end = true;
    for (int b = 0; b < at.length; b++) {
      List<Step<Todos, TodoSystem.Client>> branch = program.branches().get(b);
      if (at[b] == branch.size()) {
        continue;
      }
      end = false;
      Step<Todos, TodoSystem.Client> step = branch.get(at[b]);
      int u = step.user().index();
      User user = new User(u, users[u]);
      assertThat(step.command().enabled(state, user))
          .as("%s in some interleaving of%n%s", step, program).isTrue();
      InterleavedCall call = new InterleavedCall(step, user);
      String[] next = users.clone();
      next[u] = step.command().nextState(state, call);
      at[b]++;
      found += everyInterleaving(program, step.command().update(state, call), next, at);
      at[b]--;
    }
    return end ? 1 : found;
  }

  @Test
  void a_branch_takes_references_only_from_the_prefix_and_from_itself() {
    for (long seed = 0; seed < 200; seed++) {
      Program<Todos, TodoSystem.Client> program = generator.generate(ChoiceRecorder.random(seed));
      for (Step<Todos, TodoSystem.Client> step : program.steps()) {
        int branch = program.branchOf(step.step());
        for (Ref<?> ref : refsIn(step.arg())) {
          int maker = program.branchOf(ref.step());
          assertThat(maker).as("%s takes %s in%n%s", step, ref, program).isIn(-1, branch);
        }
      }
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

  @Test
  void branches_lean_towards_the_same_step_on_the_same_reference_at_the_same_place() {
    // Races need two users doing the same thing to the same thing at once; drawn independently,
    // two branches' steps rarely are.
    int alike = 0;
    int onARef = 0;
    int programs = 500;
    for (long seed = 0; seed < programs; seed++) {
      Program<Todos, TodoSystem.Client> program = generator.generate(ChoiceRecorder.random(seed));
      Step<Todos, TodoSystem.Client> first = program.branches().get(0).get(0);
      Step<Todos, TodoSystem.Client> second = program.branches().get(1).get(0);
      if (first.command() == second.command() && Objects.equals(first.arg(), second.arg())) {
        alike++;
        if (!refsIn(first.arg()).isEmpty()) {
          onARef++;
        }
      }
    }
    assertThat(alike).as("programs whose first two branches start with the same step")
        .isGreaterThan(programs * 2 / 5);
    assertThat(onARef).as("of them, on the same reference from the prefix").isGreaterThan(50);
  }

  @Test
  void the_prefix_brings_every_user_along_before_the_branches() {
    // A user still logged out when the branches start has little to race with. A sequential
    // program of the same length, drawn the same way but without the lean, is the yardstick
    // (534 against 302 here; without the lean both are 302).
    ProgramGenerator<Todos, TodoSystem.Client> sequential =
        new ProgramGenerator<>(model, 3, 8, true);
    int parallelAllIn = 0;
    int sequentialAllIn = 0;
    for (long seed = 0; seed < 1000; seed++) {
      parallelAllIn += allLoggedIn(generator.generate(ChoiceRecorder.random(seed)).prefix()) ? 1 : 0;
      sequentialAllIn += allLoggedIn(sequential.generate(ChoiceRecorder.random(seed)).steps()) ? 1 : 0;
    }
    assertThat(parallelAllIn).as("prefixes that end with all 3 users logged in, against %d of"
        + " 1000 sequential programs", sequentialAllIn).isGreaterThan(sequentialAllIn * 7 / 5);
  }

  private static boolean allLoggedIn(List<Step<Todos, TodoSystem.Client>> steps) {
    String[] states = new String[3];
    for (Step<Todos, TodoSystem.Client> step : steps) {
      states[step.user().index()] = step.userStateAfter();
    }
    for (String state : states) {
      if (!"LOGGED_IN".equalsIgnoreCase(state)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void branch_steps_lean_towards_commands_on_what_the_prefix_made() {
    // What the prefix made is what the branches share (57% of branch steps here; 33% without
    // the lean).
    int onThePrefix = 0;
    int branchSteps = 0;
    for (long seed = 0; seed < 1000; seed++) {
      Program<Todos, TodoSystem.Client> program = generator.generate(ChoiceRecorder.random(seed));
      if (program.prefix().stream().noneMatch(step -> step.command().name().equals("add_todo"))) {
        continue;
      }
      for (List<Step<Todos, TodoSystem.Client>> branch : program.branches()) {
        for (Step<Todos, TodoSystem.Client> step : branch) {
          branchSteps++;
          onThePrefix += refsIn(step.arg()).stream()
              .anyMatch(ref -> program.branchOf(ref.step()) < 0) ? 1 : 0;
        }
      }
    }
    assertThat(onThePrefix).as("branch steps, after a prefix that added a todo, that act on a"
        + " todo of the prefix, of %d", branchSteps).isGreaterThan(branchSteps * 9 / 20);
  }

  @Test
  void replaying_a_parallel_programs_choices_gives_the_same_program() {
    for (long seed = 0; seed < 200; seed++) {
      Program<Todos, TodoSystem.Client> original = generator.generate(ChoiceRecorder.random(seed));

      Program<Todos, TodoSystem.Client> replayed =
          generator.generate(ChoiceRecorder.replay(original.choices()));

      assertThat(replayed.key()).isEqualTo(original.key());
      assertThat(replayed.toString()).isEqualTo(original.toString());
      assertThat(replayed.key()).contains("|");
    }
  }

  @Test
  void parallel_programs_need_two_users() {
    assertThatThrownBy(() -> new ProgramGenerator<>(model, 1, 8, true, 2, 4))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("need a user for each branch");
  }
}
