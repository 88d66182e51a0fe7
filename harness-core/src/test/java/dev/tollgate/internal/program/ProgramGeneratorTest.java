package dev.tollgate.internal.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.fixtures.Todos;
import dev.tollgate.model.Model;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgramGeneratorTest {
  private final ProgramGenerator<Todos, TodoSystem.Client> generator =
      new ProgramGenerator<>(TodoModel.model(), 3, 30, true);

  @Test
  void the_same_seed_gives_the_same_program() {
    for (long seed = 0; seed < 200; seed++) {
      Program<Todos, TodoSystem.Client> first = generator.generate(ChoiceRecorder.random(seed));
      Program<Todos, TodoSystem.Client> second = generator.generate(ChoiceRecorder.random(seed));

      assertThat(second.key()).isEqualTo(first.key());
      assertThat(second.choices()).isEqualTo(first.choices());
    }
  }

  @Test
  void replaying_a_programs_choices_gives_the_same_program() {
    for (long seed = 0; seed < 200; seed++) {
      Program<Todos, TodoSystem.Client> original = generator.generate(ChoiceRecorder.random(seed));

      Program<Todos, TodoSystem.Client> replayed =
          generator.generate(ChoiceRecorder.replay(original.choices()));

      assertThat(replayed.key()).isEqualTo(original.key());
      assertThat(replayed.toString()).isEqualTo(original.toString());
    }
  }

  @Test
  void different_seeds_give_varied_programs_and_lengths() {
    Set<String> programs = new HashSet<>();
    Set<Integer> lengths = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      Program<Todos, TodoSystem.Client> program = generator.generate(ChoiceRecorder.random(seed));
      programs.add(program.key());
      lengths.add(program.size());
    }

    assertThat(programs).hasSizeGreaterThan(150);
    assertThat(lengths).contains(30).hasSizeGreaterThan(15);
    assertThat(lengths.stream().filter(n -> n <= 5).count()).isPositive();
    assertThat(lengths).doesNotContain(0);
  }

  @Test
  void programs_bring_several_users_into_play() {
    Set<Integer> users = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      generator.generate(ChoiceRecorder.random(seed))
          .steps()
          .forEach(step -> users.add(step.user().index()));
    }

    assertThat(users).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void all_zero_choices_give_the_empty_program() {
    Program<Todos, TodoSystem.Client> program = generator.generate(ChoiceRecorder.replay(new int[0]));

    assertThat(program.size()).isZero();
  }

  /** Where login is the only way in, logout the way back, and a tick is always possible. */
  private enum Door {
    OUTSIDE,
    INSIDE
  }

  private static final Model<Object, Object> DOOR = Model.define("door", Object.class, Object::new)
      .userStates(Door.class)
      .command("login", c -> c.from(Door.OUTSIDE).to(Door.INSIDE).run((system, none) -> "in"))
      .command("logout", c -> c.from(Door.INSIDE).to(Door.OUTSIDE).run((system, none) -> "out"))
      .command("tick", c -> c.run((system, none) -> "tick"))
      .build();

  @Test
  void swarm_switches_off_commands_but_never_the_only_way_into_a_state() {
    ProgramGenerator<Object, Object> doors = new ProgramGenerator<>(DOOR, 1, 200, true);

    int longPrograms = 0;
    int neverIn = 0;
    int inAndNeverOut = 0;
    for (long seed = 0; seed < 1000; seed++) {
      Program<Object, Object> program = doors.generate(ChoiceRecorder.random(seed));
      if (program.size() < 100) {
        continue;
      }
      longPrograms++;
      Set<String> ran = new HashSet<>();
      program.steps().forEach(step -> ran.add(step.command().name()));
      if (!ran.contains("login")) {
        neverIn++;
      } else if (!ran.contains("logout")) {
        inAndNeverOut++;
      }
    }

    assertThat(longPrograms).isGreaterThan(200);
    // Were login switched off as often as other commands (3 programs in 10), about a third of
    // the long programs would tick outside forever; it can only be rare by weight.
    assertThat(neverIn).isLessThan(longPrograms / 10);
    // Logout is not the only way into a state (users start outside), so swarm may switch it off:
    // some programs stay inside.
    assertThat(inAndNeverOut).isGreaterThan(longPrograms / 5);
  }
}
