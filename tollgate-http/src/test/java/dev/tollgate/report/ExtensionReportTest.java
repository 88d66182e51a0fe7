package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A {@link StateMachineTest} run through JUnit names its report after the test. */
@ExtendWith(RestoreTollgateProperties.class)
class ExtensionReportTest {
  @TempDir Path reports;

  static class VoteGate {
    @StateMachineTest(seed = "5")
    void votes_count_once(Runner runner) {
      runner.check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE));
    }
  }

  @Test
  void report_of_a_state_machine_test_is_named_after_its_class_and_method() throws Exception {
    System.setProperty("tollgate.reportDir", reports.toString());

    EngineTestKit.engine("junit-jupiter").selectors(selectClass(VoteGate.class)).execute()
        .testEvents().assertStatistics(stats -> stats.failed(1));

    Path folder = reports.resolve("dev.tollgate.report.ExtensionReportTest.VoteGate.votes_count_once");
    JsonNode root = new ObjectMapper().readTree(folder.resolve("report.json").toFile());
    assertThat(root.path("test").asText())
        .isEqualTo("dev.tollgate.report.ExtensionReportTest$VoteGate#votes_count_once");
    assertThat(root.path("status").asText()).isEqualTo("failed");
    assertThat(root.path("failure").path("command").asText()).isEqualTo("vote");
    assertThat(root.path("replay").path("command").asText())
        .startsWith("mvn test ")
        .contains(" -Dtest='ExtensionReportTest$VoteGate#votes_count_once'");
  }
}
