package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.User;
import dev.tollgate.report.Exchange;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions as values, against a real app whose logout ends only the session it is sent with. */
class SessionTest {
  private static TestApp app;
  private HttpSystem system;

  @BeforeAll
  static void startApp() throws IOException {
    app = TestApp.start();
  }

  @AfterAll
  static void stopApp() {
    app.close();
  }

  @BeforeEach
  void freshSystem() {
    app.reset();
    system = HttpSystem.at(app.url());
  }

  private Http user() {
    return system.client(new User(0, "active"));
  }

  private static Session login(Http http, String user) {
    Response login = http.post("/login", Map.of("user", user, "password", "open sesame"));
    assertThat(login.status()).isEqualTo(200);
    return Session.bearer(login.path("token"));
  }

  @Test
  void a_user_holds_two_tokens_and_a_stale_one_stops_working_while_the_other_still_does() {
    Http alice = user();
    Session first = login(alice, "alice");
    Session second = login(alice, "alice");

    assertThat(alice.with(first).get("/me").<String>path("user")).isEqualTo("alice");
    assertThat(alice.with(second).get("/me").<String>path("user")).isEqualTo("alice");
    assertThat(alice.get("/me").<String>path("user")).as("her own session holds neither").isNull();

    alice.with(first).post("/logout", null);

    assertThat(alice.with(first).get("/me").<String>path("user")).as("the stale token").isNull();
    assertThat(alice.with(second).get("/me").<String>path("user")).isEqualTo("alice");
  }

  @Test
  void session_takes_the_token_and_cookies_as_a_value_and_use_makes_one_the_users_own() {
    Http alice = user();
    alice.bearer(login(alice, "alice").bearer());
    Session kept = alice.session();
    assertThat(kept.bearer()).isEqualTo(alice.bearer());
    assertThat(kept.cookie("sid")).isEqualTo(alice.cookie("sid")).startsWith("sid-alice");

    alice.use(Session.NONE);
    Response anonymous = alice.get("/me");
    alice.use(kept);
    Response again = alice.get("/me");

    assertThat(anonymous.<String>path("user")).isNull();
    assertThat(anonymous.<String>path("cookieUser")).isNull();
    assertThat(again.<String>path("user")).isEqualTo("alice");
    assertThat(again.<String>path("cookieUser")).isEqualTo("alice");
  }

  @Test
  void cookies_set_through_a_view_stay_in_the_view_and_a_cookie_session_logs_in_alone() {
    Http alice = user();
    Http fresh = alice.with(Session.NONE);
    fresh.post("/login", Map.of("user", "alice", "password", "open sesame"));
    Session cookieOnly = fresh.session();

    assertThat(alice.cookie("sid")).as("the user's own session is untouched").isNull();
    assertThat(cookieOnly.cookie("sid")).startsWith("sid-alice");
    assertThat(cookieOnly.bearer()).isNull();
    assertThat(alice.with(Session.cookie("sid", cookieOnly.cookie("sid"))).get("/me")
        .<String>path("cookieUser")).isEqualTo("alice");
  }

  @Test
  void a_views_exchanges_reach_the_users_recording_with_the_credential_masked() {
    Http alice = user();
    Session token = login(alice, "alice");
    alice.drainExchanges();

    Http view = alice.with(token);
    view.get("/me");
    view.close();

    assertThat(alice.drainExchanges()).singleElement().satisfies(exchange -> {
      assertThat(exchange.requestHeaders().get("Authorization"))
          .containsExactly("Bearer [redacted: " + token.bearer().length() + " chars]");
      assertThat(exchange.toString()).doesNotContain(token.bearer());
    });
  }

  @Test
  void a_session_shows_its_parts_with_every_credential_masked_and_equals_by_value() {
    Session session = Session.authorization("Token", "jwt.abc.def-123")
        .withHeader("X-API-Key", "k-0123456789").withHeader("X-Tenant", "acme")
        .withCookie("sid", "sid-value-42");

    assertThat(session).hasToString("Session[Token [redacted: 15 chars], X-API-Key: [redacted:"
        + " 12 chars], X-Tenant: acme, cookie sid=[redacted: 12 chars]]");
    assertThat(Session.NONE).hasToString("Session[none]");
    assertThat(Session.bearer("tok-1-s3cr3t")).isEqualTo(Session.bearer("tok-1-s3cr3t"))
        .hasSameHashCodeAs(Session.bearer("tok-1-s3cr3t"))
        .isNotEqualTo(Session.authorization("Token", "tok-1-s3cr3t"));
    assertThat(Session.bearer(null)).isSameAs(Session.NONE);
  }

  @Test
  void a_sessions_credential_is_masked_in_any_text_once_the_session_exists() {
    Session session = Session.bearer("tok-made-by-hand-77");
    Exchange echoed = new Exchange("GET", "/x", Map.of(), null, 200, Map.of(),
        "{\"seen\":\"tok-made-by-hand-77\"}", java.time.Duration.ZERO, null);

    assertThat(dev.tollgate.internal.secrets.Redactor.exchange(echoed, java.util.List.of())
        .responseBody()).doesNotContain(session.bearer());
  }
}
