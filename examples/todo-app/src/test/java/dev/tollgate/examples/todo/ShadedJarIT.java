package dev.tollgate.examples.todo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tollgate.examples.todo.TestServices.Services;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shaded jar starts with {@code java -jar}, as a launcher or the Dockerfile runs it. */
@ExtendWith(TestServices.class)
class ShadedJarIT {
    private static final Pattern READY = Pattern.compile("todo-app ready on port (\\d+)");

    private static Path jar() {
        Path jar = Path.of(System.getProperty("todoapp.jar", "target/todo-app.jar"));
        assertThat(jar).as("the shaded jar; build it with mvn package").exists();
        return jar;
    }

    private static Process launch(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        // A watchdog, so that a child that never gets ready cannot hang the build.
        CompletableFuture.delayedExecutor(90, TimeUnit.SECONDS).execute(process::destroyForcibly);
        return process;
    }

    @Test
    void starts_from_the_jar_logs_its_port_and_serves_requests(Services services) throws Exception {
        services.resetDatabase();
        services.resetNotifier();
        Process app = launch(Map.of("PORT", "0", "DB_URL", services.jdbcUrl("postgres"),
                "DB_USER", "postgres", "DB_PASSWORD", "postgres"));
        try {
            int port = awaitReadyPort(app);
            RestAssured.given().port(port).get("/health").then().statusCode(200).body("status", equalTo("ok"));
        } finally {
            stop(app);
        }
    }

    @Test
    void takes_flags_staff_bugs_and_notifier_from_the_environment(Services services) throws Exception {
        services.resetDatabase();
        services.resetNotifier();
        Process app = launch(Map.of("PORT", "0", "DB_URL", services.jdbcUrl("postgres"),
                "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "NOTIFIER_URL", "http://127.0.0.1:" + services.notifier().port(),
                // Generous: this test is about reading the setting, not about the timeout, and a
                // loaded machine can take longer than the default 500 ms to send the call.
                "NOTIFIER_TIMEOUT_MS", "10000",
                "TODO_APP_FLAGS", "pinning", "STAFF_USERS", "sam", "TODO_APP_BUGS", "blank-title"));
        try {
            Client client = new Client(awaitReadyPort(app));
            String sam = client.signUp("sam");

            long id = client.add(sam, "   ").then().statusCode(201).extract().jsonPath().getLong("id");

            client.as(sam).put("/todos/" + id + "/pin").then().statusCode(200).body("pinned", equalTo(true));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> services.notifier()
                    .verify(1, postRequestedFor(urlEqualTo("/notify"))));
        } finally {
            stop(app);
        }
    }

    @Test
    void exits_with_code_2_and_says_what_to_set_when_config_is_missing() throws Exception {
        Process app = launch(Map.of("TODO_APP_BUGS", "no-such-bug"));
        try {
            boolean exited = app.waitFor(30, TimeUnit.SECONDS);
            String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(exited).isTrue();
            assertThat(app.exitValue()).isEqualTo(2);
            assertThat(output).contains("DB_URL is missing").contains("unknown name 'no-such-bug'")
                    .contains("delete-twice");
        } finally {
            app.destroyForcibly();
        }
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(10, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
    }

    /** Reads the child's log until its ready line; fails with the log so far if it exits first. */
    private static int awaitReadyPort(Process app) throws IOException {
        StringBuilder log = new StringBuilder();
        BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            log.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                Thread drain = new Thread(() -> drain(lines), "todo-app-log");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(ready.group(1));
            }
        }
        throw new AssertionError("todo-app exited before its ready line; its log:\n" + log);
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // The child blocks if nobody reads its log.
            }
        } catch (IOException e) {
            // the child has gone
        }
    }
}
