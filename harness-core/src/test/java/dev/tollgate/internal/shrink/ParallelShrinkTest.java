package dev.tollgate.internal.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.runner.Failure;
import dev.tollgate.internal.runner.RunResult;
import dev.tollgate.model.Model;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Shrinking parallel programs, on a stand-in for a race: a program "fails" when two of its
 * branches each hold a vote. Users log in before they vote, so the smallest failure is both
 * logins in the prefix, then one vote in each of two branches.
 */
class ParallelShrinkTest {
  private static final Model<Integer, Object> MODEL =
      Model.<Integer, Object>define("race", () -> 0)
          .userStates("out", "in")
          .command("login", c -> c.from("out").to("in").run((none, arg) -> "in"))
          .command("vote", c -> c.from("in").run((none, arg) -> "voted"))
          .command("look", c -> c.run((none, arg) -> "looked"))
          .build();

  private static final Function<Program<Integer, Object>, RunResult> RACE = program -> {
    long voting = program.branches().stream()
        .filter(branch -> branch.stream().anyMatch(s -> s.command().name().equals("vote")))
        .count();
    int n = program.size();
    Failure failure = voting >= 2 ? new Failure(n - 1, "parallel branches",
        Failure.Kind.LINEARIZABILITY, null, new AssertionError("lost vote")) : null;
    return new RunResult(failure, n, new long[n], 0, List.of());
  };

  private static List<String> shrunk(Set<Pass> passes) {
    ProgramGenerator<Integer, Object> generator =
        new ProgramGenerator<>(MODEL, 3, 6, true, 3, 4);
    List<String> out = new ArrayList<>();
    for (long seed = 0; out.size() < 20 && seed < 2000; seed++) {
      Program<Integer, Object> program = generator.generate(ChoiceRecorder.random(seed));
      RunResult result = RACE.apply(program);
      if (result.passed()) {
        continue;
      }
      Program<Integer, Object> best = new Shrinker<>(generator, RACE, 10_000, 60_000_000_000L,
          candidate -> {}, passes).shrink(program, result).program();
      StringBuilder text = new StringBuilder();
      best.prefix().forEach(step -> text.append(step.command().name()).append(' '));
      // A branch emptied by shrinking runs nothing: it counts as dropped.
      for (List<Step<Integer, Object>> branch : best.branches()) {
        if (!branch.isEmpty()) {
          text.append("| ");
          branch.forEach(step -> text.append(step.command().name()).append(' '));
        }
      }
      out.add(text.toString().trim());
    }
    return out;
  }

  @Test
  void a_race_shrinks_to_the_logins_in_the_prefix_then_one_vote_in_each_of_two_branches() {
    List<String> results = shrunk(EnumSet.allOf(Pass.class));

    assertThat(results).hasSize(20).containsOnly("login login | vote | vote");
  }

  @Test
  void without_moving_steps_into_the_prefix_some_logins_stay_in_the_branches() {
    Set<Pass> passes = EnumSet.allOf(Pass.class);
    passes.remove(Pass.PARALLEL);

    assertThat(shrunk(passes)).hasSize(20).anyMatch(r -> !r.equals("login login | vote | vote"));
  }
}
