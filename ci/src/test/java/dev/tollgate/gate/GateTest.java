package dev.tollgate.gate;

import dev.tollgate.internal.gate.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.tollgate.internal.gate.Fixtures.failed;
import static dev.tollgate.internal.gate.Fixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

/** The gate as CI runs it: through {@link Gate#run}, with real files, checking exit code, streams and gate.md. */
class GateTest {

    @TempDir
    Path root;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();

    int gate(String... extraArgs) {
        String[] args = new String[4 + extraArgs.length];
        args[0] = "--reports";
        args[1] = root.resolve("build").toString();
        args[2] = "--out";
        args[3] = root.resolve("out/gate.md").toString();
        System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
        return Gate.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String gateMd() throws Exception {
        return Files.readString(root.resolve("out/gate.md"));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path config(String properties) {
        return Fixtures.write(root.resolve("tollgate-gate.properties"), properties);
    }

    void greenBuild() {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest", passed("adds_todo"));
        Fixtures.tollgateReport(root.resolve("build"), "app", "todos",
                Fixtures.passingReport("dev.example.TodoGateIT#todosStayConsistent", "add_todo", 3.4));
    }

    @Test
    void exits_0_and_writes_a_passing_summary_when_all_rules_pass() throws Exception {
        greenBuild();

        int code = gate();

        assertThat(code).isZero();
        assertThat(gateMd()).startsWith("# ✅ Tollgate gate: PASSED\n\nAll 3 rules passed")
                .contains("| ✅ | `add_todo` | 3.4 ms | 200.0 ms (default) |");
        assertThat(stdout()).startsWith("✅ Tollgate gate: PASSED");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void exits_1_and_names_the_failing_test_and_model_command() throws Exception {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest",
                passed("adds_todo"), failed("rejects_empty_title_with_400", "expected: 400 but was: 500"));
        Fixtures.tollgateReport(root.resolve("build"), "app", "todos", Fixtures.failingReport(
                "dev.example.TodoGateIT#todosStayConsistent", "delete_todo", "postcondition", "expected 404"));

        int code = gate();

        assertThat(code).isEqualTo(1);
        assertThat(gateMd()).startsWith("# ⛔ Tollgate gate: BLOCKED\n\n1 of 3 rules block the deploy: Every test passed.")
                .contains("| ⛔ | `dev.example.TodoTest#rejects_empty_title_with_400` | failure"
                        + " org.opentest4j.AssertionFailedError: expected: 400 but was: 500 |")
                .contains("| ⛔ | model test `dev.example.TodoGateIT#todosStayConsistent` | command `delete_todo`"
                        + " failed its `postcondition` check: expected 404");
        assertThat(stdout()).contains("blocked by Every test passed: `dev.example.TodoTest#rejects_empty_title_with_400`");
    }

    @Test
    void exits_1_on_a_latency_slo_breach_from_the_config_file() throws Exception {
        greenBuild();
        Path config = config("slo.p95Ms=100\nslo.p95Ms.add_todo=2\n");

        int code = gate("--config", config.toString());

        assertThat(code).isEqualTo(1);
        assertThat(gateMd()).contains("## ⛔ p95 latency within SLO")
                .contains("| ⛔ | `add_todo` | 3.4 ms | 2.0 ms |");
    }

    @Test
    void exits_1_on_a_destructive_migration_since_the_release() throws Exception {
        greenBuild();
        Fixtures.write(root.resolve("db/V1__init.sql"), "CREATE TABLE todos (id int, title text);");
        Fixtures.write(root.resolve("db/V2__drop.sql"), "ALTER TABLE todos DROP COLUMN title;");
        Path config = config("migrations.dir=db\nmigrations.lastReleasedVersion=1\n");

        int code = gate("--config=" + config);

        assertThat(code).isEqualTo(1);
        assertThat(gateMd()).contains("| ⛔ | `V2__drop.sql` | statement 1 `ALTER TABLE todos DROP COLUMN title`"
                + " drops column todos.title");
    }

    @Test
    void exits_2_when_there_are_no_reports_at_all() throws Exception {
        Files.createDirectories(root.resolve("build"));

        int code = gate();

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("could not decide: expected test results below").contains("Fix:");
        assertThat(gateMd()).startsWith("# ⚠️ Tollgate gate: COULD NOT DECIDE");
    }

    @Test
    void exits_2_on_malformed_xml() {
        Fixtures.write(root.resolve("build/app/target/surefire-reports/TEST-x.ATest.xml"), "<testsuite");

        assertThat(gate()).isEqualTo(2);
        assertThat(stderr()).contains("expected well-formed JUnit XML");
    }

    @Test
    void exits_2_on_malformed_json() {
        greenBuild();
        Fixtures.tollgateReport(root.resolve("build"), "app", "broken", "{\"schema\": ");

        assertThat(gate()).isEqualTo(2);
        assertThat(stderr()).contains("expected well-formed JSON in Tollgate report");
    }

    @Test
    void exits_2_on_a_bad_config() {
        greenBuild();
        Path config = config("slo.p95Ms=soon\n");

        assertThat(gate("--config", config.toString())).isEqualTo(2);
        assertThat(stderr()).contains("expected slo.p95Ms in ").contains("found 'soon'");
    }

    @Test
    void exits_2_on_an_unknown_flag_and_shows_the_usage() {
        assertThat(gate("--verbose")).isEqualTo(2);
        assertThat(stderr()).contains("but found '--verbose'").contains("usage: tollgate-gate");
    }

    @Test
    void appends_the_summary_to_the_github_step_summary() throws Exception {
        greenBuild();
        Path stepSummary = Fixtures.write(root.resolve("step-summary.md"), "## Build\n\nearlier step output\n");
        env.put("GITHUB_STEP_SUMMARY", stepSummary.toString());

        int code = gate();

        assertThat(code).isZero();
        assertThat(Files.readString(stepSummary))
                .startsWith("## Build\n\nearlier step output\n# ✅ Tollgate gate: PASSED")
                .isEqualTo("## Build\n\nearlier step output\n" + gateMd() + "\n");
    }
}
