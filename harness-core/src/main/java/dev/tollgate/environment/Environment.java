package dev.tollgate.environment;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The app, its database and its dependent services, started together, reset between runs and
 * stopped together. Build one with {@link Environments#builder()}.
 *
 * <p>Everything that {@link #start()} started is stopped by {@link #close()}, also when start
 * fails half way, and by a JVM shutdown hook if close is never called.
 */
public interface Environment extends AutoCloseable {
  /** The kind actually used, after configuration and {@code auto} were resolved. */
  EnvironmentKind kind();

  /** Starts every part; returns this. Throws {@link EnvironmentException} with the cause and a fix. */
  Environment start();

  /** Where the app answers, from this JVM. */
  URI appBaseUrl();

  /** The app's database. Throws {@link EnvironmentException} when the environment has none. */
  Database database();

  /** The stub declared with this name. */
  Stub stub(String name);

  /**
   * Puts the system back to a clean state: the database reset, every stub's requests and
   * scenarios, then the app's reset hook if one was given. Fails if the app has died.
   */
  void reset();

  /** The file holding the app's output, for a local app. */
  Optional<Path> appLog();

  /** Stops and removes everything that was started. Safe to call more than once. */
  @Override
  void close();

  /**
   * The migrations the next release applied before the app started (Flyway script names, e.g.
   * {@code V2__add_todo_note.sql}), when built with {@link EnvironmentBuilder#migratedBy(App)};
   * otherwise none.
   */
  default java.util.List<String> migrations() {
    return java.util.List.of();
  }
}
