package dev.tollgate.internal.report;

import dev.tollgate.report.Reporter;
import java.util.function.LongSupplier;

/**
 * The progress line of long runs and shrinks. It speaks at most once per interval, however often
 * it is told about a try or a shrink run, so the console shows a heartbeat and not a flood.
 */
public final class Progress {
  private final Reporter reporter;
  private final String model;
  private final long intervalNanos;
  private final LongSupplier clock;
  private long last;
  private int tries;
  private int triesPlanned;
  private int failures;
  private int shrinkRuns;
  private int lastCandidate;

  public Progress(Reporter reporter, String model, long intervalNanos, LongSupplier clock) {
    this.reporter = reporter;
    this.model = model;
    this.intervalNanos = intervalNanos;
    this.clock = clock;
    this.last = clock.getAsLong();
  }

  public void tried(int done, int planned, boolean failed) {
    tries = done;
    triesPlanned = planned;
    failures += failed ? 1 : 0;
    maybeReport();
  }

  public void shrinkRun(int steps) {
    shrinkRuns++;
    lastCandidate = steps;
    maybeReport();
  }

  private void maybeReport() {
    long now = clock.getAsLong();
    if (now - last < intervalNanos) {
      return;
    }
    last = now;
    StringBuilder line = new StringBuilder("Tollgate: model '").append(model).append("': ")
        .append(tries).append(" of ").append(triesPlanned).append(" tries, ").append(failures)
        .append(failures == 1 ? " failure" : " failures");
    if (shrinkRuns > 0) {
      line.append(", ").append(shrinkRuns).append(" shrink runs (last candidate: ")
          .append(lastCandidate).append(" steps)");
    }
    reporter.line(line.toString());
  }
}
