package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import java.nio.file.Path;

/**
 * Starts a local environment with embedded PostgreSQL and a stub, run by {@link
 * MissingLibraryTest} in a JVM whose classpath lacks some of their libraries. Prints the
 * environment's error and exits 3, or exits 0 if the environment got past its library check.
 */
public final class MissingLibraryMain {
  private MissingLibraryMain() {}

  public static void main(String[] args) {
    try (Environment environment = Environments.builder()
        .kind(EnvironmentKind.valueOf(args[0]))
        .app(App.jar(Path.of("no-such-app.jar")))
        .postgres()
        .stub("notifier")
        .build()) {
      environment.start();
      System.exit(0);
    } catch (EnvironmentException e) {
      System.out.println(e.getMessage());
      System.exit(e.getMessage().contains("not on the test classpath") ? 3 : 0);
    }
  }
}
