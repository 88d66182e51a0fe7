package dev.tollgate;

import dev.tollgate.runner.Runner;
import dev.tollgate.runner.TollgateExtension;

/**
 * The entry point: {@code Tollgate.runner().tries(200).check(model, system)}, or {@code
 * Tollgate.environment()} for a test class's {@link TollgateExtension}.
 */
public final class Tollgate {
  private Tollgate() {}

  /**
   * Starts describing a test class's environment, for {@code @RegisterExtension static final
   * TollgateExtension gate = Tollgate.environment().app(..).postgres().stub("notifier").build();}
   */
  public static TollgateExtension.Builder environment() {
    return TollgateExtension.environment();
  }

  /** A runner with the default settings, overridable by system properties. */
  public static Runner runner() {
    return Runner.defaults();
  }
}
