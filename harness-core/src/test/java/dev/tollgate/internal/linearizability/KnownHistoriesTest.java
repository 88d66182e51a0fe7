package dev.tollgate.internal.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.linearizability.LinearizabilityCheckerTest.CounterModel;
import dev.tollgate.internal.linearizability.PartitionVerdict.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Textbook histories of a counter, a FIFO queue and a set (the register is in
 * {@link LinearizabilityCheckerTest}), each decided both ways, and pairs of histories that differ
 * only in real-time order: the model accepts exactly one order, and whether the clock allows it
 * decides the verdict.
 */
class KnownHistoriesTest {
  private static final long MS = 1_000_000;

  private static <I, O> Operation<I, O> op(int branch, I call, O answer, long in, long out) {
    return Operation.completed(branch, call, answer, in * MS, out * MS);
  }

  // ---- a counter: vote adds one and answers the new count ----

  @Test
  void two_votes_told_1_and_2_are_linearizable_and_two_told_1_are_not() {
    var checker = LinearizabilityChecker.of(new CounterModel());

    assertThat(checker.check(0, History.of(
        op(0, "vote", 1, 0, 10), op(1, "vote", 2, 0, 10))).outcome())
        .isEqualTo(Outcome.LINEARIZABLE);
    assertThat(checker.check(0, History.of(
        op(0, "vote", 1, 0, 10), op(1, "vote", 1, 0, 10))).outcome())
        .isEqualTo(Outcome.NOT_LINEARIZABLE);
  }

  @Test
  void only_real_time_order_rules_out_the_vote_told_2_coming_second() {
    // The model accepts one order only: branch 1's vote (told 1) first, then branch 0's (told 2).
    var checker = LinearizabilityChecker.of(new CounterModel());
    History<String, Integer> overlapping = History.of(
        op(0, "vote", 2, 0, 10), op(1, "vote", 1, 5, 20));
    History<String, Integer> told2First = History.of(
        op(0, "vote", 2, 0, 10), op(1, "vote", 1, 11, 20));

    var fits = checker.check(0, overlapping);
    assertThat(fits.outcome()).isEqualTo(Outcome.LINEARIZABLE);
    assertThat(fits.partitions().get(0).order()).extracting(Operation::branch)
        .containsExactly(1, 0);
    assertThat(checker.check(0, told2First).outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
  }

  // ---- a FIFO queue ----

  /** {@code enq(x)} answers nothing; {@code deq} answers the head, or 0 when empty. */
  static final class QueueModel implements SequentialModel<List<Integer>, String, Integer> {
    @Override
    public Transition<List<Integer>> step(List<Integer> queue, String call, Integer answer) {
      if (call.startsWith("enq")) {
        List<Integer> next = new ArrayList<>(queue);
        next.add(Integer.parseInt(call.substring(4, call.length() - 1)));
        return Transition.accepted(List.copyOf(next));
      }
      int head = queue.isEmpty() ? 0 : queue.get(0);
      if (answer != null && answer != head) {
        return Transition.rejected("expected deq to answer " + head + " but it answered " + answer);
      }
      return Transition.accepted(queue.isEmpty() ? queue : List.copyOf(queue.subList(1, queue.size())));
    }
  }

  @Test
  void a_queue_that_hands_out_the_same_element_twice_is_not_linearizable() {
    var checker = LinearizabilityChecker.of(new QueueModel());

    assertThat(checker.check(List.of(), History.of(
        op(0, "enq(1)", null, 0, 10), op(0, "enq(2)", null, 20, 30),
        op(1, "deq", 1, 40, 50), op(2, "deq", 2, 40, 50))).outcome())
        .isEqualTo(Outcome.LINEARIZABLE);
    assertThat(checker.check(List.of(), History.of(
        op(0, "enq(1)", null, 0, 10), op(0, "enq(2)", null, 20, 30),
        op(1, "deq", 1, 40, 50), op(2, "deq", 1, 40, 50))).outcome())
        .isEqualTo(Outcome.NOT_LINEARIZABLE);
  }

  @Test
  void only_real_time_order_rules_out_the_later_enqueue_leaving_first() {
    // deq answers 2, which fits one order only: enq(2) before enq(1). Overlapping enqueues allow
    // it; when enq(1) returned before enq(2) was invoked, FIFO forbids it.
    var checker = LinearizabilityChecker.of(new QueueModel());

    var overlapping = checker.check(List.of(), History.of(
        op(0, "enq(1)", null, 0, 10), op(1, "enq(2)", null, 5, 30), op(2, "deq", 2, 40, 50)));
    var oneAfterTheOther = checker.check(List.of(), History.of(
        op(0, "enq(1)", null, 0, 10), op(1, "enq(2)", null, 11, 30), op(2, "deq", 2, 40, 50)));

    assertThat(overlapping.outcome()).isEqualTo(Outcome.LINEARIZABLE);
    assertThat(overlapping.partitions().get(0).order()).extracting(Operation::input)
        .containsExactly("enq(2)", "enq(1)", "deq");
    assertThat(oneAfterTheOther.outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
    assertThat(oneAfterTheOther.explain())
        .contains("expected deq to answer 1 but it answered 2");
  }

  // ---- a set: add answers whether the element was new, has answers whether it is there ----

  record SetCall(String name, int element) {
    @Override
    public String toString() {
      return name + "(" + element + ")";
    }
  }

  static final class SetModel implements SequentialModel<Set<Integer>, SetCall, Boolean> {
    @Override
    public Transition<Set<Integer>> step(Set<Integer> set, SetCall call, Boolean answer) {
      boolean there = set.contains(call.element());
      boolean expected = call.name().equals("add") ? !there : there;
      if (answer != null && answer != expected) {
        return Transition.rejected("expected " + call + " to answer " + expected
            + " but it answered " + answer);
      }
      if (call.name().equals("add") && !there) {
        Set<Integer> next = new TreeSet<>(set);
        next.add(call.element());
        return Transition.accepted(Set.copyOf(next));
      }
      return Transition.accepted(set);
    }

    @Override
    public java.util.Optional<Object> partitionKey(SetCall call) {
      return java.util.Optional.of(call.element());
    }
  }

  @Test
  void two_adds_of_one_element_both_told_it_was_new_are_not_linearizable() {
    var checker = LinearizabilityChecker.of(new SetModel());
    SetCall add1 = new SetCall("add", 1);

    assertThat(checker.check(Set.of(), History.of(
        op(0, add1, true, 0, 10), op(1, add1, false, 0, 10))).outcome())
        .isEqualTo(Outcome.LINEARIZABLE);
    var twiceNew = checker.check(Set.of(), History.of(
        op(0, add1, true, 0, 10), op(1, add1, true, 0, 10),
        op(2, new SetCall("add", 2), true, 0, 10)));
    assertThat(twiceNew.outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
    assertThat(twiceNew.partitions()).extracting(PartitionVerdict::outcome)
        .containsExactly(Outcome.NOT_LINEARIZABLE, Outcome.LINEARIZABLE);
  }

  @Test
  void only_real_time_order_rules_out_a_read_that_misses_a_finished_add() {
    var checker = LinearizabilityChecker.of(new SetModel());
    SetCall add1 = new SetCall("add", 1);
    SetCall has1 = new SetCall("has", 1);

    assertThat(checker.check(Set.of(), History.of(
        op(0, add1, true, 0, 10), op(1, has1, false, 9, 20))).outcome())
        .isEqualTo(Outcome.LINEARIZABLE);
    assertThat(checker.check(Set.of(), History.of(
        op(0, add1, true, 0, 10), op(1, has1, false, 11, 20))).outcome())
        .isEqualTo(Outcome.NOT_LINEARIZABLE);
  }

  // ---- pending operations ----

  @Test
  void a_pending_vote_counts_when_a_later_answer_needs_it_and_not_otherwise() {
    var checker = LinearizabilityChecker.of(new CounterModel());
    Operation<String, Integer> timedOut = Operation.pending(0, "vote", 0);

    var counted = checker.check(0, History.of(timedOut, op(1, "vote", 2, 10, 20)));
    var leftOut = checker.check(0, History.of(timedOut, op(1, "vote", 1, 10, 20)));

    assertThat(counted.outcome()).isEqualTo(Outcome.LINEARIZABLE);
    assertThat(counted.partitions().get(0).order()).containsExactly(
        timedOut, op(1, "vote", 2, 10, 20));
    assertThat(leftOut.outcome()).isEqualTo(Outcome.LINEARIZABLE);
    assertThat(leftOut.partitions().get(0).order()).extracting(Operation::branch)
        .containsExactly(1);
    assertThat(leftOut.explain()).contains("left out (no answer, so it may never have taken effect)");
  }

  @Test
  void a_pending_operation_cannot_take_effect_before_it_was_invoked() {
    var checker = LinearizabilityChecker.of(new CounterModel());

    assertThat(checker.check(0, History.of(
        op(1, "count", 1, 0, 10), Operation.pending(0, "vote", 11 * MS))).outcome())
        .isEqualTo(Outcome.NOT_LINEARIZABLE);
    assertThat(checker.check(0, History.of(
        op(1, "count", 1, 0, 10), Operation.pending(0, "vote", 9 * MS))).outcome())
        .isEqualTo(Outcome.LINEARIZABLE);
  }

  @Test
  void several_pending_operations_may_each_count_or_not() {
    var checker = LinearizabilityChecker.of(new CounterModel());
    for (int seen = 0; seen <= 3; seen++) {
      var verdict = checker.check(0, History.of(
          Operation.pending(0, "vote", 0), Operation.pending(1, "vote", 0),
          Operation.pending(2, "vote", 0), op(3, "count", seen, 50, 60)));

      assertThat(verdict.outcome()).as("count answering %d", seen)
          .isEqualTo(Outcome.LINEARIZABLE);
    }
    assertThat(checker.check(0, History.of(
        Operation.pending(0, "vote", 0), Operation.pending(1, "vote", 0),
        op(3, "count", 3, 50, 60))).outcome())
        .isEqualTo(Outcome.NOT_LINEARIZABLE);
  }
}
