package dev.tollgate.internal.linearizability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a concurrent history against a sequential model: is there an order of all its
 * operations that keeps real-time order (an operation that returned before another was invoked
 * comes first) and that the model accepts, step by step, from the initial state?
 *
 * <pre>{@code
 * Verdict<Votes, Call, Answer> verdict = LinearizabilityChecker.of(model)
 *     .withTimeLimit(Duration.ofSeconds(5))
 *     .check(initialState, recorder.history());
 * if (!verdict.isLinearizable()) report(verdict.explain());
 * }</pre>
 *
 * <p>Immutable; each {@code with…} returns a new checker. One check runs on the calling thread.
 */
public final class LinearizabilityChecker<S, I, O> {
  private static final long DEFAULT_MAX_STEPS = 50_000_000L;
  private static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
  /** The key of a history checked whole. */
  private static final Object WHOLE = new Object();

  private final SequentialModel<S, I, O> model;
  private final boolean partitioning;
  private final long maxSteps;
  private final Duration timeLimit;
  private final FinalCheck<S> finalCheck;

  /**
   * A check of the state an order ends in, for what can only be checked once the branches have
   * joined (the database's invariants, say).
   */
  @FunctionalInterface
  public interface FinalCheck<S> {
    /**
     * Empty if {@code finalState} agrees with the system; otherwise why not. {@code partitionKey}
     * is the partition's key when the history is partitioned, and {@code finalState} then holds
     * only that key's operations: check only what belongs to it.
     */
    Optional<String> problem(Optional<Object> partitionKey, S finalState);
  }

  private LinearizabilityChecker(SequentialModel<S, I, O> model, boolean partitioning,
      long maxSteps, Duration timeLimit, FinalCheck<S> finalCheck) {
    this.model = model;
    this.partitioning = partitioning;
    this.maxSteps = maxSteps;
    this.timeLimit = timeLimit;
    this.finalCheck = finalCheck;
  }

  /** A checker that partitions by the model's keys when every operation has one. */
  public static <S, I, O> LinearizabilityChecker<S, I, O> of(SequentialModel<S, I, O> model) {
    return new LinearizabilityChecker<>(Objects.requireNonNull(model, "model"), true,
        DEFAULT_MAX_STEPS, DEFAULT_TIME_LIMIT, null);
  }

  /** Checks the history whole, even when the model gives partition keys. */
  public LinearizabilityChecker<S, I, O> withoutPartitioning() {
    return new LinearizabilityChecker<>(model, false, maxSteps, timeLimit, finalCheck);
  }

  /** At most this many search steps over all partitions, then "unknown" (default 50 million). */
  public LinearizabilityChecker<S, I, O> withStepLimit(long steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("the step limit must be 1 or more, found " + steps);
    }
    return new LinearizabilityChecker<>(model, partitioning, steps, timeLimit, finalCheck);
  }

  /** At most this long over all partitions, then "unknown" (default 10 s). */
  public LinearizabilityChecker<S, I, O> withTimeLimit(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive, found " + limit);
    }
    return new LinearizabilityChecker<>(model, partitioning, maxSteps, limit, finalCheck);
  }

  /**
   * Also demands that the order's final state pass {@code check}: an order that explains every
   * answer but ends in a state the check refuses does not count, and the search looks for
   * another.
   */
  public LinearizabilityChecker<S, I, O> withFinalCheck(FinalCheck<S> check) {
    return new LinearizabilityChecker<>(model, partitioning, maxSteps, timeLimit,
        Objects.requireNonNull(check, "final check"));
  }

  public Verdict<S, I, O> check(S initial, History<I, O> history) {
    Objects.requireNonNull(initial, "initial state");
    long start = System.nanoTime();
    Budget budget = new Budget(maxSteps, start + Math.min(timeLimit.toNanos(), Long.MAX_VALUE / 4));
    long origin = history.operations().isEmpty() ? 0 : history.operations().get(0).invokedAt();
    List<PartitionVerdict<S, I, O>> verdicts = new ArrayList<>();
    for (Map.Entry<Object, List<Operation<I, O>>> part : partitions(history).entrySet()) {
      Object key = part.getKey() == WHOLE ? null : part.getKey();
      verdicts.add(new Search<>(model, part.getValue(), budget, finalCheck).run(key, initial));
    }
    return new Verdict<>(verdicts, origin);
  }

  private Map<Object, List<Operation<I, O>>> partitions(History<I, O> history) {
    Map<Object, List<Operation<I, O>>> parts = new LinkedHashMap<>();
    if (partitioning) {
      for (Operation<I, O> op : history.operations()) {
        Optional<Object> key = model.partitionKey(op.input());
        if (key.isEmpty()) {
          parts.clear();
          break;
        }
        parts.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(op);
      }
    }
    if (parts.isEmpty()) {
      parts.put(WHOLE, history.operations());
    }
    return parts;
  }
}
