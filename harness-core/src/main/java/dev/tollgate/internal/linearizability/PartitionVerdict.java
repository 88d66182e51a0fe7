package dev.tollgate.internal.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one partition (or on a whole history that is not partitioned): linearizable with
 * an order that explains it, not linearizable with the longest order found and the operations
 * that could not come next, or unknown because the search ran out of budget.
 */
public final class PartitionVerdict<S, I, O> {
  /** The three answers of a check. */
  public enum Outcome { LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN }

  /** An operation that could have come next after the longest order, and why it did not fit. */
  public record Candidate<I, O>(Operation<I, O> operation, String reason) {}

  private final Object key;
  private final Outcome outcome;
  private final SequentialModel<S, I, O> model;
  private final S initial;
  private final List<Operation<I, O>> operations;
  private final List<Operation<I, O>> order;
  private final S stateAfterOrder;
  private final List<Operation<I, O>> unplaced;
  private final List<Candidate<I, O>> candidates;
  private final String refused;
  private final long steps;
  private final List<S> statesTried;

  PartitionVerdict(Object key, Outcome outcome, SequentialModel<S, I, O> model, S initial,
      List<Operation<I, O>> operations, List<Operation<I, O>> order, S stateAfterOrder,
      List<Operation<I, O>> unplaced, List<Candidate<I, O>> candidates, String refused,
      long steps, List<S> statesTried) {
    this.key = key;
    this.outcome = outcome;
    this.model = model;
    this.initial = initial;
    this.operations = List.copyOf(operations);
    this.order = List.copyOf(order);
    this.stateAfterOrder = stateAfterOrder;
    this.unplaced = List.copyOf(unplaced);
    this.candidates = List.copyOf(candidates);
    this.refused = refused;
    this.steps = steps;
    this.statesTried = List.copyOf(statesTried);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The partition's key; empty when the history was checked whole. */
  public Optional<Object> key() {
    return Optional.ofNullable(key);
  }

  public List<Operation<I, O>> operations() {
    return operations;
  }

  /**
   * When linearizable, an order of the operations that explains the history (pending operations
   * that it leaves out never took effect). Otherwise the longest order found that keeps
   * real-time order and that the model accepts: the linearizable prefix closest to a full one.
   */
  public List<Operation<I, O>> order() {
    return order;
  }

  /** The model state after {@link #order()}. */
  public S stateAfterOrder() {
    return stateAfterOrder;
  }

  /** The operations that {@link #order()} leaves out. */
  public List<Operation<I, O>> unplaced() {
    return unplaced;
  }

  /**
   * Unless linearizable: the operations real-time order allows right after {@link #order()}, each
   * with why it does not fit there.
   */
  public List<Candidate<I, O>> candidates() {
    return candidates;
  }

  /**
   * When the longest order placed every operation that returned and only the final check refused
   * its final state: why it refused.
   */
  public Optional<String> finalStateRefused() {
    return Optional.ofNullable(refused);
  }

  /** The state the check started from (the state after the sequential prefix). */
  public S initial() {
    return initial;
  }

  /**
   * The model state after each operation of {@link #order()}, one per operation: what the model
   * believed at each point of the closest order.
   */
  public List<S> statesAlongOrder() {
    List<S> states = new ArrayList<>(order.size());
    S state = initial;
    for (Operation<I, O> op : order) {
      Transition<S> t = model.step(state, op.input(), op.output());
      state = t.isAccepted() ? t.next() : state;
      states.add(state);
    }
    return states;
  }

  /**
   * The distinct model states the search reached, the initial one first, in the order it first
   * reached them: the states it tried to explain the history from.
   */
  public List<S> statesTried() {
    return statesTried;
  }

  /** A state as the model describes it to people. */
  public String describe(S state) {
    return model.describe(state);
  }

  /**
   * Where the closest order breaks, unless linearizable: each operation that could come next,
   * the state it was tried in, and why it does not fit there; or, when every answer is explained,
   * why the final check refuses the state the order ends in.
   */
  public String whereItBreaks() {
    if (outcome == Outcome.LINEARIZABLE) {
      return "";
    }
    StringBuilder out = new StringBuilder("after ").append(order.size()).append(" of ")
        .append(operations.size()).append(" operations, in ").append(model.describe(stateAfterOrder));
    if (refused != null) {
      return out.append(", the final check refuses: ").append(refused).toString();
    }
    if (candidates.isEmpty()) {
      return out.append(", the search stopped").toString();
    }
    out.append(':');
    for (Candidate<I, O> c : candidates) {
      out.append("\n  ").append(c.operation().describe()).append(" (branch ")
          .append(c.operation().branch()).append("): ").append(c.reason());
    }
    return out.toString();
  }

  /** Search steps spent (each try or undo of an operation). */
  public long steps() {
    return steps;
  }

  /** The verdict as a person reads it, for reports. */
  public String explain() {
    return explain(operations.stream().mapToLong(Operation::invokedAt).min().orElse(0));
  }

  String explain(long origin) {
    StringBuilder out = new StringBuilder();
    String where = key == null ? "" : " (partition " + key + ")";
    int total = operations.size();
    switch (outcome) {
      case LINEARIZABLE -> {
        out.append("linearizable").append(where).append(": this order of the ").append(total)
            .append(" operations explains what was observed:\n");
        appendOrder(out, origin);
        for (Operation<I, O> op : unplaced) {
          out.append("  left out (no answer, so it may never have taken effect): ")
              .append(line(op, origin)).append('\n');
        }
        return out.toString();
      }
      case NOT_LINEARIZABLE -> out.append("not linearizable").append(where)
          .append(": no order of the ").append(total)
          .append(" operations keeps real-time order and fits the model")
          .append(refused == null ? ".\n" : " and the final check.\n");
      default -> out.append("unknown").append(where).append(": the search stopped after ")
          .append(String.format("%,d", steps))
          .append(" steps, out of budget, before it found an order or ruled them all out.\n");
    }
    out.append("The longest order that fits (").append(order.size()).append(" of ").append(total)
        .append(" operations), from ").append(model.describe(initial)).append(":\n");
    appendOrder(out, origin);
    if (refused != null) {
      out.append("It explains every answer, but the final check refuses the state it ends in")
          .append(outcome == Outcome.NOT_LINEARIZABLE ? ", as it does after every such order" : "")
          .append(":\n  ").append(refused).append('\n');
    }
    if (outcome == Outcome.NOT_LINEARIZABLE && !candidates.isEmpty()) {
      out.append("Then none of these can come next:\n");
      for (Candidate<I, O> c : candidates) {
        out.append("  ").append(line(c.operation(), origin)).append("\n      ")
            .append(c.reason()).append('\n');
      }
    }
    if (!unplaced.isEmpty()) {
      out.append("Not placed:\n");
    }
    for (Operation<I, O> op : unplaced) {
      out.append("  ").append(line(op, origin)).append('\n');
    }
    return out.toString();
  }

  private void appendOrder(StringBuilder out, long origin) {
    if (order.isEmpty()) {
      out.append("  (none)\n");
    }
    List<S> states = statesAlongOrder();
    for (int i = 0; i < order.size(); i++) {
      out.append(String.format("  %2d. ", i + 1)).append(line(order.get(i), origin))
          .append("\n      => ").append(model.describe(states.get(i))).append('\n');
    }
  }

  static String line(Operation<?, ?> op, long origin) {
    String returned = op.isPending() ? "…" : millis(op.returnedAt() - origin);
    return "[branch " + op.branch() + ", " + millis(op.invokedAt() - origin) + "–" + returned
        + " ms] " + op.describe();
  }

  private static String millis(long nanos) {
    return String.format("%.3f", nanos / 1e6);
  }

  @Override
  public String toString() {
    return explain();
  }
}
