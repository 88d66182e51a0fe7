package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Parallel programs against an in-process counter of votes: each user votes once, and the answer
 * is the new count. The racy counter reads, naps, then writes back what it read plus one, so two
 * votes at once lose one; run one after the other it is always right.
 */
class ParallelRunTest {

  /** Who has voted, as the model knows it. */
  record Voters(Set<Integer> users) {
    Voters with(int user) {
      Set<Integer> next = new HashSet<>(users);
      next.add(user);
      return new Voters(Set.copyOf(next));
    }
  }

  /** The counter; {@code racy}: the read and the write of a vote are apart. */
  static class Counter {
    private final boolean racy;
    private final AtomicInteger overlapping = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile int count;

    Counter(boolean racy) {
      this.racy = racy;
    }

    /** Whether this vote's read and write are apart. */
    boolean racy() {
      return racy;
    }

    int vote() throws InterruptedException {
      mostAtOnce.accumulateAndGet(overlapping.incrementAndGet(), Math::max);
      try {
        if (!racy()) {
          synchronized (this) {
            Thread.sleep(3);
            return ++count;
          }
        }
        int read = count;
        Thread.sleep(3);
        count = read + 1;
        return count;
      } finally {
        overlapping.decrementAndGet();
      }
    }
  }

  static SystemUnderTest<Counter> system(Counter[] current, boolean racy) {
    return new SystemUnderTest<>() {
      @Override
      public void reset() {
        current[0] = new Counter(racy);
      }

      @Override
      public Counter client(User user) {
        return current[0];
      }
    };
  }

  static Model<Voters, Counter> model() {
    return Model.define("votes", Counter.class, () -> new Voters(Set.of()))
        .userStates("out", "in")
        .command("login", c -> c.from("out").to("in")
            .run((counter, none) -> "in"))
        .command("vote", c -> c.from("in")
            .when((voters, user) -> !voters.users().contains(user.index()))
            .run((counter, none) -> counter.vote())
            .expect((voters, call, count) ->
                assertThat(count).as("the count after the vote").isEqualTo(voters.users().size() + 1))
            .update((voters, call) -> voters.with(call.user().index())))
        .command("look", c -> c
            .run((counter, none) -> "looked"))
        .build();
  }

  private static Runner runner() {
    return Tollgate.runner().reporter(Reporter.none()).withoutReports().withoutCorpus().seed(3)
        .maxSteps(4).users(3);
  }

  @Test
  void two_votes_at_once_on_the_racy_counter_fail_the_parallel_check() {
    Counter[] current = new Counter[1];

    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().parallel(2).repetitions(5).tries(20).check(model(), system(current, true)));

    assertThat(failure).isNotNull();
    assertThat(failure.check()).isEqualTo("linearizability of the parallel branches");
    assertThat(failure.getMessage()).contains("No order of the parallel steps fits the model")
        .contains("postcondition of vote").contains("then at once:")
        .containsPattern("FAILED: linearizability of the parallel branches \\(in \\d+ of 5"
            + " repetitions\\)");
    // Shrunk to the logins one after the other, then the two votes at once: a login that was
    // in a branch has moved into the prefix.
    assertThat(failure.branches()).hasSize(2);
    assertThat(failure.branches()).allSatisfy(branch ->
        assertThat(branch).singleElement().asString().endsWith(" vote()"));
    assertThat(failure.prefix()).hasSize(2).allSatisfy(step ->
        assertThat(step).endsWith(" login()"));
  }

  @Test
  void the_racy_counter_passes_when_programs_are_sequential() {
    Counter[] current = new Counter[1];

    RunSummary summary = runner().tries(20).check(model(), system(current, true));

    assertThat(summary.programs()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void the_correct_counter_passes_parallel_programs_whose_branches_overlapped() {
    Counter[] current = new Counter[1];
    int[] most = new int[1];
    SystemUnderTest<Counter> correct = system(current, false);
    SystemUnderTest<Counter> watched = new SystemUnderTest<>() {
      @Override
      public void reset() throws Exception {
        if (current[0] != null) {
          most[0] = Math.max(most[0], current[0].mostAtOnce.get());
        }
        correct.reset();
      }

      @Override
      public Counter client(User user) throws Exception {
        return correct.client(user);
      }
    };

    RunSummary summary =
        runner().parallel(3).repetitions(3).tries(30).check(model(), watched);

    assertThat(summary.programs()).isGreaterThanOrEqualTo(30);
    assertThat(most[0]).as("votes in progress at once").isGreaterThanOrEqualTo(2);
  }

  @Test
  void a_branch_step_that_hangs_fails_the_run_as_a_timeout() {
    CountDownLatch never = new CountDownLatch(1);
    Model<Voters, Counter> hangs = Model.define("hangs", Counter.class, () -> new Voters(Set.of()))
        .command("vote", c -> c
            .when((voters, user) -> !voters.users().contains(user.index()))
            .run((counter, none) -> {
              if (Thread.currentThread().getName().startsWith("tollgate-branch")) {
                never.await();
              }
              return 0;
            })
            .update((voters, call) -> voters.with(call.user().index())))
        .build();
    Counter[] current = new Counter[1];

    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().maxSteps(1).users(2).parallel(2).repetitions(1).tries(1).flakyReruns(0)
            .stepTimeout(Duration.ofMillis(300)).shrinkTime(Duration.ofSeconds(5))
            .check(hangs, system(current, true)));

    assertThat(failure).isNotNull();
    assertThat(failure.check()).isEqualTo("vote: the step overran its deadline");
    assertThat(failure.getMessage()).contains("in a parallel branch");
  }

  @Test
  void branch_steps_see_their_users_flags_when_generated_and_when_checked() {
    // A badge only staff may ask for: its precondition reads the flag while the branches are
    // generated, its postcondition while the history is checked.
    Model<Voters, Counter> badges = Model.define("badges", Counter.class, () -> new Voters(Set.of()))
        .userFlag("staff")
        .command("badge", c -> c
            .when((voters, user) -> user.flags().on("staff"))
            .run((counter, none) -> "staff")
            .expect((voters, call, badge) ->
                assertThat(call.user().flags().on("staff")).as("a badge for staff").isTrue()))
        .command("look", c -> c
            .run((counter, none) -> "looked"))
        .build();
    Counter[] current = new Counter[1];

    RunSummary summary = runner().users(2).parallel(2).repetitions(1).tries(30)
        .check(badges, system(current, false));

    assertThat(summary.programs()).isGreaterThanOrEqualTo(30);
    assertThat(summary.commandCounts()).containsKey("badge");
  }
}
