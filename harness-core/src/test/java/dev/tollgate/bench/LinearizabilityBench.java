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
 * <p>Run: {@code mvn -q -pl harness-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.tollgate.bench.LinearizabilityBench}
 */
public final class LinearizabilityBench {
  private static final PrintStream OUT = System.out;
  private static final int BRANCHES = 8;
  private static final int STEPS = 10;
  private static final int KEYS = 4;
  private static final int SEEDS_PER_ROUND = 20;
  private static final int ROUNDS = 7;

  private LinearizabilityBench() {}

  public static void main(String[] args) {
    OUT.printf("histories of %d branches x %d steps, %d keys; median over %d rounds of %d seeds%n",
        BRANCHES, STEPS, KEYS, ROUNDS, SEEDS_PER_ROUND);
    OUT.printf("  %-14s %-13s %14s %12s %12s %14s%n",
        "history", "partitioning", "histories/s", "(min)", "(max)", "slowest check");
    for (boolean broken : new boolean[] {false, true}) {
      for (boolean partition : new boolean[] {true, false}) {
        measure(broken, partition);
      }
    }
  }

  private static void measure(boolean broken, boolean partition) {
    var checker = LinearizabilityChecker.of(new KeyValueModel());
    if (!partition) {
      checker = checker.withoutPartitioning();
    }
    Outcome expected = broken ? Outcome.NOT_LINEARIZABLE : Outcome.LINEARIZABLE;
    List<Double> rates = new ArrayList<>();
    long slowest = 0;
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
          Outcome outcome = checker.check(KeyValueModel.EMPTY, history).outcome();
          long took = System.nanoTime() - one;
          if (outcome != expected) {
            throw new IllegalStateException("expected " + expected + " but the checker said "
                + outcome + " on seed " + seed);
          }
          if (round >= 0) {
            slowest = Math.max(slowest, took);
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
    OUT.printf("  %-14s %-13s %,14.0f %,12.0f %,12.0f %11.2f ms%n",
        broken ? "broken" : "linearizable", partition ? "by key" : "whole",
        rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1),
        slowest / 1e6);
  }
}
