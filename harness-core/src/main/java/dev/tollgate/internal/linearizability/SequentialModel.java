package dev.tollgate.internal.linearizability;

import java.util.Optional;

/**
 * The sequential specification a concurrent history is checked against: a step function on an
 * immutable state. States are memoised by the search, so they must be values: {@code equals} and
 * {@code hashCode} by content, and never changed after they are made.
 *
 * @param <S> the model state
 * @param <I> an operation's input (the command and its arguments)
 * @param <O> an operation's output (the answer observed)
 */
public interface SequentialModel<S, I, O> {
  /**
   * Applies one operation: does it fit in {@code state} (precondition), is {@code output} an
   * answer the model allows (postcondition), and which state follows. For a pending operation
   * {@code output} is null: the model says what the operation would have done had it taken effect.
   */
  Transition<S> step(S state, I input, O output);

  /**
   * The part of the state an operation touches, for P-compositionality: when every operation of a
   * history has a key, each key's operations are checked apart, from the same initial state
   * (Lowe; Porcupine's partitions). That is sound only if operations on different keys touch
   * disjoint parts of the state and commute. Empty (the default) means the operation may touch
   * everything (a list, a count), and then the history is checked whole.
   */
  default Optional<Object> partitionKey(I input) {
    return Optional.empty();
  }

  /** A state as a person reads it, for explanations. */
  default String describe(S state) {
    return String.valueOf(state);
  }
}
