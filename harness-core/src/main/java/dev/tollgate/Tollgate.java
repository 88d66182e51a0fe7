package dev.tollgate;

import dev.tollgate.runner.Runner;

/** The entry point: {@code Tollgate.runner().tries(200).check(model, system)}. */
public final class Tollgate {
  private Tollgate() {}

  /** A runner with the default settings, overridable by system properties. */
  public static Runner runner() {
    return Runner.defaults();
  }
}
