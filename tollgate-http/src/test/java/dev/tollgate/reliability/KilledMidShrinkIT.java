package dev.tollgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.runner.ModelCheckFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL while it shrinks loses nothing: the best counterexample so far is on
 * disk, the report does not claim an earlier pass, and the next run replays the entry first.
 */
@ExtendWith(RestoreTollgateProperties.class)
class KilledMidShrinkIT {
  private static final long BOUND_MS = 120_000;

  @TempDir Path work;

  @Test
  void a_run_killed_mid_shrink_leaves_its_best_counterexample_which_the_next_run_replays_first()
      throws Exception {
    Path corpus = work.resolve("corpus");
    Path reports = work.resolve("reports");
    Path out = work.resolve("stdout.txt");
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        SlowShrinkMain.class.getName(), corpus.toString(), reports.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    String firstEntry;
    try {
      long deadline = System.currentTimeMillis() + BOUND_MS;
      // Wait until it is shrinking and has saved an entry, then for one rewrite of it (a shrink
      // step accepted), so what is on disk is better than what was found.
      while (System.currentTimeMillis() < deadline && entries(corpus).isEmpty()) {
        assertThat(jvm.isAlive()).as("the check still runs: %s", read(out)).isTrue();
        Thread.sleep(100);
      }
      assertThat(entries(corpus)).as("an entry saved within the bound: %s", read(out)).hasSize(1);
      firstEntry = Files.readString(entries(corpus).get(0));
      while (System.currentTimeMillis() < deadline && jvm.isAlive()
          && Files.readString(entries(corpus).get(0)).equals(firstEntry)) {
        Thread.sleep(100);
      }
      assertThat(jvm.isAlive()).as("still shrinking when killed: %s", read(out)).isTrue();
      jvm.destroyForcibly();
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      jvm.destroyForcibly();
    }
    assertThat(read(out)).contains(" failed: ").contains("-Dtollgate.replay=")
        .doesNotContain("the check ended before it was killed");

    List<Path> left = entries(corpus);
    assertThat(left).hasSize(1);
    String saved = Files.readString(left.get(0));
    assertThat(saved).isNotEqualTo(firstEntry).contains("shrinking");
    assertThat(steps(saved)).as("smaller than what was found").isLessThan(steps(firstEntry));
    try (Stream<Path> files = Files.walk(reports)) {
      Path json = files.filter(f -> f.getFileName().toString().equals("report.json")).findFirst()
          .orElseThrow();
      assertThat(new ObjectMapper().readTree(json.toFile()).path("status").asText())
          .isEqualTo("running");
    }

    System.setProperty("tollgate.corpus", corpus.toString());
    System.setProperty("tollgate.reportDir", reports.toString());
    List<String> lines = new ArrayList<>();
    ModelCheckFailure again = catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().seed(12345).test("dev.example.TodosIT", "todos")
            .reporter(lines::add).check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE)));
    assertThat(again.getMessage()).contains("Replayed corpus entry " + left.get(0).getFileName()
        + " from the regression corpus").contains("before any random try");
  }

  private static List<Path> entries(Path corpus) {
    if (!Files.isDirectory(corpus)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(corpus)) {
      return files.filter(f -> f.toString().endsWith(".tollgate")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long steps(String entry) {
    return entry.lines().filter(l -> l.matches("#\\s+\\d+\\. .*")).count();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
