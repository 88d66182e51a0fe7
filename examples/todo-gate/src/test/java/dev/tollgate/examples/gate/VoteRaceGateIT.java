package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.Environment;
import dev.tollgate.runner.ModelCheckFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code vote-race}, the planted bug only parallel programs show (see PlantedBugsGateIT for the
 * sequential ones): two votes on one todo at once, and one is lost. The parallel gate model finds
 * it and shrinks it to a prefix that registers and logs in both users and adds one todo, then two
 * branches of one vote each.
 *
 * <p>The model leaves out {@code delete_todo}: the same dropped lock also lets a vote race a
 * delete (the vote passes the existence check, the delete commits, and the vote's insert breaks
 * the foreign key: a 500), and that program is smaller by the shrinker's order (delete comes
 * before vote), so with delete in, it is the one reported.
 *
 * <p>Generation leans towards such a pair (see ParallelContentionTest): about 5 in 100 programs
 * of this model, with prefixes of up to 10 steps and branches of up to 2, have both branches vote
 * on one todo, and on the local environment one such program loses a vote in about 1 of 3 runs,
 * so 10 repetitions seldom miss it. The seed is not chosen for the bug: seed 1 is the default, and
 * {@code -DvoteRace.seed=N} runs another. Measured here (2 cores shared with other builds): seeds
 * 1, 2 and 3 found it at tries 43, 15 and 3 and shrank it to this shape, in 297, 152 and 141 s
 * in all; the budgets are generous bounds, not expectations.
 */
class VoteRaceGateIT {

  @Test
  void vote_race_is_found_and_shrunk_to_one_todo_then_two_votes_at_once() {
    try (Environment environment = TodoApp.start("vote-race")) {
      assertShrunkToTwoVotes(findVoteRace(environment, "vote_race_locally"));
    }
  }

  static ModelCheckFailure findVoteRace(Environment environment, String test) {
    return catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner()
            .users(2)
            .parallel(2)
            .maxSteps(10)
            .branchSteps(2)
            .repetitions(10)
            .seed(Long.getLong("voteRace.seed", 1))
            .tries(150)
            .flakyReruns(5)
            .timeBudget(Duration.ofMinutes(10))
            .shrinkTime(Duration.ofMinutes(4))
            // A planted failure: kept out of the corpus and of the reports the gate reads.
            .withoutCorpus()
            .withoutReports()
            .test(VoteRaceGateIT.class.getName(), test)
            .check(TodoGateModel.parallelModel(TodoApp.setup(environment), "delete_todo"),
                TodoApp.system(environment)));
  }

  static void assertShrunkToTwoVotes(ModelCheckFailure failure) {
    assertThat(failure).as("the gate must fail with vote-race switched on").isNotNull();
    assertThat(failure.check()).as(failure.getMessage())
        .isEqualTo("linearizability of the parallel branches");
    // register and login for each user, then one todo.
    assertThat(failure.prefix()).as(failure.getMessage()).hasSize(5)
        .filteredOn(step -> step.contains(" add_todo(")).hasSize(1);
    assertThat(failure.branches()).as(failure.getMessage()).hasSize(2)
        .allSatisfy(branch -> assertThat(branch).singleElement().asString()
            .contains(" vote_todo(todo#"));
    assertThat(failure.getMessage()).contains("then at once:");
  }
}
