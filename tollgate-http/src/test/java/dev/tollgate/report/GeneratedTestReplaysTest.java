package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.runner.ModelCheckFailure;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The regression test a report offers is run, not only compiled: against the build with the bug
 * it fails at the failing step, on what the model expected; against the fixed build it passes.
 * The service nests its values ({@code user.token}, {@code article.slug}) and wants the token
 * from the login, as real apps do.
 */
@ExtendWith(RestoreTollgateProperties.class)
class GeneratedTestReplaysTest {
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path work;

  @AfterEach
  void forgetTheBaseUri() {
    RestAssured.reset();
  }

  @Test
  void the_generated_test_fails_against_the_bug_and_passes_once_it_is_fixed() throws Exception {
    System.setProperty("tollgate.reportDir", work.resolve("reports").toString());
    String source;
    String recordedOrigin;
    try (ArticlesApp buggy = new ArticlesApp(true)) {
      recordedOrigin = buggy.base().toString();
      catchThrowableOfType(ModelCheckFailure.class, () -> Tollgate.runner().reporter(Reporter.none())
          .withoutCorpus().seed(11).check(model(), HttpSystem.at(buggy.base()).onReset(buggy::reset)));
      source = new ObjectMapper().readTree(work.resolve("reports/dev.tollgate.report.GeneratedTestReplaysTest"
          + ".the_generated_test_fails_against_the_bug_and_passes_once_it_is_fixed/report.json").toFile())
          .path("generatedTest").asText();
    }
    assertThat(source).as(source)
        .contains(".extract().path(\"user.token\")", ".extract().path(\"article.slug\")")
        .contains("\"Bearer \" + token")
        .contains(".statusCode(404); // the model expected 404; the build under test answered 500")
        .doesNotContain("statusCode(500)");
    // What the comment next to the masked password asks a user to do.
    String filledIn = source.replaceAll("\\[redacted: " + PASSWORD.length() + " chars]", PASSWORD);

    try (ArticlesApp stillBuggy = new ArticlesApp(true)) {
      Events events = run(filledIn.replace(recordedOrigin, stillBuggy.base().toString()), "bug");
      assertThat(events.failed().count()).as(filledIn).isEqualTo(1);
      assertThat(events.failed().stream().findFirst().orElseThrow().getPayload(
          org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
          .orElseThrow()).hasMessageContaining("Expected status code <404> but was <500>");
    }
    try (ArticlesApp fixed = new ArticlesApp(false)) {
      Events events = run(filledIn.replace(recordedOrigin, fixed.base().toString()), "fixed");
      assertThat(events.succeeded().count()).as(filledIn).isEqualTo(1);
      assertThat(events.failed().count()).isZero();
      assertThat(fixed.deletes.get()).as("the test reached the system").isGreaterThanOrEqualTo(2);
    }
  }

  record Articles(List<Ref<String>> known, Set<Ref<String>> live) {
    static Articles empty() {
      return new Articles(List.of(), Set.of());
    }

    Articles add(Ref<String> slug) {
      List<Ref<String>> k = new ArrayList<>(known);
      k.add(slug);
      Set<Ref<String>> l = new HashSet<>(live);
      l.add(slug);
      return new Articles(List.copyOf(k), Set.copyOf(l));
    }

    Articles delete(Ref<String> slug) {
      Set<Ref<String>> l = new HashSet<>(live);
      l.remove(slug);
      return new Articles(known, Set.copyOf(l));
    }
  }

  enum Session { LOGGED_OUT, LOGGED_IN }

  static Model<Articles, Http> model() {
    return Model.define("articles", Http.class, Articles::empty)
        .userStates(Session.class)
        .command("login", c -> c.from(Session.LOGGED_OUT).to(Session.LOGGED_IN)
            .run((http, none) -> {
              var response = http.post("/login", Map.of("user", "ann", "password", PASSWORD));
              http.bearer(response.path("user.token"));
              return response;
            })
            .expect((articles, call, response) -> assertThat(response.status()).isEqualTo(200)))
        .command("add_article", c -> c.from(Session.LOGGED_IN)
            .with(Gen.strings().ofLength(1, 8).withAlphabet("abc"))
            .run((http, title) -> http.post("/articles", Map.of("title", title)))
            .yields("article", response -> response.<String>path("article.slug"))
            .expect((articles, call, response) -> assertThat(response.status()).isEqualTo(201))
            .update((articles, call) -> articles.add(call.ref())))
        .command("delete_article", c -> c.from(Session.LOGGED_IN)
            .when((articles, user) -> !articles.known().isEmpty())
            .with((articles, user) -> Gen.elements(articles.known()))
            .run((http, slug) -> http.delete("/articles/" + slug.get()))
            .expect((articles, call, response) -> assertThat(response.status())
                .isEqualTo(articles.live().contains(call.arg()) ? 204 : 404))
            .update((articles, call) -> articles.delete(call.arg())))
        .build();
  }

  /** Compiles the generated source and runs it on the JUnit Platform. */
  private Events run(String source, String folder) throws Exception {
    Matcher name = Pattern.compile("class (\\w+) \\{").matcher(source);
    assertThat(name.find()).as(source).isTrue();
    Path dir = work.resolve(folder);
    Path file = dir.resolve("src/" + name.group(1) + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = dir.resolve("classes");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled = GeneratedJava.compile(file, classes, diagnostics, "-Xlint:all", "-Werror");
    assertThat(compiled).as("javac -Xlint:all -Werror on%n%s%n%s", source,
        diagnostics.getDiagnostics()).isTrue();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Class<?> test = loader.loadClass(name.group(1));
      return EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectClass(test))
          .execute().testEvents();
    }
  }

  /**
   * A small articles service: the login answers {@code {"user":{"token":..}}}, a new article
   * {@code {"article":{"slug":..,"id":..}}}, and deleting needs the bearer token. With the bug, a
   * deleted article deleted again answers 500 instead of 404.
   */
  static final class ArticlesApp implements AutoCloseable {
    private final HttpServer server;
    private final boolean bug;
    private final Map<String, Boolean> articles = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger(1);
    final AtomicInteger deletes = new AtomicInteger();

    ArticlesApp(boolean bug) throws IOException {
      this.bug = bug;
      System.setProperty("sun.net.httpserver.nodelay", "true");
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", this::handle);
      server.start();
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void reset() {
      articles.clear();
      tokens.clear();
    }

    private synchronized void handle(HttpExchange x) throws IOException {
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = x.getRequestURI().getPath();
      String method = x.getRequestMethod();
      String auth = x.getRequestHeaders().getFirst("Authorization");
      boolean authorized = auth != null && tokens.contains(auth.replaceFirst("^Bearer ", ""));
      if (method.equals("POST") && path.equals("/login")) {
        if (!body.contains("\"" + PASSWORD + "\"")) {
          answer(x, 401, "{\"error\":\"bad credentials\"}");
          return;
        }
        String token = "tok-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        tokens.add(token);
        answer(x, 200, "{\"user\":{\"name\":\"ann\",\"token\":\"" + token + "\"}}");
      } else if (!authorized) {
        answer(x, 401, "{\"error\":\"log in first\"}");
      } else if (method.equals("POST") && path.equals("/articles")) {
        int id = next.getAndIncrement();
        Matcher title = Pattern.compile("\"title\":\"([a-z]*)\"").matcher(body);
        String slug = (title.find() ? title.group(1) : "untitled").toLowerCase(Locale.ROOT)
            + "-" + id;
        articles.put(slug, true);
        answer(x, 201, "{\"article\":{\"id\":" + id + ",\"slug\":\"" + slug + "\"}}");
      } else if (method.equals("DELETE") && path.startsWith("/articles/")) {
        deletes.incrementAndGet();
        String slug = path.substring("/articles/".length());
        Boolean live = articles.get(slug);
        if (Boolean.TRUE.equals(live)) {
          articles.put(slug, false);
          answer(x, 204, "");
        } else {
          answer(x, bug && live != null ? 500 : 404, "{\"error\":\"no such article\"}");
        }
      } else {
        answer(x, 404, "{\"error\":\"no route\"}");
      }
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = x.getResponseBody()) {
          out.write(bytes);
        }
      }
      x.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
