package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TollgateReportReaderTest {

    @TempDir
    Path dir;

    private Path report(String json) {
        return Fixtures.write(dir.resolve("report.json"), json);
    }

    @Test
    void reads_failure_and_latency_and_ignores_unknown_fields() {
        Path file = report("""
                {"schema": "tollgate-report/1.3", "test": "x.T#t", "status": "failed", "steps": [1, 2],
                 "failure": {"command": "vote", "check": "invariant", "message": "votes lost", "step": 4},
                 "latency": {"vote": {"count": 9, "p50Ms": 1, "p95Ms": 4.5, "p99Ms": 5, "max": 6}}}
                """);

        TollgateReport report = TollgateReportReader.read(file);

        assertThat(report.passed()).isFalse();
        assertThat(report.failure()).hasValue(new TollgateReport.Failure("vote", "invariant", "votes lost"));
        assertThat(report.latency()).containsEntry("vote", new TollgateReport.Latency(9, 4.5));
    }

    @Test
    void reads_the_replay_line_and_the_full_message_of_a_failure() {
        Path file = report("""
                {"schema": "tollgate-report/1", "test": "x.T#t", "status": "failed",
                 "failure": {"command": "vote", "check": "invariant", "message": "votes lost"},
                 "replay": {"token": "t1.ab.7.AAAA", "command": "mvn verify -Dtollgate.replay=t1.ab.7.AAAA"},
                 "message": "Tollgate: model 'todos' failed\\nReplay exactly this program: ..."}
                """);

        TollgateReport report = TollgateReportReader.read(file);

        assertThat(report.replay()).hasValue(new TollgateReport.Replay("t1.ab.7.AAAA",
                "mvn verify -Dtollgate.replay=t1.ab.7.AAAA"));
        assertThat(report.message()).isEqualTo("Tollgate: model 'todos' failed\nReplay exactly this program: ...");
    }

    @Test
    void refuses_a_report_without_schema() {
        Path file = report("{\"test\": \"x.T#t\", \"status\": \"passed\"}");

        assertThatThrownBy(() -> TollgateReportReader.read(file))
                .hasMessage("expected \"schema\": \"tollgate-report/1\" in " + file + ", but found no \"schema\" field."
                        + " Fix: this is not a Tollgate report, or one from a harness older than the gate;"
                        + " remove it or rerun the tests with the current harness.");
    }

    @Test
    void refuses_another_major_version() {
        Path file = report("{\"schema\": \"tollgate-report/2\", \"test\": \"x.T#t\", \"status\": \"passed\"}");

        assertThatThrownBy(() -> TollgateReportReader.read(file))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageContaining("but found \"tollgate-report/2\". This gate reads major version 1 only.");
    }

    @Test
    void refuses_an_unknown_status_and_a_non_numeric_p95() {
        Path badStatus = report("{\"schema\": \"tollgate-report/1\", \"test\": \"x\", \"status\": \"green\"}");
        assertThatThrownBy(() -> TollgateReportReader.read(badStatus))
                .hasMessageContaining("expected \"status\" to be \"passed\", \"failed\" or \"running\"")
                .hasMessageContaining("but found \"green\"");

        Path badP95 = report("{\"schema\": \"tollgate-report/1\", \"test\": \"x\", \"status\": \"passed\","
                + " \"latency\": {\"vote\": {\"p95Ms\": \"fast\"}}}");
        assertThatThrownBy(() -> TollgateReportReader.read(badP95))
                .hasMessageContaining("\"latency\".\"vote\".\"p95Ms\" to be a number");
    }

    @Test
    void refuses_malformed_json_with_its_position() {
        Path file = report("{\"schema\": \"tollgate-report/1\",\n \"test\": ");

        assertThatThrownBy(() -> TollgateReportReader.read(file))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageContaining("expected well-formed JSON in Tollgate report")
                .hasMessageContaining("at line 2");
    }

    @Test
    void reads_the_flaky_classification_rate_and_interval() {
        Path file = report("""
                {"schema": "tollgate-report/1", "test": "x.T#t", "status": "failed",
                 "flaky": {"classification": "flaky: reproduced 10 of 20", "kind": "flaky", "reruns": 20,
                           "reproduced": 10, "rate": 0.5, "interval95": {"low": 0.2993, "high": 0.7007}}}
                """);

        TollgateReport.Flaky flaky = TollgateReportReader.read(file).flaky().orElseThrow();

        assertThat(flaky.flaky()).isTrue();
        assertThat(flaky.rateText()).isEqualTo("failed 10 of 20 reruns: rate 50%, 95% interval 30%-70%");
    }

    @Test
    void a_report_from_before_the_flaky_kind_is_judged_by_its_classification() {
        Path file = report("""
                {"schema": "tollgate-report/1", "test": "x.T#t", "status": "failed",
                 "flaky": {"classification": "flaky: reproduced 2 of 3", "reruns": 3, "reproduced": 2}}
                """);

        TollgateReport.Flaky flaky = TollgateReportReader.read(file).flaky().orElseThrow();

        assertThat(flaky.flaky()).isTrue();
        assertThat(flaky.rateText()).isEqualTo("failed 2 of 3 reruns: rate 67%");
    }
}
