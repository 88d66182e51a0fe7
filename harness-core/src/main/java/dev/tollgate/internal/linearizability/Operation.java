package dev.tollgate.internal.linearizability;

/**
 * One operation of a concurrent history: which branch made it, what it asked (the input), what it
 * got (the output), and when it was invoked and when it returned, on one monotonic clock shared by
 * all branches (nanoseconds; only differences matter).
 *
 * <p>A pending operation never returned (it timed out, or its branch was cut off): it may have
 * taken effect at any moment after its invocation, or not at all, so the check may place it
 * anywhere after its invocation or leave it out.
 */
public record Operation<I, O>(int branch, I input, O output, long invokedAt, long returnedAt) {
  /** The return time of a pending operation: after everything else. */
  public static final long PENDING = Long.MAX_VALUE;

  public Operation {
    if (branch < 0) {
      throw new IllegalArgumentException("branch must be 0 or more, found " + branch);
    }
    if (returnedAt < invokedAt) {
      throw new IllegalArgumentException("an operation returns after it is invoked, but "
          + input + " of branch " + branch + " was invoked at " + invokedAt
          + " and returned at " + returnedAt + ": record both times from one monotonic clock");
    }
  }

  public static <I, O> Operation<I, O> completed(
      int branch, I input, O output, long invokedAt, long returnedAt) {
    return new Operation<>(branch, input, output, invokedAt, returnedAt);
  }

  public static <I, O> Operation<I, O> pending(int branch, I input, long invokedAt) {
    return new Operation<>(branch, input, null, invokedAt, PENDING);
  }

  public boolean isPending() {
    return returnedAt == PENDING;
  }

  /** True if this operation returned before {@code other} was invoked, so it must come first. */
  public boolean precedes(Operation<?, ?> other) {
    return returnedAt < other.invokedAt;
  }

  /** The input and output as a person reads them: {@code vote(1) -> 200}; no output, no arrow. */
  public String describe() {
    if (isPending()) {
      return input + " -> (no answer)";
    }
    return output == null ? String.valueOf(input) : input + " -> " + output;
  }
}
