package dev.tollgate.internal.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wing & Gong's search as Lowe improved it, on one partition: walk the invocations and returns in
 * time order; an invocation met before any pending return may be linearized next, if the model
 * accepts it; meeting a return whose operation is not yet linearized means the last choice was
 * wrong, so undo it and try the next candidate. Pairs (set of linearized operations, state)
 * already explored are memoised, which is what keeps the search from being exponential on the
 * histories a test makes.
 *
 * <p>The events live in a doubly linked list over arrays: linearizing an operation unlinks its
 * invocation and its return, and undoing it links them back (last out, first in).
 */
final class Search<S, I, O> {
  private static final int HEAD = -1;
  private static final int END = -2;

  private final SequentialModel<S, I, O> model;
  private final List<Operation<I, O>> ops;
  private final Budget budget;
  private final LinearizabilityChecker.FinalCheck<S> finalCheck;
  // Entry e: the invocation of operation e / 2 when e is even, its return when odd.
  private final int[] next;
  private final int[] prev;
  private int first;

  private int bestLength = -1;
  private int[] bestOrder = new int[0];
  private S bestState;
  private String finalProblem;
  private int finalProblemDepth;
  private int[] finalProblemOrder;
  private S finalProblemState;
  /** The distinct model states the search reached, in the order it first reached them. */
  private final Set<S> statesTried = new LinkedHashSet<>();

  Search(SequentialModel<S, I, O> model, List<Operation<I, O>> ops, Budget budget,
      LinearizabilityChecker.FinalCheck<S> finalCheck) {
    this.model = model;
    this.finalCheck = finalCheck;
    this.ops = ops;
    this.budget = budget;
    int entries = ops.size() * 2;
    this.next = new int[entries];
    this.prev = new int[entries];
    Integer[] order = new Integer[entries];
    for (int e = 0; e < entries; e++) {
      order[e] = e;
    }
    // By time; at equal times an invocation comes before a return, so operations that touch
    // at one instant count as concurrent (the check never demands an order the clock can't show).
    Arrays.sort(order, (a, b) -> {
      int byTime = Long.compare(time(a), time(b));
      return byTime != 0 ? byTime : Integer.compare(a & 1, b & 1);
    });
    first = entries == 0 ? END : order[0];
    for (int i = 0; i < entries; i++) {
      prev[order[i]] = i == 0 ? HEAD : order[i - 1];
      next[order[i]] = i == entries - 1 ? END : order[i + 1];
    }
  }

  private long time(int entry) {
    Operation<I, O> op = ops.get(entry / 2);
    return (entry & 1) == 0 ? op.invokedAt() : op.returnedAt();
  }

  PartitionVerdict<S, I, O> run(Object key, S initial) {
    int n = ops.size();
    long[] linearized = new long[(n + 63) / 64];
    Set<Memo> explored = new HashSet<>();
    int[] stackOps = new int[n];
    List<S> stackStates = new ArrayList<>(n);
    int depth = 0;
    int required = 0;
    for (Operation<I, O> op : ops) {
      required += op.isPending() ? 0 : 1;
    }
    S state = initial;
    statesTried.add(initial);
    record(stackOps, 0, state);
    int entry = first;
    long steps = 0;
    boolean arrived = true;
    while (true) {
      if (required == 0 && arrived) {
        arrived = false;
        // Every operation that returned is placed. Without a final check that is the answer;
        // with one, a final state it refuses is a dead end, like a return met too early, and
        // the search goes on (placing pending operations too, or undoing the last choice).
        String problem = finalCheck == null ? null : finalCheck.problem(key(key), state)
            .orElse(null);
        if (problem == null) {
          break;
        }
        if (finalProblem == null || depth >= finalProblemDepth) {
          finalProblem = problem;
          finalProblemDepth = depth;
          finalProblemOrder = Arrays.copyOf(stackOps, depth);
          finalProblemState = state;
        }
      }
      if (budget.exhausted(steps)) {
        return verdict(key, initial, PartitionVerdict.Outcome.UNKNOWN, steps);
      }
      steps++;
      if (entry != END && (entry & 1) == 0) {
        int op = entry / 2;
        Operation<I, O> operation = ops.get(op);
        Transition<S> t = model.step(state, operation.input(), operation.output());
        if (t.isAccepted()) {
          linearized[op >> 6] |= 1L << op;
          if (explored.add(new Memo(linearized.clone(), t.next()))) {
            stackOps[depth++] = op;
            stackStates.add(state);
            state = t.next();
            statesTried.add(state);
            unlink(op);
            required -= operation.isPending() ? 0 : 1;
            record(stackOps, depth, state);
            arrived = true;
            entry = first;
            continue;
          }
          linearized[op >> 6] &= ~(1L << op);
        }
        entry = next[entry];
      } else {
        if (depth == 0) {
          return verdict(key, initial, PartitionVerdict.Outcome.NOT_LINEARIZABLE, steps);
        }
        int op = stackOps[--depth];
        state = stackStates.remove(depth);
        linearized[op >> 6] &= ~(1L << op);
        relink(op);
        required += ops.get(op).isPending() ? 0 : 1;
        entry = next[op * 2];
      }
    }
    bestOrder = Arrays.copyOf(stackOps, depth);
    bestState = state;
    return verdict(key, initial, PartitionVerdict.Outcome.LINEARIZABLE, steps);
  }

  private static java.util.Optional<Object> key(Object key) {
    return java.util.Optional.ofNullable(key);
  }

  private void record(int[] stackOps, int depth, S state) {
    if (depth > bestLength) {
      bestLength = depth;
      bestOrder = Arrays.copyOf(stackOps, depth);
      bestState = state;
    }
  }

  private PartitionVerdict<S, I, O> verdict(
      Object key, S initial, PartitionVerdict.Outcome outcome, long steps) {
    String refused = null;
    if (outcome != PartitionVerdict.Outcome.LINEARIZABLE && finalProblem != null
        && finalProblemDepth >= bestLength) {
      // The longest order reached the end and only the final check refused it: show that one.
      bestOrder = finalProblemOrder;
      bestState = finalProblemState;
      refused = finalProblem;
    }
    List<Operation<I, O>> order = new ArrayList<>(bestOrder.length);
    boolean[] placed = new boolean[ops.size()];
    for (int op : bestOrder) {
      order.add(ops.get(op));
      placed[op] = true;
    }
    List<Operation<I, O>> unplaced = new ArrayList<>();
    for (int op = 0; op < ops.size(); op++) {
      if (!placed[op]) {
        unplaced.add(ops.get(op));
      }
    }
    List<PartitionVerdict.Candidate<I, O>> candidates = outcome == PartitionVerdict.Outcome.LINEARIZABLE
        ? List.of() : candidates(unplaced);
    return new PartitionVerdict<>(key, outcome, model, initial, ops, order, bestState, unplaced,
        candidates, refused, steps, List.copyOf(statesTried));
  }

  /** The operations that could come right after the longest order, and why none fits there. */
  private List<PartitionVerdict.Candidate<I, O>> candidates(List<Operation<I, O>> unplaced) {
    long firstReturn = Long.MAX_VALUE;
    for (Operation<I, O> op : unplaced) {
      firstReturn = Math.min(firstReturn, op.returnedAt());
    }
    List<PartitionVerdict.Candidate<I, O>> candidates = new ArrayList<>();
    for (Operation<I, O> op : unplaced) {
      if (op.invokedAt() <= firstReturn) {
        Transition<S> t = model.step(bestState, op.input(), op.output());
        candidates.add(new PartitionVerdict.Candidate<>(op, t.isAccepted()
            ? "fits here, but no order that goes on from here explains the rest"
            : t.reason()));
      }
    }
    return candidates;
  }

  private void unlink(int op) {
    remove(op * 2);
    remove(op * 2 + 1);
  }

  private void relink(int op) {
    restore(op * 2 + 1);
    restore(op * 2);
  }

  private void remove(int e) {
    int p = prev[e];
    int n = next[e];
    if (p == HEAD) {
      first = n;
    } else {
      next[p] = n;
    }
    if (n != END) {
      prev[n] = p;
    }
  }

  private void restore(int e) {
    int p = prev[e];
    int n = next[e];
    if (p == HEAD) {
      first = e;
    } else {
      next[p] = e;
    }
    if (n != END) {
      prev[n] = e;
    }
  }

  /** An explored pair: which operations are linearized, and the state they lead to. */
  private static final class Memo {
    private final long[] linearized;
    private final Object state;
    private final int hash;

    Memo(long[] linearized, Object state) {
      this.linearized = linearized;
      this.state = state;
      this.hash = 31 * Arrays.hashCode(linearized) + state.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Memo m && hash == m.hash && Arrays.equals(linearized, m.linearized)
          && state.equals(m.state);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
