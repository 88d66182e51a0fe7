package dev.tollgate.bench;

import dev.tollgate.internal.linearizability.Histories;
import dev.tollgate.internal.linearizability.History;
import dev.tollgate.internal.linearizability.KeyValueModel;
import dev.tollgate.internal.linearizability.LinearizabilityChecker;
import dev.tollgate.internal.linearizability.PartitionVerdict.Outcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The linearizability checker's benchmark: histories of 8 branches × 10 steps on a key-value
 * store of 4 keys, made as a real concurrent run makes them, checked with and without
 * partitioning by key; linearizable ones, and broken ones (one answer no order explains, so the
 * search must rule every order out). Prints histories per second, medians over rounds of
 * different seeds, and the slowest single check against the 1 s target.
 *
 * <p>Run (it needs nothing but the JDK, so it works offline after a test-compile): {@code
 * mvn -B -o -q -pl harness-core -am test-compile && java -cp
 * harness-core/target/classes:harness-core/target/test-classes
 * dev.tollgate.bench.LinearizabilityBench}
 */
public final class LinearizabilityBench {
  private static final PrintStream OUT = System.out;
  private static final int BRANCHES = 8;
  private static final int STEPS = 10;
  private static final int KEYS = 4;
  private static final int SEEDS_PER_ROUND = 20;
  private static final int ROUNDS = 7;

  private LinearizabilityBench() {}

  /** One configuration's figures: histories per second per round, the slowest check, steps. */
  private record Figures(List<Double> rates, long slowestNanos, long steps, long nanos) {
    double median() {
      return rates.get(rates.size() / 2);
    }

    double nanosPerStep() {
      return steps == 0 ? 0 : (double) nanos / steps;
    }
  }

  public static void main(String[] args) {
    OUT.printf("histories of %d branches x %d steps, %d keys; median (min-max) over %d rounds of"
        + " %d seeds each, seeds %d to %d%n", BRANCHES, STEPS, KEYS, ROUNDS, SEEDS_PER_ROUND,
        1 + SEEDS_PER_ROUND, (ROUNDS + 1) * SEEDS_PER_ROUND);
    OUT.printf("  %-13s %26s %26s %8s %10s %10s %8s%n", "history", "by key (histories/s)",
        "whole (histories/s)", "ratio", "slowest", "slowest", "ns/step");
    OUT.printf("  %-13s %26s %26s %8s %10s %10s %8s%n", "", "", "", "", "by key", "whole",
        "whole");
    long slowest = 0;
    for (boolean broken : new boolean[] {false, true}) {
      Figures byKey = measure(broken, true);
      Figures whole = measure(broken, false);
      slowest = Math.max(slowest, Math.max(byKey.slowestNanos(), whole.slowestNanos()));
      OUT.printf("  %-13s %26s %26s %7.1fx %7.2f ms %7.2f ms %8.0f%n",
          broken ? "broken" : "linearizable", range(byKey), range(whole),
          byKey.median() / whole.median(), byKey.slowestNanos() / 1e6,
          whole.slowestNanos() / 1e6, whole.nanosPerStep());
    }
    OUT.printf("slowest single check: %.2f ms (target: under 1,000 ms)%n", slowest / 1e6);
  }

  private static String range(Figures f) {
    return String.format("%,.0f (%,.0f-%,.0f)", f.median(), f.rates().get(0),
        f.rates().get(f.rates().size() - 1));
  }

  private static Figures measure(boolean broken, boolean partition) {
    var checker = LinearizabilityChecker.of(new KeyValueModel());
    if (!partition) {
      checker = checker.withoutPartitioning();
    }
    Outcome expected = broken ? Outcome.NOT_LINEARIZABLE : Outcome.LINEARIZABLE;
    List<Double> rates = new ArrayList<>();
    long slowest = 0;
    long steps = 0;
    long nanos = 0;
    long seed = 1;
    for (int round = -1; round < ROUNDS; round++) {   // round -1 warms the JIT up
      List<History<KeyValueModel.Call, Integer>> histories = new ArrayList<>();
      for (int i = 0; i < SEEDS_PER_ROUND; i++, seed++) {
        histories.add(broken
            ? Histories.broken(seed, BRANCHES, STEPS, KEYS)
            : Histories.linearizable(seed, BRANCHES, STEPS, KEYS));
      }
      long checked = 0;
      long start = System.nanoTime();
      long elapsed;
      do {
        for (History<KeyValueModel.Call, Integer> history : histories) {
          long one = System.nanoTime();
          var verdict = checker.check(KeyValueModel.EMPTY, history);
          long took = System.nanoTime() - one;
          if (verdict.outcome() != expected) {
            throw new IllegalStateException("expected " + expected + " but the checker said "
                + verdict.outcome() + " on seed " + seed);
          }
          if (round >= 0) {
            slowest = Math.max(slowest, took);
            steps += verdict.steps();
            nanos += took;
          }
          checked++;
        }
        elapsed = System.nanoTime() - start;
      } while (elapsed < 300_000_000L);
      if (round >= 0) {
        rates.add(checked / (elapsed / 1e9));
      }
    }
    Collections.sort(rates);
    return new Figures(rates, slowest, steps, nanos);
  }
}
