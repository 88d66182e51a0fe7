package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.model.User;
import dev.tollgate.report.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions with the common authentication schemes, against the JDK's own {@link
 * BasicAuthenticator} over real HTTP, so the encoding is checked by an implementation that is not
 * ours.
 */
class HttpAuthenticationTest {
  private static final Map<String, String> PASSWORDS =
      Map.of("alice", "pässwörd ✓ 42", "bob", "hunter2hunter2");

  private static HttpServer server;
  private static HttpSystem system;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/private", exchange -> answer(exchange, 200,
        "{\"user\":\"" + exchange.getPrincipal().getUsername() + "\"}"))
        .setAuthenticator(new BasicAuthenticator("tollgate", StandardCharsets.UTF_8) {
          @Override
          public boolean checkCredentials(String user, String password) {
            return password.equals(PASSWORDS.get(user));
          }
        });
    // Echoes what it was sent under names that say nothing of secrets, as a careless app might.
    server.createContext("/echo", exchange -> answer(exchange, 200,
        "{\"seen\":\"" + header(exchange, "Authorization") + "\",\"extra\":\""
            + header(exchange, "X-API-Key") + "\"}"));
    server.start();
    system = HttpSystem.at(URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Http session() {
    return system.client(new User(0, "active"));
  }

  @Test
  void basic_credentials_open_a_protected_endpoint_and_each_session_keeps_its_own() {
    Http alice = session();
    Http bob = session();
    Http anonymous = session();
    alice.basic("alice", PASSWORDS.get("alice"));
    bob.basic("bob", PASSWORDS.get("bob"));

    assertThat(alice.get("/private").<String>path("user")).isEqualTo("alice");
    assertThat(bob.get("/private").<String>path("user")).isEqualTo("bob");
    assertThat(anonymous.get("/private").status()).isEqualTo(401);
    assertThat(alice.bearer()).as("Basic is not a bearer token").isNull();
  }

  @Test
  void a_wrong_password_is_refused_and_clearing_the_credentials_stops_sending_them() {
    Http wrong = session();
    wrong.basic("alice", "not her password");
    assertThat(wrong.get("/private").status()).isEqualTo(401);

    Http alice = session();
    alice.basic("alice", PASSWORDS.get("alice"));
    assertThat(alice.get("/private").status()).isEqualTo(200);
    alice.basic(null, null);
    assertThat(alice.get("/private").status()).isEqualTo(401);
  }

  @Test
  void basic_credentials_are_masked_in_the_recorded_exchange_even_where_the_app_echoes_them() {
    Http alice = session();
    String password = PASSWORDS.get("alice");
    alice.basic("alice", password);
    String encoded = Base64.getEncoder()
        .encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));

    Response echo = alice.get("/echo");
    assertThat(echo.<String>path("seen")).as("the app got the credentials")
        .isEqualTo("Basic " + encoded);
    List<Exchange> recorded = alice.drainExchanges();

    Exchange exchange = recorded.get(0);
    assertThat(exchange.requestHeaders().get("Authorization"))
        .containsExactly("Basic [redacted: " + encoded.length() + " chars]");
    assertThat(exchange.responseBody()).doesNotContain(encoded).doesNotContain(password)
        .contains("[redacted: " + encoded.length() + " chars]");
  }

  @Test
  void another_scheme_is_sent_as_given_and_masked() {
    Http http = session();
    http.authorization("Token", "jwt.abc.def-123");

    Response echo = http.get("/echo");

    assertThat(echo.<String>path("seen")).isEqualTo("Token jwt.abc.def-123");
    assertThat(http.bearer()).isNull();
    assertThat(http.drainExchanges().get(0).toString()).doesNotContain("jwt.abc.def-123")
        .contains("Token [redacted: 15 chars]");
  }

  @Test
  void a_session_header_such_as_an_api_key_goes_on_every_request_until_removed() {
    Http http = session();
    http.header("X-API-Key", "k-0123456789");

    assertThat(http.get("/echo").<String>path("extra")).isEqualTo("k-0123456789");
    assertThat(http.get("/echo").<String>path("extra")).isEqualTo("k-0123456789");
    assertThat(http.drainExchanges()).extracting(Exchange::toString)
        .allSatisfy(text -> assertThat(text).doesNotContain("k-0123456789"));
    http.header("x-api-key", null);
    assertThat(http.get("/echo").<String>path("extra")).isEmpty();
  }

  @Test
  void a_user_name_with_a_colon_or_a_scheme_that_is_not_one_word_is_refused_with_the_rule() {
    Http http = session();

    assertThatThrownBy(() -> http.basic("a:b", "pw"))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("Expected a Basic user name without ':', but found 'a:b'");
    assertThatThrownBy(() -> http.authorization("Bearer token", "x"))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("Expected an Authorization scheme such as Bearer, Basic or Token,"
            + " but found 'Bearer token'");
  }
}
