package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.NotesHttp;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.model.Model;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The three report files of planted failures, read back as the gate, a person and CI read them. */
@ExtendWith(RestoreTollgateProperties.class)
class ReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path reports;

  @BeforeEach
  void reportIntoTheTemporaryFolder() {
    System.setProperty("tollgate.reportDir", reports.toString());
  }

  private Runner runner() {
    return Tollgate.runner().reporter(Reporter.none()).withoutCorpus()
        .test("dev.example.TodoGateIT", "todos");
  }

  private ModelCheckFailure deleteTwice(long seed) {
    return catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(seed).check(TodoModel.model(), TodoSystem.with(Bug.DELETE_TWICE)));
  }

  @Test
  void failing_check_writes_json_in_the_schema_the_gate_reads() throws Exception {
    deleteTwice(7);

    JsonNode root = JSON.readTree(reports.resolve("dev.example.TodoGateIT.todos/report.json").toFile());
    assertThat(root.path("schema").asText()).isEqualTo("tollgate-report/1");
    assertThat(root.path("test").asText()).isEqualTo("dev.example.TodoGateIT#todos");
    assertThat(root.path("status").asText()).isEqualTo("failed");
    assertThat(root.path("failure").path("command").asText()).isEqualTo("delete_todo");
    assertThat(root.path("failure").path("check").asText()).isEqualTo("postcondition");
    assertThat(root.path("failure").path("message").asText())
        .isEqualTo("postcondition of delete_todo at step 4: expected 404 but was 500");
    JsonNode add = root.path("latency").path("add_todo");
    assertThat(add.path("count").asLong()).isPositive();
    assertThat(add.path("p50Ms").isNumber()).isTrue();
    assertThat(add.path("p95Ms").asDouble()).isGreaterThanOrEqualTo(add.path("p50Ms").asDouble());
    assertThat(add.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(add.path("p95Ms").asDouble());
    assertThat(root.path("steps")).hasSize(4);
    assertThat(root.path("steps").get(3).path("failed").asBoolean()).isTrue();
    assertThat(root.path("steps").get(3).path("modelBefore").asText()).startsWith("Todos{");
    assertThat(root.path("failure").path("expected").asText()).isEqualTo("404");
    assertThat(root.path("failure").path("actual").asText()).isEqualTo("500");
    assertThat(root.path("discovery").path("originalSteps").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(root.path("seed").asLong()).isEqualTo(7);
    assertThat(root.path("flaky").path("classification").asText()).isEqualTo("deterministic");
    assertThat(root.path("statistics").path("userStates").toString())
        .isEqualTo("[\"logged_out\",\"logged_in\"]");
    assertThat(root.path("environment").path("settings").path("seed").asLong()).isEqualTo(7);
    assertThat(root.path("environment").path("java").asText())
        .startsWith(System.getProperty("java.version"));
  }

  @Test
  void markdown_numbers_the_shrunk_steps_and_ends_with_the_replay_command() throws Exception {
    ModelCheckFailure failure = deleteTwice(7);

    String md = Files.readString(reports.resolve("dev.example.TodoGateIT.todos/report.md"));
    assertThat(md).contains("1. ` user1 login() `")
        .contains("4. ` user1 delete_todo(todo#2) ` ")
        .contains("← FAILED: postcondition of delete\\_todo")
        .contains("| expected | ` 404 ` |").contains("| actual | ` 500 ` |")
        .contains("**deterministic**")
        // delete_todo keeps the user logged in: no "went from logged_in to logged_in".
        .contains("user1 stayed in ` logged_in `.").doesNotContain(" went from ");
    assertThat(md.strip()).endsWith("-Dtollgate.replay=" + failure.replayToken() + "\n```");
    assertThat(failure.getMessage()).contains("(deterministic)")
        .contains("Report: " + reports.resolve("dev.example.TodoGateIT.todos/report.html"));
  }

  @Test
  void replay_token_from_the_report_fails_the_same_way_whatever_the_seed() throws Exception {
    deleteTwice(7);
    JsonNode first = JSON.readTree(reports.resolve("dev.example.TodoGateIT.todos/report.json").toFile());
    String token = first.path("replay").path("token").asText();
    assertThat(first.path("replay").path("command").asText())
        .startsWith("mvn verify ").contains(" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dit.test='TodoGateIT#todos' -Dfailsafe.failIfNoSpecifiedTests=false")
        .endsWith("-Dtollgate.replay=" + token);

    System.setProperty("tollgate.replay", token);
    ModelCheckFailure again = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(99).check(TodoModel.model(), TodoSystem.with(Bug.DELETE_TWICE)));

    assertThat(again.check()).isEqualTo("postcondition of delete_todo");
    List<String> firstSteps = first.path("steps").findValuesAsText("text");
    assertThat(again.steps()).containsExactlyElementsOf(firstSteps);
    assertThat(again.getActual().getStringRepresentation()).isEqualTo("500");
  }

  @Test
  void passing_check_writes_a_passed_report_with_latency_and_no_failure() throws Exception {
    RunSummary summary = runner().tries(20).check(TodoModel.model(), TodoSystem.correct());

    JsonNode root = JSON.readTree(reports.resolve("dev.example.TodoGateIT.todos/report.json").toFile());
    assertThat(root.path("status").asText()).isEqualTo("passed");
    assertThat(root.has("failure")).isFalse();
    assertThat(root.path("statistics").path("programs").asInt()).isEqualTo(summary.programs());
    assertThat(root.path("latency").path("login").path("count").asInt())
        .isEqualTo(summary.commandCounts().get("login"));
    assertThat(Files.readString(reports.resolve("dev.example.TodoGateIT.todos/report.md"))).contains("passed");
  }

  @Test
  void reports_are_written_atomically_leaving_no_temporary_files() throws Exception {
    deleteTwice(3);
    runner().tries(5).check(TodoModel.model(), TodoSystem.correct());

    try (Stream<Path> files = Files.list(reports.resolve("dev.example.TodoGateIT.todos"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("report.json", "report.md", "report.html");
    }
  }

  @Test
  void report_folder_of_a_runner_without_the_annotation_is_named_after_the_calling_test()
      throws Exception {
    catchThrowableOfType(ModelCheckFailure.class, () -> Tollgate.runner().reporter(Reporter.none())
        .withoutCorpus().seed(1)
        .check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE)));

    Path folder = reports.resolve("dev.tollgate.report.ReportsTest"
        + ".report_folder_of_a_runner_without_the_annotation_is_named_after_the_calling_test");
    assertThat(folder.resolve("report.html")).exists();
    assertThat(JSON.readTree(folder.resolve("report.json").toFile()).path("test").asText())
        .isEqualTo("dev.tollgate.report.ReportsTest"
            + "#report_folder_of_a_runner_without_the_annotation_is_named_after_the_calling_test");
    assertThat(reports.resolve("todos")).doesNotExist();
  }

  @Test
  void report_folder_is_named_after_the_model_outside_a_test() throws Exception {
    // A thread of its own has no test method on its stack.
    Thread outside = new Thread(() -> catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().reporter(Reporter.none()).withoutCorpus().seed(1)
            .check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE))));
    outside.start();
    outside.join();

    assertThat(reports.resolve("todos/report.json")).exists();
    assertThat(reports.resolve("todos/report.html")).exists();
  }

  @Test
  void a_second_model_checked_by_one_method_gets_a_folder_named_after_it_too() {
    Runner runner = Tollgate.runner().reporter(Reporter.none()).withoutCorpus().seed(1).tries(3)
        .test("dev.example.TwoModelsIT", "both");
    runner.check(TodoModel.model(), TodoSystem.correct());
    runner.check(Model.define("votes", TodoSystem.Client.class, () -> 0)
        .command("login", c -> c.run((client, none) -> client.login())
            .expect((model, call, response) -> assertThat(response.status()).isEqualTo(200)))
        .build(), TodoSystem.correct());

    assertThat(reports.resolve("dev.example.TwoModelsIT.both/report.json")).exists();
    assertThat(reports.resolve("dev.example.TwoModelsIT.both.votes/report.json")).exists();
  }

  @Test
  void http_report_keeps_redacted_exchanges_and_no_planted_secret() throws Exception {
    System.setProperty("tollgate.external.jdbc-password", "PLANTED-PROPERTY-SECRET");
    ModelCheckFailure failure;
    try (NotesHttp notes = new NotesHttp(true)) {
      failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> runner().seed(5).check(NotesHttp.model(), notes));
    }

    assertThat(failure).isNotNull();
    assertThat(failure.steps()).hasSize(4);
    Path folder = reports.resolve("dev.example.TodoGateIT.todos");
    for (String file : List.of("report.json", "report.md", "report.html")) {
      assertThat(Files.readString(folder.resolve(file))).as(file)
          .doesNotContain(NotesHttp.PASSWORD)
          .doesNotContain(NotesHttp.API_KEY)
          .doesNotContain("PLANTED-PROPERTY-SECRET");
    }
    JsonNode root = JSON.readTree(folder.resolve("report.json").toFile());
    JsonNode login = root.path("steps").get(0).path("exchanges").get(0);
    assertThat(login.path("method").asText()).isEqualTo("POST");
    assertThat(login.path("status").asInt()).isEqualTo(200);
    assertThat(login.path("requestBody").asText()).contains("\"password\":\"[redacted: 24 chars]\"");
    assertThat(login.path("requestHeaders").path("X-Api-Key").get(0).asText())
        .isEqualTo("[redacted: 20 chars]");
    assertThat(root.path("environment").path("tollgateProperties").path("tollgate.external.jdbc-password")
        .asText()).isEqualTo("[redacted: 23 chars]");
    JsonNode lastDelete = root.path("steps").get(3).path("exchanges").get(0);
    assertThat(lastDelete.path("status").asInt()).isEqualTo(500);
  }

  @Test
  void http_report_holds_a_restassured_test_that_reuses_the_returned_id() throws Exception {
    try (NotesHttp notes = new NotesHttp(true)) {
      catchThrowableOfType(ModelCheckFailure.class,
          () -> runner().seed(5).check(NotesHttp.model(), notes));
    }

    String test = JSON.readTree(reports.resolve("dev.example.TodoGateIT.todos/report.json").toFile())
        .path("generatedTest").asText();
    assertThat(test)
        .contains("import static io.restassured.RestAssured.given;")
        .contains("RestAssured.baseURI = \"http://127.0.0.1:")
        .contains("void replays_postcondition_of_delete_note() {")
        .contains(".post(\"/login\")")
        .contains("Object note2 =")
        .contains(".statusCode(201)\n            .extract().path(\"id\");")
        .contains(".delete(\"/notes/\" + note2)")
        // The failing step asserts what the model expected, not what the bug answered.
        .contains(".statusCode(404); // the model expected 404; the build under test answered 500")
        .doesNotContain(".statusCode(500)")
        .contains(".header(\"X-Api-Key\", \"[redacted: 20 chars]\") // redacted: fill in");
    assertThat(test.indexOf(".statusCode(204)")).isLessThan(test.indexOf(".statusCode(404)"));
  }

  @Test
  void in_process_steps_become_a_commented_outline() throws Exception {
    deleteTwice(7);

    String test = JSON.readTree(reports.resolve("dev.example.TodoGateIT.todos/report.json").toFile())
        .path("generatedTest").asText();
    assertThat(test).contains("// 1. user1 login()")
        .contains("// (ran in process, no HTTP exchange recorded: call it here)")
        .contains("<-- failed: postcondition of delete_todo")
        .doesNotContain("given()");
  }

  @Test
  void html_is_self_contained_with_diagram_and_collapsible_steps() throws Exception {
    deleteTwice(7);

    String html = Files.readString(reports.resolve("dev.example.TodoGateIT.todos/report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<details>")
        .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("@import");
    // The only script element is Tollgate's own, at the end.
    assertThat(html.split("<script>", -1)).hasSize(2);
  }
}
