package dev.tollgate.internal.runner;

import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts what the runs covered: commands, user states, transitions and program lengths. */
public final class Statistics {
  private final Map<String, Integer> commands = new TreeMap<>();
  private final Map<String, Integer> transitions = new TreeMap<>();
  private final TreeSet<String> states = new TreeSet<>();
  private final Map<String, LatencySamples> latencies = new TreeMap<>();
  private final Map<List<String>, Integer> moves = new LinkedHashMap<>();
  private final Map<Integer, Integer> lengths = new TreeMap<>();
  private final Map<String, Map<String, Integer>> flags = new TreeMap<>();
  private int programs;
  private long steps;

  public void record(Program<?, ?> program, RunResult result) {
    programs++;
    steps += result.stepsRun();
    lengths.merge(program.size(), 1, Integer::sum);
    for (int i = 0; i < result.stepsRun(); i++) {
      Step<?, ?> step = program.steps().get(i);
      String name = step.command().name();
      commands.merge(name, 1, Integer::sum);
      states.add(step.user().state());
      states.add(step.userStateAfter());
      transitions.merge(
          step.user().state() + " --" + name + "--> " + step.userStateAfter(), 1, Integer::sum);
      moves.merge(List.of(step.user().state(), name, step.userStateAfter()), 1, Integer::sum);
      latencies.computeIfAbsent(name, k -> new LatencySamples()).add(result.latencyNanos()[i]);
      if (!program.flags().isEmpty()) {
        Map<String, Integer> byFlag = flags.computeIfAbsent(name, k -> new TreeMap<>());
        for (String label : program.flags().labels(step.user().index())) {
          byFlag.merge(label, 1, Integer::sum);
        }
      }
    }
  }

  public int programs() {
    return programs;
  }

  public long steps() {
    return steps;
  }

  public Map<String, Integer> commands() {
    return commands;
  }

  public Map<String, Integer> transitions() {
    return transitions;
  }

  public TreeSet<String> states() {
    return states;
  }

  /** Each (from state, command, to state) that ran, in the order first seen, with its count. */
  public Map<List<String>, Integer> moves() {
    return moves;
  }

  /** How many programs had each length (in steps). */
  public Map<Integer, Integer> lengths() {
    return lengths;
  }

  /**
   * For each command that ran, how often it ran under each flag value: {@code as staff}, {@code
   * as not staff}, {@code pinning on}, {@code pinning off}. Empty for a model without flags.
   */
  public Map<String, Map<String, Integer>> flags() {
    return flags;
  }

  public Map<String, LatencySamples> latencies() {
    return latencies;
  }
}
