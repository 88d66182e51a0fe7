package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.tollgate.internal.gate.Fixtures.errored;
import static dev.tollgate.internal.gate.Fixtures.failed;
import static dev.tollgate.internal.gate.Fixtures.passed;
import static dev.tollgate.internal.gate.Fixtures.skipped;
import static org.assertj.core.api.Assertions.assertThat;

class TestsRuleTest {

    @TempDir
    Path root;

    @Test
    void passes_when_every_test_and_model_test_passed() {
        Fixtures.junitXml(root, "app", "surefire", "dev.example.TodoTest",
                passed("accepts_title"), passed("rejects_empty_title_with_400"), skipped("later"));
        Fixtures.junitXml(root, "app", "failsafe", "dev.example.TodoGateIT", passed("todosStayConsistent"));
        Fixtures.tollgateReport(root, "app", "todos", Fixtures.passingReport("dev.example.TodoGateIT#todos",
                "add_todo", 3.4));

        RuleOutcome outcome = TestsRule.evaluate(RunResults.scan(root));

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.rows()).extracting(RuleOutcome.Row::cells).containsExactly(
                java.util.List.of("3 test(s)", "passed (1 skipped)"), java.util.List.of("1 model test(s)", "passed"));
    }

    @Test
    void blocks_and_names_each_failing_or_erroring_test_with_its_message() {
        Fixtures.junitXml(root, "app", "surefire", "dev.example.TodoTest",
                passed("accepts_title"), failed("rejects_empty_title_with_400", "expected: 400 but was: 500"));
        Fixtures.junitXml(root, "core", "failsafe", "dev.example.DbIT", errored("migrates", "java.sql.SQLException"));

        RuleOutcome outcome = TestsRule.evaluate(RunResults.scan(root));

        assertThat(outcome.blockingRows()).extracting(row -> row.cells().get(0)).containsExactlyInAnyOrder(
                "`dev.example.TodoTest#rejects_empty_title_with_400`", "`dev.example.DbIT#migrates`");
        assertThat(outcome.blockingRows()).extracting(row -> row.cells().get(1)).containsExactlyInAnyOrder(
                "failure org.opentest4j.AssertionFailedError: expected: 400 but was: 500",
                "error java.sql.SQLException: java.sql.SQLException: boom");
    }

    @Test
    void blocks_on_a_failed_model_test_naming_its_command_and_check() {
        Fixtures.tollgateReport(root, "app", "todos", Fixtures.failingReport("dev.example.TodoGateIT#todos",
                "delete_todo", "postcondition", "expected 404 but was 200"));

        RuleOutcome outcome = TestsRule.evaluate(RunResults.scan(root));

        assertThat(outcome.blockingRows()).singleElement().satisfies(row -> {
            assertThat(row.cells().get(0)).isEqualTo("model test `dev.example.TodoGateIT#todos`");
            assertThat(row.cells().get(1)).startsWith(
                    "command `delete_todo` failed its `postcondition` check: expected 404 but was 200");
        });
    }

    @Test
    void blocks_on_suite_failures_that_no_test_case_carries() {
        Fixtures.write(root.resolve("m/target/surefire-reports/TEST-dev.example.BrokenTest.xml"),
                "<?xml version=\"1.0\"?><testsuite name=\"dev.example.BrokenTest\" tests=\"1\" errors=\"1\""
                        + " failures=\"0\"></testsuite>");

        RuleOutcome outcome = TestsRule.evaluate(RunResults.scan(root));

        assertThat(outcome.blockingRows()).singleElement()
                .satisfies(row -> assertThat(row.cells().get(0)).isEqualTo("`dev.example.BrokenTest#(suite)`"));
    }

    @Test
    void blocks_on_a_model_test_whose_report_still_says_running() {
        Fixtures.tollgateReport(root, "app", "todos", "{\"schema\": \"tollgate-report/1\","
                + " \"test\": \"dev.example.TodoGateIT#todos\", \"status\": \"running\", \"seed\": 3}");

        RuleOutcome outcome = TestsRule.evaluate(RunResults.scan(root));

        assertThat(outcome.blockingRows()).singleElement().satisfies(row -> {
            assertThat(row.cells().get(0)).isEqualTo("model test `dev.example.TodoGateIT#todos`");
            assertThat(row.cells().get(1)).startsWith("did not finish: its report still says \"running\"");
        });
    }
}
