package dev.tollgate.internal.environment;

import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Postgres;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The modules each environment needs, checked before it starts: a missing one is an
 * {@link EnvironmentException} that names the artifact to add, with a snippet to paste, instead
 * of a {@code NoClassDefFoundError} from deep inside the start. Each module brings its own
 * libraries; only the PostgreSQL driver of an external environment's database is a library of
 * its own to add.
 */
final class Requires {

  /** A library that no module brings: a class that shows it is there, and the artifact that brings it. */
  enum Library {
    POSTGRES_DRIVER("org.postgresql.Driver", "org.postgresql", "postgresql", "postgresql.version",
        "the PostgreSQL JDBC driver");

    final String probeClass;
    final String groupId;
    final String artifactId;
    final String versionKey;
    final String what;

    Library(String probeClass, String groupId, String artifactId, String versionKey, String what) {
      this.probeClass = probeClass;
      this.groupId = groupId;
      this.artifactId = artifactId;
      this.versionKey = versionKey;
      this.what = what;
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

  /** The modules an environment built from {@code spec} uses, in the order a user adds them. */
  static Set<EnvironmentModules> modules(EnvironmentSpec spec) {
    Set<EnvironmentModules> needed = new LinkedHashSet<>();
    Postgres.Source source = spec.postgres == null ? null : spec.postgres.source();
    switch (spec.kind) {
      case LOCAL:
        needed.add(EnvironmentModules.LOCAL);
        if (source == Postgres.Source.CONTAINER) {
          needed.add(EnvironmentModules.CONTAINERS);
        }
        break;
      case CONTAINERS:
        needed.add(EnvironmentModules.CONTAINERS);
        break;
      default:
        // External: stubs still run in this JVM.
        if (!spec.stubNames.isEmpty()) {
          needed.add(EnvironmentModules.LOCAL);
        }
    }
    return needed;
  }

  /** The libraries beyond the modules' own: a database given by JDBC URL to the external environment needs the driver. */
  static Set<Library> libraries(EnvironmentSpec spec) {
    boolean database = spec.postgres != null || Settings.get("tollgate.external.jdbc-url").isPresent();
    return spec.kind == EnvironmentKind.EXTERNAL && database ? Set.of(Library.POSTGRES_DRIVER) : Set.of();
  }

  /** Throws when a module or library that {@code spec}'s environment needs is missing from the classpath. */
  static void presentFor(EnvironmentSpec spec) {
    List<EnvironmentModules> modules = new ArrayList<>();
    for (EnvironmentModules module : modules(spec)) {
      if (!module.present()) {
        modules.add(module);
      }
    }
    List<Library> libraries = new ArrayList<>();
    for (Library library : libraries(spec)) {
      if (!library.present()) {
        libraries.add(library);
      }
    }
    if (!modules.isEmpty() || !libraries.isEmpty()) {
      throw new EnvironmentException(message(subject(spec.kind), modules, libraries));
    }
  }

  static EnvironmentException missing(String subject, EnvironmentModules module) {
    return new EnvironmentException(message(subject, List.of(module), List.of()));
  }

  static String subject(EnvironmentKind kind) {
    return "The " + kind.name().toLowerCase(Locale.ROOT) + " environment";
  }

  static String message(String subject, List<EnvironmentModules> modules, List<Library> libraries) {
    Properties versions = versions();
    List<String> names = new ArrayList<>();
    StringBuilder snippet = new StringBuilder();
    for (EnvironmentModules module : modules) {
      names.add("Tollgate's module " + module.coordinates() + " (" + module.what + ")");
      snippet.append(dependency(EnvironmentModules.GROUP_ID, module.artifactId, versions.getProperty("version", "…")));
    }
    for (Library library : libraries) {
      names.add(library.what + " (" + library.groupId + ":" + library.artifactId + ")");
      snippet.append(dependency(library.groupId, library.artifactId, versions.getProperty(library.versionKey, "…")));
    }
    return subject + " needs " + String.join(", and ", names) + ", but " + (names.size() == 1 ? "it is" : "they are")
        + " not on the test classpath. Each environment is a module that brings its own libraries, so a project"
        + " adds one dependency per environment it uses. Add to your pom.xml (with tollgate-bom imported, without"
        + " the <version>):\n" + snippet
        + "(or choose another environment: -Dtollgate.environment=local|containers|external).";
  }

  static String dependency(String groupId, String artifactId, String version) {
    return "    <dependency>\n"
        + "      <groupId>" + groupId + "</groupId>\n"
        + "      <artifactId>" + artifactId + "</artifactId>\n"
        + "      <version>" + version + "</version>\n"
        + "      <scope>test</scope>\n"
        + "    </dependency>\n";
  }

  static Properties versions() {
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
