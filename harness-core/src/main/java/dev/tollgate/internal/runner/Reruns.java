package dev.tollgate.internal.runner;

import dev.tollgate.internal.report.RunRecord.Flakiness;

/**
 * When to stop rerunning a shrunk failure to tell deterministic from flaky, and what the reruns
 * showed. The failing run shrinking ended with is not a rerun: it was kept because it failed.
 *
 * <p>The rule. Reruns go on until one of these holds:
 *
 * <ul>
 *   <li>the first {@code k} reruns all failed alike: deterministic. {@code k} is {@value
 *       Flakiness#DETERMINISTIC_AFTER}, or half the cap when the cap is above twice that, so
 *       raising {@code tollgate.flakyReruns} sharpens both answers;
 *   <li>{@code cap} reruns ran ({@code tollgate.flakyReruns}, default {@value
 *       Reporting#DEFAULT_FLAKY_RERUNS}); once one rerun passed (or failed otherwise) the failure
 *       is flaky, and the rest of the cap is spent on its rate;
 *   <li>the check's time budget is used up.
 * </ul>
 *
 * <p>Why {@code k = 10}: a failure that shows with probability p looks deterministic only if its
 * first k reruns all fail, with probability p^k. For p = 0.5 that is 1/1024, so over 40 checks
 * about 0.04 are misread, and two or more of 40 with probability about C(40,2)/1024² < 0.001:
 * at least 39 of 40 are called flaky with probability above 99.9% (three fixed reruns gave 1/8,
 * five of 40 in practice). A failure that always shows is always deterministic, and costs 10
 * reruns. A flaky one costs the cap: 20 reruns put the rate of a half-time failure within about
 * ±20 percentage points (the 95% Wilson interval of 10 of 20 is 30%-70%). The price of a fixed
 * k: a failure that shows 90% of the time still looks deterministic with probability 0.9^10 =
 * 0.35; a cap of 60 makes k = 30 and that 0.04.
 */
final class Reruns {
  private final int cap;
  private final int deterministicAfter;
  private int reruns;
  private int reproduced;
  private boolean cutShort;

  /** The most replays of a flaky corpus entry. */
  static final int MAX_CORPUS_REPLAYS = 10;

  /**
   * How often a corpus entry saved as flaky is replayed, stopping at its first failure, before it
   * counts as passing: enough that a bug still there at the rate its reruns showed fails at least
   * one replay with probability 95%. (1 - rate)^n <= 0.05 gives n = ceil(ln 0.05 / ln(1 - rate)),
   * at most {@value #MAX_CORPUS_REPLAYS}. A half-time bug gets 5 replays and slips through all of
   * them once in 32 runs (replayed once, it slipped through every other run). A one-in-ten bug would
   * need 29; at 10 it still slips through 35% of the time, the price of a corpus that replays fast.
   */
  static int corpusReplays(Flakiness flaky) {
    double rate = flaky.rate();
    if (!(rate > 0)) {
      return MAX_CORPUS_REPLAYS;
    }
    if (rate >= 1) {
      return 1;
    }
    int n = (int) Math.ceil(Math.log(0.05) / Math.log(1 - rate));
    return Math.max(1, Math.min(MAX_CORPUS_REPLAYS, n));
  }

  Reruns(int cap) {
    this.cap = cap;
    this.deterministicAfter = Math.min(cap, Math.max(Flakiness.DETERMINISTIC_AFTER, cap / 2));
  }

  /** Whether another rerun is due (the time budget is the caller's to check). */
  boolean more() {
    if (reruns >= cap) {
      return false;
    }
    return !(reproduced == reruns && reruns >= deterministicAfter);
  }

  void record(boolean reproducedAlike) {
    reruns++;
    if (reproducedAlike) {
      reproduced++;
    }
  }

  /** The time budget ended the reruns early. */
  void cutShort() {
    cutShort = true;
  }

  Flakiness result() {
    return new Flakiness(reruns, reproduced, cutShort);
  }
}
