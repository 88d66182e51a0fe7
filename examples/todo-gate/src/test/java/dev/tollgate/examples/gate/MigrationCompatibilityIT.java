package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.gate.Gate;
import dev.tollgate.runner.ModelCheckFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration compatibility as a gate step. During a rolling deploy the previous release still runs
 * on the schema the next release migrated to, so release 1 (the app's jar now) runs its own model
 * on a database that release 2 migrated, and the gate rules on that run. Release 2 comes as two
 * jars: one with an additive migration (a nullable column, which its build uses), which the gate
 * lets through, and one with a destructive one (a renamed column), which it blocks, naming the
 * migration and the first command that broke.
 *
 * <p>The runs write their reports into their own folders, not the build's, so the main gate over
 * {@code examples/todo-gate} does not see the planted destructive failure.
 */
class MigrationCompatibilityIT {
  static final Path RELEASE_2 = Path.of("../todo-app/target/todo-app-2.jar");
  static final Path RELEASE_2_DESTRUCTIVE = Path.of("../todo-app/target/todo-app-2-destructive.jar");
  /** A few programs: each costs what a program of the main gate costs, and the main gate runs 200. */
  static final int TRIES = 25;

  @TempDir Path gates;

  @Test
  void the_previous_release_runs_on_the_additive_migration_and_the_gate_lets_it_through()
      throws Exception {
    GateStep step = check(RELEASE_2, gates.resolve("additive"));

    assertThat(step.migrations()).isEqualTo("V2__add_todo_note.sql");
    assertThat(step.failure()).as("release 1 on the additive schema").isNull();
    assertThat(step.exitCode()).as(step.gateMd()).isZero();
    assertThat(step.gateMd()).contains("the build may be deployed");
  }

  @Test
  void the_previous_release_fails_on_the_destructive_migration_and_the_gate_blocks_naming_it()
      throws Exception {
    GateStep step = check(RELEASE_2_DESTRUCTIVE, gates.resolve("destructive"));

    assertThat(step.migrations()).isEqualTo("V2__rename_todo_title_to_text.sql");
    assertThat(step.failure()).as("release 1 on the renamed column").isInstanceOf(ModelCheckFailure.class);
    ModelCheckFailure failure = (ModelCheckFailure) step.failure();
    // Release 1 asks for todos.title, which is gone: its first todo command answers 500.
    assertThat(failure.getMessage()).contains("release 1 on the schema after V2__rename_todo_title_to_text.sql")
        .contains("500");
    assertThat(step.exitCode()).as(step.gateMd()).isEqualTo(1);
    assertThat(step.gateMd()).contains("block the deploy")
        .contains("release_1_on_the_schema_after_V2__rename_todo_title_to_text.sql")
        .contains("failed its");
  }

  /** One gate step: migrate with {@code nextRelease}, run release 1's model, rule on the result. */
  private static GateStep check(Path nextRelease, Path folder) throws Exception {
    App next = App.jar(nextRelease)
        .env("STAFF_USERS", TodoGateModel.STAFF_NAMES)
        .readyWhen("/health")
        .startTimeout(Duration.ofSeconds(60));
    String migrations;
    Throwable failure;
    try (Environment environment = Environments.builder()
        .app(TodoApp.app(""))
        .migratedBy(next)
        .postgres()
        .stub("notifier")
        .stub("flags")
        .kind(EnvironmentKind.LOCAL)
        .build()
        .start()) {
      migrations = String.join(", ", environment.migrations());
      String what = "release 1 on the schema after " + migrations;
      failure = catchThrowable(() -> Tollgate.runner()
          .users(2)
          .tries(TRIES)
          .seed(1)
          .withoutCorpus()
          .reportDir(folder.resolve("target").resolve("tollgate"))
          .test(MigrationCompatibilityIT.class.getName(), what.replace(' ', '_'))
          .check(TodoGateModel.builder("todo-app " + what, TodoApp.setup(environment)).build(),
              TodoApp.system(environment)));
    }
    Path gateMd = folder.resolve("gate.md");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    int exit = Gate.run(new String[] {"--reports", folder.toString(), "--out", gateMd.toString()},
        Map.of(), out, out);
    String summary = Files.isRegularFile(gateMd)
        ? Files.readString(gateMd) : console.toString(StandardCharsets.UTF_8);
    return new GateStep(migrations, failure, exit, summary);
  }

  record GateStep(String migrations, Throwable failure, int exitCode, String gateMd) {}
}
