package dev.tollgate.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control vs candidate on two real HTTP services in this JVM: the same programs run on both, and
 * the first step whose answers differ fails the check, shrunk, with both answers in the report.
 */
@ExtendWith(RestoreTollgateProperties.class)
class ComparisonTest {
  private final List<Shop> started = new ArrayList<>();

  @TempDir Path reports;

  @AfterEach
  void stop() {
    started.forEach(Shop::close);
  }

  @Test
  void the_same_behaviour_raises_no_alarm_though_ids_tokens_and_ignored_timestamps_differ() {
    Shop control = start(1, false);
    Shop candidate = start(1000, false);

    RunSummary summary = runner().compare(model(),
        Comparison.of(control.system(), candidate.system()).ignoring("..createdAt"));

    assertThat(summary.programs()).isEqualTo(60);
    assertThat(summary.commandCounts()).containsKeys("add_item", "get_item", "delete_item");
    assertThat(control.requests.get()).isPositive();
    assertThat(candidate.requests.get()).isEqualTo(control.requests.get());
  }

  @Test
  void a_timestamp_that_is_not_ignored_fails_the_check_and_says_how_to_ignore_it() {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class, () ->
        runner().compare(model(), Comparison.of(start(1, false).system(), start(1, false).system())));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage())
        .contains("createdAt")
        .contains("Comparison.ignoring(\"createdAt\")");
    assertThat(failure.steps()).hasSize(2); // login, then the add whose answer has the timestamp
  }

  @Test
  void a_field_renamed_in_the_candidate_is_shrunk_to_the_shortest_program_that_shows_it()
      throws IOException {
    System.setProperty("tollgate.reportDir", reports.toString());
    Shop control = start(1, false);
    Shop candidate = start(1, true);

    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class, () ->
        runner().reportDir(reports).compare(model(),
            Comparison.of(control.system(), candidate.system()).ignoring("..createdAt")));

    assertThat(failure).as("the rename must be found").isNotNull();
    // The rename shows only in the list: login, one item, the list.
    assertThat(failure.steps()).as(failure.getMessage()).hasSize(3);
    assertThat(failure.steps().get(2)).contains("list_items");
    assertThat(failure.getMessage()).contains("body[0].name").contains("(missing)");

    Path folder;
    try (var folders = Files.list(reports)) {
      folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    String html = Files.readString(folder.resolve("report.html"));
    assertThat(html).contains("<table class=\"versus\">").contains("Latency: control vs candidate");
    JsonNode json = new ObjectMapper().readTree(folder.resolve("report.json").toFile());
    JsonNode listStep = json.path("steps").path(2);
    assertThat(listStep.path("controlExchanges").path(0).path("responseBody").asText())
        .contains("\"name\"");
    assertThat(listStep.path("exchanges").path(0).path("responseBody").asText())
        .contains("\"title\"").doesNotContain("\"name\"");
    assertThat(json.path("failure").path("check").asText()).isEqualTo("divergence");
    assertThat(json.path("versus").path("list_items").path("controlP95Ms").isNumber()).isTrue();
    assertThat(json.path("environment").path("comparison").path("ignoredPaths").get(0).asText())
        .isEqualTo("..createdAt");
  }

  @Test
  void the_model_s_own_checks_still_run_on_the_candidate() {
    Shop control = start(1, false);
    Shop candidate = start(1, false);
    candidate.deleteAnswers = 200;

    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class, () ->
        runner().compare(new ShopModel(true).build(),
            Comparison.of(control.system(), candidate.system()).ignoring("..createdAt")));

    assertThat(failure).isNotNull();
    assertThat(failure.check()).isEqualTo("postcondition of delete_item");
  }

  @Test
  void one_system_compared_with_itself_is_a_configuration_error() {
    HttpSystem system = start(1, false).system();
    assertThatThrownBy(() -> Comparison.of(system, system))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("same system");
    assertThatThrownBy(() -> Comparison.of(system, start(1, false).system()).ignoring("$.a b"))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("expected a JSON path");
  }

  @Test
  void a_comparison_of_parallel_programs_is_refused_with_the_reason() {
    assertThatThrownBy(() -> runner().parallel(2).compare(model(),
        Comparison.of(start(1, false).system(), start(1, false).system())))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("sequential programs only");
  }

  private static dev.tollgate.runner.Runner runner() {
    return Tollgate.runner().seed(7).tries(60).maxSteps(12).withoutCorpus().withoutReports()
        .flakyReruns(1);
  }

  private Shop start(long firstId, boolean renamed) {
    Shop shop = new Shop(firstId, renamed);
    started.add(shop);
    return shop;
  }

  enum Session { LOGGED_OUT, LOGGED_IN }

  /** The model's state: the items added, and which are live. */
  record Items(List<Ref<Long>> known, List<Ref<Long>> live) {
    static Items empty() {
      return new Items(List.of(), List.of());
    }

    Items add(Ref<Long> item) {
      List<Ref<Long>> k = new ArrayList<>(known);
      k.add(item);
      List<Ref<Long>> l = new ArrayList<>(live);
      l.add(item);
      return new Items(List.copyOf(k), List.copyOf(l));
    }

    Items remove(Ref<Long> item) {
      List<Ref<Long>> l = new ArrayList<>(live);
      l.remove(item);
      return new Items(known, List.copyOf(l));
    }
  }

  /** A diff-only model (no checks), which a test can give one check. */
  static final class ShopModel {
    private final boolean deleteCheck;

    ShopModel(boolean deleteCheck) {
      this.deleteCheck = deleteCheck;
    }

    Model<Items, Http> build() {
      return Model.define("shop", Http.class, Items::empty)
          .userStates(Session.class)
          .command("login", c -> c.from(Session.LOGGED_OUT).to(Session.LOGGED_IN)
              .run((http, none) -> {
                var response = http.post("/login", Map.of("user", "ann"));
                http.bearer(response.path("token"));
                return response;
              }))
          .command("add_item", c -> c.from(Session.LOGGED_IN)
              .with(Gen.strings().ofLength(1, 6).withAlphabet("abc"))
              .run((http, name) -> http.post("/items", Map.of("name", name)))
              .yields("item", response -> ((Number) response.path("id")).longValue())
              .update((items, call) -> items.add(call.ref())))
          .command("get_item", c -> c.from(Session.LOGGED_IN)
              .when((items, user) -> !items.known().isEmpty())
              .with((items, user) -> Gen.elements(items.known()))
              .run((http, item) -> http.get("/items/" + item.get())))
          .command("delete_item", c -> {
            var command = c.from(Session.LOGGED_IN)
                .when((items, user) -> !items.known().isEmpty())
                .with((items, user) -> Gen.elements(items.known()))
                .run((http, item) -> http.delete("/items/" + item.get()));
            return (deleteCheck
                ? command.expect((items, call, response) -> dev.tollgate.check.Expect.status(
                    "delete_item", items.live().contains(call.arg()) ? 204 : 404, response))
                : command)
                .update((items, call) -> items.remove(call.arg()));
          })
          .command("list_items", c -> c.from(Session.LOGGED_IN)
              .run((http, none) -> http.get("/items")))
          .build();
    }
  }

  private static Model<Items, Http> model() {
    return new ShopModel(false).build();
  }

  /**
   * A small shop over real HTTP: a login handing out random tokens, items with ids from {@code
   * firstId} and a {@code createdAt} that differs on every call. {@code renamed}: the list shows
   * each item's name as "title", the candidate's planted change.
   */
  static final class Shop implements AutoCloseable {
    static {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final boolean renamed;
    private final AtomicLong ids;
    private final Map<Long, String> items = new LinkedHashMap<>();
    private final List<String> tokens = new ArrayList<>();
    final AtomicLong requests = new AtomicLong();
    volatile int deleteAnswers = 204;
    private final long firstId;

    Shop(long firstId, boolean renamed) {
      this.firstId = firstId;
      this.renamed = renamed;
      this.ids = new AtomicLong(firstId);
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext("/", this::handle);
      server.start();
    }

    HttpSystem system() {
      return HttpSystem.at("http://127.0.0.1:" + server.getAddress().getPort())
          .onReset(this::reset);
    }

    private synchronized void reset() {
      items.clear();
      tokens.clear();
      ids.set(firstId);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        requests.incrementAndGet();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] in = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/login")) {
          String token = UUID.randomUUID().toString();
          tokens.add(token);
          send(exchange, 200, Map.of("token", token));
          return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !tokens.contains(auth.replace("Bearer ", ""))) {
          send(exchange, 401, Map.of("error", "log in first"));
          return;
        }
        if (method.equals("POST") && path.equals("/items")) {
          long id = ids.getAndIncrement();
          items.put(id, JSON.readTree(in).path("name").asText());
          send(exchange, 201, item(id, "name"));
        } else if (method.equals("GET") && path.equals("/items")) {
          List<Object> list = new ArrayList<>();
          items.keySet().forEach(id -> list.add(item(id, renamed ? "title" : "name")));
          send(exchange, 200, list);
        } else if (path.startsWith("/items/")) {
          long id = Long.parseLong(path.substring("/items/".length()));
          if (!items.containsKey(id)) {
            send(exchange, 404, Map.of("error", "no such item"));
          } else if (method.equals("DELETE")) {
            items.remove(id);
            exchange.sendResponseHeaders(deleteAnswers, -1);
          } else {
            send(exchange, 200, item(id, "name"));
          }
        } else {
          send(exchange, 404, Map.of("error", "no route"));
        }
      }
    }

    private Map<String, Object> item(long id, String nameField) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", id);
      item.put(nameField, items.get(id));
      item.put("createdAt", System.nanoTime());
      return item;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
      byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
