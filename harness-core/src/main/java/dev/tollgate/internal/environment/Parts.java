package dev.tollgate.internal.environment;

import dev.tollgate.environment.Database;
import dev.tollgate.environment.Stub;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The pieces an environment is composed of; each kind picks its implementations. */
final class Parts {
  private Parts() {
  }

  /** A started database. */
  interface DatabasePart extends AutoCloseable {
    /** As reached from this JVM. */
    Database database();

    /** The JDBC URL that the app is given (inside a container it differs from {@link #database()}'s). */
    String appJdbcUrl();

    @Override
    void close();
  }

  /** A started app. */
  interface AppPart extends AutoCloseable {
    URI baseUrl();

    /** Throws {@link dev.tollgate.environment.EnvironmentException} with the log tail if the app has died. */
    void ensureAlive();

    Optional<Path> log();

    @Override
    void close();
  }

  /** A started stub. */
  interface StubPart extends Stub, AutoCloseable {
    /** The base URL that the app is given. */
    String appUrl();

    @Override
    void close();
  }
}
