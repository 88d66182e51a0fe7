package dev.tollgate.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private long now;

  @Test
  void reports_at_most_once_per_interval_however_many_tries_run() {
    List<String> lines = new ArrayList<>();
    Progress progress = new Progress(lines::add, "todos", TimeUnit.SECONDS.toNanos(5), () -> now);

    for (int t = 1; t <= 1000; t++) {
      now += TimeUnit.MILLISECONDS.toNanos(12);
      progress.tried(t, 1000, false);
    }

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("Tollgate: model 'todos': 417 of 1000 tries, 0 failures");
  }

  @Test
  void progress_during_a_shrink_counts_shrink_runs() {
    List<String> lines = new ArrayList<>();
    Progress progress = new Progress(lines::add, "todos", TimeUnit.SECONDS.toNanos(5), () -> now);
    progress.tried(3, 200, true);

    for (int run = 0; run < 40; run++) {
      now += TimeUnit.MILLISECONDS.toNanos(200);
      progress.shrinkRun(run < 25 ? 9 : 4);
    }

    assertThat(lines).containsExactly(
        "Tollgate: model 'todos': 3 of 200 tries, 1 failure, 25 shrink runs (last candidate: 9 steps)");
  }
}
