package dev.tollgate.environment;

import java.util.Objects;
import java.util.Optional;

/**
 * Which PostgreSQL the app gets: the environment's default (embedded locally, a container in the
 * containers environment), an embedded server, a container, or an existing server by JDBC URL.
 */
public final class Postgres {
  /** The kinds of database. */
  public enum Source { DEFAULT, EMBEDDED, CONTAINER, JDBC }

  private final Source source;
  private final String image;
  private final String jdbcUrl;
  private final String user;
  private final String password;

  private Postgres(Source source, String image, String jdbcUrl, String user, String password) {
    this.source = source;
    this.image = image;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** Embedded locally, a container in the containers environment, none when external unless configured. */
  public static Postgres byEnvironment() {
    return new Postgres(Source.DEFAULT, null, null, null, null);
  }

  /** zonky's embedded PostgreSQL, run from binaries on the classpath. */
  public static Postgres embedded() {
    return new Postgres(Source.EMBEDDED, null, null, null, null);
  }

  /** A container of the configured image ({@code tollgate.image.postgres}, default {@code postgres:16}). */
  public static Postgres container() {
    return new Postgres(Source.CONTAINER, null, null, null, null);
  }

  /** A container of this image, used as a substitute for the official {@code postgres} image. */
  public static Postgres container(String image) {
    return new Postgres(Source.CONTAINER, Objects.requireNonNull(image, "image"), null, null, null);
  }

  /** An existing server. The app gets the same URL, user and password. */
  public static Postgres jdbc(String url, String user, String password) {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new EnvironmentException("Expected a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/app,"
          + " but found '" + url + "'.");
    }
    return new Postgres(Source.JDBC, null, url, Objects.requireNonNull(user, "user"), password == null ? "" : password);
  }

  public Source source() { return source; }
  public Optional<String> image() { return Optional.ofNullable(image); }
  public Optional<String> jdbcUrl() { return Optional.ofNullable(jdbcUrl); }
  public Optional<String> user() { return Optional.ofNullable(user); }
  public Optional<String> password() { return Optional.ofNullable(password); }
}
