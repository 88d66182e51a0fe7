package dev.tollgate.internal.runner;

/**
 * How a run failed: at which step, in which command, and which kind of check. Two failures are
 * "the same" for shrinking when their {@link #signature()}s are equal.
 */
public record Failure(int step, String command, Kind kind, String check, Throwable cause) {

  /** The kinds of check a step can fail. */
  public enum Kind {
    /** The action threw. */
    ACTION("the action threw"),
    /** The value for the step's reference could not be taken from the result. */
    REFERENCE("taking the value for its reference failed"),
    /** The postcondition failed. */
    POSTCONDITION("postcondition"),
    /** An invariant failed after the step. */
    INVARIANT("invariant"),
    /** The step ran past its deadline ({@code tollgate.stepTimeout}) and was abandoned. */
    TIMEOUT("the step overran its deadline"),
    /** The candidate answered differently from the control (a comparison run). */
    DIVERGENCE("the candidate answered differently from the control"),
    /**
     * A parallel program's branches ran, but no order of their steps that keeps real-time order
     * fits the model (its preconditions, postconditions, and invariants after the join).
     */
    LINEARIZABILITY("no order of the parallel steps fits the model");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public String signature() {
    return command + "/" + kind + (check == null ? "" : "/" + check);
  }

  /** E.g. {@code postcondition of delete_todo} or {@code invariant "counts match"}. */
  public String describe() {
    return switch (kind) {
      case INVARIANT -> "invariant \"" + check + "\" after " + command;
      case ACTION -> command + ": the action threw";
      case REFERENCE -> command + ": taking the value for its reference failed";
      case POSTCONDITION -> "postcondition of " + command;
      case TIMEOUT -> command + ": the step overran its deadline";
      case DIVERGENCE -> command + ": the candidate answered differently from the control"
          + (check == null ? "" : " (" + check + ")");
      case LINEARIZABILITY -> "linearizability of the " + command;
    };
  }
}
