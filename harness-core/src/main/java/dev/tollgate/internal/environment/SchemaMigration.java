package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.environment.EnvironmentException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Brings the database to the next release's schema before the previous release starts on it, as
 * during a rolling deploy: the previous release runs once (its own schema, as production had it),
 * then the next release runs once and migrates. The migrations the next release applied are
 * read from Flyway's history, so a failure can name them.
 */
final class SchemaMigration {
  private SchemaMigration() {}

  /** The script names the next release applied, in order; empty when it applied none. */
  static List<String> apply(LocalParts local, App previous, App next, Map<String, String> wiring,
      Path workDir, Lease lease, DataSource database) {
    runOnce(local, previous, wiring, workDir, lease, "the previous release");
    List<String> before = history(database);
    runOnce(local, next, wiring, workDir, lease, "the next release, to migrate the database");
    List<String> after = history(database);
    List<String> applied = new ArrayList<>(after);
    applied.removeAll(before);
    return List.copyOf(applied);
  }

  private static void runOnce(LocalParts local, App app, Map<String, String> wiring, Path workDir,
      Lease lease, String role) {
    try {
      local.processApp(app, wiring, workDir, lease).close();
    } catch (EnvironmentException e) {
      throw new EnvironmentException("Starting " + role + " (" + app.describe() + ") against the"
          + " database failed, so the previous release cannot be checked on the migrated schema: "
          + e.getMessage(), e);
    }
  }

  /** Flyway's applied scripts; none when the app keeps no Flyway history. */
  static List<String> history(DataSource database) {
    List<String> scripts = new ArrayList<>();
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet exists = s.executeQuery(
          "select count(*) from information_schema.tables where table_name = 'flyway_schema_history'")) {
        exists.next();
        if (exists.getLong(1) == 0) {
          return scripts;
        }
      }
      try (ResultSet rows = s.executeQuery(
          "select script from flyway_schema_history where success order by installed_rank")) {
        while (rows.next()) {
          scripts.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new EnvironmentException("Expected to read the migrations applied (flyway_schema_history), but"
          + " the query failed: " + e.getMessage(), e);
    }
    return scripts;
  }
}
