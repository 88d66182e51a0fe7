package dev.tollgate.internal.runner;

import java.time.Duration;

/**
 * How a check runs parallel programs: at most {@code branches} branches after the prefix (below
 * 2: sequential programs), of at most {@code branchSteps} steps; each program run {@code
 * repetitions} times; a random delay of up to {@code jitter} (null: none) before each branch step.
 */
public record Concurrency(int branches, int branchSteps, int repetitions, Duration jitter) {
  public static final int DEFAULT_BRANCH_STEPS = 4;
  public static final int DEFAULT_REPETITIONS = 20;
  public static final Concurrency OFF =
      new Concurrency(0, DEFAULT_BRANCH_STEPS, DEFAULT_REPETITIONS, null);

  public boolean on() {
    return branches >= 2;
  }
}
