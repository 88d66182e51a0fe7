package dev.tollgate.internal.environment;

import dev.tollgate.environment.Postgres;
import java.util.Optional;

/**
 * What only the module {@code dev.tollgate:tollgate-containers} brings (Testcontainers and its
 * PostgreSQL module): found with {@link java.util.ServiceLoader} ({@link EnvironmentModules}), so
 * that the core never loads a Testcontainers class.
 */
public interface ContainerParts {
  /** Whether a Docker engine answers. */
  boolean dockerAvailable();

  /** Why the containers environment cannot run here, or empty when it can. */
  Optional<String> whyCannotRun();

  /** Starts the parts of the containers kind into {@code env}: a network, then PostgreSQL, the stubs and the app. */
  void launch(ComposedEnvironment env, EnvironmentSpec spec);

  /** A PostgreSQL container whose published port the app reaches (the local kind's {@code Postgres.container()}). */
  Parts.DatabasePart database(Postgres postgres);
}
