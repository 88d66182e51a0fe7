package dev.tollgate.bench;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.fixtures.Todos;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.model.User;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The engine's benchmark: generation throughput, how many runs shrinking needs per planted bug,
 * and the engine's own cost against a run on a real (HTTP) system, measured side by side.
 *
 * <p>Run (from the top folder): {@code mvn -B -o -q -pl harness-core -am test-compile &&
 * bash harness-core/scripts/run-main.sh harness-core dev.tollgate.bench.EngineBench} (optional
 * argument: seeds per planted bug, default 20)
 */
public final class EngineBench {
  private static final PrintStream OUT = System.out;

  private EngineBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    generationThroughput();
    shrinkRuns(args.length > 0 ? Integer.parseInt(args[0]) : 20);
    overheadAgainstHttp();
  }

  private static void generationThroughput() {
    ProgramGenerator<Todos, TodoSystem.Client> generator =
        new ProgramGenerator<>(TodoModel.model(), 3, 30, true);
    long seed = 0;
    for (long warm = System.nanoTime(); System.nanoTime() - warm < 2_000_000_000L; ) {
      generator.generate(ChoiceRecorder.random(seed++));
    }
    List<Double> rates = new ArrayList<>();
    for (int round = 0; round < 7; round++) {
      long steps = 0;
      long start = System.nanoTime();
      long elapsed;
      do {
        steps += generator.generate(ChoiceRecorder.random(seed++)).size();
        elapsed = System.nanoTime() - start;
      } while (elapsed < 500_000_000L);
      rates.add(steps / (elapsed / 1e9));
    }
    Collections.sort(rates);
    OUT.printf("generation (30 steps max, 3 users, todo model): median %,.0f steps/s"
        + " (min %,.0f, max %,.0f over %d rounds of 0.5 s)%n",
        rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1), rates.size());
  }

  /**
   * Median shrink runs per bug (20 seeds) before the shrink passes of issue 10 (halves, pairs,
   * sort, redistribute, duplicates, lowering with dependents), for the column "before".
   */
  private static final Map<Bug, Integer> RUNS_BEFORE_PASSES = Map.of(
      Bug.DELETE_TWICE, 19, Bug.EDIT_RESURRECTS, 23, Bug.SESSION_AFTER_LOGOUT, 6,
      Bug.LIST_LEAKS, 30, Bug.ELEVENTH_DROPPED, 103, Bug.DOUBLE_VOTE, 26,
      Bug.DELETE_TAKES_NAMESAKES, 30);

  private static void shrinkRuns(int seeds) {
    OUT.printf("%nplanted bugs, default budget, %d seeds each:%n", seeds);
    OUT.printf("  %-24s %8s %10s %12s %10s %8s %8s %12s%n",
        "bug", "minimal", "found", "tries(med)", "shrink runs", "(max)", "before",
        "shrink steps");
    List<Integer> allRuns = new ArrayList<>();
    for (Bug bug : Bug.values()) {
      List<Integer> tries = new ArrayList<>();
      List<Integer> runs = new ArrayList<>();
      List<Integer> steps = new ArrayList<>();
      int minimal = 0;
      for (long seed = 1; seed <= seeds; seed++) {
        try {
          engineOnly().users(bug.users()).seed(seed)
              .check(TodoModel.model(), TodoSystem.with(bug));
        } catch (ModelCheckFailure failure) {
          tries.add(failure.tryNumber());
          runs.add(failure.shrinkRuns());
          steps.add((int) failure.shrinkSteps());
          if (failure.steps().size() == bug.minimalSteps()) {
            minimal++;
          }
        }
      }
      allRuns.addAll(runs);
      OUT.printf("  %-24s %5d/%-2d %7d/%-2d %12d %10d %8d %8d %12d%n",
          bug, minimal, seeds, tries.size(), seeds, median(tries), median(runs),
          runs.isEmpty() ? 0 : Collections.max(runs), RUNS_BEFORE_PASSES.get(bug), median(steps));
    }
    OUT.printf("  median shrink runs over all bugs: %d%n", median(allRuns));
  }

  /**
   * Each step of this system makes one real HTTP request on loopback (JDK client, keep-alive, to a
   * JDK server), the cost a real system has at the least; the engine's cost is everything else.
   */
  private static void overheadAgainstHttp() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"ok\":true}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(2);
    server.setExecutor(threads);
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/step");
      HttpClient http = HttpClient.newHttpClient();
      OUT.printf("%nengine cost against a run on an HTTP system (1 request per step):%n");
      for (int round = 0; round < 2; round++) {
        measure("correct system, 200 tries", http, uri, EnumSet.noneOf(Bug.class), round);
        measure("delete-twice bug, find + shrink", http, uri, EnumSet.of(Bug.DELETE_TWICE), round);
        measure("11th-dropped bug, find + shrink", http, uri, EnumSet.of(Bug.ELEVENTH_DROPPED),
            round);
      }
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static void measure(String label, HttpClient http, URI uri, EnumSet<Bug> bugs, int round)
      throws Exception {
    HttpTodoSystem system = new HttpTodoSystem(new TodoSystem(bugs), http, uri);
    long start = System.nanoTime();
    try {
      engineOnly().seed(42).check(TodoModel.model(), system);
    } catch (ModelCheckFailure expected) {
      // The bugs are meant to be found; the time to find and shrink them is what is measured.
    }
    long total = System.nanoTime() - start;
    double share = 100.0 * (total - system.nanosInSystem) / total;
    if (round > 0) {
      OUT.printf("  %-34s total %6d ms, in the system %6d ms (%,d requests): engine %.1f%%%n",
          label, total / 1_000_000, system.nanosInSystem / 1_000_000, system.requests, share);
    }
  }

  private static int median(List<Integer> values) {
    if (values.isEmpty()) {
      return 0;
    }
    Integer[] sorted = values.toArray(new Integer[0]);
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The todo system behind one real HTTP round trip per call. */
  private static final class HttpTodoSystem implements SystemUnderTest<TodoSystem.Client> {
    private final TodoSystem inner;
    private final HttpClient http;
    private final URI uri;
    long nanosInSystem;
    long requests;

    HttpTodoSystem(TodoSystem inner, HttpClient http, URI uri) {
      this.inner = inner;
      this.http = http;
      this.uri = uri;
    }

    @Override
    public void reset() {
      long start = System.nanoTime();
      inner.reset();
      roundTrip();
      nanosInSystem += System.nanoTime() - start;
    }

    @Override
    public TodoSystem.Client client(User user) {
      return new TodoSystem.Client(inner.client(user), this::roundTrip, this::account);
    }

    void roundTrip() {
      try {
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        requests++;
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    void account(long nanos) {
      nanosInSystem += nanos;
    }
  }

  /**
   * The engine alone: no report files, no corpus (it would be replayed first on the next run and
   * land in src/), and no flaky reruns, so the figures stay comparable with earlier ones.
   */
  private static Runner engineOnly() {
    return Tollgate.runner().reporter(Reporter.none()).withoutReports().withoutCorpus()
        .flakyReruns(0);
  }
}
