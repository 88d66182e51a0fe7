package dev.tollgate.examples.gate;

import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import org.junit.jupiter.api.Test;

/**
 * {@link VoteRaceGateIT} on containers: the app's image with {@code vote-race} switched on,
 * PostgreSQL and WireMock on one Docker network. It skips where Docker or its images are missing,
 * but fails in CI.
 */
class VoteRaceGateContainersIT {

  @Test
  void vote_race_is_found_and_shrunk_to_one_todo_then_two_votes_at_once_on_containers() {
    TodoApp.assumeContainersCanRun("VoteRaceGateIT finds the race locally");
    try (Environment environment = TodoApp.start("vote-race", EnvironmentKind.CONTAINERS)) {
      VoteRaceGateIT.assertShrunkToTwoVotes(
          VoteRaceGateIT.findVoteRace(environment, "vote_race_on_containers"));
    }
  }
}
