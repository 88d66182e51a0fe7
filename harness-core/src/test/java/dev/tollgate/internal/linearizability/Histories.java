package dev.tollgate.internal.linearizability;

import dev.tollgate.internal.linearizability.KeyValueModel.Call;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes histories of a key-value store the way a real concurrent run does: each branch invokes
 * its operations one after the other, each operation takes effect at one random instant between
 * its invocation and its return, and the answers come from applying them in that order. Such a
 * history is linearizable by construction; {@link #broken} then falsifies one answer.
 */
public final class Histories {
  private static final long MICROS = 1_000;

  private Histories() {}

  /** A linearizable history of {@code branches} × {@code steps} operations on {@code keys} keys. */
  public static History<Call, Integer> linearizable(
      long seed, int branches, int steps, int keys) {
    return History.of(simulate(new Random(seed), branches, steps, keys));
  }

  /**
   * The same history with one {@code get} answering a value no one ever wrote, so no order
   * explains it; the search must rule every order out.
   */
  public static History<Call, Integer> broken(long seed, int branches, int steps, int keys) {
    Random random = new Random(seed);
    List<Operation<Call, Integer>> ops = simulate(random, branches, steps, keys);
    List<Integer> gets = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).input().name().equals("get")) {
        gets.add(i);
      }
    }
    int victim = gets.get(gets.size() / 2);
    Operation<Call, Integer> op = ops.get(victim);
    ops.set(victim, Operation.completed(op.branch(), op.input(), -7, op.invokedAt(),
        op.returnedAt()));
    return History.of(ops);
  }

  private static List<Operation<Call, Integer>> simulate(
      Random random, int branches, int steps, int keys) {
    record Planned(int branch, Call call, long invoked, long effect, long returned) {}
    List<Planned> planned = new ArrayList<>();
    for (int b = 0; b < branches; b++) {
      long time = random.nextInt(50);
      for (int s = 0; s < steps; s++) {
        long invoked = time + random.nextInt(30);
        long returned = invoked + 1 + random.nextInt(100);
        long effect = invoked + random.nextInt((int) (returned - invoked) + 1);
        int key = random.nextInt(keys);
        Call call = random.nextInt(2) == 0
            ? Call.put(key, 1 + b * 1000 + s) : Call.get(key);
        planned.add(new Planned(b, call, invoked, effect, returned));
        time = returned + 1;
      }
    }
    List<Planned> byEffect = new ArrayList<>(planned);
    byEffect.sort(Comparator.comparingLong(Planned::effect));
    Map<Integer, Integer> store = new HashMap<>();
    Map<Planned, Integer> answers = new HashMap<>();
    for (Planned p : byEffect) {
      if (p.call().name().equals("put")) {
        store.put(p.call().key(), p.call().value());
      } else {
        answers.put(p, store.getOrDefault(p.call().key(), 0));
      }
    }
    List<Operation<Call, Integer>> ops = new ArrayList<>();
    for (Planned p : planned) {
      ops.add(Operation.completed(p.branch(), p.call(), answers.get(p), p.invoked() * MICROS,
          p.returned() * MICROS));
    }
    return ops;
  }
}
