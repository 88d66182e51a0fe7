package dev.tollgate.internal.linearizability;

import java.util.Objects;

/**
 * What a sequential model says about one operation in one state: it fits, and leads to the next
 * state; or it does not fit, for a reason a person can read (a failed precondition, or an answer
 * the model would not give).
 */
public final class Transition<S> {
  private final boolean accepted;
  private final S next;
  private final String reason;

  private Transition(boolean accepted, S next, String reason) {
    this.accepted = accepted;
    this.next = next;
    this.reason = reason;
  }

  public static <S> Transition<S> accepted(S next) {
    return new Transition<>(true, Objects.requireNonNull(next, "next state"), null);
  }

  public static <S> Transition<S> rejected(String reason) {
    return new Transition<>(false, null, Objects.requireNonNull(reason, "reason"));
  }

  public boolean isAccepted() {
    return accepted;
  }

  /** The state after the operation; only for an accepted transition. */
  public S next() {
    if (!accepted) {
      throw new IllegalStateException("a rejected transition has no next state (" + reason + ")");
    }
    return next;
  }

  /** Why the operation does not fit; only for a rejected transition. */
  public String reason() {
    if (accepted) {
      throw new IllegalStateException("an accepted transition has no reason");
    }
    return reason;
  }

  @Override
  public String toString() {
    return accepted ? "accepted -> " + next : "rejected: " + reason;
  }
}
