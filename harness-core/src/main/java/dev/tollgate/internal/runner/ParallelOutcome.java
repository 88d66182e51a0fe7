package dev.tollgate.internal.runner;

import dev.tollgate.internal.linearizability.History;
import dev.tollgate.internal.linearizability.Verdict;
import dev.tollgate.internal.program.Step;

/**
 * How the branches of a parallel program ran: the history of the repetition this result is of
 * (null when a branch step timed out), the linearizability check's verdict on it (null when it
 * was not checked: a step failed on its own first), and of the {@code repetitions} run, how many
 * failed.
 */
public record ParallelOutcome(
    History<? extends Step<?, ?>, ?> history,
    Verdict<?, ? extends Step<?, ?>, ?> verdict,
    int repetitions,
    int failedRepetitions) {

  ParallelOutcome counted(int repetitions, int failedRepetitions) {
    return new ParallelOutcome(history, verdict, repetitions, failedRepetitions);
  }
}
