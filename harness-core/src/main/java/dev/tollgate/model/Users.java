package dev.tollgate.model;

/** The clients of the users of a running program, for invariants that look at the system. */
public interface Users<S> {
  int count();

  /** The client of user {@code index} (0-based), connected on first use. */
  S client(int index);
}
