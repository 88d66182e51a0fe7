package dev.tollgate.runner;

import dev.tollgate.internal.compare.ComparingRunner;
import dev.tollgate.internal.module.Addressed;
import dev.tollgate.internal.secrets.Redactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tollgate.internal.text.Printable;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.junit.CallingTest;
import dev.tollgate.internal.runner.Checker;
import dev.tollgate.internal.runner.Concurrency;
import dev.tollgate.internal.runner.DescribedRunner;
import dev.tollgate.internal.runner.Executor;
import dev.tollgate.internal.runner.FolderClaims;
import dev.tollgate.internal.runner.Invocation;
import dev.tollgate.internal.runner.ProgramRunner;
import dev.tollgate.internal.runner.ReplayLine;
import dev.tollgate.internal.runner.Reporting;
import dev.tollgate.internal.runner.Settings;
import dev.tollgate.internal.settings.SettingKeys;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks models against systems: generates programs, runs them, and on a failure shrinks the
 * program and throws an opentest4j {@code AssertionFailedError} that tells the story and the line
 * that replays it. On success it reports one statistics line.
 *
 * <p>Get one from {@code Tollgate.runner()} or as a parameter of a {@link StateMachineTest}.
 * Runners are immutable; each setter returns a new one. System properties ({@code tollgate.tries},
 * {@code tollgate.maxSteps}, {@code tollgate.users}, {@code tollgate.seed}, {@code
 * tollgate.timeBudget}, {@code tollgate.stepTimeout}, {@code tollgate.shrinkRuns}, {@code
 * tollgate.shrinkTime}, {@code
 * tollgate.replay}, {@code tollgate.reportDir}, {@code tollgate.corpus}, {@code
 * tollgate.flakyReruns}) override what the code says, so CI can turn the knobs. Two more have no
 * setter: {@code tollgate.reachabilityPrograms} (how many programs the search for a command that no
 * random program enabled may generate, default 20,000) and {@code tollgate.rareCommands} (commands,
 * comma-separated, that are rare on purpose: a warning instead of an error when never enabled).
 *
 * <p>Every check writes {@code report.json}, {@code report.md} and {@code report.html} into
 * {@code target/tollgate/<test>/}; a failure is rerun to classify it as deterministic or flaky,
 * and saved to the regression corpus {@code src/test/tollgate-corpus/<test>/}, whose entries every
 * later run replays first. {@code <test>} is the test's fully qualified class and method, {@code
 * dev.example.TodoGateIT.todos} (plus the model's name for a second model the same method checks):
 * the test a {@link StateMachineTest} names, the one given to {@link #test(String, String)}, or
 * else the JUnit test method found on the calling thread's stack; outside any test, the model's
 * name.
 *
 * <p>Under JUnit's parallel execution, checks on one {@link TollgateExtension} environment run
 * one at a time: each holds the environment's fair lock from its first reset to its end, and the
 * others wait (their time budget starts once they have it).
 */
public final class Runner {
  public static final int DEFAULT_TRIES = 200;
  public static final int DEFAULT_MAX_STEPS = 50;
  public static final int DEFAULT_USERS = 1;
  public static final int DEFAULT_REPETITIONS = Concurrency.DEFAULT_REPETITIONS;
  public static final int DEFAULT_SHRINK_RUNS = 1000;
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SHRINK_TIME = Duration.ofMinutes(2);
  public static final Path DEFAULT_REPORT_DIR = Path.of("target", "tollgate");
  public static final Path DEFAULT_CORPUS = Path.of("src", "test", "tollgate-corpus");
  /** The value of {@code -Dtollgate.reportDir} or {@code -Dtollgate.corpus} that switches it off. */
  public static final String NONE = "none";
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  private final Knobs knobs;

  private Runner(Knobs knobs) {
    this.knobs = knobs;
  }

  /** A runner with the defaults, reporting to the console. */
  public static Runner defaults() {
    return new Runner(new Knobs());
  }

  public Runner tries(int value) {
    return with(k -> k.tries = positive("tries", value));
  }

  public Runner maxSteps(int value) {
    return with(k -> k.maxSteps = positive("maxSteps", value));
  }

  public Runner users(int value) {
    return with(k -> k.users = positive("users", value));
  }

  /** Fixes the seed; by default each check draws a new one (and reports it). */
  public Runner seed(long value) {
    return with(k -> k.seed = value);
  }

  /**
   * Runs exactly the program of this replay token (from a failure's replay line) instead of the
   * corpus and the random tries; {@code -Dtollgate.replay} wins over it. For replaying from an
   * IDE: remove it again once the bug is fixed.
   */
  public Runner replay(String token) {
    Objects.requireNonNull(token, "replay");
    return with(k -> k.replay = token.isBlank() ? null : token.trim());
  }

  /**
   * The check's time (default 10 minutes): once it has passed, no new try, step, shrink run or
   * rerun starts, and a step still running is abandoned soon after (within a twentieth of it).
   */
  public Runner timeBudget(Duration value) {
    return with(k -> k.timeBudget = positive("timeBudget", value, DEFAULT_TIME_BUDGET));
  }

  /**
   * Shrinking stops after this many runs in a row that did not shrink (default 1000); runs that
   * make progress do not count, so the limit is the shrink time.
   */
  public Runner shrinkRuns(int value) {
    return with(k -> k.shrinkRuns = positive("shrinkRuns", value));
  }

  /**
   * Each step's deadline (default 30 seconds): a step still running then fails the run as a
   * timeout, and its thread is interrupted and abandoned.
   */
  public Runner stepTimeout(Duration value) {
    return with(k -> k.stepTimeout = positive("stepTimeout", value, Executor.DEFAULT_STEP_TIMEOUT));
  }

  /** At most this much time shrinking (default 2 minutes). */
  public Runner shrinkTime(Duration value) {
    return with(k -> k.shrinkTime = positive("shrinkTime", value, DEFAULT_SHRINK_TIME));
  }

  /**
   * Swarm testing (default on): each program switches a random subset of commands off and skews
   * the weights of the rest. A command that is the only way into a user state, or the last one on
   * that makes a kind of reference, is only skewed.
   */
  public Runner swarm(boolean value) {
    return with(k -> k.swarm = value);
  }

  /**
   * Parallel programs (default off): a sequential prefix, then 2 to {@code branches} branches
   * that run at once, each one user's steps in that user's own session, started together behind a
   * barrier. Every branch step is enabled in every interleaving of the branches. A run passes if
   * some order of all steps that keeps their real-time order satisfies the model (preconditions,
   * postconditions, and the invariants once the branches have joined). Users are raised to
   * {@code branches} if fewer. 0 switches it off again.
   */
  public Runner parallel(int branches) {
    if (branches == 1 || branches < 0) {
      throw new TollgateConfigurationException("parallel(" + branches + "): expected 0 (off) or"
          + " 2 or more branches.");
    }
    return with(k -> k.parallel = branches);
  }

  /** How often each parallel program runs (default 20): a race shows only in some runs. */
  public Runner repetitions(int value) {
    return with(k -> k.repetitions = positive("repetitions", value));
  }

  /** At most this many steps in each branch of a parallel program (default 4). */
  public Runner branchSteps(int value) {
    return with(k -> k.branchSteps = positive("branchSteps", value));
  }

  /**
   * A random delay of up to {@code value} before each branch step of a parallel program (default
   * none), so that requests meet in more ways.
   */
  public Runner jitter(Duration value) {
    return with(k -> k.jitter = positive("jitter", value, Duration.ofMillis(2)));
  }

  /** Reports go to {@code folder/<test>/} (default {@code target/tollgate}). */
  public Runner reportDir(Path folder) {
    return with(k -> k.reportDir = Objects.requireNonNull(folder, "reportDir"));
  }

  /** Writes no report files. */
  public Runner withoutReports() {
    return with(k -> k.reportDir = null);
  }

  /** The regression corpus is {@code folder/<test>/} (default {@code src/test/tollgate-corpus}). */
  public Runner corpus(Path folder) {
    return with(k -> k.corpus = Objects.requireNonNull(folder, "corpus"));
  }

  /** Neither replays nor saves a regression corpus. */
  public Runner withoutCorpus() {
    return with(k -> k.corpus = null);
  }

  /**
   * How often a shrunk failure is rerun at most to tell deterministic from flaky (default 20; 0:
   * never). Ten reproductions in a row with no pass end the reruns early as deterministic; a
   * flaky failure uses them all, to estimate its rate.
   */
  public Runner flakyReruns(int value) {
    if (value < 0) {
      throw new TollgateConfigurationException(
          "flakyReruns = " + value + ": expected 0 or more (0 skips the classification).");
    }
    return with(k -> k.flakyReruns = value);
  }

  public Runner reporter(Reporter value) {
    return with(k -> k.reporter = Objects.requireNonNull(value, "reporter"));
  }

  /**
   * The system {@link #check(Model)} runs against; a {@link TollgateExtension} binds its
   * environment's this way.
   */
  public Runner system(SystemUnderTest<?> value) {
    return with(k -> k.system = Objects.requireNonNull(value, "system"));
  }

  /** Names the test, so the replay line in a failure can run exactly it. */
  public Runner test(String className, String methodName) {
    return with(k -> {
      k.testClass = className;
      k.testMethod = methodName;
    });
  }

  /**
   * Says the system runs on a schema that a later release migrated to, as the previous release
   * does during a rolling deploy: {@code release} names the release whose model and app run (say
   * {@code "release 1"}), {@code migrations} the scripts the later release applied ({@code
   * environment.migrations()}, from {@code Environments.builder().migratedBy(..)}). The reports
   * name both, and the gate rules on the run as the compatibility of those migrations.
   */
  public Runner onMigratedSchema(String release, List<String> migrations) {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(migrations, "migrations");
    if (release.isBlank()) {
      throw new TollgateConfigurationException("onMigratedSchema(\"\", ..): expected the name of the"
          + " release whose model runs, as reports and the gate show it, such as \"release 1\".");
    }
    List<String> scripts = List.copyOf(migrations);
    return with(k -> k.migration = Map.of("release", release.strip(), "scripts", scripts));
  }

  private Runner with(Consumer<Knobs> change) {
    Knobs copy = knobs.copy();
    change.accept(copy);
    return new Runner(copy);
  }

  /**
   * Checks {@code model} against the system this runner is bound to: the environment of the
   * test class's {@link TollgateExtension}, or one given with {@link #system(SystemUnderTest)}.
   */
  @SuppressWarnings("unchecked")
  public <M, S> RunSummary check(Model<M, S> model) {
    if (knobs.system == null) {
      throw new TollgateConfigurationException(
          "runner.check(model) needs a system to run against, but this runner has none. Register"
              + " a TollgateExtension on the test class (@RegisterExtension static final"
              + " TollgateExtension gate = Tollgate.environment().app(..).postgres().build();),"
              + " or pass the system: runner.check(model, system).");
    }
    return check(model, (SystemUnderTest<S>) knobs.system);
  }

  /**
   * Checks {@code model} against {@code system}. Throws {@code AssertionFailedError} when the
   * system and the model disagree, and {@link TollgateConfigurationException} when the model or
   * the settings are unusable.
   */
  public <M, S> RunSummary check(Model<M, S> model, SystemUnderTest<S> system) {
    Settings settings = settings();
    RunSummary summary = new Checker<>(model, system, settings, candidate -> {}, described(
        new Executor<>(model, system, settings.stepTimeout(), settings.concurrency()))).check();
    printable(knobs.reporter).line(summary.toString());
    return summary;
  }

  /**
   * Runs the same programs against the comparison's control and candidate, step by step, and
   * fails when their answers differ, or when either fails the model's checks. The shrunk failure
   * shows both answers side by side; the reports hold each side's latency per command, which the
   * gate compares ({@code candidate.p95Ratio}).
   */
  public <M, S> RunSummary compare(Model<M, S> model, ComparedSystems<S> comparison) {
    Settings settings = settings();
    if (settings.concurrency().branches() > 0) {
      throw new TollgateConfigurationException("runner.compare(..) with parallel("
          + settings.concurrency().branches() + "): a comparison runs sequential programs only,"
          + " since branches that race answer differently from run to run on any one system."
          + " Expected parallel off for a comparison: drop parallel(..) (or -Dtollgate.parallel)"
          + " here, and check races in a test of their own.");
    }
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("comparison", Map.of("control", describe(comparison.control()),
        "candidate", describe(comparison.candidate()), "ignoredPaths", comparison.ignoredPaths()));
    RunSummary summary = new Checker<>(model, comparison.candidate(), settings, candidate -> {},
        described(new ComparingRunner<>(model, comparison.control(), comparison.candidate(),
            comparison.ignoredPaths(), settings.stepTimeout(), description))).check();
    printable(knobs.reporter).line(summary.toString() + " (candidate compared with control)");
    return summary;
  }

  /** The reports' description of the systems, plus the migration they run after, if any. */
  private <M, S> ProgramRunner<M, S> described(ProgramRunner<M, S> runner) {
    return knobs.migration == null ? runner
        : new DescribedRunner<>(runner, Map.of("migration", knobs.migration));
  }

  private static String describe(SystemUnderTest<?> system) {
    return system instanceof Addressed http
        ? Redactor.text(http.baseUrl().toString()) : system.getClass().getSimpleName();
  }

  /** Every console line with its control characters, bidi controls and lone surrogates escaped. */
  private static Reporter printable(Reporter reporter) {
    return text -> reporter.line(Printable.text(text));
  }

  Settings settings() {
    SettingKeys.checkSystemProperties();
    if (knobs.testClass == null) {
      // Tollgate.runner() in a test: name the reports and the replay line after that test.
      Optional<CallingTest.Found> caller = CallingTest.find();
      if (caller.isPresent()) {
        return with(k -> {
          k.testClass = caller.get().className();
          k.testMethod = caller.get().methodName();
          k.claims = FolderClaims.JVM;
        }).settings();
      }
    }
    Props props = new Props();
    int parallel = props.parse("tollgate.parallel", knobs.parallel, text -> {
      int value = Integer.parseInt(text);
      if (value == 1 || value < 0) {
        throw new NumberFormatException();
      }
      return value;
    }, "0 (off) or a whole number of 2 or more");
    Concurrency concurrency = new Concurrency(parallel,
        props.intValue("tollgate.branchSteps", knobs.branchSteps),
        props.intValue("tollgate.repetitions", knobs.repetitions),
        System.getProperty("tollgate.jitter") == null ? knobs.jitter
            : props.duration("tollgate.jitter", knobs.jitter, Duration.ofMillis(2)));
    int users = props.intValue("tollgate.users", knobs.users);
    long chosenSeed =
        props.longValue(
            "tollgate.seed", knobs.seed != null ? knobs.seed : new SplittableRandom().nextLong());
    return new Settings(
        props.intValue("tollgate.tries", knobs.tries),
        props.intValue("tollgate.maxSteps", knobs.maxSteps),
        concurrency.on() ? Math.max(users, parallel) : users,
        chosenSeed,
        props.duration("tollgate.timeBudget", knobs.timeBudget, DEFAULT_TIME_BUDGET),
        props.intValue("tollgate.shrinkRuns", knobs.shrinkRuns),
        props.duration("tollgate.shrinkTime", knobs.shrinkTime, DEFAULT_SHRINK_TIME),
        knobs.swarm,
        props.text("tollgate.replay", knobs.replay),
        this::replayCommand,
        new Reporting(
            printable(knobs.reporter), knobs.testClass, knobs.testMethod,
            props.folder("tollgate.reportDir", knobs.reportDir),
            props.folder("tollgate.corpus", knobs.corpus),
            props.parse("tollgate.flakyReruns", knobs.flakyReruns, text -> {
              int value = Integer.parseInt(text);
              if (value < 0) {
                throw new NumberFormatException();
              }
              return value;
            }, "a whole number of 0 or more"),
            PROGRESS_INTERVAL, knobs.claims),
        props.duration("tollgate.stepTimeout", knobs.stepTimeout, Executor.DEFAULT_STEP_TIMEOUT),
        concurrency);
  }

  private String replayCommand(String token) {
    if (knobs.testClass == null) {
      return "run the same test with -Dtollgate.replay=" + token;
    }
    return ReplayLine.of(Invocation.current(), knobs.testClass, knobs.testMethod, token);
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new TollgateConfigurationException(
          name + " = " + value + ": expected a whole number of at least 1.");
    }
    return value;
  }

  /** A zero or negative budget would stop every check before its first try, or shrink nothing. */
  private static Duration positive(String name, Duration value, Duration fallback) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new TollgateConfigurationException(
          name + "(" + value + "): expected a positive duration, but found " + sign(value)
              + ". Pass one such as Duration.ofSeconds(30), or leave " + name + "(..) out for the"
              + " default " + fallback + ".");
    }
    return value;
  }

  private static String sign(Duration value) {
    return value.isZero() ? "zero" : "a negative one";
  }

  /** The settings as the code gave them; copied on each change, so runners stay immutable. */
  private static final class Knobs {
    int tries = DEFAULT_TRIES;
    int maxSteps = DEFAULT_MAX_STEPS;
    int users = DEFAULT_USERS;
    Long seed;
    String replay;
    Duration timeBudget = DEFAULT_TIME_BUDGET;
    int shrinkRuns = DEFAULT_SHRINK_RUNS;
    Duration shrinkTime = DEFAULT_SHRINK_TIME;
    Duration stepTimeout = Executor.DEFAULT_STEP_TIMEOUT;
    boolean swarm = true;
    Reporter reporter = Reporter.console();
    String testClass;
    String testMethod;
    SystemUnderTest<?> system;
    Path reportDir = DEFAULT_REPORT_DIR;
    Path corpus = DEFAULT_CORPUS;
    int flakyReruns = Reporting.DEFAULT_FLAKY_RERUNS;
    int parallel;
    int repetitions = Concurrency.DEFAULT_REPETITIONS;
    int branchSteps = Concurrency.DEFAULT_BRANCH_STEPS;
    Duration jitter;
    /** The release and the migrations of {@link #onMigratedSchema}, or null. */
    Map<String, Object> migration;
    /** Shared by the copies: one test method's checks of several models keep apart. */
    FolderClaims claims = new FolderClaims();

    Knobs copy() {
      Knobs copy = new Knobs();
      copy.tries = tries;
      copy.maxSteps = maxSteps;
      copy.users = users;
      copy.seed = seed;
      copy.replay = replay;
      copy.timeBudget = timeBudget;
      copy.shrinkRuns = shrinkRuns;
      copy.shrinkTime = shrinkTime;
      copy.stepTimeout = stepTimeout;
      copy.swarm = swarm;
      copy.reporter = reporter;
      copy.testClass = testClass;
      copy.testMethod = testMethod;
      copy.system = system;
      copy.reportDir = reportDir;
      copy.corpus = corpus;
      copy.flakyReruns = flakyReruns;
      copy.parallel = parallel;
      copy.repetitions = repetitions;
      copy.branchSteps = branchSteps;
      copy.jitter = jitter;
      copy.migration = migration;
      copy.claims = claims;
      return copy;
    }
  }

  /** Reads overrides from system properties, with errors that name the property. */
  private static final class Props {
    int intValue(String key, int fallback) {
      return parse(key, fallback, text -> positive(key, Integer.parseInt(text)), "a whole number");
    }

    long longValue(String key, long fallback) {
      return parse(key, fallback, Long::parseLong, "a whole number");
    }

    Duration duration(String key, Duration fallback, Duration defaultValue) {
      Duration value = parse(key, fallback, Duration::parse, "an ISO-8601 duration such as PT30S");
      if (value.isNegative() || value.isZero()) {
        throw new TollgateConfigurationException(
            "-D" + key + "=" + System.getProperty(key).trim() + ": expected a positive ISO-8601"
                + " duration such as PT30S or PT5M, but found " + sign(value) + ". Fix the value,"
                + " or remove the property for the default " + defaultValue + ".");
      }
      return value;
    }

    String text(String key, String fallback) {
      String text = System.getProperty(key);
      return text == null || text.isBlank() ? fallback : text.trim();
    }

    /** A folder, or {@code null} for {@value Runner#NONE}. */
    Path folder(String key, Path fallback) {
      String text = System.getProperty(key);
      if (text == null || text.isBlank()) {
        return fallback;
      }
      return text.trim().equalsIgnoreCase(NONE) ? null : Path.of(text.trim());
    }

    <T> T parse(String key, T fallback, Function<String, T> parser, String expected) {
      String text = System.getProperty(key);
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        return parser.apply(text.trim());
      } catch (RuntimeException e) {
        if (e instanceof TollgateConfigurationException tce) {
          throw tce;
        }
        throw new TollgateConfigurationException(
            "-D" + key + "=" + text + ": expected " + expected + ".");
      }
    }
  }
}
