package dev.tollgate.runner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a passing check covered. {@link #toString()} is the one-line statistics report. {@code
 * corpus} lists the regression corpus entries replayed first, as {@code file: outcome}. {@code
 * flagCounts} gives, per command, how often it ran under each flag value ({@code as staff},
 * {@code as not staff}, {@code pinning on}, ...); it is empty for a model without flags.
 */
public record RunSummary(
    String model,
    long seed,
    int programs,
    long steps,
    Map<String, Integer> commandCounts,
    Set<String> statesVisited,
    Map<String, Integer> transitions,
    Duration elapsed,
    String note,
    List<String> corpus,
    Map<String, Map<String, Integer>> flagCounts) {

  public RunSummary {
    corpus = List.copyOf(corpus);
    flagCounts = Map.copyOf(flagCounts);
  }

  public RunSummary(
      String model,
      long seed,
      int programs,
      long steps,
      Map<String, Integer> commandCounts,
      Set<String> statesVisited,
      Map<String, Integer> transitions,
      Duration elapsed,
      String note,
      List<String> corpus) {
    this(model, seed, programs, steps, commandCounts, statesVisited, transitions, elapsed, note,
        corpus, Map.of());
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Tollgate: model '").append(model).append("' passed ")
        .append(programs).append(programs == 1 ? " program, " : " programs, ")
        .append(steps).append(" steps in ").append(elapsed.toMillis()).append(" ms (seed ")
        .append(seed).append("); commands:");
    commandCounts.forEach((name, count) -> out.append(' ').append(name).append('=').append(count));
    out.append("; user states visited: ").append(String.join(", ", statesVisited));
    if (!flagCounts.isEmpty()) {
      out.append("; by flag:");
      new java.util.TreeMap<>(flagCounts).forEach((command, counts) -> {
        out.append(' ').append(command).append(" (");
        String sep = "";
        for (Map.Entry<String, Integer> count : new java.util.TreeMap<>(counts).entrySet()) {
          out.append(sep).append(count.getValue()).append("× ").append(count.getKey());
          sep = ", ";
        }
        out.append(')');
      });
    }
    if (!corpus.isEmpty()) {
      out.append("; corpus entries replayed first: ").append(corpus.size());
    }
    if (note != null) {
      out.append("; ").append(note);
    }
    return out.toString();
  }
}
