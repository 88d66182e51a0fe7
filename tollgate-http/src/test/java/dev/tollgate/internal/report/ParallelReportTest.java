package dev.tollgate.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelReportTest {

  static RunRecord parallelRun() {
    RunRecord run = HtmlReportTest.hostileRun();
    RunRecord.ParallelRecord parallel = new RunRecord.ParallelRecord(1, List.of(
        new RunRecord.BranchRecord(0, "user1",
            List.of(new RunRecord.TimedStep(2, 0.0, 1.5, false, "200 {\"votes\":1}"))),
        new RunRecord.BranchRecord(1, "user2",
            List.of(new RunRecord.TimedStep(3, 0.2, -1, true, null)))),
        20, 3, "not linearizable", "not linearizable: no order of the 2 operations fits");
    return new RunRecord(run.test(), run.model(), run.failure(), run.steps(), run.discovery(),
        run.seed(), run.replayToken(), run.replayCommand(), run.flakiness(), run.coverage(),
        run.corpus(), run.environment(), run.message(), parallel);
  }

  @Test
  void report_json_holds_the_branches_their_times_the_repetitions_and_the_verdict()
      throws Exception {
    var root = new ObjectMapper().readTree(JsonReport.render(parallelRun(), "test"));

    var parallel = root.path("parallel");
    assertThat(parallel.path("prefixSteps").asInt()).isEqualTo(1);
    assertThat(parallel.path("repetitions").asInt()).isEqualTo(20);
    assertThat(parallel.path("failedRepetitions").asInt()).isEqualTo(3);
    assertThat(parallel.path("verdict").asText()).isEqualTo("not linearizable");
    assertThat(parallel.path("explanation").asText()).startsWith("not linearizable");
    var first = parallel.path("branches").get(0);
    assertThat(first.path("user").asText()).isEqualTo("user1");
    assertThat(first.path("steps").get(0).path("number").asInt()).isEqualTo(2);
    assertThat(first.path("steps").get(0).path("returnedMs").asDouble()).isEqualTo(1.5);
    var pending = parallel.path("branches").get(1).path("steps").get(0);
    assertThat(pending.path("pending").asBoolean()).isTrue();
    assertThat(pending.path("returnedMs").isNull()).isTrue();
  }

  /** A take() after a prefix of one, then two branches whose takes got the same ticket. */
  static RunRecord parallelFailureInTheBranches() {
    RunRecord run = HtmlReportTest.hostileRun();
    List<RunRecord.StepRecord> steps = List.of(
        new RunRecord.StepRecord(1, "user1", "take", "user1 take()", null, "active", "active",
            "0", "1", 1.0, List.of(), false),
        new RunRecord.StepRecord(2, "user1", "take", "user1 take()", null, "active", "active",
            "1", "2", 1.0, List.of(), false),
        new RunRecord.StepRecord(3, "user2", "take", "user2 take()", null, "active", "active",
            "2", "3", 1.0, List.of(), true));
    RunRecord.FailureRecord failure = new RunRecord.FailureRecord(3, "take", "linearizability",
        null, "linearizability of the parallel branches", null, null, "no order fits");
    RunRecord.ParallelRecord parallel = new RunRecord.ParallelRecord(1, List.of(
        new RunRecord.BranchRecord(0, "user1",
            List.of(new RunRecord.TimedStep(2, 0.0, 1.5, false, "2"))),
        new RunRecord.BranchRecord(1, "user2",
            List.of(new RunRecord.TimedStep(3, 0.2, 1.6, false, "2")))),
        5, 2, "not linearizable", "not linearizable: no order of the 2 operations fits");
    return new RunRecord(run.test(), run.model(), failure, steps, run.discovery(), run.seed(),
        run.replayToken(), run.replayCommand(), run.flakiness(), run.coverage(), run.corpus(),
        run.environment(), run.message(), parallel);
  }

  @Test
  void a_parallel_failure_report_numbers_only_the_prefix_and_names_the_branches() {
    String html = HtmlReport.render(parallelFailureInTheBranches(), "test");
    String program = html.substring(html.indexOf("<h2>Shrunk program</h2>"),
        html.indexOf("<h2>Model state around the failure</h2>"));

    assertThat(program).contains("1 prefix step in sequence, then 2 branches at once")
        .contains("<h3>Branches, run at once</h3>").contains("branch 1 (<code>user1</code>)")
        .contains("branch 2 (<code>user2</code>)");
    String prefix = program.substring(program.indexOf("<ol"), program.indexOf("</ol>"));
    assertThat(prefix.split("<li", -1)).as("numbered steps: the prefix's one only").hasSize(2);
    assertThat(program).doesNotContain("failed-step");
    assertThat(html).contains("Failed: linearizability of the parallel branches in the parallel")
        .doesNotContain("at step 3");
  }

  @Test
  void a_parallel_failure_report_shows_the_model_state_after_the_prefix_not_before_a_step() {
    String html = HtmlReport.render(parallelFailureInTheBranches(), "test");
    String state = html.substring(html.indexOf("<table id=\"model-state\">"));
    state = state.substring(0, state.indexOf("</table>"));

    assertThat(state).contains("after the prefix (1 step)</th><td><pre>1</pre>")
        .doesNotContain("before step").doesNotContain("after step");
  }

  @Test
  void a_sequential_failure_report_still_numbers_every_step_and_the_state_before_it() {
    String html = HtmlReport.render(HtmlReportTest.hostileRun(), "test");

    assertThat(html).contains("<tr><th>before step 1</th>").contains(" at step 1</strong>")
        .doesNotContain("id=\"branch-steps\"").doesNotContain("id=\"parallel-program\"");
  }

  @Test
  void a_sequential_run_has_no_parallel_part() throws Exception {
    var root = new ObjectMapper().readTree(JsonReport.render(HtmlReportTest.hostileRun(), "t"));

    assertThat(root.has("parallel")).isFalse();
  }
}
