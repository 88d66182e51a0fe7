package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.model.User;
import dev.tollgate.report.Exchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTest {
  private static final String PASSWORD = "open sesame";

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

  private Http loggedIn(String user) {
    Http http = system.client(new User(0, "active"));
    Response login = http.post("/login", Map.of("user", user, "password", PASSWORD));
    assertThat(login.status()).isEqualTo(200);
    http.bearer(login.path("token"));
    return http;
  }

  @Test
  void each_user_keeps_its_own_token_and_cookies() {
    Http alice = loggedIn("alice");
    Http bob = loggedIn("bob");

    Response aliceMe = alice.get("/me");
    Response bobMe = bob.get("/me");

    assertThat(aliceMe.<String>path("user")).isEqualTo("alice");
    assertThat(aliceMe.<String>path("cookieUser")).isEqualTo("alice");
    assertThat(bobMe.<String>path("user")).isEqualTo("bob");
    assertThat(bobMe.<String>path("cookieUser")).isEqualTo("bob");
    assertThat(alice.bearer()).isNotEqualTo(bob.bearer());
  }

  @Test
  void drops_a_cookie_the_server_expires_and_a_cleared_bearer() {
    Http alice = loggedIn("alice");
    assertThat(alice.cookie("sid")).startsWith("sid-alice");

    alice.post("/logout", null);
    alice.bearer(null);
    Response me = alice.get("/me");

    assertThat(alice.cookie("sid")).isNull();
    assertThat(me.<String>path("user")).isNull();
    assertThat(me.<String>path("cookieUser")).isNull();
  }

  @Test
  void a_header_given_for_one_request_replaces_the_session_s_own() {
    Http alice = loggedIn("alice");

    Response withOldToken =
        alice.request("GET", "/me").header("Authorization", "Bearer expired-token").send();
    Response plain = alice.get("/me");

    assertThat(withOldToken.<String>path("user")).isNull();
    assertThat(withOldToken.<String>path("cookieUser")).isEqualTo("alice");
    assertThat(plain.<String>path("user")).isEqualTo("alice");
  }

  @Test
  void records_each_request_with_its_response_and_latency_then_drains_them() {
    Http http = system.header("X-Test-Run", "run-7").session();

    http.request("PUT", "/echo").header("X-Step", "3").body(Map.of("title", "milk")).send();
    http.get("/plain");
    List<Exchange> exchanges = http.drainExchanges();

    assertThat(exchanges).hasSize(2);
    Exchange put = exchanges.get(0);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.target()).isEqualTo("/echo");
    assertThat(put.requestHeaders())
        .containsEntry("X-Test-Run", List.of("run-7"))
        .containsEntry("X-Step", List.of("3"))
        .containsEntry("Content-Type", List.of("application/json"));
    assertThat(put.requestBody()).isEqualTo("{\"title\":\"milk\"}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.responseBody()).contains("\"x-test-run\":\"run-7\"", "\"x-step\":\"3\"");
    assertThat(put.latency()).isPositive();
    assertThat(put.error()).isNull();
    assertThat(exchanges.get(1).responseBody()).isEqualTo("hello, not json");
    assertThat(http.drainExchanges()).isEmpty();
  }

  @Test
  void redacts_every_kind_of_secret_before_recording() {
    Http alice = system.session();
    Response login = alice.post("/login", Map.of("user", "alice", "password", PASSWORD));
    String token = login.path("token");
    alice.bearer(token);
    String cookie = alice.cookie("sid");
    alice.post("/echo?access_token=q-s3cr3t-param&page=2",
        Map.of("profile", Map.of("apiKey", "AKIA-nested-key", "name", "Alice"),
            "clientSecret", "cs-value-1", "items", List.of(Map.of("refreshToken", "rt-in-list"))));
    alice.request("POST", "/echo").header("Content-Type", "application/x-www-form-urlencoded")
        .body("user=alice&password=form-pass-9&keep=1").send();
    alice.request("GET", "/echo").header("X-Api-Key", "header-key-5").send();

    List<Exchange> exchanges = alice.drainExchanges();
    String recorded = exchanges.toString();

    assertThat(recorded).doesNotContain(
        PASSWORD, token, cookie, "q-s3cr3t-param", "AKIA-nested-key", "cs-value-1", "rt-in-list",
        "form-pass-9", "header-key-5");
    assertThat(recorded).contains("Alice", "page=2", "keep=1",
        "\"password\":\"[redacted: " + PASSWORD.length() + " chars]\"",
        "password=[redacted: 11 chars]&keep=1", "access_token=[redacted: 14 chars]&page=2");
    String sid = "sid=[redacted: " + cookie.length() + " chars]";
    assertThat(exchanges.get(0).responseHeaders().get("set-cookie"))
        .containsExactly(sid + "; Path=/; HttpOnly");
    assertThat(exchanges.get(1).requestHeaders().get("Authorization"))
        .containsExactly("Bearer [redacted: " + token.length() + " chars]");
    assertThat(exchanges.get(1).requestHeaders().get("Cookie"))
        .containsExactly(sid);
  }

  @Test
  void cuts_recorded_bodies_past_8_KiB_and_says_how_long_they_were() {
    Http http = system.session();

    Response big = http.get("/big?n=20000");
    Exchange recorded = http.drainExchanges().get(0);

    assertThat(big.body()).hasSize(20_011);
    assertThat(recorded.responseBody())
        .startsWith("{\"text\":\"xxx")
        .endsWith("… [cut: 8,192 of 20,011 characters shown]")
        .hasSizeLessThan(8_300);
  }

  /** /hang sends nothing; /stall sends headers and part of the body, then nothing. */
  @ParameterizedTest
  @ValueSource(strings = {"/hang", "/stall"})
  void a_hung_endpoint_fails_the_request_within_the_timeout_with_a_clear_message(String path) {
    Http http = system.timeout(Duration.ofMillis(300)).session();
    long start = System.nanoTime();

    AssertionError error = catchThrowableOfType(AssertionError.class, () -> http.get(path));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(error).hasMessage(
        "GET " + path + " got no response within 300 ms from " + app.url() + "; the app may hang"
            + " or be overloaded; raise HttpSystem.timeout(..) if it is just slow");
    assertThat(waited).isLessThan(Duration.ofSeconds(3));
    assertThat(Thread.currentThread().isInterrupted()).as("a stray interrupt is left").isFalse();
    Exchange recorded = http.drainExchanges().get(0);
    assertThat(recorded.status()).isZero();
    assertThat(recorded.error()).isEqualTo(error.getMessage());
    // The timed-out exchange was cancelled, not left on a pooled connection: the next one works.
    assertThat(http.get("/plain").status()).isEqualTo(200);
  }

  @Test
  void a_refused_connection_says_the_app_may_be_down() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Http http = HttpSystem.at(URI.create("http://127.0.0.1:" + port)).session();

    AssertionError error = catchThrowableOfType(AssertionError.class, () -> http.get("/todos"));

    assertThat(error).hasMessage(
        "GET /todos could not connect to http://127.0.0.1:" + port + ": connection refused."
            + " Expected the app to listen there; it may be down, still starting, or on another"
            + " port (check HttpSystem.at(..) and the app's log).");
  }

  @Test
  void path_reads_names_indexes_and_sizes_as_plain_java_values() {
    Response doc = system.session().get("/doc");

    assertThat(doc.<Object>path("id")).isEqualTo(7L);
    assertThat(doc.<Object>path("todo.title")).isEqualTo("milk");
    assertThat(doc.<Object>path("todo.done")).isEqualTo(false);
    assertThat(doc.<Object>path("items[0].id")).isEqualTo(1L);
    assertThat(doc.<Object>path("items[-1].id")).isEqualTo(2L);
    assertThat(doc.<Object>path("items.size()")).isEqualTo(2);
    assertThat(doc.<Object>path("ratio")).isEqualTo(0.5);
    assertThat(doc.<Object>path("items")).isEqualTo(List.of(Map.of("id", 1L), Map.of("id", 2L)));
    assertThat(doc.<Object>path("todo")).isEqualTo(Map.of("title", "milk", "done", false));
    assertThat(doc.<Object>path("nothing")).isNull();
    assertThat(doc.<Object>path("missing.deeper[3]")).isNull();
    assertThat(doc.<Object>path("items[9].id")).isNull();
  }

  @Test
  void a_malformed_path_says_how_paths_are_written() {
    Response doc = system.session().get("/doc");

    TollgateConfigurationException error =
        catchThrowableOfType(TollgateConfigurationException.class, () -> doc.path("items[x].id"));

    assertThat(error).hasMessageContaining("'items[x].id' has the index [x], which is not a whole"
        + " number. Expected names joined by dots");
  }

  @Test
  void json_of_a_body_that_is_not_json_fails_showing_the_body() {
    Response plain = system.session().get("/plain");

    AssertionError error = catchThrowableOfType(AssertionError.class, plain::json);

    assertThat(error)
        .hasMessageStartingWith("Expected a JSON body in the response to GET /plain (status 200),"
            + " but it is not JSON")
        .hasMessageEndingWith("Body: hello, not json");
  }

  record Todo(String title, boolean done) {}

  record Doc(long id, Todo todo) {}

  record Wrong(List<String> todo) {}

  @Test
  void as_maps_the_body_to_a_type_ignoring_unknown_fields() {
    Response doc = system.session().get("/doc");

    Doc mapped = doc.as(Doc.class);

    assertThat(mapped).isEqualTo(new Doc(7, new Todo("milk", false)));
  }

  @Test
  void as_a_type_the_body_does_not_fit_fails_naming_the_type() {
    Response doc = system.session().get("/doc");

    AssertionError error = catchThrowableOfType(AssertionError.class, () -> doc.as(Wrong.class));

    assertThat(error).hasMessageStartingWith("Expected the response to GET /doc to map to Wrong");
  }
}
