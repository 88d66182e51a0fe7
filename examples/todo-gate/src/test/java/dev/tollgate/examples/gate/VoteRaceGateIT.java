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
 * <p>Branches drawn independently seldom vote on the same todo at once (8 of 2,000 programs of
 * the gate model did); branches now lean towards the first branch's step at the same place,
 * which helps, but such a program is still about one in a hundred. So the seed is fixed: seed
 * 1180, with prefixes of up to 6 steps and branches of one, draws such a pair at tries 4, 8 and
 * 20, each of them one step from the shrunk shape. On the local environment the lost vote
 * shows in about one of three repetitions of such a program, so 10 repetitions each miss it
 * hardly ever. Here (2 cores under load) it was found at try 4 after 9 s and shrunk in 66 runs
 * (170 s); the budgets are generous bounds, not expectations.
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
            .maxSteps(6)
            .branchSteps(1)
            .repetitions(10)
            .seed(1180)
            .tries(40)
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
