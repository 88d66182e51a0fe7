package dev.tollgate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Tollgate;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.http.Http;
import dev.tollgate.internal.runner.Shared;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.runner.twins.a.TwinGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Tollgate under JUnit's parallel execution ({@code junit.jupiter.execution.parallel.enabled}),
 * run through the JUnit Platform test kit: test methods that share one environment take turns on
 * it, and test classes of one simple name keep their own report folders and corpora.
 */
@ExtendWith(RestoreTollgateProperties.class)
class ParallelJUnitTest {
  @TempDir Path work;

  private static EngineExecutionResults runInParallel(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .selectors(Stream.of(classes).map(c -> selectClass(c)).toArray(
            org.junit.platform.engine.DiscoverySelector[]::new))
        .execute();
  }

  /**
   * Two methods checking one model against one environment. Each check, once it has items,
   * pauses in its first list until another check resets the environment (which wipes its items),
   * or until it sees that the other check waits for the environment's lock, or has ended.
   */
  static class SharedEnvironment {
    static final ItemsApp APP = ItemsApp.start();
    static final AtomicInteger ENDED = new AtomicInteger();

    @RegisterExtension
    static final TollgateExtension gate = Tollgate.environment()
        .app(App.deployedAt(APP.url())).kind(EnvironmentKind.EXTERNAL)
        .afterReset(env -> APP.reset())
        .build();

    @StateMachineTest(tries = 30, maxSteps = 8, seed = "1")
    void first(Runner runner, Environment environment) {
      check(runner, environment);
    }

    @StateMachineTest(tries = 30, maxSteps = 8, seed = "2")
    void second(Runner runner, Environment environment) {
      check(runner, environment);
    }

    private static void check(Runner runner, Environment environment) {
      try {
        runner.check(ItemsApp.model(((Shared) environment).checkLock()));
      } finally {
        ENDED.incrementAndGet();
      }
    }
  }

  @Test
  void two_methods_sharing_one_environment_in_parallel_both_pass_against_a_correct_app()
      throws Exception {
    System.setProperty("tollgate.reportDir", work.resolve("reports").toString());
    SharedEnvironment.ENDED.set(0);
    try {
      EngineExecutionResults results = runInParallel(SharedEnvironment.class);

      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
      // They did run at once: one check found the environment taken and waited for it.
      assertThat(entries(results)).anyMatch(line -> line.contains("waits for its environment:"
          + " another check is using it (JUnit parallel execution)"));
      for (String method : List.of("first", "second")) {
        JsonNode report = new ObjectMapper().readTree(work.resolve("reports").resolve(
            "dev.tollgate.runner.ParallelJUnitTest.SharedEnvironment." + method)
            .resolve("report.json").toFile());
        assertThat(report.path("status").asText()).isEqualTo("passed");
        assertThat(report.path("environment").path("baseUrl").asText())
            .isEqualTo(SharedEnvironment.APP.url().toString());
      }
    } finally {
      SharedEnvironment.APP.close();
    }
  }

  @Test
  void classes_of_one_simple_name_in_two_packages_keep_their_own_reports_and_corpora()
      throws Exception {
    Path reports = work.resolve("reports");
    Path corpus = work.resolve("corpus");
    System.setProperty("tollgate.reportDir", reports.toString());
    System.setProperty("tollgate.corpus", corpus.toString());

    runInParallel(TwinGate.class, dev.tollgate.runner.twins.b.TwinGate.class).testEvents()
        .assertStatistics(stats -> stats.started(2).failed(2));

    assertThat(list(reports)).containsExactlyInAnyOrder(
        "dev.tollgate.runner.twins.a.TwinGate.todos", "dev.tollgate.runner.twins.b.TwinGate.todos");
    assertThat(list(corpus)).containsExactlyInAnyOrder(
        "dev.tollgate.runner.twins.a.TwinGate.todos", "dev.tollgate.runner.twins.b.TwinGate.todos");
    ObjectMapper json = new ObjectMapper();
    for (String twin : List.of("a", "b")) {
      String folder = "dev.tollgate.runner.twins." + twin + ".TwinGate.todos";
      JsonNode report = json.readTree(reports.resolve(folder).resolve("report.json").toFile());
      assertThat(report.path("test").asText())
          .isEqualTo("dev.tollgate.runner.twins." + twin + ".TwinGate#todos");
      assertThat(report.path("failure").path("command").asText())
          .isEqualTo(twin.equals("a") ? "vote" : "delete_todo");
      assertThat(list(corpus.resolve(folder))).as("corpus of %s", folder).hasSize(1);
    }
  }

  private static List<String> entries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().values())
        .flatMap(values -> values.stream())
        .toList();
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  /**
   * A real HTTP app on loopback that keeps a list of items: POST /items answers a new id (ids
   * are never reused, not even after a reset), GET /items the ids, comma-separated.
   */
  static final class ItemsApp implements AutoCloseable {
    private final HttpServer server;
    private final List<Long> items = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();

    private ItemsApp() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/items", this::handle);
      server.createContext("/health", exchange -> {
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
    }

    static ItemsApp start() {
      try {
        return new ItemsApp();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void reset() {
      items.clear();
      resets.incrementAndGet();
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body;
      int status;
      if (exchange.getRequestMethod().equals("POST")) {
        long id = ids.incrementAndGet();
        items.add(id);
        status = 201;
        body = Long.toString(id);
      } else {
        status = 200;
        body = items.stream().map(String::valueOf).collect(Collectors.joining(","));
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    }

    /**
     * The items model. {@code lock} is the environment's: its first list waits (at most 20 s)
     * until another check has reset the app during this program, waits for the lock, or has
     * ended; so that, were the checks not taking turns, a reset would wipe this program's items.
     */
    static Model<List<Ref<Long>>, Http> model(ReentrantLock lock) {
      AtomicBoolean paused = new AtomicBoolean();
      return Model.<List<Ref<Long>>, Http>define("items", Http.class, List::of)
          .command("add", c -> c.run((http, none) -> http.post("/items", Map.of()))
              .yields("item", response -> Long.valueOf(response.body()))
              .expect((items, call, response) -> assertThat(response.status()).isEqualTo(201))
              .update((items, call) -> {
                List<Ref<Long>> next = new ArrayList<>(items);
                next.add(call.ref());
                return List.copyOf(next);
              }))
          .command("list", c -> c.whenModel(items -> !items.isEmpty())
              .run((http, none) -> {
                if (paused.compareAndSet(false, true)) {
                  SharedEnvironment.APP.awaitAnotherCheck(lock);
                }
                return http.get("/items");
              })
              .expect((items, call, response) -> assertThat(response.body())
                  .isEqualTo(items.stream().map(r -> String.valueOf(r.get()))
                      .collect(Collectors.joining(",")))))
          .build();
    }

    void awaitAnotherCheck(ReentrantLock lock) throws InterruptedException {
      long before = resets.get();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (resets.get() == before && !lock.hasQueuedThreads()
          && SharedEnvironment.ENDED.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
