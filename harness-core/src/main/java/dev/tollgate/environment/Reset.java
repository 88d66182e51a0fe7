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
  /**
   * Looks at the schema once, right after the environment started (the app has made its tables
   * and seed rows, no program has run), and returns the action to repeat.
   */
  Action prepare(Connection connection) throws SQLException;

  /** One prepared reset. */
  @FunctionalInterface
  interface Action {
    void run(Connection connection) throws SQLException;
  }

  /**
   * Brings every app table back to its baseline, the rows it held right after the app started
   * (seed rows that migrations inserted: an admin user, roles, reference data), and puts the
   * sequences those tables own back where they stood then, so ids repeat from run to run. In one
   * round trip: delete every row, children before parents, insert the baseline rows again, set
   * the sequences. Flyway's {@code flyway_schema_history} and the tables named here are not
   * touched. Falls back to one TRUNCATE when foreign keys form a cycle.
   */
  static Reset deleteAllTables(String... keptTables) {
    return TableReset.deleting(keptTables);
  }

  /**
   * One {@code TRUNCATE ... RESTART IDENTITY CASCADE} of every app table, then the baseline rows
   * and sequences put back as in {@link #deleteAllTables}; the migration history and the tables
   * named are not touched.
   */
  static Reset truncateAllTables(String... keptTables) {
    return TableReset.truncating(keptTables);
  }

  /** Empties every app table, seed rows included, and restarts their sequences at their start. */
  static Reset emptyAllTables(String... keptTables) {
    return TableReset.emptying(keptTables);
  }

  /** Leaves the database alone. */
  static Reset none() {
    return connection -> c -> { };
  }
}
