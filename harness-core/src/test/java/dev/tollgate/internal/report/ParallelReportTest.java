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

  @Test
  void a_sequential_run_has_no_parallel_part() throws Exception {
    var root = new ObjectMapper().readTree(JsonReport.render(HtmlReportTest.hostileRun(), "t"));

    assertThat(root.has("parallel")).isFalse();
  }
}
