package dev.tollgate.environment;

import java.util.Locale;

/**
 * Where the system under test runs. Chosen by the builder, overridden by the system property
 * {@code tollgate.environment} or the environment variable {@code TOLLGATE_ENVIRONMENT}.
 */
public enum EnvironmentKind {
  /** Embedded PostgreSQL, the app as a child process, WireMock in this JVM. Needs no Docker; module {@code tollgate-local}. */
  LOCAL,
  /** PostgreSQL, the app and WireMock as containers on one Docker network; module {@code tollgate-containers}. */
  CONTAINERS,
  /** An already deployed system, given by its base URL (and optionally a JDBC URL). */
  EXTERNAL,
  /** {@link #CONTAINERS} when its module is on the classpath and a Docker engine answers, otherwise {@link #LOCAL}. */
  AUTO;

  /** Parses a configuration value such as {@code local} or {@code containers}. */
  public static EnvironmentKind parse(String value) {
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    for (EnvironmentKind kind : values()) {
      if (kind.name().equals(normalized)) {
        return kind;
      }
    }
    throw new EnvironmentException("Expected tollgate.environment to be one of local, containers, external or auto,"
        + " but found '" + value + "'. Fix the system property -Dtollgate.environment or the variable TOLLGATE_ENVIRONMENT.");
  }
}
