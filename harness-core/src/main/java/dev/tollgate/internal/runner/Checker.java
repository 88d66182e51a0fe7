package dev.tollgate.internal.runner;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.gen.Unsatisfied;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.shrink.Shrinker;
import dev.tollgate.model.Model;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.SystemUnderTest;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Checks one model against one system: validate, generate and run tries, shrink a failure. */
public final class Checker<M, S> {
  /** How many programs are generated, with no system, to check the model before running it. */
  public static final int VALIDATION_PROGRAMS = 200;
  /** Validation stops early, after this many programs, once every command has been enabled. */
  private static final int MIN_VALIDATION_PROGRAMS = 20;

  private final Model<M, S> model;
  private final Settings settings;
  private final ProgramGenerator<M, S> generator;
  private final Executor<M, S> executor;
  private final Consumer<Program<M, S>> shrinkCandidates;

  public Checker(
      Model<M, S> model,
      SystemUnderTest<S> system,
      Settings settings,
      Consumer<Program<M, S>> shrinkCandidates) {
    this.model = model;
    this.settings = settings;
    this.generator =
        new ProgramGenerator<>(model, settings.users(), settings.maxSteps(), settings.swarm());
    this.executor = new Executor<>(model, system);
    this.shrinkCandidates = shrinkCandidates;
  }

  /** Seeds for each try come from the run's seed, so a seed replays every try. */
  public static long trySeed(long seed, int tryIndex) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (tryIndex + 1))).nextLong();
  }

  public ProgramGenerator<M, S> generator() {
    return generator;
  }

  public RunSummary check() {
    long seed = settings.seed();
    validate(seed);
    Statistics statistics = new Statistics();
    long started = System.nanoTime();
    String replay = settings.replay();
    if (replay != null) {
      ReplayToken token = ReplayToken.decode(replay);
      if (token.modelTag().equals(ReplayToken.modelTag(model.name()))) {
        Program<M, S> program = generateOrExplain(ChoiceRecorder.replay(token.choices()));
        RunResult result = executor.run(program);
        statistics.record(program, result);
        if (!result.passed()) {
          throw FailureMessage.build(
              program, result,
              context(token.seed(), 1, program.size(), 0, Duration.ZERO, false, token.choices(),
                  true));
        }
        return summary(token.seed(), statistics, started, "replayed 1 program");
      }
    }
    long budget = settings.timeBudget().toNanos();
    String note = null;
    for (int t = 0; t < settings.tries(); t++) {
      if (t > 0 && System.nanoTime() - started > budget) {
        note = "stopped after " + t + " of " + settings.tries() + " tries: time budget of "
            + settings.timeBudget() + " used up";
        break;
      }
      Program<M, S> program = generateOrExplain(ChoiceRecorder.random(trySeed(seed, t)));
      RunResult result = executor.run(program);
      statistics.record(program, result);
      if (!result.passed()) {
        long shrinkStart = System.nanoTime();
        Shrinker<M, S> shrinker =
            new Shrinker<>(
                generator, executor::run, settings.shrinkRuns(),
                settings.shrinkTime().toNanos(), shrinkCandidates);
        Shrinker.Result<M, S> shrunk = shrinker.shrink(program, result);
        Duration shrinkTime = Duration.ofNanos(System.nanoTime() - shrinkStart);
        throw FailureMessage.build(
            shrunk.program(), shrunk.result(),
            context(seed, t + 1, result.stepsRun(), shrunk.runs(), shrinkTime,
                shrunk.outOfBudget(), shrunk.program().choices(), false));
      }
    }
    return summary(seed, statistics, started, note);
  }

  private FailureMessage.Context context(
      long seed, int tryNumber, int originalSteps, int shrinkRuns, Duration shrinkTime,
      boolean outOfBudget, int[] choices, boolean replayed) {
    String token = new ReplayToken(ReplayToken.modelTag(model.name()), seed, choices).encode();
    return new FailureMessage.Context(
        model.name(), seed, tryNumber, settings.tries(), originalSteps, shrinkRuns, shrinkTime,
        outOfBudget, token, settings.replayCommand(token), replayed);
  }

  private RunSummary summary(long seed, Statistics statistics, long started, String note) {
    return new RunSummary(
        model.name(), seed, statistics.programs(), statistics.steps(), statistics.commands(),
        statistics.states(), statistics.transitions(),
        Duration.ofNanos(System.nanoTime() - started), note);
  }

  /**
   * Generates programs with no system running, to find what is wrong with the model before any
   * system runs: commands that are never enabled, generators that give nothing, references used
   * before they are bound.
   */
  private void validate(long seed) {
    boolean[] everEnabled = new boolean[model.commands().size()];
    for (int i = 0; i < VALIDATION_PROGRAMS; i++) {
      generateOrExplain(ChoiceRecorder.random(trySeed(~seed, i)), everEnabled);
      if (i >= MIN_VALIDATION_PROGRAMS && allEnabled(everEnabled)) {
        break;
      }
    }
    for (int i = 0; i < everEnabled.length; i++) {
      if (!everEnabled[i] && model.commands().get(i).weight() > 0) {
        var command = model.commands().get(i);
        String from = command.from().isEmpty() ? "" : " (it runs only from " + command.from() + ")";
        throw new TollgateConfigurationException(
            "Command '" + command.name() + "' was never enabled in " + VALIDATION_PROGRAMS
                + " generated programs of up to " + settings.maxSteps() + " steps with "
                + settings.users() + " user(s): its precondition is never true" + from
                + ". Expected every command to be reachable. Fix its precondition or its"
                + " from-states, make a command lead to them, or remove the command (weight 0"
                + " switches it off).");
      }
    }
  }

  private boolean allEnabled(boolean[] everEnabled) {
    for (int i = 0; i < everEnabled.length; i++) {
      if (!everEnabled[i] && model.commands().get(i).weight() > 0) {
        return false;
      }
    }
    return true;
  }

  private Program<M, S> generateOrExplain(ChoiceRecorder choices) {
    return generateOrExplain(choices, null);
  }

  private Program<M, S> generateOrExplain(ChoiceRecorder choices, boolean[] everEnabled) {
    try {
      return generator.generate(choices, everEnabled);
    } catch (Unsatisfied e) {
      throw new TollgateConfigurationException(
          "Model '" + model.name() + "': " + e.getMessage() + ". Expected a filter that keeps a"
              + " fair share of the values it sees. Generate the wanted values directly instead,"
              + " e.g. Gen.integers(1, 10) rather than Gen.integers().filter(i -> i >= 1 && i <="
              + " 10), or relax the filter.");
    }
  }
}
