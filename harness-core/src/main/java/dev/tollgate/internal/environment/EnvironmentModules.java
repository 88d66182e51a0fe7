package dev.tollgate.internal.environment;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Tollgate's environment modules, found on the classpath with {@link ServiceLoader}: each brings
 * its own libraries, so a project adds one dependency per environment it uses, and the core has
 * no compile-time reference to any of them.
 */
public enum EnvironmentModules {
  LOCAL("tollgate-local", LocalParts.class,
      "embedded PostgreSQL, the app as a child process and WireMock in this JVM"),
  CONTAINERS("tollgate-containers", ContainerParts.class,
      "PostgreSQL, the app and WireMock as containers, through Testcontainers");

  public static final String GROUP_ID = "dev.tollgate";
  final String artifactId;
  final Class<?> service;
  final String what;

  EnvironmentModules(String artifactId, Class<?> service, String what) {
    this.artifactId = artifactId;
    this.service = service;
    this.what = what;
  }

  /** {@code groupId:artifactId}, as a user adds it. */
  public String coordinates() {
    return GROUP_ID + ":" + artifactId;
  }

  /** A {@code <dependency>} on Tollgate's module {@code artifactId}, at this version, to paste. */
  public static String dependency(String artifactId) {
    return Requires.dependency(GROUP_ID, artifactId, Requires.versions().getProperty("version", "…"));
  }

  boolean present() {
    return find(service).isPresent();
  }

  /** The error for {@code subject} (say, "The local environment") when this module is missing: it names the artifact to add. */
  public dev.tollgate.environment.EnvironmentException missingFor(String subject) {
    return Requires.missing(subject, this);
  }

  /** The local environment's parts, or an {@link dev.tollgate.environment.EnvironmentException} naming the module to add. */
  static LocalParts local(String subject) {
    return find(LocalParts.class).orElseThrow(() -> LOCAL.missingFor(subject));
  }

  /** The containers environment's parts, or an {@link dev.tollgate.environment.EnvironmentException} naming the module to add. */
  public static ContainerParts containers(String subject) {
    return find(ContainerParts.class).orElseThrow(() -> CONTAINERS.missingFor(subject));
  }

  /** The containers environment's parts, when its module is on the classpath. */
  public static Optional<ContainerParts> containers() {
    return find(ContainerParts.class);
  }

  private static <T> Optional<T> find(Class<T> service) {
    // The module is there but its libraries are not (excluded, or at clashing versions).
    return first(service, broken -> new dev.tollgate.environment.EnvironmentException("Expected the module that provides "
        + service.getName() + " to load, but it failed: " + broken + ". Check that its own dependencies were not excluded,"
        + " and that tollgate-bom is imported so they come at the versions Tollgate was built with.", broken));
  }

  /**
   * The first provider of {@code service} on the classpath, found with {@link ServiceLoader};
   * {@code broken} makes the error to throw when a provider is there but fails to load.
   */
  public static <T> Optional<T> first(Class<T> service, Function<Throwable, ? extends RuntimeException> broken) {
    Iterator<T> providers = ServiceLoader.load(service, EnvironmentModules.class.getClassLoader()).iterator();
    try {
      return providers.hasNext() ? Optional.of(providers.next()) : Optional.empty();
    } catch (ServiceConfigurationError | LinkageError failure) {
      throw broken.apply(failure);
    }
  }
}
