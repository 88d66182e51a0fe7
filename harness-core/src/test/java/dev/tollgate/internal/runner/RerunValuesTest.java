package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.Tollgate;
import dev.tollgate.gen.Gen;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.SystemUnderTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A failure is rerun to classify it, and each rerun gets other ids from a system that never
 * reuses one: the failure's steps still show the values of the run whose failure they report.
 */
class RerunValuesTest {
  /** Hands out ids that keep growing across resets, as a database sequence does. */
  static final class Sequence implements SystemUnderTest<Sequence> {
    private int next;

    @Override
    public void reset() {}

    @Override
    public Sequence client(User user) {
      return this;
    }

    synchronized int create() {
      return ++next;
    }
  }

  @Test
  void the_failure_shows_the_reference_values_of_the_run_it_reports() {
    Model<List<Ref<Integer>>, Sequence> model =
        Model.<List<Ref<Integer>>, Sequence>define("sequence", List::of)
            .command("create", c -> c.whenModel(List::isEmpty)
                .run((sequence, none) -> sequence.create())
                .yields("item", id -> id)
                .update((made, call) -> List.of(call.ref())))
            .command("use", c -> c.whenModel(made -> !made.isEmpty())
                .with((made, user) -> Gen.constant(made.get(0)))
                .run((sequence, item) -> item.get())
                .expect((made, call, id) -> {
                  throw new AssertionError("refused item " + id);
                }))
            .build();

    Sequence system = new Sequence();
    assertThatThrownBy(() -> Tollgate.runner().seed(3).tries(5).maxSteps(4).flakyReruns(5)
        .withoutReports().withoutCorpus().reporter(Reporter.none()).check(model, system))
        .isInstanceOfSatisfying(ModelCheckFailure.class, failure -> {
          Matcher shown = Pattern.compile("create\\(\\) → item#1 = (\\d+)")
              .matcher(failure.getMessage());
          assertThat(shown.find()).as("the create step in %s", failure.getMessage()).isTrue();
          int runs = system.create();
          // Reruns made ids after the reported run's: the message shows that run's, not the last.
          assertThat(Integer.parseInt(shown.group(1))).isLessThan(runs - 1);
          assertThat(failure.getMessage()).contains("refused item " + shown.group(1));
          assertThat(failure.details().steps().get(0)).endsWith("= " + shown.group(1));
        });
  }
}
