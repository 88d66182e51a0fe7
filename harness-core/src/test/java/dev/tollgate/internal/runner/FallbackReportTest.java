package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.SystemUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A failure whose reports cannot be built still leaves report.txt, a corpus entry and the failure. */
@ExtendWith(RestoreTollgateProperties.class)
class FallbackReportTest {
  @TempDir Path reports;
  @TempDir Path corpus;
  private final List<String> lines = new ArrayList<>();

  /** A model state whose text may break: every report shows the model state, so every report fails. */
  record Count(int n, boolean broken) {
    @Override
    public String toString() {
      if (broken) {
        throw new IllegalStateException("the model state cannot be shown");
      }
      return "Count" + n;
    }
  }

  private static final SystemUnderTest<Object> IN_PROCESS = new SystemUnderTest<>() {
    @Override
    public void reset() {}

    @Override
    public Object client(User user) {
      return new Object();
    }
  };

  /** The bug: a third bump is refused. */
  private static Model<Count, Object> model(boolean broken) {
    return Model.<Count, Object>define("bumps", Object.class, () -> new Count(0, broken))
        .command("bump", c -> c
            .run((client, none) -> "ok")
            .expect((count, call, response) -> {
              if (count.n() >= 2) {
                throw new AssertionError("the third bump was refused");
              }
            })
            .update((count, call) -> new Count(count.n() + 1, count.broken())))
        .build();
  }

  @BeforeEach
  void useTheTemporaryFolders() {
    System.setProperty("tollgate.reportDir", reports.toString());
    System.setProperty("tollgate.corpus", corpus.toString());
  }

  @Test
  void reporting_error_falls_back_to_report_txt_with_steps_seed_and_replay_and_still_throws_the_failure()
      throws Exception {
    Throwable thrown = catchThrowable(() -> Tollgate.runner().reporter(lines::add).seed(5)
        .maxSteps(6).check(model(true), IN_PROCESS));

    assertThat(thrown).isInstanceOf(ModelCheckFailure.class);
    ModelCheckFailure failure = (ModelCheckFailure) thrown;
    assertThat(failure.getSuppressed()).singleElement().satisfies(e ->
        assertThat(e).hasMessage("the model state cannot be shown"));
    assertThat(failure.steps()).containsExactly("user1 bump()", "user1 bump()", "user1 bump()");
    String folder = "dev.tollgate.internal.runner.FallbackReportTest"
        + ".reporting_error_falls_back_to_report_txt_with_steps_seed_and_replay_and_still_throws_the_failure";
    Path txt = reports.resolve(folder).resolve("report.txt");
    assertThat(Files.readString(txt))
        .contains("failed: postcondition of bump at step 3")
        .contains("Steps:\n  1. user1 bump()\n  2. user1 bump()\n  3. user1 bump()\n")
        .contains("Seed: 5 ")
        .contains("Replay token: " + failure.replayToken() + "\n")
        .contains("-Dtollgate.replay=" + failure.replayToken())
        .contains("could not be built: java.lang.IllegalStateException: the model state cannot be shown");
    assertThat(Files.readString(reports.resolve(folder).resolve("report.json")))
        .contains("\"status\": \"failed\"").contains("\"fallback\": \"report.txt\"");
    assertThat(lines).anyMatch(l -> l.contains("building the reports failed")
        && l.contains("report.txt"));
    try (Stream<Path> entries = Files.list(corpus.resolve(folder))) {
      assertThat(entries.toList()).singleElement().satisfies(entry ->
          assertThat(Files.readString(entry)).contains("replay=" + failure.replayToken() + "\n"));
    }
  }

  @Test
  void report_folder_that_cannot_be_written_prints_the_plain_text_failure_on_the_console()
      throws Exception {
    Path notAFolder = Files.writeString(reports.resolve("not-a-folder"), "a file");
    System.setProperty("tollgate.reportDir", notAFolder.toString());

    Throwable thrown = catchThrowable(() -> Tollgate.runner().reporter(lines::add).seed(5)
        .maxSteps(6).check(model(false), IN_PROCESS));

    assertThat(thrown).isInstanceOf(ModelCheckFailure.class);
    String token = ((ModelCheckFailure) thrown).replayToken();
    assertThat(lines).anyMatch(l -> l.contains("building the reports failed")
        && l.contains("here it is in plain text:")
        && l.contains("Steps:\n  1. user1 bump()\n") && l.contains("Seed: 5 ")
        && l.contains("Replay token: " + token + "\n"));
  }
}
