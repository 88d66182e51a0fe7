package dev.tollgate.internal.linearizability;

import dev.tollgate.internal.linearizability.PartitionVerdict.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a whole history: linearizable if every partition is, not linearizable if any
 * is not, and otherwise unknown (some partition ran out of budget).
 */
public final class Verdict<S, I, O> {
  private final List<PartitionVerdict<S, I, O>> partitions;
  private final Outcome outcome;
  private final long origin;

  Verdict(List<PartitionVerdict<S, I, O>> partitions, long origin) {
    this.partitions = List.copyOf(partitions);
    this.origin = origin;
    if (partitions.stream().anyMatch(p -> p.outcome() == Outcome.NOT_LINEARIZABLE)) {
      outcome = Outcome.NOT_LINEARIZABLE;
    } else if (partitions.stream().anyMatch(p -> p.outcome() == Outcome.UNKNOWN)) {
      outcome = Outcome.UNKNOWN;
    } else {
      outcome = Outcome.LINEARIZABLE;
    }
  }

  public Outcome outcome() {
    return outcome;
  }

  public boolean isLinearizable() {
    return outcome == Outcome.LINEARIZABLE;
  }

  /** One verdict per partition, in the order of their first invocation; one if not partitioned. */
  public List<PartitionVerdict<S, I, O>> partitions() {
    return partitions;
  }

  /** The partition that is not linearizable, or else one that is unknown, if any. */
  public Optional<PartitionVerdict<S, I, O>> culprit() {
    return partitions.stream().filter(p -> p.outcome() == Outcome.NOT_LINEARIZABLE).findFirst()
        .or(() -> partitions.stream().filter(p -> p.outcome() == Outcome.UNKNOWN).findFirst());
  }

  /** Search steps spent over all partitions. */
  public long steps() {
    return partitions.stream().mapToLong(PartitionVerdict::steps).sum();
  }

  /**
   * The verdict as a person reads it: for a failure, the partition at fault with its longest
   * order and what could not come next; times are in ms from the history's first invocation.
   */
  public String explain() {
    Optional<PartitionVerdict<S, I, O>> culprit = culprit();
    if (culprit.isPresent()) {
      return culprit.get().explain(origin);
    }
    if (partitions.size() == 1) {
      return partitions.get(0).explain(origin);
    }
    StringBuilder out = new StringBuilder("linearizable: each of the ")
        .append(partitions.size()).append(" partitions has an order that explains it.\n");
    for (PartitionVerdict<S, I, O> p : partitions) {
      out.append(p.explain(origin));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return explain();
  }
}
