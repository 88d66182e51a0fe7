package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.runner.Executor;
import dev.tollgate.internal.runner.RunResult;
import dev.tollgate.report.Exchange;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner keeps, for each step, the redacted exchanges the step's {@link Http} recorded. */
class RunnerExchangesTest {

  @Test
  void each_step_keeps_its_own_redacted_exchange() throws IOException {
    try (TestApp app = TestApp.start()) {
      HttpSystem system = HttpSystem.at(app.url()).onReset(app::reset);
      ProgramGenerator<HttpSystemCheckTest.Items, Http> generator =
          new ProgramGenerator<>(HttpSystemCheckTest.model(), 2, 30, false);
      Program<HttpSystemCheckTest.Items, Http> program = longProgram(generator);

      RunResult result = new Executor<>(HttpSystemCheckTest.model(), system).run(program);

      assertThat(result.passed()).as("%s", result.failure()).isTrue();
      assertThat(result.exchanges()).hasSize(program.size());
      for (int i = 0; i < program.size(); i++) {
        Step<HttpSystemCheckTest.Items, Http> step = program.steps().get(i);
        List<Exchange> exchanges = result.exchanges().get(i);
        assertThat(exchanges).as("exchanges of step %d (%s)", i + 1, step.command().name())
            .hasSize(1);
        Exchange exchange = exchanges.get(0);
        assertThat(exchange.method() + " " + exchange.target())
            .startsWith(expectedRequest(step.command().name()));
        assertThat(exchange.latency()).isPositive();
      }
      assertThat(result.exchanges().toString())
          .containsPattern("\"token\":\"\\[redacted: \\d+ chars]\"")
          .doesNotContain("s3cr3t", "c00kie", "open sesame");
    }
  }

  private static String expectedRequest(String command) {
    return switch (command) {
      case "login" -> "POST /login";
      case "add_item" -> "POST /items";
      case "delete_item" -> "DELETE /items/";
      case "list_items" -> "GET /items";
      default -> throw new IllegalArgumentException(command);
    };
  }

  /** The first program, by seed, long enough to log both users in and work a little. */
  private static Program<HttpSystemCheckTest.Items, Http> longProgram(
      ProgramGenerator<HttpSystemCheckTest.Items, Http> generator) {
    for (long seed = 1; ; seed++) {
      Program<HttpSystemCheckTest.Items, Http> program =
          generator.generate(ChoiceRecorder.random(seed));
      long logins = program.steps().stream()
          .filter(step -> step.command().name().equals("login"))
          .count();
      if (program.size() >= 8 && logins >= 2) {
        return program;
      }
    }
  }
}
