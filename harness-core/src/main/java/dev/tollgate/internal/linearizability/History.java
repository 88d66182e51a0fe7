package dev.tollgate.internal.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A concurrent history: the operations of all branches, each with its invocation and return time.
 * Each branch is sequential (one user's steps, one after the other), so within a branch an
 * operation returns before the next is invoked, and only a branch's last operation may be pending.
 */
public final class History<I, O> {
  private final List<Operation<I, O>> operations;

  private History(List<Operation<I, O>> operations) {
    this.operations = operations;
  }

  /** The history of these operations, in any order; throws if a branch overlaps itself. */
  public static <I, O> History<I, O> of(List<Operation<I, O>> operations) {
    List<Operation<I, O>> sorted = new ArrayList<>(operations);
    sorted.sort(Comparator.<Operation<I, O>>comparingInt(Operation::branch)
        .thenComparingLong(Operation::invokedAt));
    for (int i = 1; i < sorted.size(); i++) {
      Operation<I, O> before = sorted.get(i - 1);
      Operation<I, O> after = sorted.get(i);
      if (before.branch() == after.branch() && !before.precedes(after)) {
        throw new IllegalArgumentException("a branch runs its operations one after the other, but"
            + " in branch " + after.branch() + " " + after.input() + " was invoked at "
            + after.invokedAt() + " before " + before.input() + " returned"
            + (before.isPending() ? " (it never did)" : " at " + before.returnedAt())
            + ": give each concurrent user its own branch");
      }
    }
    sorted.sort(Comparator.<Operation<I, O>>comparingLong(Operation::invokedAt)
        .thenComparingInt(Operation::branch));
    return new History<>(List.copyOf(sorted));
  }

  @SafeVarargs
  public static <I, O> History<I, O> of(Operation<I, O>... operations) {
    return of(List.of(operations));
  }

  /** The operations, in the order they were invoked. */
  public List<Operation<I, O>> operations() {
    return operations;
  }

  public int size() {
    return operations.size();
  }

  /** A recorder for {@code branches} threads that read one monotonic clock. */
  public static <I, O> Recorder<I, O> recorder(int branches, LongSupplier clock) {
    return new Recorder<>(branches, clock);
  }

  public static <I, O> Recorder<I, O> recorder(int branches) {
    return new Recorder<>(branches, System::nanoTime);
  }

  /**
   * Records a history while the branches run. Each branch's thread records only into its own
   * {@link Branch}, so recording takes no lock; {@link #history()} is read after the branches
   * have joined. A call that never returned becomes a pending operation.
   */
  public static final class Recorder<I, O> {
    private final List<Branch<I, O>> branches = new ArrayList<>();

    private Recorder(int count, LongSupplier clock) {
      for (int b = 0; b < count; b++) {
        branches.add(new Branch<>(b, clock));
      }
    }

    public Branch<I, O> branch(int index) {
      return branches.get(index);
    }

    public History<I, O> history() {
      List<Operation<I, O>> all = new ArrayList<>();
      for (Branch<I, O> branch : branches) {
        for (Call<I, O> call : branch.calls) {
          all.add(call.operation());
        }
      }
      return of(all);
    }
  }

  /** One branch's calls, recorded by that branch's thread alone. */
  public static final class Branch<I, O> {
    private final int index;
    private final LongSupplier clock;
    private final List<Call<I, O>> calls = new ArrayList<>();

    private Branch(int index, LongSupplier clock) {
      this.index = index;
      this.clock = clock;
    }

    /** Marks the invocation of {@code input} now; call {@link Call#returned} with the answer. */
    public Call<I, O> invoke(I input) {
      Call<I, O> call = new Call<>(index, input, clock);
      calls.add(call);
      return call;
    }
  }

  /** An invoked operation, waiting for its answer. */
  public static final class Call<I, O> {
    private final int branch;
    private final I input;
    private final LongSupplier clock;
    private final long invokedAt;
    private O output;
    private long returnedAt = Operation.PENDING;

    private Call(int branch, I input, LongSupplier clock) {
      this.branch = branch;
      this.input = input;
      this.clock = clock;
      this.invokedAt = clock.getAsLong();
    }

    public void returned(O answer) {
      if (returnedAt != Operation.PENDING) {
        throw new IllegalStateException(input + " of branch " + branch + " already returned");
      }
      this.returnedAt = clock.getAsLong();
      this.output = answer;
    }

    Operation<I, O> operation() {
      return new Operation<>(branch, input, output, invokedAt, returnedAt);
    }
  }
}
