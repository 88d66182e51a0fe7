package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.runner.Checker;
import dev.tollgate.internal.runner.Executor;
import dev.tollgate.internal.runner.RunResult;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a failure of a pure model (its checks look at the model state only) on each of many
 * seeds and shrinks it with chosen passes, so a test can show what one pass adds.
 */
final class PassHarness {
  private static final int TRIES = 300;

  private PassHarness() {}

  /** A system with nothing in it: the models' checks decide alone. */
  static final class Nothing implements SystemUnderTest<Object> {
    @Override
    public void reset() {}

    @Override
    public Object client(User user) {
      return this;
    }
  }

  static Set<Pass> allBut(Pass pass) {
    Set<Pass> passes = EnumSet.allOf(Pass.class);
    passes.remove(pass);
    return passes;
  }

  /**
   * For each seed in {@code [1, seeds]} whose tries fail, the shrunk program's steps, one string
   * each, joined by {@code "; "}.
   */
  static <M> List<String> shrunk(Model<M, Object> model, int seeds, Set<Pass> passes) {
    ProgramGenerator<M, Object> generator = generator(model);
    Executor<M, Object> executor = new Executor<>(model, new Nothing());
    List<String> out = new ArrayList<>();
    for (long seed = 1; seed <= seeds; seed++) {
      for (int t = 0; t < TRIES; t++) {
        Program<M, Object> program =
            generator.generate(ChoiceRecorder.random(Checker.trySeed(seed, t)));
        RunResult result = executor.run(program);
        if (!result.passed()) {
          Shrinker.Result<M, Object> shrunk = new Shrinker<>(generator, executor::run, 10_000,
              60_000_000_000L, candidate -> {}, passes).shrink(program, result);
          List<String> steps = new ArrayList<>();
          shrunk.program().steps().forEach(step -> steps.add(step.describe()));
          out.add(String.join("; ", steps));
          break;
        }
      }
    }
    return out;
  }

  /**
   * The choices of a program of one user: {@code steps} (each a step's choices after its
   * "another step" choice), then the end of the program.
   */
  static int[] program(ProgramGenerator<?, ?> generator, List<List<Integer>> steps) {
    // A program of zeros stops before its first step: all but that last zero are its header.
    int header = generator.generate(ChoiceRecorder.replay(new int[0])).choices().length - 1;
    List<Integer> choices = new ArrayList<>();
    for (int i = 0; i < header; i++) {
      choices.add(0);
    }
    for (List<Integer> step : steps) {
      choices.add(1);
      choices.addAll(step);
    }
    choices.add(0);
    return choices.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Shrinks the failing program {@code choices} make (of {@code model}, one user) with {@code
   * passes}; its steps, one string each.
   */
  static <M> List<String> shrinkOne(Model<M, Object> model, int[] choices, Set<Pass> passes) {
    ProgramGenerator<M, Object> generator = generator(model);
    Executor<M, Object> executor = new Executor<>(model, new Nothing());
    Program<M, Object> failing = generator.generate(ChoiceRecorder.replay(choices));
    RunResult failed = executor.run(failing);
    if (failed.passed()) {
      throw new AssertionError("the program to shrink passes: " + failing.steps());
    }
    Program<M, Object> shrunk = new Shrinker<>(generator, executor::run, 10_000,
        60_000_000_000L, candidate -> {}, passes).shrink(failing, failed).program();
    List<String> steps = new ArrayList<>();
    shrunk.steps().forEach(step -> steps.add(step.describe()));
    return steps;
  }

  /** The generator the harness uses: one user, up to 20 steps, swarm on. */
  static <M> ProgramGenerator<M, Object> generator(Model<M, Object> model) {
    return new ProgramGenerator<>(model, 1, 20, true);
  }

  /**
   * Shrinks, with {@code passes}, the program of {@code times} steps of choices {@code step} then
   * one of {@code last}, after checking that it starts with {@code first}; its steps.
   */
  static <M> List<String> shrinkRepeated(Model<M, Object> model, List<Integer> step, int times,
      List<Integer> last, String first, Set<Pass> passes) {
    List<List<Integer>> steps = new ArrayList<>(java.util.Collections.nCopies(times, step));
    steps.add(last);
    int[] choices = program(generator(model), steps);
    Program<M, Object> program = generator(model).generate(ChoiceRecorder.replay(choices));
    if (program.size() != times + 1 || !program.steps().get(0).describe().equals(first)) {
      throw new AssertionError("expected " + (times + 1) + " steps starting with " + first
          + ", found " + program.steps());
    }
    return shrinkOne(model, choices, passes);
  }
}
