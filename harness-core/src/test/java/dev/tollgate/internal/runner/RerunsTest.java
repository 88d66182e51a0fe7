package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.report.RunRecord.Flakiness;
import org.junit.jupiter.api.Test;

class RerunsTest {
  private static Flakiness run(int cap, boolean... outcomes) {
    Reruns reruns = new Reruns(cap);
    int i = 0;
    while (reruns.more()) {
      reruns.record(outcomes[i++ % outcomes.length]);
    }
    return reruns.result();
  }

  @Test
  void ten_reproductions_in_a_row_stop_the_reruns_as_deterministic() {
    assertThat(run(20, true)).isEqualTo(new Flakiness(10, 10, false));
    assertThat(run(20, true).text()).isEqualTo("deterministic");
  }

  @Test
  void one_pass_makes_it_flaky_and_the_whole_cap_is_spent_on_the_rate() {
    Flakiness flaky = run(20, true, true, true, false);

    assertThat(flaky).isEqualTo(new Flakiness(20, 15, false));
    assertThat(flaky.text()).isEqualTo("flaky: reproduced 15 of 20");
  }

  @Test
  void a_higher_cap_asks_for_half_of_it_in_a_row_before_deterministic() {
    assertThat(run(60, true).reruns()).isEqualTo(30);
  }

  @Test
  void rate_and_wilson_interval_of_half_the_reruns() {
    Flakiness flaky = new Flakiness(20, 10);

    assertThat(flaky.rate()).isEqualTo(0.5);
    assertThat(flaky.interval95()[0]).isBetween(0.299, 0.300);
    assertThat(flaky.interval95()[1]).isBetween(0.700, 0.701);
    assertThat(flaky.rateText())
        .isEqualTo("failed 10 of 20 reruns: rate 50%, 95% interval 30%-70% (Wilson score)");
  }

  @Test
  void interval_of_every_rerun_failing_ends_at_exactly_one() {
    double[] interval = new Flakiness(10, 10).interval95();

    assertThat(interval[0]).isBetween(0.722, 0.723);
    assertThat(interval[1]).isEqualTo(1.0);
  }

  @Test
  void flaky_corpus_entry_is_replayed_enough_to_catch_its_bug_with_95_percent() {
    assertThat(Reruns.corpusReplays(new Flakiness(20, 10))).isEqualTo(5);
    assertThat(Reruns.corpusReplays(new Flakiness(20, 18))).isEqualTo(2);
    assertThat(Reruns.corpusReplays(new Flakiness(20, 2))).isEqualTo(Reruns.MAX_CORPUS_REPLAYS);
    assertThat(Reruns.corpusReplays(new Flakiness(20, 0))).isEqualTo(Reruns.MAX_CORPUS_REPLAYS);
  }
}
