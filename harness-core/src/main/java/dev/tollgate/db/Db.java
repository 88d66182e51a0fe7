package dev.tollgate.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads the system's database for invariants: {@code db.count("select count(*) from votes where
 * todo_id = ?", id)}. Arguments are bound as JDBC parameters, never pasted into the SQL.
 *
 * <p>With a {@link DataSource} each call borrows a connection (give it a pool); with a URL it
 * keeps one connection open, reopened if it closes, until {@link #close()}. A failing query
 * throws an {@link IllegalStateException} that names the SQL and its arguments.
 */
public final class Db implements AutoCloseable {
  private final DataSource dataSource;
  private final String url;
  private final String user;
  private final String password;
  private Connection kept;

  private Db(DataSource dataSource, String url, String user, String password) {
    this.dataSource = dataSource;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public static Db at(DataSource dataSource) {
    return new Db(Objects.requireNonNull(dataSource, "dataSource"), null, null, null);
  }

  /** The database at a JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/app}. */
  public static Db at(String jdbcUrl, String user, String password) {
    return new Db(null, Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password);
  }

  /** The number a {@code select count(*) ...} returns. */
  public long count(String sql, Object... args) {
    Object value = single(sql, args);
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalStateException(
        "Expected " + describe(sql, args) + " to return one row with one number, but it returned "
            + (value == null ? "null" : value.getClass().getSimpleName() + " " + value)
            + ". Write it as select count(*) ....");
  }

  /**
   * The first column of the only row, or {@code null} when no row matches; more than one row is
   * an error (add a where clause or a limit).
   */
  @SuppressWarnings("unchecked")
  public <T> T value(String sql, Object... args) {
    return (T) single(sql, args);
  }

  /** Every row, as column label → value (JDBC's types), in the query's column order. */
  public List<Map<String, Object>> list(String sql, Object... args) {
    return query(sql, args, rows -> {
      ResultSetMetaData meta = rows.getMetaData();
      List<Map<String, Object>> out = new ArrayList<>();
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
          row.put(meta.getColumnLabel(column), rows.getObject(column));
        }
        out.add(row);
      }
      return out;
    });
  }

  /** Runs an insert, update, delete or DDL statement (set-up or reset); returns rows changed. */
  public int update(String sql, Object... args) {
    return withConnection(sql, args, connection -> {
      try (PreparedStatement statement = prepare(connection, sql, args)) {
        return statement.executeUpdate();
      }
    });
  }

  private Object single(String sql, Object... args) {
    return query(sql, args, rows -> {
      if (!rows.next()) {
        return null;
      }
      Object value = rows.getObject(1);
      if (rows.next()) {
        throw new IllegalStateException(
            "Expected " + describe(sql, args) + " to return at most one row, but it returned"
                + " more. Narrow it with a where clause, or use list(..).");
      }
      return value;
    });
  }

  private <T> T query(String sql, Object[] args, RowsReader<T> reader) {
    return withConnection(sql, args, connection -> {
      try (PreparedStatement statement = prepare(connection, sql, args);
          ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    });
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object[] args)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private synchronized <T> T withConnection(String sql, Object[] args, Work<T> work) {
    try {
      if (dataSource != null) {
        try (Connection connection = dataSource.getConnection()) {
          return work.run(connection);
        }
      }
      if (kept == null || kept.isClosed()) {
        kept = DriverManager.getConnection(url, user, password);
      }
      return work.run(kept);
    } catch (SQLException e) {
      throw new IllegalStateException(
          describe(sql, args) + " failed: " + e.getMessage()
              + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")")
              + ". Check the SQL against the schema, and that the database is up"
              + (url == null ? "." : " at " + url + "."),
          e);
    }
  }

  private static String describe(String sql, Object[] args) {
    return "the query [" + sql + "]" + (args.length == 0 ? "" : " with " + Arrays.toString(args));
  }

  /** Closes the kept connection, if any. */
  @Override
  public synchronized void close() {
    if (kept != null) {
      try {
        kept.close();
      } catch (SQLException ignored) {
        // Closing is best effort: the server may already be gone.
      }
      kept = null;
    }
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private interface RowsReader<T> {
    T read(ResultSet rows) throws SQLException;
  }
}
