package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Adaptive reruns: a half-time bug is called flaky, with its rate; an always-bug deterministic. */
@ExtendWith(RestoreTollgateProperties.class)
class FlakyRateTest {
  @TempDir Path reports;

  /** The planted bug is there on each reset with probability 0.5, drawn from a seeded random. */
  static final class HalfTheTimeBuggy implements SystemUnderTest<TodoSystem.Client> {
    private final TodoSystem buggy = TodoSystem.with(Bug.DOUBLE_VOTE);
    private final TodoSystem correct = TodoSystem.correct();
    private final SplittableRandom random;
    private TodoSystem current = correct;

    HalfTheTimeBuggy(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public void reset() {
      current = random.nextBoolean() ? buggy : correct;
      current.reset();
    }

    @Override
    public TodoSystem.Client client(User user) {
      return current.client(user);
    }
  }

  private Runner runner(long seed) {
    return Tollgate.runner().withoutCorpus().reporter(line -> {}).seed(seed).shrinkRuns(40);
  }

  @BeforeEach
  void writeReportsToTheTemporaryFolder() {
    // The build points the engine's tests at one shared folder, and a property wins over code.
    System.setProperty("tollgate.reportDir", reports.toString());
  }

  @Test
  void half_time_bug_is_classified_flaky_in_at_least_39_of_40_runs() {
    List<String> classifications = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      long s = seed;
      ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> runner(s).check(TodoModel.model(), new HalfTheTimeBuggy(s * 7919)));
      assertThat(failure).as("seed %d found the bug", seed).isNotNull();
      classifications.add(failure.flakiness());
    }

    // With three fixed reruns, one run in eight was called deterministic (0.5^3).
    assertThat(classifications.stream().filter(c -> c.startsWith("flaky: reproduced ")).count())
        .as("classifications: %s", classifications)
        .isGreaterThanOrEqualTo(39);
  }

  @Test
  void always_bug_is_deterministic_after_ten_reruns_and_reports_its_rate() throws Exception {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner(2).check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE)));

    assertThat(failure.flakiness()).isEqualTo("deterministic");
    assertThat(failure.getMessage()).contains("Classified: deterministic; failed 10 of 10 reruns:"
        + " rate 100%, 95% interval 72%-100% (Wilson score)");
    JsonNode flaky = report().path("flaky");
    assertThat(flaky.path("kind").asText()).isEqualTo("deterministic");
    assertThat(flaky.path("reruns").asInt()).isEqualTo(10);
    assertThat(flaky.path("rate").asDouble()).isEqualTo(1.0);
    assertThat(flaky.path("interval95").path("low").asDouble()).isBetween(0.72, 0.73);
    assertThat(flaky.path("interval95").path("high").asDouble()).isEqualTo(1.0);
  }

  @Test
  void flaky_failure_uses_every_rerun_and_the_reports_give_rate_and_interval() throws Exception {
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> runner(3).check(TodoModel.model(), new HalfTheTimeBuggy(11)));

    assertThat(failure.flakiness()).startsWith("flaky: reproduced ").endsWith(" of 20");
    JsonNode flaky = report().path("flaky");
    int reproduced = flaky.path("reproduced").asInt();
    assertThat(flaky.path("kind").asText()).isEqualTo("flaky");
    assertThat(flaky.path("reruns").asInt()).isEqualTo(20);
    assertThat(flaky.path("rate").asDouble()).isEqualTo(reproduced / 20.0);
    assertThat(flaky.path("interval95").path("low").asDouble())
        .isLessThan(reproduced / 20.0).isGreaterThan(0);
    assertThat(flaky.path("interval95").path("high").asDouble())
        .isGreaterThan(reproduced / 20.0).isLessThan(1);
    String rate = "failed " + reproduced + " of 20 reruns: rate " + Math.round(reproduced * 5.0) + "%";
    assertThat(Files.readString(folder().resolve("report.md"))).contains(rate);
    assertThat(Files.readString(folder().resolve("report.html"))).contains(rate);
    assertThat(failure.getMessage()).contains(rate);
  }

  /** The one report folder the check wrote. */
  private Path folder() throws Exception {
    try (var folders = Files.list(reports)) {
      return folders.toList().get(0);
    }
  }

  private JsonNode report() throws Exception {
    return new ObjectMapper().readTree(folder().resolve("report.json").toFile());
  }
}
