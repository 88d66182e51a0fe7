package dev.tollgate.internal.runner;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.internal.gen.Unsatisfied;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.ReachabilitySearch;
import dev.tollgate.internal.shrink.Shrinker;
import dev.tollgate.model.Model;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.SystemUnderTest;
import dev.tollgate.internal.report.Corpus;
import dev.tollgate.internal.report.Progress;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.internal.report.ReportFiles;
import dev.tollgate.internal.report.RunRecord;
import dev.tollgate.runner.ModelCheckFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** Checks one model against one system: validate, generate and run tries, shrink a failure. */
public final class Checker<M, S> {
  /** How many programs are generated, with no system, to check the model before running it. */
  public static final int VALIDATION_PROGRAMS = 200;
  /** Validation stops early, after this many programs, once every command has been enabled. */
  private static final int MIN_VALIDATION_PROGRAMS = 5;
  /** How many programs the reachability search may generate (-Dtollgate.reachabilityPrograms). */
  public static final int DEFAULT_SEARCH_PROGRAMS = 20_000;
  static final String SEARCH_PROGRAMS = "tollgate.reachabilityPrograms";
  static final String RARE_COMMANDS = "tollgate.rareCommands";

  private final Model<M, S> model;
  private final SystemUnderTest<S> system;
  private final Settings settings;
  private final ProgramGenerator<M, S> generator;
  private final ProgramRunner<M, S> executor;
  private final Consumer<Program<M, S>> shrinkCandidates;
  /** Commands no random validation program enabled: found by the search, or marked rare; for the statistics line. */
  private final List<String> rare = new ArrayList<>();
  private EarlyRecord early;

  public Checker(
      Model<M, S> model,
      SystemUnderTest<S> system,
      Settings settings,
      Consumer<Program<M, S>> shrinkCandidates) {
    this(model, system, settings, shrinkCandidates,
        new Executor<>(model, system, settings.stepTimeout(), settings.concurrency()));
  }

  /**
   * A check whose programs run through {@code runner}, e.g. on a control and a candidate side by
   * side; {@code system} is the one the reports describe and whose lock the check holds.
   */
  public Checker(
      Model<M, S> model,
      SystemUnderTest<S> system,
      Settings settings,
      Consumer<Program<M, S>> shrinkCandidates,
      ProgramRunner<M, S> runner) {
    this.model = model;
    this.system = system;
    this.settings = settings;
    this.generator =
        new ProgramGenerator<>(model, settings.users(), settings.maxSteps(), settings.swarm(),
            settings.concurrency().branches(), settings.concurrency().branchSteps());
    this.executor = runner;
    this.shrinkCandidates = shrinkCandidates;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /**
   * How long a step still running when the budget is over may go on: a twentieth of the budget,
   * at most the step timeout, so the check ends within about a tenth over its budget.
   */
  private Duration grace() {
    Duration twentieth = settings.timeBudget().dividedBy(20);
    return twentieth.compareTo(settings.stepTimeout()) < 0 ? twentieth : settings.stepTimeout();
  }

  private TollgateHarnessException outOfTime(String what, RunResult.Cut cut) {
    return new TollgateHarnessException("Model '" + model.name() + "': the time budget of "
        + settings.timeBudget() + " was used up before " + what + " finished: " + cut.describe()
        + ". Expected at least one program to finish within the budget, so that something was"
        + " checked. Raise timeBudget (-Dtollgate.timeBudget), or set -Dtollgate.stepTimeout"
        + " (now " + settings.stepTimeout() + ") below it, so that a step that hangs fails the"
        + " run as a timeout and is shrunk.");
  }

  /** Seeds for each try come from the run's seed, so a seed replays every try. */
  public static long trySeed(long seed, int tryIndex) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (tryIndex + 1))).nextLong();
  }

  public RunSummary check() {
    early = new EarlyRecord(settings, model.name(), reportFolder(), corpus());
    early.started(settings.seed());
    try {
      return checkValidated();
    } catch (TollgateConfigurationException e) {
      Path folder = reportFolder();
      if (folder != null) {
        ReportFiles.configurationError(folder, model.name(), e.getMessage());
      }
      throw e;
    } catch (TollgateHarnessException e) {
      Path folder = reportFolder();
      if (folder != null) {
        ReportFiles.harnessFault(folder, model.name(), e.getMessage());
      }
      throw e;
    }
  }

  private RunSummary checkValidated() {
    long seed = settings.seed();
    validate(seed);
    // The model is checked before the wait, and the time budget starts after it.
    ReentrantLock lock = system instanceof Shared shared ? shared.checkLock() : null;
    if (lock == null) {
      return checkLocked(seed);
    }
    acquire(lock);
    try {
      return checkLocked(seed);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the system's lock. A timed tryLock, unlike the plain one, keeps the lock's
   * fairness: a check that comes later does not overtake one that already waits.
   */
  private void acquire(ReentrantLock lock) {
    try {
      if (lock.tryLock(0, TimeUnit.NANOSECONDS)) {
        return;
      }
      settings.reporting().reporter().line("Tollgate: model '" + model.name() + "' waits for its"
          + " environment: another check is using it (JUnit parallel execution), and checks on one"
          + " environment run one at a time.");
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TollgateHarnessException("Model '" + model.name() + "': interrupted while waiting"
          + " for its environment, which another check was using. Expected to get it once that"
          + " check ended; the test was stopped before (a JUnit timeout?).", e);
    }
  }

  private RunSummary checkLocked(long seed) {
    Statistics statistics = new Statistics();
    long started = System.nanoTime();
    long budget = settings.timeBudget().toNanos();
    executor.stopAt(started + budget, grace());
    Reporting reporting = settings.reporting();
    Progress progress = new Progress(reporting.reporter(), model.name(),
        reporting.progressInterval().toNanos(), System::nanoTime);
    String replay = settings.replay();
    if (replay != null) {
      ReplayToken token = ReplayToken.decode(replay);
      if (token.modelTag().equals(ReplayToken.modelTag(model.name()))) {
        Program<M, S> program = generateOrExplain(ChoiceRecorder.replay(token.choices()));
        RunResult result = executor.run(program);
        statistics.record(program, result);
        if (result.cut() != null) {
          throw outOfTime("the replayed program", result.cut());
        }
        if (!result.passed()) {
          throw fail(program, result, new RunRecord.Discovery("replay token", 1, 1,
              program.size(), 0, 0, false, millisSince(started), statistics.programs(),
              statistics.steps(), 0), token.seed(), statistics, List.of(), false);
        }
        return pass(token.seed(), statistics, started, "replayed 1 program", List.of());
      }
      // A replay line run over several model tests reaches the others too: say why they run
      // as usual instead of replaying.
      reporting.reporter().line("Tollgate: model '" + model.name() + "': -Dtollgate.replay holds"
          + " a program of another model; running the usual tries instead.");
    }
    List<RunRecord.CorpusOutcome> corpus = replayCorpus(seed, statistics, started);
    String note = null;
    for (int t = 0; t < settings.tries(); t++) {
      if (t > 0 && executor.outOfTime()) {
        note = "stopped after " + t + " of " + settings.tries() + " tries: time budget of "
            + settings.timeBudget() + " used up";
        break;
      }
      Program<M, S> program = generateOrExplain(ChoiceRecorder.random(trySeed(seed, t)));
      RunResult result = executor.run(program);
      statistics.record(program, result);
      if (result.cut() != null) {
        if (t == 0 && corpus.isEmpty()) {
          throw outOfTime("the first try", result.cut());
        }
        note = "stopped during try " + (t + 1) + " of " + settings.tries() + ": time budget of "
            + settings.timeBudget() + " used up (" + result.cut().describe() + ")";
        break;
      }
      progress.tried(t + 1, settings.tries(), !result.passed());
      if (!result.passed()) {
        early.found(t + 1, settings.tries(), program, result, true);
        long foundMillis = millisSince(started);
        int programsRun = statistics.programs();
        long stepsRun = statistics.steps();
        long shrinkStart = System.nanoTime();
        int repetitions = shrinkRepetitions(program);
        long shrinkEnd = Math.min(shrinkStart + settings.shrinkTime().toNanos(), started + budget);
        Consumer<Program<M, S>> seen = candidate -> {
          progress.shrinkRun(candidate.size());
          shrinkCandidates.accept(candidate);
        };
        Shrinker.Result<M, S> shrunk = shrink(program, result, repetitions, shrinkEnd, seen);
        shrunk = polish(shrunk, repetitions, shrinkEnd, seen);
        long shrinkMillis = millisSince(shrinkStart);
        throw fail(shrunk.program(), shrunk.result(),
            new RunRecord.Discovery("random try", t + 1, settings.tries(), result.stepsRun(),
                shrunk.runs(), shrinkMillis, shrunk.outOfBudget(), foundMillis, programsRun,
                stepsRun, shrunk.steps()),
            seed, statistics, corpus, true);
      }
    }
    return pass(seed, statistics, started, note, corpus);
  }

  /**
   * Replays the corpus entries of this test, before any random try. An entry that fails is the
   * check's failure; one that passes stays, since it guards a fix. An entry saved as flaky is
   * replayed until it fails, up to {@link Reruns#corpusReplays} times, so its bug fails nearly every
   * run rather than every other; passing them all is reported as "flaky entry passed".
   */
  private List<RunRecord.CorpusOutcome> replayCorpus(
      long seed, Statistics statistics, long started) {
    Corpus corpus = corpus();
    if (corpus == null) {
      return List.of();
    }
    String tag = ReplayToken.modelTag(model.name());
    List<RunRecord.CorpusOutcome> outcomes = new ArrayList<>();
    for (Corpus.Entry entry : corpus.entries()) {
      ReplayToken token;
      try {
        token = entry.token() == null ? null : ReplayToken.decode(entry.token());
      } catch (TollgateConfigurationException e) {
        token = null;
      }
      if (token == null) {
        outcomes.add(ignored(entry, "holds no replay token (a line 'replay=t1.…')"));
        continue;
      }
      if (!token.modelTag().equals(tag)) {
        outcomes.add(ignored(entry, "belongs to another model (tag " + token.modelTag()
            + ", this model '" + model.name() + "' has tag " + tag + ")"));
        continue;
      }
      Program<M, S> program;
      try {
        program = generator.generate(ChoiceRecorder.replay(token.choices()), null);
      } catch (RuntimeException e) {
        outcomes.add(ignored(entry, "no longer makes a program of this model: " + e.getMessage()));
        continue;
      }
      // A flaky entry is replayed until it fails, up to enough replays to catch its bug (Reruns).
      int replays = entry.flaky() == null ? 1 : Reruns.corpusReplays(entry.flaky());
      int ran = 0;
      RunResult result;
      do {
        result = executor.run(program);
        statistics.record(program, result);
        ran++;
      } while (ran < replays && result.cut() == null && result.passed() && !executor.outOfTime());
      if (result.cut() != null) {
        if (outcomes.stream().noneMatch(Checker::passed)) {
          throw outOfTime("corpus entry " + entry.file(), result.cut());
        }
        outcomes.add(ignored(entry, "did not finish: the time budget was used up ("
            + result.cut().describe() + ")"));
        break;
      }
      if (!result.passed()) {
        outcomes.add(new RunRecord.CorpusOutcome(entry.file(), "failed", entry.flaky() == null
            ? null : "saved as flaky (" + entry.flaky().rateText() + "); failed on replay " + ran
                + " of up to " + replays));
        throw fail(program, result, new RunRecord.Discovery("corpus entry " + entry.file(), 0,
            settings.tries(), program.size(), 0, 0, false, millisSince(started),
            statistics.programs(), statistics.steps(), 0), token.seed(), statistics, outcomes,
            false);
      }
      if (entry.flaky() == null) {
        outcomes.add(new RunRecord.CorpusOutcome(entry.file(), "passed", "guards the fix"));
      } else {
        outcomes.add(new RunRecord.CorpusOutcome(entry.file(), FLAKY_ENTRY_PASSED, "it was saved as"
            + " flaky (" + entry.flaky().rateText() + ") and passed " + (ran == 1 ? "its replay"
            : "all " + ran + " replays") + (ran < replays ? " (the time budget stopped the other "
            + (replays - ran) + ")" : "") + ", so its bug is likely fixed, though a flaky bug can"
            + " still hide; it stays, and is replayed up to " + replays + " times every run"));
      }
    }
    if (!outcomes.isEmpty()) {
      long passed = outcomes.stream().filter(Checker::passed).count();
      List<String> flaky = outcomes.stream()
          .filter(o -> o.outcome().equals(FLAKY_ENTRY_PASSED)).map(RunRecord.CorpusOutcome::file).toList();
      settings.reporting().reporter().line("Tollgate: model '" + model.name() + "': replayed "
          + passed + " corpus " + (passed == 1 ? "entry" : "entries") + " from " + corpus.folder()
          + " first: all passed" + (flaky.isEmpty() ? "" : "; flaky entry passed: "
              + String.join(", ", flaky) + " (saved as flaky, passed every replay; see the report)")
          + (outcomes.size() > passed
              ? "; ignored " + (outcomes.size() - passed) + " (see the report)" : ""));
    }
    return outcomes;
  }

  /**
   * How often a shrink candidate of a parallel program runs at most before it counts as passing:
   * enough that a race failing as often as the found program's would show in nearly every
   * candidate that keeps it (its rate measured over all repetitions; at least 3), and never more
   * than the check's repetitions. Passing candidates cost every repetition, so this keeps the
   * shrink's reruns few.
   */
  private int shrinkRepetitions(Program<M, S> program) {
    int all = settings.concurrency().repetitions();
    if (!program.isParallel() || executor.outOfTime()) {
      return all;
    }
    RunResult counted = executor.runAllRepetitions(program);
    ParallelOutcome outcome = counted.parallel();
    if (counted.cut() != null || outcome == null || outcome.failedRepetitions() == 0) {
      return all;
    }
    double rate = outcome.failedRepetitions() / (double) outcome.repetitions();
    // Misses a candidate that keeps the race with chance (1 - rate)^n: about 1 in 20 at 3/rate.
    return (int) Math.min(all, Math.max(3, Math.ceil(3 / rate)));
  }

  /**
   * Shrinks a parallel program again, from where a shrink at fewer than the check's repetitions
   * stopped, at all of them. The fewer come from the found program's failure rate, and a smaller
   * program often races less often: a candidate that keeps the race may pass those few runs and
   * be dropped, so that shrink stops short of the smallest program. Near the end few candidates
   * are left, so running each as often as the check does costs little. The rounds and time left
   * of the shrink budget bound it.
   */
  private Shrinker.Result<M, S> polish(Shrinker.Result<M, S> shrunk, int repetitions, long end,
      Consumer<Program<M, S>> seen) {
    int all = settings.concurrency().repetitions();
    if (repetitions >= all || shrunk.outOfBudget() || !shrunk.program().isParallel()
        || executor.outOfTime() || System.nanoTime() >= end) {
      return shrunk;
    }
    return shrunk.then(shrink(shrunk.program(), shrunk.result(), all, end, seen));
  }

  /** Shrinks {@code program}, running each candidate up to {@code repetitions} times, until {@code end}. */
  private Shrinker.Result<M, S> shrink(Program<M, S> program, RunResult result, int repetitions,
      long end, Consumer<Program<M, S>> seen) {
    return new Shrinker<>(generator, candidate -> executor.runUpTo(candidate, repetitions),
        settings.shrinkRuns(), Math.max(0, end - System.nanoTime()), seen)
        .onImprovement(early::improved)
        .shrink(program, result);
  }

  /** The outcome of a flaky corpus entry that passed every replay. */
  static final String FLAKY_ENTRY_PASSED = "flaky entry passed";

  private static boolean passed(RunRecord.CorpusOutcome outcome) {
    return outcome.outcome().equals("passed") || outcome.outcome().equals(FLAKY_ENTRY_PASSED);
  }

  private RunRecord.CorpusOutcome ignored(Corpus.Entry entry, String why) {
    settings.reporting().reporter().line(
        "Tollgate: ignored corpus entry " + entry.file() + ": it " + why + ".");
    return new RunRecord.CorpusOutcome(entry.file(), "ignored", why);
  }

  private Corpus corpus() {
    Reporting r = settings.reporting();
    return r.corpusRoot() == null
        ? null : new Corpus(r.corpusRoot().resolve(r.folderName(model.name())));
  }

  private Path reportFolder() {
    Reporting r = settings.reporting();
    return r.reportRoot() == null ? null : r.reportRoot().resolve(r.folderName(model.name()));
  }

  /**
   * Classifies the failure by rerunning it, builds the message, writes the reports, saves a new
   * failure to the corpus, and returns the exception to throw.
   */
  private ModelCheckFailure fail(
      Program<M, S> program, RunResult result, RunRecord.Discovery discovery, long seed,
      Statistics statistics, List<RunRecord.CorpusOutcome> corpus, boolean saveToCorpus) {
    String signature = result.failure().signature();
    if (program.isParallel() && !executor.outOfTime()) {
      // How often the race shows: every repetition of the shrunk program, counted.
      RunResult counted = executor.runAllRepetitions(program);
      if (counted.cut() == null && result.parallel() != null) {
        boolean same = !counted.passed() && counted.failure().signature().equals(signature);
        ParallelOutcome counts = counted.parallel();
        result = same ? counted : result.withParallel(
            result.parallel().counted(counts.repetitions(), counts.failedRepetitions()));
      }
    }
    Reruns reruns = new Reruns(settings.reporting().flakyReruns());
    while (reruns.more()) {
      if (executor.outOfTime()) {
        reruns.cutShort();
        break;
      }
      RunResult again = executor.run(program);
      if (again.cut() != null) {
        reruns.cutShort();
        break;
      }
      reruns.record(!again.passed() && again.failure().signature().equals(signature));
    }
    RunRecord.Flakiness flakiness = reruns.result();
    String token =
        new ReplayToken(ReplayToken.modelTag(model.name()), seed, program.choices()).encode();
    Path folder = reportFolder();
    Corpus saved = corpus();
    String test = settings.reporting().testId(model.name());
    ModelCheckFailure failure = null;
    try {
      // The steps first: redacting their exchanges registers the secrets they carry, before the
      // message that may quote them is built.
      List<RunRecord.StepRecord> steps = RunReports.steps(program, result);
      failure = FailureMessage.build(program, result, new FailureMessage.Context(
          model.name(), seed, discovery.tryNumber(), settings.tries(), discovery.originalSteps(),
          discovery.shrinkRuns(), Duration.ofMillis(discovery.shrinkMillis()),
          discovery.shrinkOutOfBudget(), token, settings.replayCommand(token),
          discovery.source(), flakiness.text(), flakiness.reruns() == 0 ? null : flakiness.rateText(),
          folder == null ? null : Invocation.current().display(folder.resolve("report.html")),
          new FailureMessage.Numbers(discovery.firstFailureMillis(), discovery.programsRun(),
              discovery.stepsRun(), discovery.shrinkSteps())));
      RunRecord run = new RunRecord(
          test, model.name(), RunReports.failure(result.failure()),
          steps, discovery, seed, token, settings.replayCommand(token),
          flakiness, RunReports.coverage(statistics, model, executor.controlLatencies()), corpus,
          RunReports.environment(settings, system, executor.describe()),
          Redactor.text(failure.getMessage()), ParallelReports.of(program, result));
      if (folder != null) {
        ReportFiles.write(folder, run);
      }
      if (saveToCorpus && saved != null) {
        early.saved(saved.save(token, run).getFileName().toString());
      }
      return failure;
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      String replayLine;
      try {
        replayLine = settings.replayCommand(token);
      } catch (RuntimeException inner) {
        replayLine = "-Dtollgate.replay=" + token;
      }
      return FallbackReport.handle(program, result, new FallbackReport.Facts(model.name(), test,
          seed, token, replayLine, flakiness, discovery, folder,
          saveToCorpus ? saved : null), failure, e, settings.reporting().reporter(), early::saved);
    }
  }

  private RunSummary pass(long seed, Statistics statistics, long started, String note,
      List<RunRecord.CorpusOutcome> corpus) {
    RunSummary summary = new RunSummary(
        model.name(), seed, statistics.programs(), statistics.steps(), statistics.commands(),
        statistics.states(), statistics.transitions(),
        Duration.ofNanos(System.nanoTime() - started), rareNote(note),
        corpus.stream().map(c -> c.file() + ": " + c.outcome()).toList(),
        RunReports.flagCounts(statistics));
    Path folder = reportFolder();
    if (folder != null) {
      ReportFiles.write(folder, new RunRecord(
          settings.reporting().testId(model.name()), model.name(), null, List.of(), null, seed,
          null, null, null, RunReports.coverage(statistics, model, executor.controlLatencies()), corpus,
          RunReports.environment(settings, system, executor.describe()), summary.toString()));
    }
    return summary;
  }

  /**
   * Generates programs with no system running, to find what is wrong with the model before any
   * system runs: commands that are never enabled, generators that give nothing, references used
   * before they are bound.
   */
  private void validate(long seed) {
    boolean[] everEnabled = new boolean[model.commands().size()];
    for (int i = 0; i < VALIDATION_PROGRAMS; i++) {
      generateOrExplain(ChoiceRecorder.random(trySeed(~seed, i)), everEnabled, true);
      if (i >= MIN_VALIDATION_PROGRAMS && firstNeverEnabled(everEnabled) < 0) {
        return;
      }
    }
    int never = firstNeverEnabled(everEnabled);
    if (never < 0) {
      return;
    }
    boolean[] sampled = everEnabled.clone();
    int budget = Integer.getInteger(SEARCH_PROGRAMS, DEFAULT_SEARCH_PROGRAMS);
    ReachabilitySearch.Result found = new ReachabilitySearch<>(model, generator, settings.users(), settings.maxSteps())
        .search(everEnabled, ~seed * 31, budget);
    Set<String> markedRare = Set.of(System.getProperty(RARE_COMMANDS, "").split("\\s*,\\s*"));
    for (int i = 0; i < sampled.length; i++) {
      var command = model.commands().get(i);
      if (sampled[i] || command.weight() == 0) {
        continue;
      }
      if (everEnabled[i]) {
        rare.add(command.name() + " (enabled in none of " + VALIDATION_PROGRAMS + " random programs; the reachability"
            + " search enabled it after " + found.firstDepth()[i] + " steps: raise maxSteps or the weights"
            + " of the commands it needs, so the tries run it more)");
      } else if (markedRare.contains(command.name())) {
        rare.add(command.name() + " (never enabled, marked rare with -D" + RARE_COMMANDS + ")");
      } else {
        String from = command.from().isEmpty() ? "" : " (it runs only from " + command.from() + ")";
        throw new TollgateConfigurationException(
            "Command '" + command.name() + "' was never enabled, neither in " + VALIDATION_PROGRAMS
                + " random programs nor in a search of " + found.programs() + " programs that extended programs"
                + " step by step towards the commands they enable, all of up to " + settings.maxSteps()
                + " steps with " + settings.users() + " user(s): its precondition is never true" + from
                + ". Expected every command to be reachable. Fix its precondition or its from-states, make a"
                + " command lead to them, or remove the command (weight 0 switches it off). If it needs"
                + " longer programs, raise maxSteps; to search harder, set -D" + SEARCH_PROGRAMS + "="
                + budget * 5 + " (now " + budget + "); if it is rare on purpose, set -D" + RARE_COMMANDS + "="
                + command.name() + " to have a warning instead.");
      }
    }
  }

  private String rareNote(String note) {
    if (rare.isEmpty()) {
      return note;
    }
    String warning = "warning: rare " + (rare.size() == 1 ? "command " : "commands ") + String.join(", ", rare);
    return note == null ? warning : note + "; " + warning;
  }

  /** The first command with a weight that was never enabled, or -1. */
  private int firstNeverEnabled(boolean[] everEnabled) {
    for (int i = 0; i < everEnabled.length; i++) {
      if (!everEnabled[i] && model.commands().get(i).weight() > 0) {
        return i;
      }
    }
    return -1;
  }

  private Program<M, S> generateOrExplain(ChoiceRecorder choices) {
    return generateOrExplain(choices, null, false);
  }

  /** {@code checked}: also check the model on the program (pure, and updates leave states alone). */
  private Program<M, S> generateOrExplain(ChoiceRecorder choices, boolean[] everEnabled, boolean checked) {
    try {
      return checked ? generator.generateChecked(choices, everEnabled) : generator.generate(choices, everEnabled);
    } catch (Unsatisfied e) {
      throw new TollgateConfigurationException(
          "Model '" + model.name() + "': " + e.getMessage() + ". Expected a filter that keeps a"
              + " fair share of the values it sees. Generate the wanted values directly instead,"
              + " e.g. Gen.integers(1, 10) rather than Gen.integers().filter(i -> i >= 1 && i <="
              + " 10), or relax the filter.");
    }
  }
}
