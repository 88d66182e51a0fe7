package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.compare.Comparison;
import dev.tollgate.environment.Environment;
import dev.tollgate.gate.Gate;
import dev.tollgate.http.Http;
import dev.tollgate.model.Model;
import dev.tollgate.models.Sessions;
import dev.tollgate.models.World;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Control vs candidate on the example app: the release now live (the control) and a new build
 * (the candidate) run as two deployments, each with its own PostgreSQL, and the same programs run
 * against both. The candidate "builds" are the same jar with one of BUGS.md's candidate changes
 * switched on. Each test starts both sides afresh, so neither has a warmer JVM when latencies are
 * compared.
 */
class CandidateGateIT {
  private static final Path WORK = Path.of("target", "candidate-gate");
  /** The users' machines of the gate model, with no app-specific checks: both sides share them. */
  static Model<World, Http> model() {
    return Model.define("todo-app-versus", Http.class, World::empty)
        .userStates(Sessions.STATES)
        .commands(TodoGateModel.SESSIONS.commands())
        .commands(TodoGateModel.TODOS.commands())
        .commands(TodoGateModel.VOTES.commands())
        .build();
  }

  private static Runner runner(String name) {
    return Tollgate.runner().seed(3).users(2).maxSteps(20).withoutCorpus()
        .reportDir(WORK.resolve(name).resolve("target/tollgate"))
        .test(CandidateGateIT.class.getName(), name);
  }

  @Test
  void the_same_build_on_both_sides_raises_no_alarm_and_passes_the_gate() throws IOException {
    try (Environment control = TodoApp.start(""); Environment candidate = TodoApp.start("")) {
      RunSummary summary = runner("same").tries(60)
          .compare(model(), Comparison.of(control, candidate));

      assertThat(summary.programs()).isEqualTo(60);
      assertThat(summary.commandCounts()).containsKeys("add_todo", "get_todo", "list_todos");
    }
    assertThat(gate("same")).as(gateMd("same")).isZero();
    assertThat(gateMd("same")).contains("candidate p95 within the control's");
  }

  @Test
  void a_renamed_field_is_found_and_shrunk_with_both_answers_side_by_side() throws IOException {
    ModelCheckFailure failure;
    try (Environment control = TodoApp.start("");
        Environment candidate = TodoApp.start("owner-renamed")) {
      failure = catchThrowableOfType(ModelCheckFailure.class, () -> runner("renamed").tries(30)
          .compare(model(), Comparison.of(control, candidate)));
    }

    assertThat(failure).as("the rename must be found").isNotNull();
    assertThat(failure.getMessage()).contains("answered differently from the control")
        .contains(".owner").contains("(missing)");
    // register, log in, add a todo: the first answer that holds an owner.
    assertThat(failure.steps()).as(failure.getMessage()).hasSize(3);
    assertThat(failure.steps().get(2)).contains("add_todo(");
    String html = Files.readString(report("renamed").resolve("report.html"));
    assertThat(html).contains("<table class=\"versus\">").contains("ownerName");
  }

  @Test
  void a_latency_regression_in_the_candidate_blocks_the_gate_by_the_ratio_rule()
      throws IOException {
    try (Environment control = TodoApp.start("");
        Environment candidate = TodoApp.start("slow-get")) {
      // Every answer is right: the comparison itself passes.
      runner("slow").tries(40).compare(model(), Comparison.of(control, candidate));
    }

    assertThat(gate("slow")).as(gateMd("slow")).isEqualTo(1);
    assertThat(gateMd("slow"))
        .contains("candidate p95 within the control's")
        .containsPattern("\\| ⛔ \\| `get_todo` \\|");
  }

  private static Path report(String name) throws IOException {
    try (var folders = Files.list(WORK.resolve(name).resolve("target/tollgate"))) {
      return folders.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  /** Runs the gate over one case's reports, with a ratio rule sized for a loaded CI machine. */
  private static int gate(String name) throws IOException {
    Path config = WORK.resolve(name).resolve("tollgate-gate.properties");
    Files.writeString(config, String.join("\n",
        "slo.p95Ms=5000", "slo.minCalls=10", "candidate.p95Ratio=2", "candidate.p95SlackMs=50", ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return Gate.run(new String[] {"--reports", WORK.resolve(name).toString(),
        "--config", config.toString(), "--out", WORK.resolve(name).resolve("gate.md").toString()},
        Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  private static String gateMd(String name) {
    try {
      return Files.readString(WORK.resolve(name).resolve("gate.md"));
    } catch (IOException e) {
      return "(no gate.md: " + e + ")";
    }
  }
}
