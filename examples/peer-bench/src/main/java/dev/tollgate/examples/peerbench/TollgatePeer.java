package dev.tollgate.examples.peerbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.Tollgate;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.Runner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tollgate side of the peer benchmark: one check of {@link ShelfModel} against a running
 * shelf service, with the benchmark's budget, printed as one JSON line (the fields the
 * fast-check and Hypothesis drivers print too).
 *
 * <p>{@code TollgatePeer <base-url> <bug> <seed> [tries] [max-steps]}
 */
public final class TollgatePeer {
  private TollgatePeer() {}

  /** One check's outcome, as the run script reads it. */
  record Outcome(
      boolean found, List<String> steps, double firstStepMillis, double firstFailureMillis,
      double totalMillis,
      long tries, long systemSteps, long stepsToFirstFailure, String failure) {}

  static Outcome check(String baseUrl, long seed, int tries, int maxSteps) {
    HttpSystem system = HttpSystem.at(baseUrl);
    system.onReset(() -> {
      int status = system.session().post("/reset", null).status();
      if (status != 204) {
        throw new IllegalStateException("POST /reset answered " + status + "; expected 204");
      }
    });
    Runner runner = Tollgate.runner()
        .tries(tries).maxSteps(maxSteps).users(1).seed(seed)
        .timeBudget(Duration.ofSeconds(120)).shrinkTime(Duration.ofSeconds(120))
        .withoutReports().withoutCorpus().flakyReruns(0).reporter(Reporter.none());
    Meter meter = new Meter();
    try {
      runner.check(ShelfModel.model(meter), system);
      return new Outcome(false, List.of(), meter.firstStepMillis(), -1, meter.elapsedMillis(), tries, meter.steps(), -1,
          null);
    } catch (ModelCheckFailure failure) {
      return new Outcome(true, failure.steps(), meter.firstStepMillis(), meter.firstFailureMillis(), meter.elapsedMillis(),
          failure.tryNumber(), meter.steps(), meter.stepsAtFirstFailure(), failure.check());
    }
  }

  @SuppressWarnings("SystemOut")
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: TollgatePeer <base-url> <bug> <seed> [tries] [max-steps]");
    }
    int tries = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    int maxSteps = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    Outcome outcome = check(args[0], Long.parseLong(args[2]), tries, maxSteps);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("tool", "tollgate");
    line.put("bug", args[1]);
    line.put("seed", Long.parseLong(args[2]));
    line.put("found", outcome.found());
    line.put("length", outcome.steps().size());
    line.put("start_ms", outcome.firstStepMillis());
    line.put("first_ms", outcome.firstFailureMillis());
    line.put("total_ms", outcome.totalMillis());
    line.put("tries_to_fail", outcome.found() ? outcome.tries() : null);
    line.put("steps_to_fail", outcome.stepsToFirstFailure());
    line.put("system_steps", outcome.systemSteps());
    line.put("failure", outcome.failure());
    line.put("counterexample", outcome.steps());
    System.out.println(new ObjectMapper().writeValueAsString(line));
  }
}
