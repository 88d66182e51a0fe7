package dev.tollgate.gate;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tollgate.internal.gate.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tollgate.internal.gate.Fixtures.failed;
import static dev.tollgate.internal.gate.Fixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

/** The chat notification, posted over real HTTP to a WireMock server standing in for Slack. */
class GateWebhookTest {

    @TempDir
    Path root;

    WireMockServer chat;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void startChat() {
        chat = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        chat.start();
    }

    @AfterEach
    void stopChat() {
        chat.stop();
    }

    int gate(String properties) {
        Path config = Fixtures.write(root.resolve("tollgate-gate.properties"), properties);
        String[] args = {"--reports", root.resolve("build").toString(), "--config", config.toString(),
            "--out", root.resolve("gate.md").toString()};
        return Gate.run(args, env, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String hook() {
        return "http://127.0.0.1:" + chat.port() + "/services/hook";
    }

    @Test
    void posts_the_verdict_and_each_blocking_test_as_slack_text() {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest",
                passed("adds_todo"), failed("deletes_todo", "expected 204"));
        chat.stubFor(post(urlEqualTo("/services/hook")).willReturn(aResponse().withStatus(200).withBody("ok")));
        env.put("GITHUB_SERVER_URL", "https://github.example");
        env.put("GITHUB_REPOSITORY", "acme/todo");
        env.put("GITHUB_RUN_ID", "77");

        int code = gate("webhook.url=" + hook() + "\n");

        assertThat(code).isEqualTo(1);
        chat.verify(1, postRequestedFor(urlEqualTo("/services/hook"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.text", containing("⛔ Tollgate gate: BLOCKED")))
                .withRequestBody(matchingJsonPath("$.text", containing("`dev.example.TodoTest#deletes_todo`")))
                .withRequestBody(matchingJsonPath("$.text",
                        containing("Details: https://github.example/acme/todo/actions/runs/77"))));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void posts_plain_text_without_markdown_or_html_escapes_and_with_the_replay_line() throws Exception {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest",
                failed("parses", "expected: <a|b> but was: <a\\b>"));
        Fixtures.failingReportWithReplay(root.resolve("build"), "app", "dev.example.TodoGateIT#todos", "vote",
                "invariant", "votes lost: expected <2> but was <1>", "mvn verify -Dtollgate.replay=t1.ab.7.AAAA",
                "Tollgate: model 'todos' failed");
        chat.stubFor(post(urlEqualTo("/services/hook")).willReturn(aResponse().withStatus(200)));

        gate("webhook.url=" + hook() + "\n");

        String text = chat.getAllServeEvents().get(0).getRequest().getBodyAsString();
        String chatText = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("text").asText();
        assertThat(chatText)
                .contains("• Every test passed: `dev.example.TodoTest#parses` — failure"
                        + " org.opentest4j.AssertionFailedError: expected: <a|b> but was: <a\\b>")
                .contains("• Every test passed: model test `dev.example.TodoGateIT#todos` — command `vote` failed its"
                        + " `invariant` check: votes lost: expected <2> but was <1>\n  replay: mvn verify"
                        + " -Dtollgate.replay=t1.ab.7.AAAA")
                .doesNotContain("&lt;").doesNotContain("\\|").doesNotContain("\\\\");
    }

    @Test
    void takes_the_webhook_from_the_environment() {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest", passed("adds_todo"));
        chat.stubFor(post(urlEqualTo("/services/hook")).willReturn(aResponse().withStatus(200)));
        env.put("TOLLGATE_WEBHOOK_URL", hook());

        int code = gate("");

        assertThat(code).isZero();
        chat.verify(1, postRequestedFor(urlEqualTo("/services/hook"))
                .withRequestBody(matchingJsonPath("$.text", equalTo("✅ Tollgate gate: PASSED"))));
    }

    @Test
    void a_failing_webhook_is_a_warning_and_keeps_the_verdict() throws Exception {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest", passed("adds_todo"));
        chat.stubFor(post(urlEqualTo("/services/hook")).willReturn(aResponse().withStatus(500)));

        int code = gate("webhook.url=" + hook() + "\n");

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("warning: the chat webhook answered HTTP 500 (expected 2xx)");
        assertThat(Files.readString(root.resolve("gate.md"))).startsWith("# ✅ Tollgate gate: PASSED")
                .contains("## Warnings\n\n- the chat webhook answered HTTP 500");
    }

    @Test
    void a_slow_webhook_times_out_as_a_warning() {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest", passed("adds_todo"));
        chat.stubFor(post(urlEqualTo("/services/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));

        int code = gate("webhook.url=" + hook() + "\nwebhook.timeoutMs=300\n");

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("warning: posting to the chat webhook failed (HttpTimeoutException")
                .contains("timeout 300 ms")
                .doesNotContain(hook());
    }
}
