package dev.tollgate.environment;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The app's database as seen from the tests: for invariants over the data, and for reset. */
public interface Database {
  /** The JDBC URL reachable from this JVM (it may differ from the one the app got inside a container). */
  String jdbcUrl();

  String user();

  String password();

  /** A data source over {@link #jdbcUrl()}; each call to {@code getConnection()} opens a new connection. */
  DataSource dataSource();

  /** Opens a new connection; the caller closes it. */
  default Connection connect() throws SQLException {
    return dataSource().getConnection();
  }
}
