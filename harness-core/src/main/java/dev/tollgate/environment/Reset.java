package dev.tollgate.environment;

import dev.tollgate.internal.environment.TableReset;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the database goes back to a clean state between runs. Shrinking resets once per candidate,
 * so a reset prepares its statements once ({@link #prepare}) and then only runs them.
 *
 * <p>The default, {@link #deleteAllTables()}, was measured fastest on small tables: see the
 * environment benchmark.
 */
@FunctionalInterface
public interface Reset {
  /** Looks at the schema once (on the first reset, after the app made its tables) and returns the action to repeat. */
  Action prepare(Connection connection) throws SQLException;

  /** One prepared reset. */
  @FunctionalInterface
  interface Action {
    void run(Connection connection) throws SQLException;
  }

  /**
   * Deletes every row of every app table, children before parents, and restarts the sequences
   * those tables own, in one round trip. Flyway's {@code flyway_schema_history} and the tables
   * named here are kept. Falls back to one TRUNCATE when foreign keys form a cycle.
   */
  static Reset deleteAllTables(String... keptTables) {
    return TableReset.deleting(keptTables);
  }

  /** One {@code TRUNCATE ... RESTART IDENTITY CASCADE} of every app table, keeping the migration history and the tables named. */
  static Reset truncateAllTables(String... keptTables) {
    return TableReset.truncating(keptTables);
  }

  /** Leaves the database alone. */
  static Reset none() {
    return connection -> c -> { };
  }
}
