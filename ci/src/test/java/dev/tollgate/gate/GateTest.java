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
        assertThat(gateMd()).startsWith("# ✅ Tollgate gate: PASSED\n\nNo rule blocks the deploy: the build may be"
                        + " deployed. Passed: 2 of 3 rules; not judged (in full): Migrations are additive only.")
                .contains("| ✅ | `add_todo` | 3.4 ms | 200.0 ms (default) |")
                .contains("## ⚠️ Migrations are additive only\n\nSkipped");
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

    static final String REPLAY = "mvn verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dit.test='TodoGateIT#todosStayConsistent' -Dfailsafe.failIfNoSpecifiedTests=false"
            + " -Dtollgate.replay=t1.391755fc.42.AAAAAQAAAAABAAAAAAEAAAAAAA";
    /** The harness's failure story, as it is both the IT's JUnit failure message and report.json's "message". */
    static final String STORY = "Tollgate: model 'todos' failed: postcondition of delete_todo at step 3 (deterministic)\n"
            + "\n  1. user1 add_todo(\"a|b\")\n  2. user1 delete_todo(1)\n  3. user1 delete_todo(1)    <-- FAILED\n"
            + "\nFailed check: postcondition of delete_todo\n  expected: 404\n  actual:   200\n"
            + "  org.opentest4j.AssertionFailedError: expected: <404> but was: <200>\n"
            + "\nModel state before step 3:\n  {}\n".repeat(8)
            + "Replay exactly this program:\n  " + REPLAY + "\n";

    /** A model test that failed: its Failsafe case and its Tollgate report, as a real run leaves them. */
    void failedModelTest() {
        Fixtures.junitXml(root.resolve("build"), "app", "failsafe", "dev.example.TodoGateIT",
                failed("todosStayConsistent(Runner)", STORY));
        Fixtures.failingReportWithReplay(root.resolve("build"), "app", "dev.example.TodoGateIT#todosStayConsistent",
                "delete_todo", "postcondition", "postcondition of delete_todo at step 3: expected <404> but was 200",
                REPLAY, STORY);
    }

    @Test
    void shows_a_failed_model_test_once_with_its_replay_line_and_links_to_its_reports() throws Exception {
        failedModelTest();

        int code = gate();

        assertThat(code).isEqualTo(1);
        String md = gateMd();
        String testsSection = md.substring(md.indexOf("## ⛔ Every test passed"), md.indexOf("## ", md.indexOf(
                "## ⛔ Every test passed") + 3));
        assertThat(testsSection.lines().filter(line -> line.startsWith("| ⛔ |")))
                .containsExactly("| ⛔ | model test `dev.example.TodoGateIT#todosStayConsistent` | command `delete_todo`"
                        + " failed its `postcondition` check: postcondition of delete_todo at step 3: expected &lt;404>"
                        + " but was 200 |");
        assertThat(md).doesNotContain("Tollgate: model 'todos' failed: postcondition of delete_todo at step 3"
                        + " (deterministic) 1. user1")
                .contains("1 failed JUnit test case(s) are model tests, each shown once")
                .contains("### ⛔ model test `dev.example.TodoGateIT#todosStayConsistent`\n\n"
                        + "Replay exactly this program:\n\n```\n" + REPLAY + "\n```\n")
                .contains("Reports: [report.html](../build/app/target/tollgate/dev.example.TodoGateIT.todosStayConsistent/report.html)"
                        + " · [report.md](../build/app/target/tollgate/dev.example.TodoGateIT.todosStayConsistent/report.md)\n")
                .contains("<details><summary>Full message</summary>\n\n```\n" + STORY.strip() + "\n```\n\n</details>");
        assertThat(stdout()).contains("\n    replay: " + REPLAY + "\n");
    }

    @Test
    void cuts_a_long_failure_message_at_a_word_boundary_and_keeps_the_full_text_below() throws Exception {
        String message = "expected the list to hold every todo that was added " + "and not deleted since ".repeat(30)
                + "but found it empty";
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest", failed("lists", message));

        gate();

        String row = gateMd().lines().filter(line -> line.startsWith("| ⛔ | `dev.example.TodoTest#lists`"))
                .collect(org.assertj.core.util.Lists::<String>newArrayList, java.util.List::add, java.util.List::addAll)
                .get(0);
        assertThat(row).endsWith(" … *(cut: full text below)* |");
        String shown = row.substring(row.indexOf("failure org.opentest4j.AssertionFailedError: "),
                row.indexOf(" … *(cut"));
        assertThat(("failure org.opentest4j.AssertionFailedError: " + message + " "))
                .as("the cut falls between two words").startsWith(shown + " ");
        assertThat(shown.length()).isLessThanOrEqualTo(300);
        assertThat(gateMd()).contains("### ⛔ `dev.example.TodoTest#lists`\n\n<details><summary>Full message"
                + "</summary>\n\n```\nfailure org.opentest4j.AssertionFailedError: " + message + "\n```");
    }

    @Test
    void never_marks_a_p95_over_its_slo_or_not_judged_as_passed() throws Exception {
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest", passed("adds_todo"));
        Fixtures.tollgateReport(root.resolve("build"), "app", "todos", "{\"schema\": \"tollgate-report/1\","
                + " \"test\": \"dev.example.TodoGateIT#todos\", \"status\": \"passed\", \"latency\": {"
                + "\"notifier_fails\": {\"count\": 13, \"p95Ms\": 783.0},"
                + " \"add_todo\": {\"count\": 120, \"p95Ms\": 3.4}}}");

        int code = gate();

        assertThat(code).isZero();
        assertThat(gateMd()).contains("## ⚠️ p95 latency within SLO")
                .contains("| ⚠️ | `notifier_fails` | 783.0 ms (over the SLO, not judged) | 200.0 ms (default) |")
                .contains("| ✅ | `add_todo` | 3.4 ms |")
                .doesNotContain("| ✅ | `notifier_fails`")
                .doesNotContain("✅ (not judged)");
    }

    @Test
    void prints_plain_text_to_the_console_without_markdown_or_html_escapes() throws Exception {
        failedModelTest();
        Fixtures.junitXml(root.resolve("build"), "app", "surefire", "dev.example.TodoTest",
                failed("parses", "expected: <a|b> but was: <a\\b>"));

        gate();

        assertThat(stdout()).contains("blocked by Every test passed: `dev.example.TodoTest#parses` — failure"
                        + " org.opentest4j.AssertionFailedError: expected: <a|b> but was: <a\\b>")
                .contains("expected <404> but was 200")
                .doesNotContain("&lt;").doesNotContain("\\|").doesNotContain("\\\\");
        assertThat(gateMd()).contains("expected: &lt;a\\|b> but was: &lt;a\\\\b>");
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

    // The flaky policy: a flaky model test failure blocks by default, and warns with flaky=warn.

    /** A failed model test as the harness reports it, with its reruns' classification. */
    void failedModelTest(String kind, String classification, int reruns, int reproduced, double low, double high) {
        Fixtures.tollgateReport(root.resolve("build"), "app", "todos",
                "{\"schema\": \"tollgate-report/1\", \"test\": \"dev.example.TodoGateIT#todos\","
                        + " \"status\": \"failed\",\n"
                        + " \"failure\": {\"command\": \"vote\", \"check\": \"postcondition\","
                        + " \"message\": \"postcondition of vote at step 4: expected 1 but was 2\"},\n"
                        + " \"latency\": {},\n"
                        + " \"flaky\": {\"classification\": \"" + classification + "\", \"kind\": \"" + kind
                        + "\", \"reruns\": " + reruns + ", \"reproduced\": " + reproduced + ", \"rate\": "
                        + ((double) reproduced / reruns) + ", \"interval95\": {\"low\": " + low
                        + ", \"high\": " + high + "}}}\n");
    }

    void flakyFailure() {
        failedModelTest("flaky", "flaky: reproduced 10 of 20", 20, 10, 0.2993, 0.7007);
    }

    @Test
    void flaky_failure_blocks_by_default_and_the_summary_names_the_policy_and_the_rate() throws Exception {
        flakyFailure();

        int code = gate();

        assertThat(code).isEqualTo(1);
        assertThat(gateMd())
                .contains("| ⛔ | model test `dev.example.TodoGateIT#todos` |")
                .contains("— flaky, failed 10 of 20 reruns: rate 50%, 95% interval 30%-70% (flaky policy: block)")
                .contains("Flaky policy: block (the default): a flaky failure blocks the deploy like any other.");
        assertThat(stdout()).contains("blocked by Every test passed: model test `dev.example.TodoGateIT#todos`")
                .contains("flaky policy: block");
    }

    @Test
    void flaky_failure_warns_and_passes_with_flaky_warn() throws Exception {
        flakyFailure();

        int code = gate("--config", config("flaky=warn\n").toString());

        assertThat(code).isZero();
        assertThat(gateMd()).startsWith("# ✅ Tollgate gate: PASSED")
                .contains("With warnings that a setting keeps from blocking: Every test passed.")
                .contains("| ⚠️ | model test `dev.example.TodoGateIT#todos` |")
                .contains("rate 50%, 95% interval 30%-70% (flaky policy: warn, so it does not block)")
                .contains("Flaky policy: warn: a flaky failure is shown with its failure rate and does not block");
        assertThat(stdout()).contains("warning, not blocking, from Every test passed: model test"
                + " `dev.example.TodoGateIT#todos`").contains("(flaky policy: warn, so it does not block)");
    }

    @Test
    void deterministic_failure_blocks_even_with_flaky_warn() throws Exception {
        failedModelTest("deterministic", "deterministic", 10, 10, 0.7225, 1.0);

        int code = gate("--config", config("flaky=warn\n").toString());

        assertThat(code).isEqualTo(1);
        assertThat(gateMd()).contains("| ⛔ | model test `dev.example.TodoGateIT#todos` |")
                .contains("expected 1 but was 2 — deterministic");
    }

    @Test
    void an_unknown_flaky_policy_cannot_be_decided_and_says_the_two_values() {
        flakyFailure();

        int code = gate("--config", config("flaky=ignore\n").toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .contains("expected flaky in ")
                .contains("to be block or warn, but found 'ignore'. Fix: write flaky=block");
    }
}
