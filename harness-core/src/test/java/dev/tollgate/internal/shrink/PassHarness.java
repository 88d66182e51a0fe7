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
    ProgramGenerator<M, Object> generator = new ProgramGenerator<>(model, 1, 20, true);
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
}
