package dev.tollgate.internal.runner;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** The resolved settings of one check. */
public record Settings(
    int tries,
    int maxSteps,
    int users,
    long seed,
    Duration timeBudget,
    int shrinkRuns,
    Duration shrinkTime,
    boolean swarm,
    String replay,
    UnaryOperator<String> replayCommandFor,
    Reporting reporting,
    Duration stepTimeout,
    Concurrency concurrency) {

  public Settings(
      int tries, int maxSteps, int users, long seed, Duration timeBudget, int shrinkRuns,
      Duration shrinkTime, boolean swarm, String replay, UnaryOperator<String> replayCommandFor,
      Reporting reporting, Duration stepTimeout) {
    this(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm, replay,
        replayCommandFor, reporting, stepTimeout, Concurrency.OFF);
  }

  /** Settings with no console output and no report or corpus files (for the engine's tests). */
  public Settings(
      int tries, int maxSteps, int users, long seed, Duration timeBudget, int shrinkRuns,
      Duration shrinkTime, boolean swarm, String replay, UnaryOperator<String> replayCommandFor) {
    this(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm, replay,
        replayCommandFor, Reporting.quiet(), Executor.DEFAULT_STEP_TIMEOUT);
  }

  /** The same settings with another step deadline. */
  public Settings withStepTimeout(Duration value) {
    return new Settings(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm,
        replay, replayCommandFor, reporting, value, concurrency);
  }

  /** The same settings with parallel programs run as {@code value} says. */
  public Settings withConcurrency(Concurrency value) {
    return new Settings(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm,
        replay, replayCommandFor, reporting, stepTimeout, value);
  }

  public String replayCommand(String token) {
    return replayCommandFor.apply(token);
  }
}
