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
import dev.tollgate.model.User;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The regression corpus (saved, replayed first, kept when fixed) and flaky classification. */
@ExtendWith(RestoreTollgateProperties.class)
class CorpusAndFlakyTest {
  @TempDir Path reports;
  @TempDir Path corpus;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void useTheTemporaryCorpusAndReportFolder() {
    // The build switches the corpus off for the engine's tests; these tests need it on.
    System.setProperty("tollgate.corpus", corpus.toString());
    System.setProperty("tollgate.reportDir", reports.toString());
  }

  private Runner runner() {
    return Tollgate.runner().reporter(lines::add)
        .test("dev.example.NotesGateIT", "notes");
  }

  private Path onlyEntry() throws Exception {
    try (Stream<Path> files = Files.list(corpus.resolve("dev.example.NotesGateIT.notes"))) {
      List<Path> entries = files.toList();
      assertThat(entries).hasSize(1);
      return entries.get(0);
    }
  }

  @Test
  void failure_is_saved_to_the_corpus_with_its_token_and_description() throws Exception {
    ModelCheckFailure failure;
    try (NotesHttp buggy = new NotesHttp(true)) {
      failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> runner().seed(5).check(NotesHttp.model(), buggy));
    }

    Path entry = onlyEntry();
    assertThat(entry.getFileName().toString()).startsWith("postcondition-of-delete-note-")
        .endsWith(".tollgate");
    assertThat(Files.readString(entry))
        .contains("# failed: postcondition of delete_note at step 4: expected 404 but was 500")
        .contains("#   4. user1 delete_note(note#2)")
        .contains("replay=" + failure.replayToken() + "\n");
  }

  @Test
  void next_run_replays_the_corpus_entry_before_any_random_try() throws Exception {
    try (NotesHttp buggy = new NotesHttp(true)) {
      catchThrowableOfType(ModelCheckFailure.class,
          () -> runner().seed(5).check(NotesHttp.model(), buggy));
    }

    ModelCheckFailure again;
    try (NotesHttp buggy = new NotesHttp(true)) {
      again = catchThrowableOfType(ModelCheckFailure.class,
          () -> runner().seed(1234).check(NotesHttp.model(), buggy));
      // One corpus program, then the reruns of it (ten reproductions: deterministic): no random
      // program ran.
      assertThat(buggy.log().stream().filter("reset"::equals).count()).isEqualTo(1 + 10);
    }
    assertThat(again.getMessage()).contains("Replayed corpus entry " + onlyEntry().getFileName()
        + " from the regression corpus (4 steps), before any random try.");
    assertThat(again.shrinkRuns()).isZero();
    assertThat(onlyEntry()).exists();
  }

  @Test
  void fixed_system_passes_its_corpus_entry_which_stays_and_runs_first() throws Exception {
    List<String> failingRequests;
    try (NotesHttp buggy = new NotesHttp(true)) {
      catchThrowableOfType(ModelCheckFailure.class,
          () -> runner().seed(5).check(NotesHttp.model(), buggy));
    }
    JsonNode failed = new ObjectMapper().readTree(
        reports.resolve("dev.example.NotesGateIT.notes/report.json").toFile());
    failingRequests = failed.path("steps").findValues("exchanges").stream()
        .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
        .map(e -> e.path("method").asText() + " "
            + java.net.URI.create(e.path("target").asText()).getPath())
        .toList();

    RunSummary summary;
    List<String> log;
    try (NotesHttp fixed = new NotesHttp(false)) {
      summary = runner().seed(77).tries(5).check(NotesHttp.model(), fixed);
      log = fixed.log();
    }

    String entry = onlyEntry().getFileName().toString();
    assertThat(summary.corpus()).containsExactly(entry + ": passed");
    assertThat(summary.programs()).isEqualTo(1 + 5);
    int secondReset = log.subList(1, log.size()).indexOf("reset") + 1;
    assertThat(log.subList(1, secondReset)).containsExactlyElementsOf(failingRequests);
    assertThat(lines).anyMatch(l -> l.contains("replayed 1 corpus entry") && l.contains("all passed"));
    JsonNode passed = new ObjectMapper().readTree(
        reports.resolve("dev.example.NotesGateIT.notes/report.json").toFile());
    assertThat(passed.path("status").asText()).isEqualTo("passed");
    assertThat(passed.path("corpus").get(0).path("outcome").asText()).isEqualTo("passed");
  }

  @Test
  void corpus_entry_of_another_model_is_ignored_with_a_note() throws Exception {
    try (NotesHttp buggy = new NotesHttp(true)) {
      catchThrowableOfType(ModelCheckFailure.class,
          () -> runner().seed(5).check(NotesHttp.model(), buggy));
    }

    RunSummary summary = runner().seed(3).tries(4).check(TodoModel.model(), TodoSystem.correct());

    assertThat(summary.corpus()).containsExactly(onlyEntry().getFileName() + ": ignored");
    assertThat(summary.programs()).isEqualTo(4);
    assertThat(lines).anyMatch(l -> l.startsWith("Tollgate: ignored corpus entry ")
        && l.contains("belongs to another model"));
  }

  /** Has the planted bug on the resets {@code buggy} picks (counted from 1), is correct on the rest. */
  static final class SwitchingBuggy implements SystemUnderTest<TodoSystem.Client> {
    private final TodoSystem buggy = TodoSystem.with(Bug.DOUBLE_VOTE);
    private final TodoSystem correct = TodoSystem.correct();
    private final IntPredicate buggyOn;
    private TodoSystem current = correct;
    private int resets;

    SwitchingBuggy(IntPredicate buggyOn) {
      this.buggyOn = buggyOn;
    }

    @Override
    public void reset() {
      current = buggyOn.test(++resets) ? buggy : correct;
      current.reset();
    }

    @Override
    public TodoSystem.Client client(User user) {
      return current.client(user);
    }
  }

  /** Fails only on every other program: the planted bug is there on even resets only. */
  private static SwitchingBuggy sometimesBuggy() {
    return new SwitchingBuggy(reset -> reset % 2 == 0);
  }

  @Test
  void failure_that_shows_only_sometimes_is_classified_flaky() throws Exception {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().withoutCorpus().seed(2).flakyReruns(4)
            .check(TodoModel.model(), sometimesBuggy()));

    assertThat(failure.flakiness()).isEqualTo("flaky: reproduced 2 of 4");
    assertThat(failure.getMessage()).contains("Classified: flaky: reproduced 2 of 4");
    JsonNode root = new ObjectMapper().readTree(
        reports.resolve("dev.example.NotesGateIT.notes/report.json").toFile());
    assertThat(root.path("flaky").path("classification").asText())
        .isEqualTo("flaky: reproduced 2 of 4");
    assertThat(root.path("flaky").path("reproduced").asInt()).isEqualTo(2);
  }

  @Test
  void failure_that_shows_every_time_is_classified_deterministic() {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().withoutCorpus().seed(2)
            .check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE)));

    assertThat(failure.flakiness()).isEqualTo("deterministic");
  }

  @Test
  void fewer_reruns_than_ten_say_the_failure_is_deterministic_only_as_far_as_they_show() {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().withoutCorpus().seed(2).flakyReruns(5)
            .check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE)));

    assertThat(failure.flakiness()).isEqualTo("deterministic as far as 5 reruns show"
        + " (tollgate.flakyReruns=5; 10 in a row rule out a failure that shows half the time)");
  }

  @Test
  void flaky_failure_is_saved_to_the_corpus_marked_flaky() throws Exception {
    catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(2).check(TodoModel.model(), sometimesBuggy()));

    assertThat(Files.readString(onlyEntry())).contains("# classified: flaky: reproduced 10 of 20\n");
  }

  @Test
  void flaky_entry_that_passes_every_replay_is_reported_as_flaky_entry_passed() throws Exception {
    catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(2).check(TodoModel.model(), sometimesBuggy()));
    String entry = onlyEntry().getFileName().toString();

    RunSummary summary = runner().seed(9).tries(3).check(TodoModel.model(), TodoSystem.correct());

    // Saved at 10 of 20: 5 replays, since a half-time bug passes all 5 once in 32 runs.
    assertThat(summary.corpus()).containsExactly(entry + ": flaky entry passed");
    assertThat(summary.programs()).isEqualTo(5 + 3);
    assertThat(lines).anyMatch(l -> l.contains("all passed; flaky entry passed: " + entry));
    JsonNode outcome = new ObjectMapper().readTree(
        reports.resolve("dev.example.NotesGateIT.notes/report.json").toFile()).path("corpus").get(0);
    assertThat(outcome.path("outcome").asText()).isEqualTo("flaky entry passed");
    assertThat(outcome.path("note").asText()).contains("saved as flaky (failed 10 of 20 reruns")
        .contains("passed all 5 replays");
    assertThat(onlyEntry()).exists();
  }

  @Test
  void flaky_entry_whose_bug_is_still_there_fails_the_run_even_when_its_first_replays_pass()
      throws Exception {
    catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(2).check(TodoModel.model(), sometimesBuggy()));
    String entry = onlyEntry().getFileName().toString();

    ModelCheckFailure again = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner().seed(9).tries(3).check(TodoModel.model(), new SwitchingBuggy(reset -> reset > 3)));

    assertThat(again).isNotNull();
    assertThat(again.getMessage()).contains("Replayed corpus entry " + entry);
    JsonNode outcome = new ObjectMapper().readTree(
        reports.resolve("dev.example.NotesGateIT.notes/report.json").toFile()).path("corpus").get(0);
    assertThat(outcome.path("outcome").asText()).isEqualTo("failed");
    assertThat(outcome.path("note").asText()).endsWith("; failed on replay 4 of up to 5");
  }
}
