package dev.tollgate.model;

/** A check that must hold after every step. It throws (an AssertionError, say) when it fails. */
@FunctionalInterface
public interface Invariant<M, S> {
  void check(M model, Users<S> users) throws Exception;
}
