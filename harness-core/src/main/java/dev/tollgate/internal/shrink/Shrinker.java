package dev.tollgate.internal.shrink;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.gen.Unsatisfied;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.runner.RunResult;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shrinks a failing program by editing its choices, Hypothesis-style: it deletes whole steps,
 * makes arguments as simple as they go, deletes smaller spans, and lowers single choices. Every
 * candidate is generated again through the model, so it is valid by construction, and it is kept
 * only if it runs and fails the same way (the same command and kind of check) and is simpler:
 * fewer choices, or the same number and smaller ones. So shrinking never returns a longer program.
 */
public final class Shrinker<M, S> {
  private static final int[] CHUNKS = {8, 4, 2, 1};

  private final ProgramGenerator<M, S> generator;
  private final Function<Program<M, S>, RunResult> runner;
  private final int maxRuns;
  private final long deadlineNanos;
  private final Consumer<Program<M, S>> candidates;
  private final Set<String> tried = new HashSet<>();

  private Program<M, S> best;
  private RunResult bestResult;
  private String signature;
  private int runs;
  private boolean outOfBudget;
  private boolean bestRan;

  /**
   * @param candidates sees every candidate program that is run (tests use it to check that all
   *     of them are valid)
   */
  public Shrinker(
      ProgramGenerator<M, S> generator,
      Function<Program<M, S>, RunResult> runner,
      int maxRuns,
      long budgetNanos,
      Consumer<Program<M, S>> candidates) {
    this.generator = generator;
    this.runner = runner;
    this.maxRuns = maxRuns;
    this.deadlineNanos = System.nanoTime() + budgetNanos;
    this.candidates = candidates;
  }

  /** What shrinking found: the smallest failing program, its run, and the runs it cost. */
  public record Result<M, S>(
      Program<M, S> program, RunResult result, int runs, boolean outOfBudget) {}

  public Result<M, S> shrink(Program<M, S> failing, RunResult failed) {
    best = failing;
    bestResult = failed;
    bestRan = true;
    signature = failed.failure().signature();
    tried.add(failing.key());
    truncateAfterFailure();
    boolean progress = true;
    while (progress && !outOfBudget) {
      progress = deleteStepsOfOneKind();
      progress |= deleteSteps();
      progress |= simplifyArguments();
      progress |= deleteOtherSpans();
      progress |= lowerChoices();
    }
    if (!bestRan) {
      // The best program was cut after its failing step without running again: run it once, so
      // that its references hold this program's values for the report.
      runs++;
      RunResult confirmed = runner.apply(best);
      if (!confirmed.passed() && confirmed.failure().signature().equals(signature)) {
        bestResult = confirmed;
      }
    }
    return new Result<>(best, bestResult, runs, outOfBudget);
  }

  /** Steps after the failing one never ran: dropping them is free and changes nothing. */
  private void truncateAfterFailure() {
    int failedStep = bestResult.failure().step();
    List<int[]> spans = best.stepSpans();
    if (failedStep + 1 < spans.size()) {
      int end = spans.get(failedStep)[1];
      Program<M, S> cut = regenerate(Arrays.copyOf(best.choices(), end));
      if (cut != null && cut.size() == failedStep + 1) {
        best = cut;
        bestRan = false;
        tried.add(cut.key());
      }
    }
  }

  /**
   * Deletes, at once, every step of one command, or of one user: the steps that do not matter are
   * often of a kind, and one run can then drop many of them.
   */
  private boolean deleteStepsOfOneKind() {
    boolean progress = false;
    Set<String> kinds = new LinkedHashSet<>();
    for (Step<M, S> step : best.steps()) {
      kinds.add("c:" + step.command().name());
      kinds.add("u:" + step.user().index());
    }
    for (String kind : kinds) {
      if (outOfBudget) {
        break;
      }
      List<int[]> spans = best.stepSpans();
      int[] choices = best.choices();
      int[] keep = new int[choices.length];
      int kept = 0;
      int next = 0;
      boolean any = false;
      for (int i = 0; i < best.size(); i++) {
        Step<M, S> step = best.steps().get(i);
        boolean drop = kind.equals("c:" + step.command().name())
            || kind.equals("u:" + step.user().index());
        if (drop && i != bestResult.failure().step()) {
          any = true;
          System.arraycopy(choices, next, keep, kept, spans.get(i)[0] - next);
          kept += spans.get(i)[0] - next;
          next = spans.get(i)[1];
        }
      }
      if (!any) {
        continue;
      }
      System.arraycopy(choices, next, keep, kept, choices.length - next);
      kept += choices.length - next;
      if (tryChoices(Arrays.copyOf(keep, kept))) {
        progress = true;
      }
    }
    return progress;
  }

  private boolean deleteSteps() {
    boolean progress = false;
    for (int chunk : CHUNKS) {
      int i = 0;
      while (!outOfBudget && i + chunk <= best.size()) {
        List<int[]> spans = best.stepSpans();
        int from = spans.get(i)[0];
        int to = spans.get(i + chunk - 1)[1];
        if (tryChoices(without(best.choices(), from, to))) {
          progress = true;
        } else {
          i++;
        }
      }
    }
    return progress;
  }

  /**
   * Makes each argument as simple as it goes: its choices all zero. A simpler argument usually
   * takes fewer choices, so the leftover zeros are dropped before the candidate runs; otherwise
   * they would be read by the next step.
   */
  private boolean simplifyArguments() {
    boolean progress = false;
    for (int i = 0; i < best.argumentSpans().size() && !outOfBudget; i++) {
      int[] span = best.argumentSpans().get(i);
      int[] choices = best.choices();
      boolean allZero = true;
      for (int k = span[0]; k < span[1]; k++) {
        allZero &= choices[k] == 0;
        choices[k] = 0;
      }
      if (allZero) {
        continue;
      }
      Program<M, S> zeroed = regenerate(choices);
      if (zeroed != null && zeroed.argumentSpans().size() > i) {
        int[] used = zeroed.argumentSpans().get(i);
        if (used[0] == span[0] && used[1] < span[1]) {
          choices = without(choices, used[1], span[1]);
        }
      }
      if (tryChoices(choices)) {
        progress = true;
      }
    }
    return progress;
  }

  /**
   * Deletes the spans inside arguments (a list's elements, a string's characters), adaptively:
   * after a deletion works, twice as many neighbours are tried at once, and half as many after
   * one fails. A 150-character title whose bug needs one of them costs about 30 runs, not 150.
   */
  private boolean deleteOtherSpans() {
    boolean progress = false;
    int i = 0;
    int chunk = 1;
    while (!outOfBudget && i < best.otherSpans().size()) {
      int[] run = adjacentRun(best.otherSpans(), i, chunk);
      if (run != null && tryChoices(without(best.choices(), run[0], run[1]))) {
        progress = true;
        chunk *= 2;
      } else if (chunk > 1) {
        chunk /= 2;
      } else {
        i++;
      }
    }
    return progress;
  }

  /**
   * The choices of {@code count} spans from {@code first} on, if each starts where the one
   * before ends (siblings, like the characters of one string); null otherwise.
   */
  private static int[] adjacentRun(List<int[]> spans, int first, int count) {
    if (first + count > spans.size()) {
      return null;
    }
    for (int k = first + 1; k < first + count; k++) {
      if (spans.get(k)[0] != spans.get(k - 1)[1]) {
        return null;
      }
    }
    return new int[] {spans.get(first)[0], spans.get(first + count - 1)[1]};
  }

  private boolean lowerChoices() {
    boolean progress = false;
    for (int i = 0; i < best.choices().length && !outOfBudget; i++) {
      int value = best.choices()[i];
      if (value == 0) {
        continue;
      }
      if (tryAt(i, 0)) {
        progress = true;
        continue;
      }
      // Binary search for the smallest value that still fails the same way.
      int low = 0;
      int high = value;
      while (high - low > 1 && !outOfBudget && i < best.choices().length) {
        int mid = (low + high) >>> 1;
        if (tryAt(i, mid)) {
          high = mid;
          progress = true;
        } else {
          low = mid;
        }
      }
    }
    return progress;
  }

  private boolean tryAt(int index, int value) {
    int[] choices = best.choices();
    if (index >= choices.length) {
      return false;
    }
    choices[index] = value;
    return tryChoices(choices);
  }

  private boolean tryChoices(int[] choices) {
    if (System.nanoTime() > deadlineNanos || runs >= maxRuns) {
      outOfBudget = true;
      return false;
    }
    Program<M, S> candidate = regenerate(choices);
    if (candidate == null
        || candidate.size() > best.size()
        || !simpler(candidate.choices(), best.choices())
        || !tried.add(candidate.key())) {
      return false;
    }
    candidates.accept(candidate);
    runs++;
    RunResult result = runner.apply(candidate);
    if (result.passed() || !result.failure().signature().equals(signature)) {
      return false;
    }
    best = candidate;
    bestResult = result;
    bestRan = true;
    truncateAfterFailure();
    return true;
  }

  private Program<M, S> regenerate(int[] choices) {
    try {
      return generator.generate(ChoiceRecorder.replay(choices));
    } catch (Unsatisfied | TollgateConfigurationException invalid) {
      return null;
    }
  }

  /** Shortlex: fewer choices, or as many and the first difference smaller. */
  static boolean simpler(int[] candidate, int[] current) {
    if (candidate.length != current.length) {
      return candidate.length < current.length;
    }
    return Arrays.compare(candidate, current) < 0;
  }

  private static int[] without(int[] choices, int from, int to) {
    int[] out = new int[choices.length - (to - from)];
    System.arraycopy(choices, 0, out, 0, from);
    System.arraycopy(choices, to, out, from, choices.length - to);
    return out;
  }
}
