package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.runner.ParallelRunTest.Counter;
import dev.tollgate.internal.runner.ParallelRunTest.Voters;
import dev.tollgate.model.Model;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Partition keys declared with {@code .partitionBy(..)} reach the parallel check: branches whose
 * every step has a key are checked one key at a time, and a race inside one key is still caught.
 */
class ParallelPartitionTest {

  /** The vote model of {@link ParallelRunTest}, with keys from {@code loginKey} and {@code voteKey}. */
  private static Model<Voters, Counter> model(
      Function<Object, Object> loginKey, Function<Object, Object> voteKey) {
    return Model.define("votes", Counter.class, () -> new Voters(Set.of()))
        .userStates("out", "in")
        .command("login", c -> {
          var run = c.from("out").to("in").run((counter, none) -> "in");
          return loginKey == null ? run : run.partitionBy(call -> loginKey.apply(call.arg()));
        })
        .command("vote", c -> {
          var run = c.from("in")
              .when((voters, user) -> !voters.users().contains(user.index()))
              .run((counter, none) -> counter.vote())
              .expect((voters, call, count) -> assertThat(count).as("the count after the vote")
                  .isEqualTo(voters.users().size() + 1))
              .update((voters, call) -> voters.with(call.user().index()));
          return voteKey == null ? run : run.partitionBy(call -> voteKey.apply(call.arg()));
        })
        .build();
  }

  private static SystemUnderTest<Counter> racy() {
    return ParallelRunTest.system(new Counter[1], true);
  }

  private static Runner runner() {
    return Tollgate.runner().reporter(Reporter.none()).withoutReports().withoutCorpus().seed(3)
        .maxSteps(4).users(3).parallel(2).repetitions(5).tries(20);
  }

  @Test
  void a_race_inside_one_partition_is_caught_and_reported_with_its_key() {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().check(model(arg -> "counter", arg -> "counter"), racy()));

    assertThat(failure).isNotNull();
    assertThat(failure.check()).isEqualTo("linearizability of the parallel branches");
    assertThat(failure.getMessage()).contains("(partition counter)")
        .contains("postcondition of vote");
  }

  @Test
  void branches_are_checked_whole_when_only_some_commands_declare_a_key() {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().check(model(arg -> "counter", null), racy()));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("postcondition of vote").doesNotContain("(partition");
  }

  @Test
  void a_key_function_that_returns_null_names_the_command_and_how_to_fix_it() {
    TollgateConfigurationException e = catchThrowableOfType(TollgateConfigurationException.class,
        () -> runner().check(model(arg -> "counter", arg -> null), racy()));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("Command 'vote'").contains("returned null")
        .contains("drop .partitionBy(..)");
  }
}
