package dev.tollgate.internal.report;

import dev.tollgate.internal.linearizability.History;
import dev.tollgate.internal.linearizability.Operation;
import dev.tollgate.internal.linearizability.PartitionVerdict;
import dev.tollgate.internal.linearizability.Verdict;
import dev.tollgate.internal.secrets.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A concurrent run as the reports show it, in plain values: the sequential prefix, each branch's
 * operations with their invocation and return times, and the checker's verdict (the closest
 * order, where it breaks, the states tried). Built with {@link #of} from the checker's own types,
 * so it does not depend on how the engine stores parallel programs. The texts it makes itself
 * (model states, reasons, the explanation) have secret fields masked; the step and answer texts
 * are the caller's to mask.
 *
 * @param prefix the prefix's steps as people read them, in order (numbered from 1 in reports)
 * @param branches a label per branch, e.g. the branch's user; index = {@link Op#branch()}
 * @param operations every operation of the history, in invocation order
 * @param outcome {@code linearizable}, {@code not linearizable} or {@code unknown} ({@code not
 *     checked} when a parallel record has no verdict)
 * @param partition the key of the partition shown, or {@code null} when checked whole
 * @param partitionOperations how many operations the partition shown has (all, when whole)
 * @param closestOrder the witness order when linearizable, else the longest order that fits
 * @param breaks the operations that could come next after the closest order, and why not
 * @param finalCheckRefused why the final check refused the closest order's end state, or null
 * @param statesTried the distinct model states the search reached (the first {@value
 *     #STATES_SHOWN}); {@code statesTriedCount} is how many there were in all
 * @param repetitions how often the program ran (0 when not known); {@code failedRepetitions}
 *     of those runs failed
 */
public record ConcurrentRun(
    List<String> prefix,
    List<String> branches,
    List<Op> operations,
    String outcome,
    String partition,
    int partitionOperations,
    String initialState,
    List<Placed> closestOrder,
    List<Break> breaks,
    String finalCheckRefused,
    List<String> statesTried,
    int statesTriedCount,
    long searchSteps,
    String explanation,
    int repetitions,
    int failedRepetitions) {

  /** How many tried states the reports list; the count says how many there were. */
  public static final int STATES_SHOWN = 20;

  public ConcurrentRun {
    prefix = List.copyOf(prefix);
    branches = List.copyOf(branches);
    operations = List.copyOf(operations);
    closestOrder = List.copyOf(closestOrder);
    breaks = List.copyOf(breaks);
    statesTried = List.copyOf(statesTried);
  }

  /**
   * One operation: {@code index} into {@link #operations()}, its branch, the step as people read
   * it, the answer ({@code null} when pending), and its times in ns from the first invocation of
   * the history; {@code returnedNanos} is -1 when it never returned. An operation that returned
   * nothing (a {@code null} output) has a {@code null} answer too.
   */
  public record Op(int index, int branch, String text, String answer, long invokedNanos,
      long returnedNanos) {
    public boolean pending() {
      return returnedNanos < 0;
    }
  }

  /** An operation of the closest order ({@code operation} indexes {@link #operations()}). */
  public record Placed(int operation, String stateAfter) {}

  /** An operation that could come next but does not fit, in {@code state}, for {@code reason}. */
  public record Break(int operation, String state, String reason) {}

  /**
   * The run of {@code history}, as {@code verdict} judged it. The partition shown is the
   * verdict's culprit, or the only one when it passed; {@code describeStep} turns an operation's
   * input into a step's text ({@code user2 vote(todo#1)}), and {@code describeAnswer} its output
   * (only called for non-null outputs).
   */
  public static <S, I, O> ConcurrentRun of(List<String> prefix, List<String> branches,
      History<I, O> history, Verdict<S, I, O> verdict, Function<? super I, String> describeStep,
      Function<? super O, String> describeAnswer, int repetitions, int failedRepetitions) {
    List<Operation<I, O>> all = history.operations();
    long origin = all.isEmpty() ? 0 : all.get(0).invokedAt();
    Map<Operation<I, O>, Integer> index = new HashMap<>();
    List<Op> ops = new ArrayList<>();
    int maxBranch = -1;
    for (Operation<I, O> op : all) {
      index.put(op, ops.size());
      maxBranch = Math.max(maxBranch, op.branch());
      ops.add(new Op(ops.size(), op.branch(), describeStep.apply(op.input()),
          op.isPending() || op.output() == null ? null : describeAnswer.apply(op.output()), op.invokedAt() - origin,
          op.isPending() ? -1 : op.returnedAt() - origin));
    }
    List<String> labels = new ArrayList<>(branches);
    for (int b = labels.size(); b <= maxBranch; b++) {
      labels.add("branch " + (b + 1));
    }
    PartitionVerdict<S, I, O> shown = verdict.culprit()
        .orElse(verdict.partitions().size() == 1 ? verdict.partitions().get(0) : null);
    String outcome = verdict.outcome().name().toLowerCase().replace('_', ' ');
    if (shown == null) {
      return new ConcurrentRun(prefix, labels, ops, outcome, null, ops.size(), null, List.of(),
          List.of(),
          null, List.of(), 0, verdict.steps(), Redactor.text(verdict.explain()), repetitions,
          failedRepetitions);
    }
    List<Placed> order = new ArrayList<>();
    List<S> states = shown.statesAlongOrder();
    for (int i = 0; i < shown.order().size(); i++) {
      order.add(new Placed(indexOf(index, shown.order().get(i)),
          Redactor.text(shown.describe(states.get(i)))));
    }
    String after = Redactor.text(shown.describe(shown.stateAfterOrder()));
    List<Break> breaks = new ArrayList<>();
    for (PartitionVerdict.Candidate<I, O> c : shown.candidates()) {
      breaks.add(new Break(indexOf(index, c.operation()), after, Redactor.text(c.reason())));
    }
    List<String> tried = new ArrayList<>();
    for (S state : shown.statesTried()) {
      if (tried.size() == STATES_SHOWN) {
        break;
      }
      tried.add(Redactor.text(shown.describe(state)));
    }
    return new ConcurrentRun(prefix, labels, ops, outcome,
        shown.key().map(String::valueOf).orElse(null), shown.operations().size(),
        Redactor.text(shown.describe(shown.initial())), order,
        breaks, shown.finalStateRefused().map(Redactor::text).orElse(null), tried,
        shown.statesTried().size(), verdict.steps(), Redactor.text(verdict.explain()), repetitions,
        failedRepetitions);
  }

  /** {@link #of} with {@code String.valueOf} for steps and answers, and no repetition count. */
  public static <S, I, O> ConcurrentRun of(List<String> prefix, List<String> branches,
      History<I, O> history, Verdict<S, I, O> verdict) {
    return of(prefix, branches, history, verdict, String::valueOf, String::valueOf, 0, 0);
  }

  /**
   * The concurrent run a report shows for {@code record}'s parallel part: the one it keeps, or,
   * when it keeps none, one made of its steps and times, with the verdict as text only.
   */
  static ConcurrentRun from(RunRecord record) {
    RunRecord.ParallelRecord p = record.parallel();
    if (p.concurrency() != null) {
      return p.concurrency();
    }
    List<String> prefix = new ArrayList<>();
    for (int i = 0; i < Math.min(p.prefixSteps(), record.steps().size()); i++) {
      prefix.add(record.steps().get(i).text());
    }
    List<String> branches = new ArrayList<>();
    List<Op> ops = new ArrayList<>();
    for (RunRecord.BranchRecord branch : p.branches()) {
      branches.add(branch.user());
      for (RunRecord.TimedStep step : branch.steps()) {
        String text = step.number() >= 1 && step.number() <= record.steps().size()
            ? record.steps().get(step.number() - 1).text() : "step " + step.number();
        ops.add(new Op(0, branch.branch(), text, step.answer(), Math.round(step.invokedMs() * 1e6),
            step.pending() ? -1 : Math.round(step.returnedMs() * 1e6)));
      }
    }
    ops.sort(java.util.Comparator.comparingLong(Op::invokedNanos).thenComparingInt(Op::branch));
    List<Op> indexed = new ArrayList<>();
    for (Op op : ops) {
      indexed.add(new Op(indexed.size(), op.branch(), op.text(), op.answer(), op.invokedNanos(),
          op.returnedNanos()));
    }
    String outcome = p.verdict() == null ? "not checked" : p.verdict();
    return new ConcurrentRun(prefix, branches, indexed, outcome, null, indexed.size(), null,
        List.of(), List.of(), null, List.of(), 0, 0, p.explanation(), p.repetitions(),
        p.failedRepetitions());
  }

  private static <I, O> int indexOf(Map<Operation<I, O>, Integer> index, Operation<I, O> op) {
    return Objects.requireNonNull(index.get(op),
        () -> "the verdict is not about this history: it has " + op + ", which the history has not");
  }

  /** The position of operation {@code index} in the closest order, 1-based; 0 if not placed. */
  public int position(int index) {
    for (int i = 0; i < closestOrder.size(); i++) {
      if (closestOrder.get(i).operation() == index) {
        return i + 1;
      }
    }
    return 0;
  }

  /** True if operation {@code index} is one that could come next but does not fit. */
  public boolean breaksAt(int index) {
    return breaks.stream().anyMatch(b -> b.operation() == index);
  }

  public boolean linearizable() {
    return outcome.equals("linearizable");
  }
}
