package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyRuleTest {

    private static TollgateReport report(String test, Map<String, Double> p95ByCommand) {
        Map<String, TollgateReport.Latency> latency = new java.util.TreeMap<>();
        p95ByCommand.forEach((command, p95) -> latency.put(command, new TollgateReport.Latency(50, p95)));
        return new TollgateReport(test, true, Optional.empty(), latency, Path.of("report.json"));
    }

    private static TollgateReport report(String test, String command, long calls, double p95) {
        return new TollgateReport(test, true, Optional.empty(),
                Map.of(command, new TollgateReport.Latency(calls, p95)), Path.of("report.json"));
    }

    private static GateConfig config(String... keyValues) {
        return Fixtures.config(keyValues);
    }

    @Test
    void passes_when_every_command_is_within_the_default_slo() {
        RuleOutcome outcome = LatencyRule.evaluate(List.of(report("A#a", Map.of("add_todo", 12.0, "vote", 199.9))),
                config());

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.rows()).hasSize(2);
        assertThat(outcome.rows().get(0).cells()).containsExactly("`add_todo`", "12.0 ms", "200.0 ms (default)",
                "`A#a` (50 calls)");
    }

    @Test
    void passes_a_p95_exactly_at_the_slo() {
        RuleOutcome outcome = LatencyRule.evaluate(List.of(report("A#a", Map.of("vote", 200.0))), config());

        assertThat(outcome.blocks()).isFalse();
    }

    @Test
    void blocks_a_command_over_the_default_slo() {
        RuleOutcome outcome = LatencyRule.evaluate(List.of(report("A#a", Map.of("add_todo", 240.0))), config());

        assertThat(outcome.blockingRows()).singleElement()
                .satisfies(row -> assertThat(row.cells()).startsWith("`add_todo`", "240.0 ms"));
    }

    @Test
    void applies_per_command_overrides_in_both_directions() {
        GateConfig config = config("slo.p95Ms", "100", "slo.p95Ms.export", "1500", "slo.p95Ms.vote", "5");
        List<TollgateReport> reports = List.of(report("A#a", Map.of("export", 900.0, "vote", 6.0, "add_todo", 99.0)));

        RuleOutcome outcome = LatencyRule.evaluate(reports, config);

        assertThat(outcome.blockingRows()).singleElement()
                .satisfies(row -> assertThat(row.cells()).startsWith("`vote`", "6.0 ms", "5.0 ms"));
    }

    @Test
    void judges_a_command_by_its_worst_p95_across_tests() {
        List<TollgateReport> reports = List.of(report("A#fast", Map.of("login", 20.0)),
                report("B#slow", Map.of("login", 300.0)), report("C#fast", Map.of("login", 30.0)));

        RuleOutcome outcome = LatencyRule.evaluate(reports, config());

        assertThat(outcome.blockingRows()).singleElement()
                .satisfies(row -> assertThat(row.cells().get(3)).startsWith("`B#slow`"));
    }

    @Test
    void shows_but_does_not_judge_a_p95_over_fewer_calls_than_the_minimum() {
        RuleOutcome outcome = LatencyRule.evaluate(List.of(report("A#a", "notifier_fails", 13, 330.0)), config());

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.rows()).singleElement().satisfies(row -> assertThat(row.cells())
                .containsExactly("`notifier_fails`", "330.0 ms (over the SLO, not judged)", "200.0 ms (default)",
                        "`A#a` (13 calls)"));
        assertThat(outcome.rows()).singleElement().extracting(RuleOutcome.Row::mark)
                .isEqualTo(RuleOutcome.Mark.NOT_JUDGED);
        assertThat(outcome.mark()).isEqualTo(RuleOutcome.Mark.NOT_JUDGED);
        assertThat(outcome.notes()).singleElement().asString()
                .contains("fewer than 20 calls", "slo.minCalls", "`notifier_fails`");
    }

    @Test
    void judges_a_p95_over_as_many_calls_as_the_minimum() {
        RuleOutcome outcome = LatencyRule.evaluate(List.of(report("A#a", "add_todo", 20, 330.0)), config());

        assertThat(outcome.blockingRows()).singleElement()
                .satisfies(row -> assertThat(row.cells()).startsWith("`add_todo`", "330.0 ms"));
    }

    @Test
    void a_report_with_enough_calls_stands_for_its_command_over_a_slower_one_with_too_few() {
        List<TollgateReport> reports = List.of(report("A#few", "login", 5, 900.0),
                report("B#many", "login", 200, 250.0));

        RuleOutcome outcome = LatencyRule.evaluate(reports, config("slo.minCalls", "10"));

        assertThat(outcome.blockingRows()).singleElement()
                .satisfies(row -> assertThat(row.cells()).containsExactly("`login`", "250.0 ms",
                        "200.0 ms (default)", "`B#many` (200 calls)"));
    }

    @Test
    void passes_with_a_note_when_there_is_no_latency_data() {
        RuleOutcome outcome = LatencyRule.evaluate(List.of(), config());

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.notes()).singleElement().asString().contains("no Tollgate reports");
    }
}
