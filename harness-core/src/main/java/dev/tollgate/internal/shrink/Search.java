package dev.tollgate.internal.shrink;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.gen.Unsatisfied;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.runner.RunResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The state of one shrink: the best (smallest failing) program so far, and the budget. The passes
 * propose choices; a proposal is generated again through the model and kept if it runs, fails the
 * same way and is simpler.
 *
 * <p>The budget is time. Runs are capped only when that many in a row made no progress, so a run
 * cap never stops a shrink that is still getting smaller.
 */
final class Search<M, S> {
  private final ProgramGenerator<M, S> generator;
  private final Function<Program<M, S>, RunResult> runner;
  private final int maxStalledRuns;
  private final long deadlineNanos;
  private final LongSupplier clock;
  private final Consumer<Program<M, S>> candidates;
  /** Told of each new best program, so a shrink cut short still leaves its best so far. */
  BiConsumer<Program<M, S>, RunResult> improvements = (best, run) -> {};
  /** Whether each program run so far (by key) failed the same way. */
  private final Map<String, Boolean> tried = new HashMap<>();

  Program<M, S> best;
  RunResult bestResult;
  boolean bestRan;
  private String signature;
  int runs;
  long steps;
  private int stalled;
  boolean outOfBudget;

  Search(
      ProgramGenerator<M, S> generator,
      Function<Program<M, S>, RunResult> runner,
      int maxStalledRuns,
      long deadlineNanos,
      LongSupplier clock,
      Consumer<Program<M, S>> candidates) {
    this.generator = generator;
    this.runner = runner;
    this.maxStalledRuns = maxStalledRuns;
    this.deadlineNanos = deadlineNanos;
    this.clock = clock;
    this.candidates = candidates;
  }

  void start(Program<M, S> failing, RunResult failed) {
    best = failing;
    bestResult = failed;
    bestRan = true;
    signature = failed.failure().signature();
    tried.put(failing.key(), true);
    truncateAfterFailure();
  }

  int failedStep() {
    return bestResult.failure().step();
  }

  /** Runs {@code choices} if they make a new, simpler program; true if it became the best. */
  boolean tryChoices(int[] choices) {
    if (outOfBudget || clock.getAsLong() - deadlineNanos > 0 || stalled >= maxStalledRuns) {
      outOfBudget = true;
      return false;
    }
    Program<M, S> candidate = regenerate(choices);
    if (candidate == null
        || !better(candidate, best)) {
      return false;
    }
    Boolean failedBefore = tried.get(candidate.key());
    if (failedBefore != null) {
      // The same program from other choices: it fails as it did, with no run. Simpler choices
      // of a failing program are progress (they may lower further where the others could not).
      if (failedBefore) {
        best = candidate;
        bestRan = false;
        improvements.accept(best, null);
        return true;
      }
      return false;
    }
    candidates.accept(candidate);
    runs++;
    RunResult result = runner.apply(candidate);
    steps += result.stepsRun();
    boolean same = !result.passed() && result.failure().signature().equals(signature);
    tried.put(candidate.key(), same);
    if (!same) {
      stalled++;
      return false;
    }
    stalled = 0;
    best = candidate;
    bestResult = result;
    bestRan = true;
    truncateAfterFailure();
    improvements.accept(best, result);
    return true;
  }

  /** Runs the best program once more if it was cut without running, so the report has its run. */
  void confirm() {
    if (!bestRan) {
      runs++;
      RunResult confirmed = runner.apply(best);
      steps += confirmed.stepsRun();
      if (!confirmed.passed() && confirmed.failure().signature().equals(signature)) {
        bestResult = confirmed;
      }
    }
  }

  /** How many commands the model has. */
  int commandCount() {
    return generator.commandCount();
  }

  /** The program {@code choices} make, or null if the model rejects them. */
  Program<M, S> regenerate(int[] choices) {
    try {
      return generator.generate(ChoiceRecorder.replay(choices));
    } catch (Unsatisfied | TollgateConfigurationException invalid) {
      return null;
    }
  }

  /** Steps after the failing one never ran: dropping them is free and changes nothing. */
  private void truncateAfterFailure() {
    int failedStep = failedStep();
    List<int[]> spans = best.stepSpans();
    if (failedStep + 1 < spans.size()) {
      int end = spans.get(failedStep)[1];
      Program<M, S> cut = regenerate(Arrays.copyOf(best.choices(), end));
      if (cut != null && cut.size() == failedStep + 1) {
        best = cut;
        bestRan = false;
        tried.put(cut.key(), true);
      }
    }
  }

  /**
   * Whether {@code candidate} is progress over {@code current}: no more steps, and simpler
   * choices. Of two parallel programs, fewer steps in branches is progress too (a step moved into
   * the prefix makes larger choices but a plainer program), and more is never: so a shrink of a
   * parallel program still always ends.
   */
  static boolean better(Program<?, ?> candidate, Program<?, ?> current) {
    if (candidate.size() > current.size()) {
      return false;
    }
    if (candidate.isParallel() && current.isParallel()
        && candidate.branchSteps() != current.branchSteps()) {
      return candidate.branchSteps() < current.branchSteps();
    }
    return simpler(candidate.choices(), current.choices());
  }

  /** Shortlex: fewer choices, or as many and the first difference smaller. */
  static boolean simpler(int[] candidate, int[] current) {
    if (candidate.length != current.length) {
      return candidate.length < current.length;
    }
    return Arrays.compare(candidate, current) < 0;
  }
}
