package dev.tollgate.environment;

import dev.tollgate.internal.environment.Docker;
import dev.tollgate.internal.environment.Settings;

/**
 * Entry point for environments.
 *
 * <pre>{@code
 * try (Environment env = Environments.builder()
 *     .app(App.jar(Path.of("../todo-app/target/todo-app.jar")).readyWhen("/health"))
 *     .postgres()
 *     .stub("notifier")
 *     .build()
 *     .start()) {
 *   // env.appBaseUrl(), env.database(), env.stub("notifier"), env.reset()
 * }
 * }</pre>
 *
 * <p>The kind is the builder's {@code kind(..)} when given; otherwise {@code -Dtollgate.environment},
 * else the variable {@code TOLLGATE_ENVIRONMENT}, else {@code local}. {@code auto} means
 * containers when a Docker engine answers, else local. Local is the default because it needs
 * nothing but the JVM, and gives the same result on every machine.
 */
public final class Environments {
  private Environments() {
  }

  /**
   * Whether a Docker engine answers here, for tests that run the containers kind only where it
   * can run (and should fail rather than skip in CI).
   */
  public static boolean dockerAvailable() {
    try {
      return dev.tollgate.internal.environment.Docker.isAvailable();
    } catch (NoClassDefFoundError missing) {
      throw new EnvironmentException(
          "Expected Testcontainers on the classpath to look for Docker, but "
              + missing.getMessage() + " is missing. Add org.testcontainers:testcontainers and"
              + " org.testcontainers:testcontainers-postgresql (test scope) to use the containers"
              + " environment.");
    }
  }

  /**
   * Why the containers environment cannot run here (no Docker engine, or its images neither
   * here nor pullable, with the {@code TOLLGATE_IMAGE_*} variables to set), or empty when it can:
   * for tests that skip then, and should fail instead in CI.
   */
  public static java.util.Optional<String> whyContainersCannotRun() {
    return dev.tollgate.internal.environment.ContainerPrerequisites.problem(dockerAvailable());
  }

  public static EnvironmentBuilder builder() {
    return new EnvironmentBuilder();
  }

  /** The kind that an environment built now would use, given the builder's choice (null: configuration decides). */
  public static EnvironmentKind resolveKind(EnvironmentKind fromBuilder) {
    EnvironmentKind kind = fromBuilder != null ? fromBuilder
        : Settings.get("tollgate.environment").map(EnvironmentKind::parse).orElse(EnvironmentKind.LOCAL);
    if (kind == EnvironmentKind.AUTO) {
      try {
        return Docker.isAvailable() ? EnvironmentKind.CONTAINERS : EnvironmentKind.LOCAL;
      } catch (NoClassDefFoundError noTestcontainers) {
        return EnvironmentKind.LOCAL;   // without Testcontainers, auto means local
      }
    }
    return kind;
  }
}
