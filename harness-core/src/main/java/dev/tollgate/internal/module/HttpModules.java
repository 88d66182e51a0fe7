package dev.tollgate.internal.module;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.environment.EnvironmentModules;
import java.util.Optional;

/** Finds the {@link HttpModule} on the classpath, or says which artifact brings it. */
public final class HttpModules {
  public static final String ARTIFACT_ID = "tollgate-http";

  private HttpModules() {}

  /** The HTTP module, when its jar is on the classpath. */
  public static Optional<HttpModule> find() {
    return EnvironmentModules.first(HttpModule.class, broken -> new TollgateConfigurationException(
        "Expected Tollgate's HTTP module (" + EnvironmentModules.GROUP_ID + ":" + ARTIFACT_ID
            + ") to load, but it failed: " + broken + ". Check that its own dependencies (Jackson)"
            + " were not excluded, and that tollgate-bom is imported so they come at the versions"
            + " Tollgate was built with.", broken));
  }

  /** The HTTP module, which {@code subject} (say, "Comparison.of(environment, environment)") needs. */
  public static HttpModule required(String subject) {
    return find().orElseThrow(() -> missing(subject));
  }

  /** The error when {@code subject} needs the HTTP module and it is not on the classpath. */
  public static TollgateConfigurationException missing(String subject) {
    return new TollgateConfigurationException(subject + " talks to the system over HTTP, which"
        + " needs Tollgate's module " + EnvironmentModules.GROUP_ID + ":" + ARTIFACT_ID
        + " (HTTP sessions, JSON bodies, comparisons and regression tests), but it is not on the"
        + " test classpath. Each environment module brings it; to check a system in-process, the"
        + " core alone is enough, with runner.check(model, system). Add to your pom.xml (with"
        + " tollgate-bom imported, without the <version>):\n"
        + EnvironmentModules.dependency(ARTIFACT_ID));
  }
}
