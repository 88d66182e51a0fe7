package dev.tollgate.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.check.Expect;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import org.junit.jupiter.api.Test;
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
    try (AccountsServer server = new AccountsServer()) {
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
    try (AccountsServer server = new AccountsServer(AccountsServer.Quirk.LOGOUT_KEEPS_SESSION)) {
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

  private static RunSummary passes(Sessions sessions, AccountsServer server) {
    return Tollgate.runner().tries(60).users(2).seed(1).reporter(Reporter.none())
        .withoutReports().withoutCorpus()
        .check(model(sessions), HttpSystem.at(server.baseUrl()).onReset(server::reset));
  }

  private static ModelCheckFailure fails(Sessions sessions, AccountsServer server) {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().users(1).seed(1).reporter(Reporter.none())
            .withoutReports().withoutCorpus()
            .check(model(sessions), HttpSystem.at(server.baseUrl()).onReset(server::reset)));
    assertThat(failure).as("the planted bug must be found").isNotNull();
    return failure;
  }

  @Test
  void the_token_is_read_at_a_json_path_and_a_stale_one_is_still_caught() throws Exception {
    Sessions nested = Sessions.api().token("user.token").probe("GET", "/me");
    try (AccountsServer server = new AccountsServer(AccountsServer.Quirk.NESTED)) {
      assertThat(passes(nested, server).commandCounts()).containsKeys("logout", "stale_token");
    }
    try (AccountsServer server = new AccountsServer(
        AccountsServer.Quirk.NESTED, AccountsServer.Quirk.LOGOUT_KEEPS_SESSION)) {
      assertThat(fails(nested, server).steps()).hasSize(4);
    }
  }

  @Test
  void a_login_answer_without_a_token_at_the_path_fails_login_naming_the_path() throws Exception {
    try (AccountsServer server = new AccountsServer()) {
      ModelCheckFailure failure = fails(Sessions.api().token("user.token"), server);

      assertThat(failure.check()).isEqualTo("postcondition of login");
      assertThat(failure.getMessage()).contains("login: a token at 'user.token'");
    }
  }

  @ParameterizedTest(name = "cookies: {0}")
  @ValueSource(booleans = {false, true})
  void a_register_that_logs_in_needs_no_login_before_logout(boolean cookies) throws Exception {
    try (AccountsServer server = new AccountsServer(AccountsServer.Quirk.REGISTER_LOGS_IN)) {
      RunSummary summary = passes(sessions(cookies).registerLogsIn(), server);
      assertThat(summary.commandCounts()).containsKeys("register", "logout", "stale_token");
    }
    try (AccountsServer server = new AccountsServer(
        AccountsServer.Quirk.REGISTER_LOGS_IN, AccountsServer.Quirk.LOGOUT_KEEPS_SESSION)) {
      ModelCheckFailure failure = fails(sessions(cookies).registerLogsIn(), server);

      assertThat(failure.check()).isEqualTo("postcondition of stale_token");
      assertThat(failure.steps()).hasSize(3);
      assertThat(failure.steps().get(0)).contains(" register(user1) → session#1");
      assertThat(failure.steps().get(1)).endsWith("logout()");
    }
  }

  @ParameterizedTest(name = "cookies: {0}")
  @ValueSource(booleans = {false, true})
  void several_sessions_per_user_pass_on_a_correct_service(boolean cookies) throws Exception {
    try (AccountsServer server = new AccountsServer()) {
      RunSummary summary = passes(sessions(cookies).severalPerUser(), server);

      assertThat(summary.commandCounts())
          .containsKeys("login", "logout", "other_session", "stale_token");
    }
  }

  @ParameterizedTest(name = "cookies: {0}")
  @ValueSource(booleans = {false, true})
  void a_logout_that_ends_the_users_other_sessions_too_is_found_in_five_steps(boolean cookies)
      throws Exception {
    try (AccountsServer server = new AccountsServer(AccountsServer.Quirk.LOGOUT_ENDS_ALL)) {
      ModelCheckFailure failure = fails(sessions(cookies).severalPerUser(), server);

      // register, login, login, logout; then the first session, which should still work, is
      // refused: tried on the probe or logged out.
      assertThat(failure.steps()).hasSize(5);
      assertThat(failure.steps().get(2)).contains(" login(user1)");
      assertThat(failure.steps().get(3)).endsWith("logout()");
      assertThat(failure.getMessage()).containsPattern("expected status (200|204) but was 401");
    }
  }

  @Test
  void with_several_sessions_a_stale_one_is_refused_while_another_is_in_use() throws Exception {
    try (AccountsServer server = new AccountsServer(AccountsServer.Quirk.LOGOUT_KEEPS_SESSION)) {
      ModelCheckFailure failure = fails(sessions(false).severalPerUser(), server);

      assertThat(failure.check()).isEqualTo("postcondition of stale_token");
      assertThat(failure.steps()).hasSize(4);
    }
  }

  @ParameterizedTest(name = "register logs in: {0}")
  @ValueSource(booleans = {false, true})
  void the_users_id_is_read_at_a_json_path_of_registers_answer(boolean logsIn) throws Exception {
    Sessions sessions =
        Sessions.api().token("user.token").userId("user.id").probe("GET", "/me");
    AccountsServer.Quirk[] quirks = {AccountsServer.Quirk.NESTED};
    if (logsIn) {
      sessions.registerLogsIn();
      quirks = new AccountsServer.Quirk[] {
          AccountsServer.Quirk.NESTED, AccountsServer.Quirk.REGISTER_LOGS_IN};
    }
    Model<World, Http> model = Model.define("accounts", Http.class, World::empty)
        .userStates(Sessions.STATES)
        .commands(sessions.commands())
        .command("get_user", c -> c.from(Sessions.LOGGED_IN)
            .with((world, user) -> Gen.constant(Sessions.account(world, user.index()).id()))
            .run((http, id) -> http.get("/users/" + id.get()))
            .expect((world, call, response) ->
                Expect.field(response, "name", sessions.nameOf(call.user().index()))))
        .build();
    try (AccountsServer server = new AccountsServer(quirks)) {
      RunSummary summary = Tollgate.runner().tries(40).users(2).seed(1).reporter(Reporter.none())
          .withoutReports().withoutCorpus()
          .check(model, HttpSystem.at(server.baseUrl()).onReset(server::reset));

      assertThat(summary.commandCounts()).containsKeys("register", "get_user");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Token", "X-API-Key"})
  void the_token_goes_in_another_scheme_or_a_header_and_a_stale_one_is_caught(String how)
      throws Exception {
    Sessions sessions = Sessions.api().probe("GET", "/me");
    AccountsServer.Quirk only;
    if (how.equals("Token")) {
      sessions.authorization("Token");
      only = AccountsServer.Quirk.TOKEN_SCHEME;
    } else {
      sessions.tokenHeader("X-API-Key");
      only = AccountsServer.Quirk.API_KEY;
    }
    try (AccountsServer server = new AccountsServer(only)) {
      assertThat(passes(sessions, server).commandCounts()).containsKeys("logout", "stale_token");
    }
    try (AccountsServer server =
        new AccountsServer(only, AccountsServer.Quirk.LOGOUT_KEEPS_SESSION)) {
      ModelCheckFailure failure = fails(sessions, server);

      assertThat(failure.check()).isEqualTo("postcondition of stale_token");
      assertThat(failure.steps()).hasSize(4);
    }
  }
}
