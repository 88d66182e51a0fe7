package dev.tollgate.runner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a passing check covered. {@link #toString()} is the one-line statistics report. {@code
 * corpus} lists the regression corpus entries replayed first, as {@code file: outcome}.
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
    List<String> corpus) {

  public RunSummary {
    corpus = List.copyOf(corpus);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Tollgate: model '").append(model).append("' passed ")
        .append(programs).append(programs == 1 ? " program, " : " programs, ")
        .append(steps).append(" steps in ").append(elapsed.toMillis()).append(" ms (seed ")
        .append(seed).append("); commands:");
    commandCounts.forEach((name, count) -> out.append(' ').append(name).append('=').append(count));
    out.append("; user states visited: ").append(String.join(", ", statesVisited));
    if (!corpus.isEmpty()) {
      out.append("; corpus entries replayed first: ").append(corpus.size());
    }
    if (note != null) {
      out.append("; ").append(note);
    }
    return out.toString();
  }
}
