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
    Reporting reporting) {

  /** Settings with no console output and no report or corpus files (for the engine's tests). */
  public Settings(
      int tries, int maxSteps, int users, long seed, Duration timeBudget, int shrinkRuns,
      Duration shrinkTime, boolean swarm, String replay, UnaryOperator<String> replayCommandFor) {
    this(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm, replay,
        replayCommandFor, Reporting.quiet());
  }

  public String replayCommand(String token) {
    return replayCommandFor.apply(token);
  }
}
