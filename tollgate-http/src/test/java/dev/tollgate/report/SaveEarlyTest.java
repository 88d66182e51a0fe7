package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.model.User;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure is printed and saved as soon as it is found, and again as shrinking makes it smaller,
 * and the reports say "running" while the check runs: so a run killed mid-shrink loses nothing.
 */
@ExtendWith(RestoreTollgateProperties.class)
class SaveEarlyTest {
  private static final Pattern TOKEN = Pattern.compile("-Dtollgate\\.replay=(\\S+)");
  private static final Pattern STEPS = Pattern.compile("(?m)^#   \\d+\\. ");

  @TempDir Path reports;
  @TempDir Path corpus;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void useTheTemporaryCorpusAndReportFolder() {
    System.setProperty("tollgate.corpus", corpus.toString());
    System.setProperty("tollgate.reportDir", reports.toString());
  }

  private Runner runner() {
    return Tollgate.runner().reporter(lines::add).test("dev.example.TodosIT", "todos");
  }

  private Path folder() {
    return corpus.resolve("dev.example.TodosIT.todos");
  }

  /** The corpus entries' texts as they are now. */
  private List<String> entries() {
    if (!Files.isDirectory(folder())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder())) {
      List<String> texts = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".tollgate")).sorted().toList()) {
        texts.add(Files.readString(file));
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A buggy todo system that runs {@code onReset} before each program, to look at the files. */
  private static final class Watched implements SystemUnderTest<TodoSystem.Client> {
    private final TodoSystem system = TodoSystem.with(Bug.DOUBLE_VOTE);
    private final Runnable onReset;

    Watched(Runnable onReset) {
      this.onReset = onReset;
    }

    @Override
    public void reset() {
      onReset.run();
      system.reset();
    }

    @Override
    public TodoSystem.Client client(User user) {
      return system.client(user);
    }
  }

  @Test
  void failing_try_prints_its_seed_and_replay_line_before_shrinking_starts() {
    int[] resets = {0};
    int[] resetsWhenPrinted = {-1};
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().seed(11).withoutCorpus().test("dev.example.TodosIT", "todos")
            .reporter(line -> {
              lines.add(line);
              if (line.contains(" failed: ")) {
                resetsWhenPrinted[0] = resets[0];
              }
            })
            .check(TodoModel.model(), new Watched(() -> resets[0]++)));

    assertThat(failure.shrinkRuns()).isPositive();
    assertThat(resetsWhenPrinted[0]).isEqualTo(failure.programsRun());
    String line = lines.stream().filter(l -> l.contains(" failed: ")).findFirst().orElseThrow();
    assertThat(line).startsWith("Tollgate: model 'todos': try " + failure.tryNumber() + " of 200"
            + " failed: " + failure.check() + " at step ")
        // The rest of the replay line carries this build's own flags (-o, -D...): see ReplayLineTest.
        .contains("(seed 11). Shrinking it now; to replay the unshrunk program: mvn verify ")
        .contains(" -Dit.test='TodosIT#todos'");

    Matcher token = TOKEN.matcher(line);
    assertThat(token.find()).isTrue();
    System.setProperty("tollgate.replay", token.group(1));
    ModelCheckFailure replayed = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().withoutCorpus().check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE)));
    assertThat(replayed.check()).isEqualTo(failure.check());
    assertThat(replayed.failedStep()).isEqualTo(failure.originalSteps());
    assertThat(replayed.steps().size()).isGreaterThan(failure.steps().size());
  }

  @Test
  void corpus_entry_is_saved_before_shrinking_and_rewritten_as_it_shrinks() {
    List<List<String>> seen = new ArrayList<>();
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(11).check(TodoModel.model(), new Watched(() -> seen.add(entries()))));

    // Before the failing try nothing is saved; from the first shrink run on, one entry is.
    List<List<String>> duringShrink = seen.subList(failure.programsRun(), seen.size());
    assertThat(seen.get(failure.programsRun() - 1)).isEmpty();
    assertThat(duringShrink).isNotEmpty().allSatisfy(entries -> assertThat(entries).hasSize(1));
    String first = duringShrink.get(0).get(0);
    assertThat(first).contains("# classified: not yet: found by try " + failure.tryNumber()
        + " of 200; shrinking (the unshrunk program)");
    assertThat(steps(first)).isEqualTo(failure.originalSteps());
    // Each accepted shrink step rewrites it: it only gets shorter, and gets as short as the end.
    List<Integer> lengths = duringShrink.stream().map(e -> steps(e.get(0))).toList();
    assertThat(lengths).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(lengths.get(lengths.size() - 1)).isLessThan(failure.originalSteps());
    assertThat(duringShrink.get(duringShrink.size() - 1).get(0))
        .contains("shrinking (best so far, after ");

    // At the end the classified entry replaces the one saved while shrinking.
    assertThat(entries()).singleElement().satisfies(entry -> {
      assertThat(entry).contains("# classified: deterministic")
          .contains("replay=" + failure.replayToken() + "\n");
      assertThat(steps(entry)).isEqualTo(failure.steps().size());
    });
  }

  private static int steps(String entry) {
    return (int) STEPS.matcher(entry).results().count();
  }

  @Test
  void reports_say_running_while_a_check_runs_even_after_an_earlier_pass() throws Exception {
    runner().seed(3).tries(5).check(TodoModel.model(), TodoSystem.correct());
    Path json = reports.resolve("dev.example.TodosIT.todos/report.json");
    Path md = reports.resolve("dev.example.TodosIT.todos/report.md");
    assertThat(status(json)).isEqualTo("passed");

    List<String> statuses = new ArrayList<>();
    List<String> markdown = new ArrayList<>();
    List<Boolean> html = new ArrayList<>();
    catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(11).check(TodoModel.model(), new Watched(() -> {
          try {
            statuses.add(status(json));
            markdown.add(Files.readString(md));
            html.add(Files.exists(md.resolveSibling("report.html")));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })));

    assertThat(statuses).isNotEmpty().containsOnly("running");
    assertThat(markdown.get(0)).contains("**Run in progress** (seed 11)");
    assertThat(markdown.get(markdown.size() - 1)).contains("failed: ")
        .contains("Shrinking it now; to replay the unshrunk program");
    assertThat(html).containsOnly(false);
    assertThat(status(json)).isEqualTo("failed");
  }

  private static String status(Path json) throws IOException {
    return new ObjectMapper().readTree(json.toFile()).path("status").asText();
  }
}
