package dev.tollgate.internal.gen;

/**
 * Thrown when a generator could not produce a value: a filter rejected every attempt. During
 * random generation it becomes a configuration error naming the command; during shrinking it
 * only marks a candidate as invalid.
 */
public final class Unsatisfied extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Unsatisfied(String message) {
    super(message, null, false, false);
  }
}
