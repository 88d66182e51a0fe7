package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.http.Response;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.runner.ModelCheckFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A whole check, end to end, with a token bound to a reference named {@code s}: the name says
 * nothing, so only masking by value keeps the token out. The app echoes it in an error body
 * under a harmless name and in a query string, the client sends it in an {@code X-Tenant-Key}
 * header, and the check quotes it. Every file written and the thrown failure, stack trace and causes included, are searched.
 */
@ExtendWith(RestoreTollgateProperties.class)
class NoSecretAnywhereTest {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  @TempDir Path work;

  /** What the model knows: the token the user holds. */
  record Held(Ref<String> s) {}

  enum Login { OUT, IN }

  @Test
  void a_token_bound_to_a_reference_named_s_appears_in_no_written_file_and_not_in_the_failure()
      throws Exception {
    String secret = "tok-" + UUID.randomUUID();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/login", exchange -> reply(exchange, 200,
        "{\"token\":\"" + secret + "\",\"user\":\"u1\"}"));
    server.createContext("/me", exchange -> reply(exchange, 500,
        "{\"error\":\"broken\",\"detail\":\"session " + secret + " is stale\",\"retry\":\"/me?key="
            + secret + "\"}"));
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      Model<Held, Http> model = Model.define("secret_s", Http.class, () -> new Held(null))
          .userStates(Login.class)
          .command("login", c -> c.from(Login.OUT).to(Login.IN)
              .run((http, none) -> {
                Response response = http.post("/login", Map.of("user", "u1"));
                http.request("GET", "/ping").header("X-Tenant-Key", response.path("token")).send();
                return response;
              })
              .yields("s", response -> response.<String>path("token"))
              .update((held, call) -> new Held(call.ref())))
          .command("me", c -> c.from(Login.IN)
              .run((http, none) -> http.get("/me"))
              .expect((held, call, response) -> {
                throw new AssertionFailedError("expected status 200 but was " + response.status()
                    + "; body: " + response.body() + "; held " + held, "200 for " + held.s().get(),
                    response.status() + ": " + response.body());
              }))
          .build();
      List<String> console = new ArrayList<>();
      System.setProperty("tollgate.reportDir", work.resolve("reports").toString());
      System.setProperty("tollgate.corpus", work.resolve("corpus").toString());

      ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> Tollgate.runner().reporter(console::add).test("dev.example.SecretIT", "s")
              .tries(5).seed(1).check(model, HttpSystem.at(base)));

      assertThat(failure).as("the planted failure").isNotNull();
      List<String> texts = new ArrayList<>();
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          texts.add(file.getFileName() + ":\n" + Files.readString(file));
        }
      }
      assertThat(texts).as("report.json, report.md, report.html and the corpus entry")
          .hasSizeGreaterThanOrEqualTo(4);
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      texts.add(trace.toString());
      texts.add(failure.getMessage());
      texts.add(String.valueOf(failure.getExpected().getValue()));
      texts.add(String.valueOf(failure.getActual().getValue()));
      texts.add(String.join("\n", failure.steps()));
      texts.addAll(console);
      String all = String.join("\n", texts);
      assertThat(all).as("the steps are still there").contains("login", "→ s#");
      assertThat(all).as("with the token's length").contains("[redacted: " + secret.length() + " chars]");
      long hits = texts.stream().filter(text -> text.contains(secret)).count();
      assertThat(hits).as("texts that hold the secret, of %s", texts.size()).isZero();
    } finally {
      server.stop(0);
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
