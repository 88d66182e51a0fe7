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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration compatibility as a gate step. During a rolling deploy the previous release still runs
 * on the schema the next release migrated to, so release 1 (the app's jar now) runs its own model
 * on a database that release 2 migrated, and the gate rules on that run. Release 2 comes as two
 * jars: one with an additive migration (a nullable column, which its build uses), which the gate
 * lets through, and one with a destructive one (a renamed column), which it blocks, naming the
 * migration and the first command that broke. The runs say what they are with {@code
 * runner.onMigratedSchema(..)}, and the gate gives them a rule of their own in gate.md, beside its
 * check of the migration's SQL.
 *
 * <p>The runs write their reports into their own folders, not the build's, so the main gate over
 * {@code examples/todo-gate} does not see the planted destructive failure.
 */
class MigrationCompatibilityIT {
  static final Path RELEASE_2 = Path.of("../todo-app/target/todo-app-2.jar");
  static final Path RELEASE_2_DESTRUCTIVE = Path.of("../todo-app/target/todo-app-2-destructive.jar");
  /** Each jar's migrations after release 1's, for the gate's SQL check beside the run. */
  static final Path MIGRATIONS = Path.of("../todo-app/src/main/resources/db");
  /** A few programs: each costs what a program of the main gate costs, and the main gate runs 200. */
  static final int TRIES = 25;

  @TempDir Path gates;

  @Test
  void the_previous_release_runs_on_the_additive_migration_and_the_gate_lets_it_through(TestInfo test)
      throws Exception {
    GateStep step = check(RELEASE_2, "release2", gates.resolve("additive"), test);

    assertThat(step.migrations()).isEqualTo("V2__add_todo_note.sql");
    assertThat(step.failure()).as("release 1 on the additive schema").isNull();
    assertThat(step.exitCode()).as(step.gateMd()).isZero();
    assertThat(step.gateMd()).contains("the build may be deployed")
        .contains("## ✅ The previous release works on the migrated schema")
        .contains("| ✅ | `V2__add_todo_note.sql` | release 1's model passed " + TRIES
            + " programs on the schema migrated by `V2__add_todo_note.sql` |")
        .contains("| ✅ | `V2__add_todo_note.sql` | additive (1 statements) |");
  }

  @Test
  void the_previous_release_fails_on_the_destructive_migration_and_the_gate_blocks_naming_it(TestInfo test)
      throws Exception {
    GateStep step = check(RELEASE_2_DESTRUCTIVE, "release2-destructive", gates.resolve("destructive"), test);

    assertThat(step.migrations()).isEqualTo("V2__rename_todo_title_to_text.sql");
    assertThat(step.failure()).as("release 1 on the renamed column").isInstanceOf(ModelCheckFailure.class);
    ModelCheckFailure failure = (ModelCheckFailure) step.failure();
    // Release 1 asks for todos.title, which is gone: its first todo command answers 500.
    assertThat(failure.getMessage()).contains("release 1 on the schema after V2__rename_todo_title_to_text.sql")
        .contains("500");
    assertThat(step.exitCode()).as(step.gateMd()).isEqualTo(1);
    assertThat(step.gateMd()).contains("rules block the deploy")
        .contains("## ⛔ The previous release works on the migrated schema")
        .containsPattern("\\| ⛔ \\| `V2__rename_todo_title_to_text.sql` \\| release 1's model fails on the"
            + " schema after `V2__rename_todo_title_to_text.sql`: step \\d+ \\(`add_todo`\\) failed its"
            + " postcondition: expected 201 but was 500\\. Fix: make the migration additive")
        // The SQL check says the same from the script's text.
        .contains("| ⛔ | `V2__rename_todo_title_to_text.sql` | statement 1 `ALTER TABLE todos RENAME COLUMN"
            + " title TO text` renames column todos.title");
  }

  /**
   * One gate step: migrate with {@code nextRelease}, run release 1's model, rule on the result and
   * on the SQL of {@code migrations} (a folder of {@link #MIGRATIONS}).
   */
  private static GateStep check(Path nextRelease, String migrations, Path folder, TestInfo test)
      throws Exception {
    App next = App.jar(nextRelease)
        .env("STAFF_USERS", TodoGateModel.STAFF_NAMES)
        .readyWhen("/health")
        .startTimeout(Duration.ofSeconds(60));
    String applied;
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
      TodoApp.warmUp(environment);
      applied = String.join(", ", environment.migrations());
      String what = "release 1 on the schema after " + applied;
      failure = catchThrowable(() -> Tollgate.runner()
          .users(2)
          .tries(TRIES)
          .seed(1)
          .withoutCorpus()
          .reportDir(folder.resolve("target").resolve("tollgate"))
          .test(MigrationCompatibilityIT.class.getName(), test.getTestMethod().orElseThrow().getName())
          .onMigratedSchema("release 1", environment.migrations())
          .check(TodoGateModel.builder("todo-app " + what, TodoApp.setup(environment)).build(),
              TodoApp.system(environment)));
    }
    // Latency is the main gate's to judge: a few programs on a loaded machine cannot.
    Files.createDirectories(folder);
    Path config = Files.writeString(folder.resolve("tollgate-gate.properties"), String.join("\n",
        "slo.minCalls=1000000",
        "migrations.dir=" + MIGRATIONS.resolve(migrations).toAbsolutePath().normalize().toString()
            .replace('\\', '/'),
        "migrations.lastReleasedVersion=1", ""));
    Path gateMd = folder.resolve("gate.md");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    int exit = Gate.run(new String[] {"--reports", folder.toString(), "--config", config.toString(),
        "--out", gateMd.toString()},
        Map.of(), out, out);
    String summary = Files.isRegularFile(gateMd)
        ? Files.readString(gateMd) : console.toString(StandardCharsets.UTF_8);
    return new GateStep(applied, failure, exit, summary);
  }

  record GateStep(String migrations, Throwable failure, int exitCode, String gateMd) {}
}
