package dev.tollgate.internal.runner;

import dev.tollgate.internal.module.Addressed;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.report.RunRecord;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.model.Command;
import dev.tollgate.model.Model;
import dev.tollgate.report.Exchange;
import dev.tollgate.runner.SystemUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/** Turns the runner's programs, results and statistics into the plain record reports show. */
final class RunReports {
  private RunReports() {}

  /**
   * The coverage of all runs. Transitions the model declares but no run took are kept with a
   * count of 0, so the diagram shows what was never exercised.
   */
  static RunRecord.Coverage coverage(
      Statistics statistics, Model<?, ?> model, Map<String, LatencySamples> control) {
    List<String> userStates = model.userStates();
    List<RunRecord.Transition> transitions = new ArrayList<>();
    statistics.moves().forEach((move, count) ->
        transitions.add(new RunRecord.Transition(move.get(0), move.get(1), move.get(2), count)));
    for (Command<?, ?> command : model.commands()) {
      if (command.weight() == 0 || statistics.commands().containsKey(command.name())) {
        continue;
      }
      for (String from : command.from().isEmpty() ? userStates : List.copyOf(command.from())) {
        for (String to : command.targets().isEmpty() ? List.of(from) : command.targets()) {
          transitions.add(new RunRecord.Transition(from, command.name(), to, 0));
        }
      }
    }
    return new RunRecord.Coverage(statistics.programs(), statistics.steps(),
        new LinkedHashMap<>(statistics.commands()), userStates, transitions,
        new LinkedHashMap<>(statistics.lengths()), latency(statistics.latencies()),
        latency(control), flagCounts(statistics));
  }

  static Map<String, Map<String, Integer>> flagCounts(Statistics statistics) {
    Map<String, Map<String, Integer>> flags = new LinkedHashMap<>();
    statistics.flags().forEach((command, counts) -> flags.put(command, new LinkedHashMap<>(counts)));
    return flags;
  }

  private static Map<String, RunRecord.Latency> latency(Map<String, LatencySamples> samples) {
    Map<String, RunRecord.Latency> latency = new LinkedHashMap<>();
    samples.forEach((command, s) -> latency.put(command,
        new RunRecord.Latency(s.count(), s.percentileMillis(50),
            s.percentileMillis(95), s.percentileMillis(99))));
    return latency;
  }

  static List<RunRecord.StepRecord> steps(Program<?, ?> program, RunResult result) {
    List<RunRecord.StepRecord> steps = new ArrayList<>();
    for (int i = 0; i < result.stepsRun(); i++) {
      Step<?, ?> step = program.steps().get(i);
      List<Exchange> exchanges = new ArrayList<>();
      if (i < result.exchanges().size()) {
        result.exchanges().get(i).forEach(e -> exchanges.add(Redactor.exchange(e, Set.of())));
      }
      List<Exchange> control = result.controlExchanges() == null ? null : new ArrayList<>();
      if (control != null && i < result.controlExchanges().size()) {
        result.controlExchanges().get(i).forEach(e -> control.add(Redactor.exchange(e, Set.of())));
      }
      steps.add(new RunRecord.StepRecord(
          i + 1, step.user().name(), step.command().name(), Redactor.text(step.describe(result.bindings())),
          refs(step), step.user().state(),
          step.userStateAfter(), Redactor.text(String.valueOf(step.before())),
          Redactor.text(String.valueOf(step.after())), result.latencyNanos()[i] / 1e6,
          exchanges, result.failure() != null && result.failure().step() == i, control));
    }
    return steps;
  }

  /** The step's references as reports name them ({@code todo#2}), or null if it makes none. */
  private static String refs(Step<?, ?> step) {
    return step.refs().isEmpty() ? null
        : step.refs().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
  }

  static RunRecord.FailureRecord failure(Failure failure) {
    String expected = null;
    String actual = null;
    if (failure.cause() instanceof AssertionFailedError afe && afe.isExpectedDefined()) {
      expected = Redactor.text(afe.getExpected().getStringRepresentation());
      actual = Redactor.text(afe.getActual().getStringRepresentation());
    }
    return new RunRecord.FailureRecord(
        failure.step() + 1, failure.command(), failure.kind().name().toLowerCase(Locale.ROOT),
        failure.check(), failure.describe(), expected, actual,
        Redactor.text(String.valueOf(failure.cause())));
  }

  /** Java, OS, Tollgate's version and the settings; never a value that looks secret. */
  static Map<String, Object> environment(
      Settings settings, SystemUnderTest<?> system, Map<String, Object> extra) {
    Map<String, Object> env = new LinkedHashMap<>(extra);
    if (system instanceof SharedSystem<?> shared) {
      system = shared.system();
    }
    if (system instanceof Addressed http) {
      // Where the HTTP exchanges went: their targets are paths, and the generated test needs it.
      env.put("baseUrl", Redactor.text(http.baseUrl().toString()));
    }
    env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
        + ")");
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    env.put("tollgate", version());
    env.put("ci", System.getenv("CI") != null);
    Reporting r = settings.reporting();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("tries", settings.tries());
    s.put("maxSteps", settings.maxSteps());
    s.put("users", settings.users());
    s.put("seed", settings.seed());
    s.put("timeBudget", settings.timeBudget().toString());
    s.put("shrinkRuns", settings.shrinkRuns());
    s.put("shrinkTime", settings.shrinkTime().toString());
    s.put("swarm", settings.swarm());
    s.put("flakyReruns", r.flakyReruns());
    s.put("reportDir", r.reportRoot() == null ? "none" : r.reportRoot().toString());
    s.put("corpus", r.corpusRoot() == null ? "none" : r.corpusRoot().toString());
    env.put("settings", s);
    Map<String, Object> properties = new TreeMap<>();
    System.getProperties().forEach((key, value) -> {
      String name = String.valueOf(key);
      if (name.startsWith("tollgate.")) {
        properties.put(name, Redactor.isSecretName(name.substring("tollgate.".length()))
            && !name.equals("tollgate.replay") ? Redactor.maskValue(String.valueOf(value))
            : Redactor.text(String.valueOf(value)));
      }
    });
    env.put("tollgateProperties", properties);
    return env;
  }


  private static String version() {
    try (InputStream in = RunReports.class.getResourceAsStream("/dev/tollgate/tollgate.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
