package dev.tollgate.internal.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.internal.linearizability.KeyValueModel.Call;
import dev.tollgate.internal.linearizability.PartitionVerdict.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {
  private static final KeyValueModel MODEL = new KeyValueModel();
  private static final LinearizabilityChecker<Map<Integer, Integer>, Call, Integer> CHECKER =
      LinearizabilityChecker.of(MODEL);

  private static Operation<Call, Integer> op(int branch, Call call, Integer out, long in, long ret) {
    return Operation.completed(branch, call, out, in, ret);
  }

  private static Verdict<Map<Integer, Integer>, Call, Integer> check(
      List<Operation<Call, Integer>> ops) {
    return CHECKER.check(KeyValueModel.EMPTY, History.of(ops));
  }

  @Test
  void a_sequential_history_the_model_accepts_is_linearizable_in_its_own_order() {
    Verdict<Map<Integer, Integer>, Call, Integer> verdict = check(List.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(0, Call.get(1), 5, 20, 30),
        op(1, Call.get(1), 5, 40, 50)));

    assertThat(verdict.outcome()).isEqualTo(Outcome.LINEARIZABLE);
    assertThat(verdict.partitions().get(0).order()).extracting(o -> o.input().toString())
        .containsExactly("put(1, 5)", "get(1)", "get(1)");
  }

  @Test
  void a_read_concurrent_with_a_write_may_see_the_old_value_or_the_new() {
    for (int seen : new int[] {0, 5}) {
      Verdict<Map<Integer, Integer>, Call, Integer> verdict = check(List.of(
          op(0, Call.put(1, 5), null, 0, 100),
          op(1, Call.get(1), seen, 10, 20)));

      assertThat(verdict.outcome()).as("get answering %d", seen).isEqualTo(Outcome.LINEARIZABLE);
    }
  }

  @Test
  void only_real_time_order_rules_out_the_one_order_the_model_accepts() {
    // The model accepts one order alone: get (answering the old 0) before put. When the get is
    // invoked after the put returned, real-time order forbids it; when they overlap, it is fine.
    List<Operation<Call, Integer>> after = List.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(1, Call.get(1), 0, 11, 20));
    List<Operation<Call, Integer>> overlapping = List.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(1, Call.get(1), 0, 9, 20));

    assertThat(check(after).outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
    assertThat(check(overlapping).outcome()).isEqualTo(Outcome.LINEARIZABLE);
    assertThat(check(overlapping).partitions().get(0).order()).extracting(o -> o.input().name())
        .containsExactly("get", "put");
  }

  @Test
  void operations_that_touch_at_one_instant_count_as_concurrent() {
    Verdict<Map<Integer, Integer>, Call, Integer> verdict = check(List.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(1, Call.get(1), 0, 10, 20)));

    assertThat(verdict.outcome()).isEqualTo(Outcome.LINEARIZABLE);
  }

  @Test
  void a_lost_vote_is_not_linearizable_and_the_explanation_says_why() {
    // Two users vote at once and both are told the count is now 1: one vote was lost.
    CounterModel votes = new CounterModel();
    Verdict<Integer, String, Integer> verdict = LinearizabilityChecker.of(votes).check(0,
        History.of(
            Operation.completed(0, "vote", 1, 1_000_000, 3_000_000),
            Operation.completed(1, "vote", 1, 1_500_000, 2_500_000),
            Operation.completed(0, "count", 1, 4_000_000, 5_000_000)));

    assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
    PartitionVerdict<Integer, String, Integer> culprit = verdict.culprit().orElseThrow();
    assertThat(culprit.order()).hasSize(1);
    assertThat(culprit.unplaced()).hasSize(2);
    assertThat(verdict.explain()).isEqualTo("""
        not linearizable: no order of the 3 operations keeps real-time order and fits the model.
        The longest order that fits (1 of 3 operations), from count 0:
           1. [branch 0, 0.000–2.000 ms] vote -> 1
              => count 1
        Then none of these can come next:
          [branch 1, 0.500–1.500 ms] vote -> 1
              expected the count to become 2 but the answer was 1
        Not placed:
          [branch 1, 0.500–1.500 ms] vote -> 1
          [branch 0, 3.000–4.000 ms] count -> 1
        """);
  }

  @Test
  void a_lost_vote_gives_the_closest_order_its_states_and_where_it_breaks() {
    Verdict<Integer, String, Integer> verdict = LinearizabilityChecker.of(new CounterModel())
        .check(0, History.of(
            Operation.completed(0, "vote", 1, 1_000_000, 3_000_000),
            Operation.completed(1, "vote", 1, 1_500_000, 2_500_000),
            Operation.completed(0, "count", 1, 4_000_000, 5_000_000)));

    PartitionVerdict<Integer, String, Integer> culprit = verdict.culprit().orElseThrow();
    assertThat(culprit.initial()).isZero();
    assertThat(culprit.order()).extracting(Operation::branch).containsExactly(0);
    assertThat(culprit.statesAlongOrder()).containsExactly(1);
    assertThat(culprit.statesTried()).containsExactly(0, 1);
    assertThat(culprit.describe(2)).isEqualTo("count 2");
    assertThat(culprit.whereItBreaks()).isEqualTo("""
        after 1 of 3 operations, in count 1:
          vote -> 1 (branch 1): expected the count to become 2 but the answer was 1""");
  }

  /** A user who logs in and out: logout is enabled only when logged in (a precondition). */
  static final class SessionModel implements SequentialModel<String, String, Integer> {
    @Override
    public Transition<String> step(String state, String call, Integer status) {
      if (call.equals("logout") && !state.equals("logged_in")) {
        return Transition.rejected("not enabled: logout needs logged_in, the user is " + state);
      }
      return Transition.accepted(call.equals("login") ? "logged_in" : "logged_out");
    }
  }

  @Test
  void where_it_breaks_names_a_failed_precondition_and_the_state_it_failed_in() {
    Verdict<String, String, Integer> verdict = LinearizabilityChecker.of(new SessionModel())
        .check("logged_out", History.of(
            Operation.completed(0, "login", 200, 0, 10),
            Operation.completed(1, "logout", 200, 20, 30),
            Operation.completed(0, "logout", 200, 40, 50)));

    PartitionVerdict<String, String, Integer> culprit = verdict.culprit().orElseThrow();
    assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
    assertThat(culprit.statesAlongOrder()).containsExactly("logged_in", "logged_out");
    assertThat(culprit.whereItBreaks()).isEqualTo("""
        after 2 of 3 operations, in logged_out:
          logout -> 200 (branch 0): not enabled: logout needs logged_in, the user is logged_out""");
  }

  @Test
  void where_it_breaks_is_the_final_check_when_every_answer_is_explained() {
    Verdict<Map<Integer, Integer>, Call, Integer> verdict =
        CHECKER.withFinalCheck(keyOneHolds(7)).check(KeyValueModel.EMPTY, History.of(
            op(0, Call.put(1, 5), null, 0, 10)));

    assertThat(verdict.culprit().orElseThrow().whereItBreaks()).isEqualTo(
        "after 1 of 1 operations, in {1=5}, the final check refuses: expected key 1 to hold 5"
            + " in the database but it holds 7");
    assertThat(CHECKER.check(KeyValueModel.EMPTY, History.of(op(0, Call.put(1, 5), null, 0, 10)))
        .partitions().get(0).whereItBreaks()).isEmpty();
  }

  @Test
  void a_pending_operation_may_have_taken_effect_or_not() {
    Operation<Call, Integer> timedOut = Operation.pending(0, Call.put(1, 5), 0);

    assertThat(check(List.of(timedOut, op(1, Call.get(1), 5, 10, 20))).outcome())
        .isEqualTo(Outcome.LINEARIZABLE);
    assertThat(check(List.of(timedOut, op(1, Call.get(1), 0, 10, 20))).outcome())
        .isEqualTo(Outcome.LINEARIZABLE);
    assertThat(check(List.of(timedOut,
        op(1, Call.get(1), 5, 10, 20), op(1, Call.get(1), 0, 30, 40))).outcome())
        .as("once seen, its effect cannot be undone").isEqualTo(Outcome.NOT_LINEARIZABLE);
  }

  @Test
  void keys_are_checked_apart_and_the_failure_names_its_key() {
    Verdict<Map<Integer, Integer>, Call, Integer> verdict = check(List.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(1, Call.put(2, 6), null, 0, 10),
        op(0, Call.get(1), 5, 20, 30),
        op(1, Call.get(2), 0, 20, 30)));

    assertThat(verdict.partitions()).extracting(p -> p.key().orElseThrow())
        .containsExactly(1, 2);
    assertThat(verdict.partitions()).extracting(PartitionVerdict::outcome)
        .containsExactly(Outcome.LINEARIZABLE, Outcome.NOT_LINEARIZABLE);
    assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
    assertThat(verdict.explain()).startsWith("not linearizable (partition 2)")
        .contains("expected key 2 to hold 6 but the answer was 0");
  }

  @Test
  void an_operation_without_a_key_makes_the_history_be_checked_whole() {
    Verdict<Map<Integer, Integer>, Call, Integer> verdict = check(List.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(1, Call.put(2, 6), null, 0, 10),
        op(0, Call.size(), 2, 20, 30)));

    assertThat(verdict.partitions()).hasSize(1);
    assertThat(verdict.partitions().get(0).key()).isEmpty();
    assertThat(verdict.outcome()).isEqualTo(Outcome.LINEARIZABLE);
  }

  @Test
  void partitioning_can_be_switched_off() {
    History<Call, Integer> history = Histories.linearizable(3, 4, 5, 3);

    assertThat(CHECKER.withoutPartitioning().check(KeyValueModel.EMPTY, history).partitions())
        .hasSize(1);
    assertThat(CHECKER.check(KeyValueModel.EMPTY, history).partitions().size())
        .isGreaterThan(1);
  }

  @Test
  void a_search_out_of_budget_answers_unknown_with_what_it_found() {
    History<Call, Integer> history = Histories.broken(1, 8, 10, 1);

    Verdict<Map<Integer, Integer>, Call, Integer> verdict =
        CHECKER.withStepLimit(50).check(KeyValueModel.EMPTY, history);

    assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(verdict.steps()).isEqualTo(50);
    assertThat(verdict.explain()).startsWith("unknown (partition 0): the search stopped after 50 steps")
        .contains("The longest order that fits");
  }

  /**
   * The 1 s target, as a budget rather than a clock (a loaded machine must not fail it): the
   * hardest of seeds 1 to 20 takes about 70,000 steps whole, a step costs about a microsecond
   * (LinearizabilityBench measures it), and without memoisation the broken ones outrun 50 million.
   */
  private static final long STEPS_WELL_UNDER_A_SECOND = 500_000;

  @Test
  void a_history_of_8_branches_of_10_steps_is_decided_within_the_step_budget_of_1_s() {
    var budgeted = CHECKER.withStepLimit(STEPS_WELL_UNDER_A_SECOND);
    for (long seed = 1; seed <= 5; seed++) {   // seed 3 whole is the hardest of the first 20
      for (int keys : new int[] {1, 4}) {
        History<Call, Integer> good = Histories.linearizable(seed, 8, 10, keys);
        History<Call, Integer> broken = Histories.broken(seed, 8, 10, keys);
        assertThat(good.size()).isEqualTo(80);

        assertThat(budgeted.withoutPartitioning().check(KeyValueModel.EMPTY, good).outcome())
            .as("seed %d, %d keys, linearizable, whole", seed, keys)
            .isEqualTo(Outcome.LINEARIZABLE);
        assertThat(budgeted.withoutPartitioning().check(KeyValueModel.EMPTY, broken).outcome())
            .as("seed %d, %d keys, broken, whole", seed, keys)
            .isEqualTo(Outcome.NOT_LINEARIZABLE);
        assertThat(budgeted.check(KeyValueModel.EMPTY, broken).outcome())
            .as("seed %d, %d keys, broken, partitioned", seed, keys)
            .isEqualTo(Outcome.NOT_LINEARIZABLE);
      }
    }
  }

  @Test
  void agrees_with_trying_every_order_on_small_random_histories() {
    Random random = new Random(7);
    int linearizable = 0;
    for (int round = 0; round < 400; round++) {
      List<Operation<Call, Integer>> ops = new ArrayList<>();
      long[] time = new long[3];
      int count = 2 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        int branch = random.nextInt(3);
        long in = time[branch] + random.nextInt(10);
        long out = in + random.nextInt(15);
        time[branch] = out + 1;
        Call call = random.nextBoolean() ? Call.put(1, 1 + random.nextInt(2)) : Call.get(1);
        ops.add(op(branch, call, call.name().equals("get") ? random.nextInt(3) : null, in, out));
      }
      boolean expected = BruteForce.linearizable(MODEL, KeyValueModel.EMPTY, ops);
      linearizable += expected ? 1 : 0;

      assertThat(check(ops).isLinearizable()).as("history %s", ops).isEqualTo(expected);
    }
    assertThat(linearizable).as("both verdicts were exercised").isBetween(40, 360);
  }

  private static LinearizabilityChecker.FinalCheck<Map<Integer, Integer>> keyOneHolds(int value) {
    return (key, state) -> state.getOrDefault(1, 0) == value
        ? Optional.empty()
        : Optional.of("expected key 1 to hold " + state.getOrDefault(1, 0)
            + " in the database but it holds " + value);
  }

  @Test
  void the_final_check_picks_the_orders_whose_final_state_the_system_agrees_with() {
    History<Call, Integer> racingPuts = History.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(1, Call.put(1, 6), null, 0, 10));

    Verdict<Map<Integer, Integer>, Call, Integer> five =
        CHECKER.withFinalCheck(keyOneHolds(5)).check(KeyValueModel.EMPTY, racingPuts);
    Verdict<Map<Integer, Integer>, Call, Integer> seven =
        CHECKER.withFinalCheck(keyOneHolds(7)).check(KeyValueModel.EMPTY, racingPuts);

    assertThat(five.outcome()).isEqualTo(Outcome.LINEARIZABLE);
    assertThat(five.partitions().get(0).order()).extracting(o -> o.input().value())
        .containsExactly(6, 5);
    assertThat(seven.outcome()).isEqualTo(Outcome.NOT_LINEARIZABLE);
    assertThat(seven.culprit().orElseThrow().finalStateRefused()).isPresent();
    assertThat(seven.explain()).contains("the final check refuses the state it ends in")
        .contains("but it holds 7");
  }

  @Test
  void the_final_check_may_count_a_pending_operation_in_or_out() {
    History<Call, Integer> timedOut = History.of(
        op(0, Call.put(1, 5), null, 0, 10),
        Operation.pending(1, Call.put(1, 6), 20));

    for (int value : new int[] {5, 6}) {
      assertThat(CHECKER.withFinalCheck(keyOneHolds(value))
              .check(KeyValueModel.EMPTY, timedOut).outcome())
          .as("the database holding %d", value).isEqualTo(Outcome.LINEARIZABLE);
    }
    assertThat(CHECKER.withFinalCheck(keyOneHolds(0))
            .check(KeyValueModel.EMPTY, timedOut).outcome())
        .isEqualTo(Outcome.NOT_LINEARIZABLE);
  }

  @Test
  void a_branch_that_overlaps_itself_is_refused_with_how_to_fix_it() {
    assertThatThrownBy(() -> History.of(
        op(0, Call.put(1, 5), null, 0, 10),
        op(0, Call.get(1), 5, 5, 20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a branch runs its operations one after the other, but in branch 0 get(1)"
            + " was invoked at 5 before put(1, 5) returned at 10: give each concurrent user its"
            + " own branch");
  }

  @Test
  void the_recorder_times_each_call_on_the_shared_clock_and_leaves_unanswered_ones_pending() {
    long[] clock = {0};
    History.Recorder<Call, Integer> recorder = History.recorder(2, () -> clock[0] += 10);

    History.Call<Call, Integer> put = recorder.branch(0).invoke(Call.put(1, 5));   // 10
    History.Call<Call, Integer> get = recorder.branch(1).invoke(Call.get(1));      // 20
    put.returned(null);                                                            // 30
    recorder.branch(0).invoke(Call.get(1));                                        // 40, no answer
    get.returned(5);                                                               // 50

    assertThat(recorder.history().operations()).containsExactly(
        Operation.completed(0, Call.put(1, 5), null, 10, 30),
        Operation.completed(1, Call.get(1), 5, 20, 50),
        Operation.pending(0, Call.get(1), 40));
  }

  /** A counter: {@code vote} adds one and answers the new count, {@code count} answers it. */
  static final class CounterModel implements SequentialModel<Integer, String, Integer> {
    @Override
    public Transition<Integer> step(Integer count, String call, Integer answer) {
      int next = call.equals("vote") ? count + 1 : count;
      if (answer != null && answer != next) {
        return Transition.rejected(call.equals("vote")
            ? "expected the count to become " + next + " but the answer was " + answer
            : "expected the count " + next + " but the answer was " + answer);
      }
      return Transition.accepted(next);
    }

    @Override
    public String describe(Integer count) {
      return "count " + count;
    }
  }

  /** Tries every order that keeps real-time order: the reference for small histories. */
  static final class BruteForce {
    static <S, I, O> boolean linearizable(
        SequentialModel<S, I, O> model, S state, List<Operation<I, O>> remaining) {
      if (remaining.isEmpty()) {
        return true;
      }
      for (Operation<I, O> candidate : remaining) {
        boolean minimal = remaining.stream().noneMatch(o -> o.precedes(candidate));
        if (!minimal) {
          continue;
        }
        Transition<S> t = model.step(state, candidate.input(), candidate.output());
        if (t.isAccepted()) {
          List<Operation<I, O>> rest = new ArrayList<>(remaining);
          rest.remove(candidate);
          if (linearizable(model, t.next(), rest)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
