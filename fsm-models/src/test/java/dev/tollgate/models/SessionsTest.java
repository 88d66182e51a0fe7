package dev.tollgate.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionsTest {

  private static Model<World, Http> model(Sessions sessions) {
    return Model.define("accounts", Http.class, World::empty)
        .userStates(Sessions.STATES)
        .commands(sessions.commands())
        .build();
  }

  private static Sessions sessions(boolean cookies) {
    Sessions sessions = Sessions.api().probe("GET", "/me");
    return cookies ? sessions.cookieAuth("sid") : sessions;
  }

  @ParameterizedTest(name = "cookies: {0}")
  @ValueSource(booleans = {false, true})
  void a_correct_service_passes_with_bearer_tokens_and_with_cookies(boolean cookies)
      throws Exception {
    try (AccountsServer server = new AccountsServer(false)) {
      RunSummary summary =
          Tollgate.runner().tries(60).users(2).seed(1).reporter(Reporter.none())
              .withoutReports().withoutCorpus()
              .check(model(sessions(cookies)), HttpSystem.at(server.baseUrl()).onReset(server::reset));

      assertThat(summary.commandCounts()).containsKeys("register", "login", "logout", "stale_token");
      assertThat(summary.statesVisited()).containsExactly("logged_in", "logged_out", "new");
    }
  }

  @ParameterizedTest(name = "cookies: {0}")
  @ValueSource(booleans = {false, true})
  void a_session_alive_after_logout_is_found_in_four_steps(boolean cookies) throws Exception {
    try (AccountsServer server = new AccountsServer(true)) {
      ModelCheckFailure failure =
          catchThrowableOfType(
              ModelCheckFailure.class,
              () -> Tollgate.runner().users(2).seed(1).reporter(Reporter.none())
                  .withoutReports().withoutCorpus()
                  .check(model(sessions(cookies)),
                      HttpSystem.at(server.baseUrl()).onReset(server::reset)));

      assertThat(failure).isNotNull();
      assertThat(failure.check()).isEqualTo("postcondition of stale_token");
      assertThat(failure.steps()).hasSize(4);
      assertThat(failure.steps().get(0)).endsWith("register(user1)").isNotEqualTo("");
      assertThat(failure.steps().get(2)).endsWith("logout()");
      assertThat(failure.getMessage()).contains("expected status 401 but was 200");
    }
  }
}
