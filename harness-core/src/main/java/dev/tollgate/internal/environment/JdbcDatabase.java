package dev.tollgate.internal.environment;

import dev.tollgate.environment.Database;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.internal.secrets.Secrets;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A database reached by JDBC URL, user and password. */
final class JdbcDatabase implements Database {
  private final String url;
  private final String user;
  private final String password;
  private final DataSource dataSource;

  JdbcDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password == null ? "" : password;
    Secrets.register(this.password);
    Secrets.learn(url);
    this.dataSource = new UrlDataSource(url, user, this.password);
  }

  @Override
  public String jdbcUrl() {
    return url;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  /** Opens and closes one connection, or fails with a message that names the URL (password hidden). */
  JdbcDatabase verified() {
    try {
      connect().close();
      return this;
    } catch (SQLException e) {
      throw new EnvironmentException("Expected to connect to PostgreSQL at " + Redactor.text(url) + " as user '"
          + user + "', but the connection failed: " + e.getMessage() + ". Check that the server runs and that the URL,"
          + " user and password are right (SQL state " + e.getSQLState() + ").", e);
    }
  }

  @Override
  public String toString() {
    return Redactor.text(url);
  }
}
