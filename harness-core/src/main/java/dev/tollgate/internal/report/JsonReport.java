package dev.tollgate.internal.report;

import dev.tollgate.internal.report.RunRecord.FailureRecord;
import dev.tollgate.internal.report.RunRecord.StepRecord;
import dev.tollgate.report.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json} in schema {@value #SCHEMA}. The gate in module {@code ci} reads {@code
 * schema}, {@code test}, {@code status}, {@code failure}, {@code latency}, {@code versus}, {@code
 * migration} and {@code statistics.programs}; keep their shape, and
 * add new fields rather than change old ones (a change of meaning needs {@code tollgate-report/2}).
 */
public final class JsonReport {
  public static final String SCHEMA = "tollgate-report/1";

  private JsonReport() {}

  public static String render(RunRecord run, String generatedTest) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("test", run.test());
    root.put("model", run.model());
    root.put("status", run.passed() ? "passed" : "failed");
    if (!run.passed()) {
      root.put("failure", failure(run.failure()));
    }
    Map<String, Object> latency = new LinkedHashMap<>();
    run.coverage().latency().forEach((command, l) -> latency.put(command, ordered(
        "count", l.count(), "p50Ms", l.p50Ms(), "p95Ms", l.p95Ms(), "p99Ms", l.p99Ms())));
    root.put("latency", latency);
    if (!run.coverage().controlLatency().isEmpty()) {
      // A comparison: each command's p95 on the control beside the candidate's, for the gate.
      Map<String, Object> versus = new LinkedHashMap<>();
      run.coverage().controlLatency().forEach((command, c) -> {
        RunRecord.Latency candidate = run.coverage().latency().get(command);
        versus.put(command, ordered("count", Math.min(c.count(), candidate == null ? 0
            : candidate.count()), "controlP95Ms", c.p95Ms(),
            "candidateP95Ms", candidate == null ? null : candidate.p95Ms()));
      });
      root.put("versus", versus);
    }
    if (run.environment() != null && run.environment().get("migration") != null) {
      // A run on a schema a later release migrated to: which release, after which scripts.
      root.put("migration", run.environment().get("migration"));
    }
    root.put("seed", run.seed());
    if (!run.passed()) {
      root.put("replay", ordered("token", run.replayToken(), "command", run.replayCommand()));
      RunRecord.Flakiness flaky = run.flakiness();
      double[] interval = flaky.interval95();
      root.put("flaky", ordered(
          "classification", flaky.text(), "kind", flaky.kind(), "reruns", flaky.reruns(),
          "reproduced", flaky.reproduced(),
          "rate", flaky.reruns() == 0 ? null : flaky.rate(),
          "interval95", flaky.reruns() == 0 ? null : ordered("low", interval[0], "high", interval[1]),
          "rateText", flaky.rateText(), "cutShort", flaky.cutShort()));
      RunRecord.Discovery d = run.discovery();
      root.put("discovery", ordered(
          "source", d.source(), "try", d.tryNumber(), "tries", d.tries(),
          "originalSteps", d.originalSteps(), "shrunkSteps", run.steps().size(),
          "shrinkRuns", d.shrinkRuns(), "shrinkMs", d.shrinkMillis(),
          "shrinkBudgetUsedUp", d.shrinkOutOfBudget(), "shrinkSteps", d.shrinkSteps(),
          "firstFailureMs", d.firstFailureMillis(), "programsUntilFailure", d.programsRun(),
          "stepsUntilFailure", d.stepsRun()));
      List<Object> steps = new ArrayList<>();
      run.steps().forEach(step -> steps.add(step(step)));
      root.put("steps", steps);
      if (run.parallel() != null) {
        root.put("parallel", parallel(run.parallel()));
      }
      root.put("generatedTest", generatedTest);
    }
    root.put("statistics", statistics(run.coverage()));
    List<Object> corpus = new ArrayList<>();
    run.corpus().forEach(c -> corpus.add(ordered("file", c.file(), "outcome", c.outcome(),
        "note", c.note())));
    root.put("corpus", corpus);
    root.put("environment", run.environment());
    root.put("message", run.message());
    return Json.write(root);
  }

  private static Map<String, Object> failure(FailureRecord f) {
    Map<String, Object> out = ordered(
        "command", f.command(), "check", f.check(), "message", f.shortMessage(),
        "step", f.step(), "description", f.description());
    if (f.invariant() != null) {
      out.put("invariant", f.invariant());
    }
    out.put("expected", f.expected());
    out.put("actual", f.actual());
    out.put("cause", f.cause());
    return out;
  }

  private static Map<String, Object> step(StepRecord s) {
    Map<String, Object> out = ordered(
        "number", s.number(), "user", s.user(), "command", s.command(), "text", s.text(),
        "reference", s.ref(), "userStateBefore", s.userStateBefore(),
        "userStateAfter", s.userStateAfter(), "modelBefore", s.modelBefore(),
        "modelAfter", s.modelAfter(), "latencyMs", s.latencyMs(), "failed", s.failed());
    out.put("exchanges", exchanges(s.exchanges()));
    if (s.compared()) {
      out.put("controlExchanges", exchanges(s.controlExchanges()));
    }
    return out;
  }

  private static List<Object> exchanges(List<Exchange> list) {
    List<Object> exchanges = new ArrayList<>();
    for (Exchange e : list) {
      exchanges.add(ordered(
          "method", e.method(), "target", e.target(), "requestHeaders", e.requestHeaders(),
          "requestBody", e.requestBody(), "status", e.status(),
          "responseHeaders", e.responseHeaders(), "responseBody", e.responseBody(),
          "latencyMs", e.latency() == null ? null : e.latency().toNanos() / 1e6,
          "error", e.error()));
    }
    return exchanges;
  }

  private static Map<String, Object> parallel(RunRecord.ParallelRecord p) {
    List<Object> branches = new ArrayList<>();
    for (RunRecord.BranchRecord branch : p.branches()) {
      List<Object> steps = new ArrayList<>();
      branch.steps().forEach(s -> steps.add(ordered("number", s.number(),
          "invokedMs", s.invokedMs(), "returnedMs", s.pending() ? null : s.returnedMs(),
          "pending", s.pending(), "answer", s.answer())));
      branches.add(ordered("branch", branch.branch(), "user", branch.user(), "steps", steps));
    }
    return ordered("prefixSteps", p.prefixSteps(), "branches", branches,
        "repetitions", p.repetitions(), "failedRepetitions", p.failedRepetitions(),
        "verdict", p.verdict(), "explanation", p.explanation(),
        "check", p.concurrency() == null ? null : ConcurrentRunReport.json(p.concurrency()));
  }

  private static Map<String, Object> statistics(RunRecord.Coverage c) {
    List<Object> transitions = new ArrayList<>();
    c.transitions().forEach(t -> transitions.add(
        ordered("from", t.from(), "command", t.command(), "to", t.to(), "count", t.count())));
    return ordered(
        "programs", c.programs(), "steps", c.steps(), "commands", c.commands(),
        "userStates", c.userStates(), "transitions", transitions,
        "programLengths", c.programLengths(), "flags", c.flags());
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
