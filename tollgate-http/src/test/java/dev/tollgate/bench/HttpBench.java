package dev.tollgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Tollgate;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.http.Response;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.Runner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP layer's per-command overhead, measured side by side in one run against a local JDK
 * HttpServer that serves a tiny JSON body: (a) a raw JDK HttpClient call, (b) Tollgate's {@code
 * Http.get} with tracing and redaction (drained per request, as the runner does per step), (c) a
 * full Tollgate command inside {@code Runner.check}, per executed step. Rounds interleave short
 * blocks of the three, so drift and the neighbours' load hit them alike; the medians, and the
 * medians of the per-round ratios, are printed. Target: (c)/(a) ≤ 1.15.
 *
 * <p>A block of (c) is one check of 10 tries, run without reports and corpus: written or read
 * once per check, in blocks this small they would weigh twenty times what they weigh in a real
 * run. (d) times a whole check of one one-step try with both (and the model check, which (c)
 * also pays), less one step, and spreads it over the steps of a gate-sized check.
 *
 * <p>Run (from the top folder): {@code mvn -B -o -q -pl tollgate-http -am test-compile &&
 * bash harness-core/scripts/run-main.sh tollgate-http dev.tollgate.bench.HttpBench} (optional argument:
 * rounds, default 60)
 */
public final class HttpBench {
  private static final PrintStream OUT = System.out;
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final byte[] BODY =
      "{\"id\":1,\"title\":\"milk\",\"done\":false}".getBytes(StandardCharsets.UTF_8);
  /** About what one Runner.check of {@link #TRIES_PER_BLOCK} tries runs, so blocks weigh alike. */
  private static final int REQUESTS_PER_BLOCK = 200;
  private static final int TRIES_PER_BLOCK = 10;
  private static final int WARM_UP_ROUNDS = 5;
  /** The example's gate: 200 tries; its programs run about 15 steps on average. */
  private static final int GATE_TRIES = 200;
  private static final int GATE_STEPS_PER_TRY = 15;

  private HttpBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, BODY.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(BODY);
      }
    });
    ExecutorService threads = Executors.newSingleThreadExecutor();
    server.setExecutor(threads);
    server.start();
    try {
      run(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), rounds);
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static void run(URI base, int rounds) throws Exception {
    HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest rawGet = HttpRequest.newBuilder(base.resolve("/todo")).GET().build();
    HttpSystem system = HttpSystem.at(base);
    Model<Integer, Http> model = model();
    Runner runner = Tollgate.runner().reporter(Reporter.none()).users(2).maxSteps(50)
        .withoutReports().withoutCorpus();
    Runner wholeCheck = Tollgate.runner().reporter(Reporter.none()).users(2).maxSteps(1);
    Block rawCall = () -> {
      for (int i = 0; i < REQUESTS_PER_BLOCK; i++) {
        HttpResponse<byte[]> response = raw.send(rawGet, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("raw GET answered " + response.statusCode());
        }
      }
      return REQUESTS_PER_BLOCK;
    };
    Block tracedGet = () -> {
      Http http = system.session();
      for (int i = 0; i < REQUESTS_PER_BLOCK; i++) {
        Response response = http.get("/todo");
        if (response.status() != 200 || http.drainExchanges().size() != 1) {
          throw new IllegalStateException("Http.get answered " + response.status());
        }
      }
      return REQUESTS_PER_BLOCK;
    };
    long[] seeds = {0};
    Block command = () -> runner.seed(seeds[0]++).tries(TRIES_PER_BLOCK).check(model, system)
        .steps();
    Block[] blocks = {rawCall, tracedGet, command};
    List<List<Double>> nanos = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Double> ratioB = new ArrayList<>();
    List<Double> ratioC = new ArrayList<>();
    long steps = 0;
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      double[] perRequest = new double[3];
      double[] cpuPerRequest = new double[3];
      for (int k = 0; k < 3; k++) {
        // Rotating the order each round keeps any first-or-last effect off one contestant.
        int which = (round + k) % 3;
        long cpuStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long count = blocks[which].run();
        perRequest[which] = (double) (System.nanoTime() - start) / count;
        cpuPerRequest[which] = (double) (PROCESS.getProcessCpuTime() - cpuStart) / count;
        if (which == 2 && round >= WARM_UP_ROUNDS) {
          steps += count;
        }
      }
      if (round >= WARM_UP_ROUNDS) {
        for (int k = 0; k < 3; k++) {
          nanos.get(k).add(perRequest[k]);
          cpu.get(k).add(cpuPerRequest[k]);
        }
        ratioB.add(perRequest[1] / perRequest[0]);
        ratioC.add(perRequest[2] / perRequest[0]);
      }
    }
    // (d): whole checks of one one-step try, with reports and the corpus, less that one step.
    List<Double> checks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long start = System.nanoTime();
      wholeCheck.seed(i).tries(1).check(model, system);
      checks.add((double) (System.nanoTime() - start));
    }
    double fixed = median(checks) - median(nanos.get(2));
    double a = median(nanos.get(0));
    double b = median(nanos.get(1));
    double c = median(nanos.get(2));
    OUT.printf("HTTP layer overhead: sequential GETs of a %d-byte JSON body on loopback;"
        + " %d rounds (after %d warm-up), each running (a), (b), (c) in rotating order;"
        + " medians per request%n", BODY.length, rounds, WARM_UP_ROUNDS);
    OUT.printf("  (a) raw JDK HttpClient.send             %8.1f µs  %,8.0f requests/s%n",
        a / 1e3, 1e9 / a);
    OUT.printf("  (b) Tollgate Http.get, traced+redacted  %8.1f µs  %,8.0f requests/s%n",
        b / 1e3, 1e9 / b);
    OUT.printf("  (c) Tollgate command in Runner.check    %8.1f µs  %,8.0f commands/s"
        + "  (%,d steps measured)%n", c / 1e3, 1e9 / c, steps);
    OUT.printf("  ratios, median of per-round pairs: (b)/(a) = %.3f, (c)/(a) = %.3f"
        + "  (target (c)/(a) ≤ 1.15)%n", median(ratioB), median(ratioC));
    OUT.printf("  ratios of the medians:             (b)/(a) = %.3f, (c)/(a) = %.3f%n",
        b / a, c / a);
    double gateSteps = GATE_TRIES * GATE_STEPS_PER_TRY;
    OUT.printf("  (d) once per check (model check, corpus, three reports): %.2f ms; over a"
        + " gate-sized check (%d tries of about %d steps) %.1f µs a step, (c+d)/(a) = %.3f%n",
        fixed / 1e6, GATE_TRIES, GATE_STEPS_PER_TRY, fixed / gateSteps / 1e3,
        (c + fixed / gateSteps) / a);
    // The process CPU clock ticks coarsely, so sum over all rounds rather than take medians.
    double cpuA = mean(cpu.get(0));
    double cpuB = mean(cpu.get(1));
    double cpuC = mean(cpu.get(2));
    OUT.printf("  CPU time of the whole process (client and server) per request, means:"
        + " (a) %.1f µs, (b) %.1f µs, (c) %.1f µs; (b)/(a) = %.3f, (c)/(a) = %.3f%n",
        cpuA / 1e3, cpuB / 1e3, cpuC / 1e3, cpuB / cpuA, cpuC / cpuA);
    OUT.printf("  spread of (a) per round: %.1f..%.1f µs (a noisy, shared machine widens it)%n",
        Collections.min(nanos.get(0)) / 1e3, Collections.max(nanos.get(0)) / 1e3);
  }

  /** One command, a GET whose answer is checked, so each step is one request plus the engine. */
  private static Model<Integer, Http> model() {
    return Model.define("bench", Http.class, () -> 0)
        .command("get_todo", c -> c
            .run((http, none) -> http.get("/todo"))
            .expect((count, call, response) -> {
              assertThat(response.status()).isEqualTo(200);
              assertThat(response.<String>path("title")).isEqualTo("milk");
            })
            .update((count, call) -> count + 1))
        .build();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** Runs a block of requests and says how many it ran. */
  private interface Block {
    long run() throws Exception;
  }
}
