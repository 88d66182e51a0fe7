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
    UnaryOperator<String> replayCommandFor) {

  public String replayCommand(String token) {
    return replayCommandFor.apply(token);
  }
}
