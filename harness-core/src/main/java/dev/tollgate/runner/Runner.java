package dev.tollgate.runner;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.runner.Checker;
import dev.tollgate.internal.runner.Settings;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Checks models against systems: generates programs, runs them, and on a failure shrinks the
 * program and throws an opentest4j {@code AssertionFailedError} that tells the story and the line
 * that replays it. On success it reports one statistics line.
 *
 * <p>Get one from {@code Tollgate.runner()} or as a parameter of a {@link StateMachineTest}.
 * Runners are immutable; each setter returns a new one. System properties ({@code tollgate.tries},
 * {@code tollgate.maxSteps}, {@code tollgate.users}, {@code tollgate.seed}, {@code
 * tollgate.timeBudget}, {@code tollgate.shrinkRuns}, {@code tollgate.shrinkTime}, {@code
 * tollgate.replay}) override what the code says, so CI can turn the knobs.
 */
public final class Runner {
  public static final int DEFAULT_TRIES = 200;
  public static final int DEFAULT_MAX_STEPS = 50;
  public static final int DEFAULT_USERS = 1;
  public static final int DEFAULT_SHRINK_RUNS = 1000;
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SHRINK_TIME = Duration.ofMinutes(2);

  private final int tries;
  private final int maxSteps;
  private final int users;
  private final Long seed;
  private final Duration timeBudget;
  private final int shrinkRuns;
  private final Duration shrinkTime;
  private final boolean swarm;
  private final Reporter reporter;
  private final String testClass;
  private final String testMethod;

  private Runner(
      int tries, int maxSteps, int users, Long seed, Duration timeBudget, int shrinkRuns,
      Duration shrinkTime, boolean swarm, Reporter reporter, String testClass, String testMethod) {
    this.tries = tries;
    this.maxSteps = maxSteps;
    this.users = users;
    this.seed = seed;
    this.timeBudget = timeBudget;
    this.shrinkRuns = shrinkRuns;
    this.shrinkTime = shrinkTime;
    this.swarm = swarm;
    this.reporter = reporter;
    this.testClass = testClass;
    this.testMethod = testMethod;
  }

  /** A runner with the defaults, reporting to the console. */
  public static Runner defaults() {
    return new Runner(
        DEFAULT_TRIES, DEFAULT_MAX_STEPS, DEFAULT_USERS, null, DEFAULT_TIME_BUDGET,
        DEFAULT_SHRINK_RUNS, DEFAULT_SHRINK_TIME, true, Reporter.console(), null, null);
  }

  public Runner tries(int value) {
    return copy(positive("tries", value), maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime,
        swarm, reporter, testClass, testMethod);
  }

  public Runner maxSteps(int value) {
    return copy(tries, positive("maxSteps", value), users, seed, timeBudget, shrinkRuns, shrinkTime,
        swarm, reporter, testClass, testMethod);
  }

  public Runner users(int value) {
    return copy(tries, maxSteps, positive("users", value), seed, timeBudget, shrinkRuns, shrinkTime,
        swarm, reporter, testClass, testMethod);
  }

  /** Fixes the seed; by default each check draws a new one (and reports it). */
  public Runner seed(long value) {
    return copy(tries, maxSteps, users, value, timeBudget, shrinkRuns, shrinkTime, swarm, reporter,
        testClass, testMethod);
  }

  /** Stops starting new tries once this much time has passed (default 10 minutes). */
  public Runner timeBudget(Duration value) {
    return copy(tries, maxSteps, users, seed, value, shrinkRuns, shrinkTime, swarm, reporter,
        testClass, testMethod);
  }

  /** At most this many runs of the system while shrinking (default 1000). */
  public Runner shrinkRuns(int value) {
    return copy(tries, maxSteps, users, seed, timeBudget, value, shrinkTime, swarm, reporter,
        testClass, testMethod);
  }

  /** At most this much time shrinking (default 2 minutes). */
  public Runner shrinkTime(Duration value) {
    return copy(tries, maxSteps, users, seed, timeBudget, shrinkRuns, value, swarm, reporter,
        testClass, testMethod);
  }

  /** Swarm testing: each program switches a random subset of commands off (default on). */
  public Runner swarm(boolean value) {
    return copy(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, value, reporter,
        testClass, testMethod);
  }

  public Runner reporter(Reporter value) {
    return copy(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm, value,
        testClass, testMethod);
  }

  /** Names the test, so the replay line in a failure can run exactly it. */
  public Runner test(String className, String methodName) {
    return copy(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm, reporter,
        className, methodName);
  }

  /**
   * Checks {@code model} against {@code system}. Throws {@code AssertionFailedError} when the
   * system and the model disagree, and {@link TollgateConfigurationException} when the model or
   * the settings are unusable.
   */
  public <M, S> RunSummary check(Model<M, S> model, SystemUnderTest<S> system) {
    RunSummary summary = new Checker<>(model, system, settings(), candidate -> {}).check();
    reporter.line(summary.toString());
    return summary;
  }

  Settings settings() {
    Props props = new Props();
    long chosenSeed =
        props.longValue("tollgate.seed", seed != null ? seed : new SplittableRandom().nextLong());
    return new Settings(
        props.intValue("tollgate.tries", tries),
        props.intValue("tollgate.maxSteps", maxSteps),
        props.intValue("tollgate.users", users),
        chosenSeed,
        props.duration("tollgate.timeBudget", timeBudget),
        props.intValue("tollgate.shrinkRuns", shrinkRuns),
        props.duration("tollgate.shrinkTime", shrinkTime),
        swarm,
        System.getProperty("tollgate.replay"),
        this::replayCommand);
  }

  private String replayCommand(String token) {
    if (testClass == null) {
      return "run the same test with -Dtollgate.replay=" + token;
    }
    String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
    String selector = simple + (testMethod == null ? "" : "#" + testMethod);
    boolean integration = simple.endsWith("IT") || simple.endsWith("ITCase");
    return integration
        ? "mvn verify -Dit.test='" + selector + "' -Dsurefire.skip=true"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dtollgate.replay=" + token
        : "mvn test -Dtest='" + selector + "' -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dtollgate.replay=" + token;
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new TollgateConfigurationException(
          name + " = " + value + ": expected a whole number of at least 1.");
    }
    return value;
  }

  private static Runner copy(
      int tries, int maxSteps, int users, Long seed, Duration timeBudget, int shrinkRuns,
      Duration shrinkTime, boolean swarm, Reporter reporter, String testClass, String testMethod) {
    return new Runner(tries, maxSteps, users, seed, timeBudget, shrinkRuns, shrinkTime, swarm,
        reporter, testClass, testMethod);
  }

  /** Reads overrides from system properties, with errors that name the property. */
  private static final class Props {
    int intValue(String key, int fallback) {
      return parse(key, fallback, text -> positive(key, Integer.parseInt(text)), "a whole number");
    }

    long longValue(String key, long fallback) {
      return parse(key, fallback, Long::parseLong, "a whole number");
    }

    Duration duration(String key, Duration fallback) {
      return parse(key, fallback, Duration::parse, "an ISO-8601 duration such as PT30S");
    }

    private <T> T parse(String key, T fallback, Function<String, T> parser, String expected) {
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
