package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.environment.Database;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.Stub;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pieces an environment is composed of; each kind picks its implementations, from the core
 * or from an environment module ({@link LocalParts}, {@link ContainerParts}).
 */
public final class Parts {
  private Parts() {
  }

  /** The app's jar, which must exist by now; shared by the local environment, which runs it, and the containers one, which copies it. */
  static Path requireJar(App app) {
    Path jar = app.jar().orElseThrow();
    if (!Files.isRegularFile(jar)) {
      throw new EnvironmentException("Expected the app jar at " + jar.toAbsolutePath() + ", but there is no file there."
          + " Build the app first (mvn package in its module), or fix the path given to App.jar(..).");
    }
    return jar;
  }

  /** A started database. */
  public interface DatabasePart extends AutoCloseable {
    /** As reached from this JVM. */
    Database database();

    /** The JDBC URL that the app is given (inside a container it differs from {@link #database()}'s). */
    String appJdbcUrl();

    @Override
    void close();
  }

  /** A started app. */
  public interface AppPart extends AutoCloseable {
    URI baseUrl();

    /** Throws {@link dev.tollgate.environment.EnvironmentException} with the log tail if the app has died. */
    void ensureAlive();

    Optional<Path> log();

    @Override
    void close();
  }

  /** A started stub. */
  public interface StubPart extends Stub, AutoCloseable {
    /** The base URL that the app is given. */
    String appUrl();

    @Override
    void close();
  }
}
