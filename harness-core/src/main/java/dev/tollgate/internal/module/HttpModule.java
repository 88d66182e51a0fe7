package dev.tollgate.internal.module;

import dev.tollgate.environment.Environment;
import dev.tollgate.internal.compare.ExchangeDiff;
import dev.tollgate.internal.report.RunRecord;
import dev.tollgate.runner.SystemUnderTest;
import java.time.Duration;
import java.util.List;

/**
 * What the engine needs from Tollgate's HTTP module (dev.tollgate:tollgate-http), which brings
 * Jackson: the core finds it with {@link java.util.ServiceLoader} ({@link HttpModules}), so it
 * compiles and runs without JSON for a system checked in-process.
 */
public interface HttpModule {

  /**
   * The started environment's app reached over HTTP, reset with the environment before every
   * program; {@code requestTimeout} bounds each request, or null for the default.
   */
  SystemUnderTest<?> system(Environment started, Duration requestTimeout);

  /** Compares two steps' exchanges: statuses, and bodies as JSON, {@code ignoredPaths} aside. */
  ExchangeDiff diff(List<String> ignoredPaths);

  /** The shrunk failure of {@code run} as a regression test to paste into a suite. */
  String regressionTest(RunRecord run);
}
