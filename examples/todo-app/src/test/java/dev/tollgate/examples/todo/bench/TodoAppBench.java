package dev.tollgate.examples.todo.bench;

import dev.tollgate.examples.todo.Config;
import dev.tollgate.examples.todo.TestServices.Services;
import dev.tollgate.examples.todo.TodoApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A small load check of the todo-app on this machine: start time in process and as a jar, and
 * sequential requests per second for add and list with the JDK HttpClient (keep-alive), as
 * medians of several rounds measured side by side in one run. Not a test: it asserts nothing.
 *
 * <p>Run (from the top folder): {@code mvn -B -o -q -pl examples/todo-app -am package -DskipTests &&
 * bash harness-core/scripts/run-main.sh examples/todo-app dev.tollgate.examples.todo.bench.TodoAppBench}
 */
public final class TodoAppBench {
    private static final int ROUNDS = 5;
    private static final int REQUESTS_PER_ROUND = 1_000;
    private static final int LISTED_TODOS = 20;

    private TodoAppBench() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = Services.startPostgres(Services.buildDir().resolve("bench-postgres"))) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            Config config = Config.forDatabase(jdbcUrl, "postgres", "postgres");
            startTimes(config);
            jarStartTimes(jdbcUrl);
            throughput(config);
        }
    }

    private static void startTimes(Config config) {
        List<Double> warm = new ArrayList<>();
        double cold = 0;
        for (int i = 0; i <= ROUNDS; i++) {
            long started = System.nanoTime();
            try (TodoApp app = TodoApp.start(config)) {
                double millis = (System.nanoTime() - started) / 1e6;
                if (i == 0) {
                    cold = millis;
                } else {
                    warm.add(millis);
                }
                app.port();
            }
        }
        System.out.printf("start in process: first %.0f ms (cold JVM), then median %.0f ms over %d starts%n",
                cold, median(warm), ROUNDS);
    }

    private static void jarStartTimes(String jdbcUrl) throws IOException, InterruptedException {
        Path jar = Services.buildDir().resolve("todo-app.jar");
        if (!Files.exists(jar)) {
            System.out.println("start as a jar: skipped, " + jar + " is missing (run mvn package first)");
            return;
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                    .redirectErrorStream(true);
            builder.environment().put("PORT", "0");
            builder.environment().put("DB_URL", jdbcUrl);
            builder.environment().put("DB_USER", "postgres");
            builder.environment().put("DB_PASSWORD", "postgres");
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                BufferedReader log = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = log.readLine()) != null && !line.contains("todo-app ready on port")) {
                    // skip the lines before the ready line
                }
                if (line == null) {
                    System.out.println("start as a jar: the child exited before its ready line");
                    return;
                }
                times.add((System.nanoTime() - started) / 1e6);
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
        System.out.printf("start as a jar (java -jar, to the ready line): median %.0f ms over %d starts%n",
                median(times), times.size());
    }

    private static void throughput(Config config) throws Exception {
        try (TodoApp app = TodoApp.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            send(http, post(base + "/users", "{\"name\":\"bench\",\"password\":\"bench\"}", null));
            String login = send(http, post(base + "/sessions", "{\"name\":\"bench\",\"password\":\"bench\"}", null));
            String token = login.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            send(http, post(base + "/users", "{\"name\":\"lister\",\"password\":\"bench\"}", null));
            String listerLogin = send(http, post(base + "/sessions", "{\"name\":\"lister\",\"password\":\"bench\"}", null));
            String lister = listerLogin.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            for (int i = 0; i < LISTED_TODOS; i++) {
                send(http, post(base + "/todos", "{\"title\":\"listed " + i + "\"}", lister));
            }
            HttpRequest add = post(base + "/todos", "{\"title\":\"bench todo\"}", token);
            HttpRequest list = HttpRequest.newBuilder(URI.create(base + "/todos"))
                    .header("Authorization", "Bearer " + lister).GET().build();

            // Warm-up: JIT, pool, and prepared statement caches.
            rate(() -> status(http, add), REQUESTS_PER_ROUND);
            rate(() -> status(http, list), REQUESTS_PER_ROUND);

            List<Double> adds = new ArrayList<>();
            List<Double> lists = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                adds.add(rate(() -> status(http, add), REQUESTS_PER_ROUND));
                lists.add(rate(() -> status(http, list), REQUESTS_PER_ROUND));
            }
            System.out.printf("sequential, 1 client, keep-alive, %d requests x %d rounds, medians:%n",
                    REQUESTS_PER_ROUND, ROUNDS);
            System.out.printf("  POST /todos            %6.0f req/s  (%.2f ms/request)%n",
                    median(adds), 1000 / median(adds));
            System.out.printf("  GET  /todos (%d items) %6.0f req/s  (%.2f ms/request)%n",
                    LISTED_TODOS, median(lists), 1000 / median(lists));
            System.out.printf("  list/add ratio         %6.2f%n", median(lists) / median(adds));
        }
    }

    private static double rate(IntSupplier request, int count) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int status = request.getAsInt();
            if (status >= 300) {
                throw new IllegalStateException("bench request failed with HTTP " + status);
            }
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static HttpRequest post(String url, String json, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static int status(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
