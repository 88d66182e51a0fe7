package dev.tollgate.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersusRuleTest {
    @TempDir Path dir;

    private static TollgateReport compared(String command, long calls, double control, double candidate) {
        return new TollgateReport("A#a", true, Optional.empty(), Map.of(), Path.of("report.json"), false,
                Optional.empty(), "", Optional.empty(),
                Map.of(command, new TollgateReport.Versus(calls, control, candidate)));
    }

    private static GateConfig config(String... keyValues) {
        return Fixtures.config(keyValues);
    }

    @Test
    void a_candidate_slower_than_the_ratio_and_the_slack_allow_blocks() {
        // 20 ms on the control: the limit is 20 x 1.5 + 10 = 40 ms.
        RuleOutcome slow = VersusRule.evaluate(List.of(compared("get_todo", 50, 20, 40.5)), config());
        RuleOutcome within = VersusRule.evaluate(List.of(compared("get_todo", 50, 20, 40)), config());

        assertThat(slow.blocks()).isTrue();
        assertThat(slow.rows().get(0).cells()).containsExactly("`get_todo`", "20.0 ms", "40.5 ms",
                "40.0 ms (1.50× + 10.0 ms)", "`A#a` (50 calls)");
        assertThat(within.blocks()).isFalse();
    }

    @Test
    void the_ratio_and_the_slack_are_configurable() {
        GateConfig strict = config("candidate.p95Ratio", "1.1", "candidate.p95SlackMs", "0");

        assertThat(VersusRule.evaluate(List.of(compared("get_todo", 50, 20, 23)), strict).blocks()).isTrue();
        assertThat(VersusRule.evaluate(List.of(compared("get_todo", 50, 20, 21)), strict).blocks()).isFalse();
        assertThatThrownBy(() -> config("candidate.p95Ratio", "0.9"))
                .isInstanceOf(CannotDecideException.class).hasMessageContaining("a ratio of at least 1");
        assertThatThrownBy(() -> config("candidate.p95SlackMs", "-1"))
                .isInstanceOf(CannotDecideException.class).hasMessageContaining("0 or more");
    }

    @Test
    void too_few_calls_are_shown_but_not_judged() {
        RuleOutcome outcome = VersusRule.evaluate(List.of(compared("get_todo", 5, 1, 500)), config());

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.rows().get(0).cells().get(2)).isEqualTo("500.0 ms (over the limit, not judged)");
    }

    @Test
    void without_a_comparison_the_rule_is_skipped() {
        RuleOutcome outcome = VersusRule.evaluate(List.of(new TollgateReport("A#a", true, Optional.empty(),
                Map.of(), Path.of("report.json"))), config());

        assertThat(outcome.skipped()).isTrue();
        assertThat(outcome.blocks()).isFalse();
    }

    @Test
    void the_reader_takes_the_versus_section_of_report_json() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, """
                {"schema": "tollgate-report/1", "test": "A#a", "status": "passed", "latency": {},
                 "versus": {"get_todo": {"count": 40, "controlP95Ms": 2.5, "candidateP95Ms": 90.0},
                            "only_one_side": {"count": 0, "controlP95Ms": 1.0, "candidateP95Ms": null}}}
                """);

        TollgateReport report = TollgateReportReader.read(file);

        assertThat(report.versus()).containsOnlyKeys("get_todo");
        assertThat(report.versus().get("get_todo")).isEqualTo(new TollgateReport.Versus(40, 2.5, 90.0));
    }
}
