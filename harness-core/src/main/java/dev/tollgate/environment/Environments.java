package dev.tollgate.environment;

import dev.tollgate.internal.environment.ContainerParts;
import dev.tollgate.internal.environment.EnvironmentModules;
import dev.tollgate.internal.environment.Settings;
import java.util.Optional;

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
   * can run (and should fail rather than skip in CI). Needs the module
   * {@code dev.tollgate:tollgate-containers}; without it this throws, naming the module to add.
   */
  public static boolean dockerAvailable() {
    return EnvironmentModules.containers("Environments.dockerAvailable()").dockerAvailable();
  }

  /**
   * Why the containers environment cannot run here (its module {@code tollgate-containers} missing,
   * no Docker engine, or its images neither here nor pullable, with the {@code TOLLGATE_IMAGE_*}
   * variables to set), or empty when it can: for tests that skip then, and should fail instead in CI.
   */
  public static Optional<String> whyContainersCannotRun() {
    Optional<ContainerParts> containers = EnvironmentModules.containers();
    if (containers.isEmpty()) {
      return Optional.of(EnvironmentModules.CONTAINERS.missingFor("The containers environment").getMessage());
    }
    return containers.get().whyCannotRun();
  }

  public static EnvironmentBuilder builder() {
    return new EnvironmentBuilder();
  }

  /** The kind that an environment built now would use, given the builder's choice (null: configuration decides). */
  public static EnvironmentKind resolveKind(EnvironmentKind fromBuilder) {
    EnvironmentKind kind = fromBuilder != null ? fromBuilder
        : Settings.get("tollgate.environment").map(EnvironmentKind::parse).orElse(EnvironmentKind.LOCAL);
    if (kind == EnvironmentKind.AUTO) {
      // Without the module tollgate-containers, auto means local.
      return EnvironmentModules.containers().map(ContainerParts::dockerAvailable).orElse(false)
          ? EnvironmentKind.CONTAINERS : EnvironmentKind.LOCAL;
    }
    return kind;
  }
}
