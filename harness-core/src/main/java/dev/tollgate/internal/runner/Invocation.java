package dev.tollgate.internal.runner;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How the build that runs this test was started: the Maven command line, the folder it ran in,
 * and the module folder of the test. The replay line and the printed report path are made from
 * it, so that both work when pasted in the folder that ran the build.
 *
 * <p>Maven's launcher exports its arguments as {@code MAVEN_CMD_LINE_ARGS} and its project folder
 * as {@code MAVEN_PROJECTBASEDIR}; Surefire and Failsafe forks inherit both, and get the
 * command line's {@code -D} properties as system properties.
 *
 * @param mavenArgs the Maven command line, split on whitespace; empty outside Maven
 * @param invocationDir the folder the build ran in (absolute): Maven's project folder, which is
 *     that of {@code -f}'s pom when given, and the user's folder or the one above it that holds
 *     {@code .mvn} otherwise
 * @param moduleDir the test's module folder (absolute)
 * @param property the test JVM's system properties, for {@code -D} values that held spaces
 */
public record Invocation(
    List<String> mavenArgs, Path invocationDir, Path moduleDir, UnaryOperator<String> property) {

  public Invocation {
    mavenArgs = List.copyOf(mavenArgs);
    invocationDir = invocationDir.toAbsolutePath().normalize();
    moduleDir = moduleDir.toAbsolutePath().normalize();
  }

  /** This JVM's invocation. */
  public static Invocation current() {
    return of(System.getenv(), System::getProperty);
  }

  /** The invocation that these environment variables and system properties describe. */
  public static Invocation of(Map<String, String> env, UnaryOperator<String> property) {
    String args = env.get("MAVEN_CMD_LINE_ARGS");
    List<String> mavenArgs = new ArrayList<>();
    if (args != null) {
      for (String arg : args.trim().split("\\s+")) {
        if (!arg.isEmpty()) {
          mavenArgs.add(arg);
        }
      }
    }
    Path userDir = Path.of(property.apply("user.dir"));
    Path moduleDir = folder(property.apply("basedir"), userDir);
    // Maven's launcher exports the folder it ran in (or that of -f's pom, or one above with
    // .mvn). PWD is of no use: Surefire starts its forks with a shell that cds to the module.
    Path invocationDir = args == null ? userDir : folder(env.get("MAVEN_PROJECTBASEDIR"),
        folder(property.apply("maven.multiModuleProjectDirectory"), userDir));
    return new Invocation(mavenArgs, invocationDir, moduleDir, property);
  }

  private static Path folder(String text, Path fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      Path path = Path.of(text);
      return path.isAbsolute() && Files.isDirectory(path) ? path : fallback;
    } catch (InvalidPathException e) {
      return fallback;
    }
  }

  /** True when a Maven build runs this JVM. */
  public boolean underMaven() {
    return !mavenArgs.isEmpty();
  }

  /**
   * {@code path} as a person in the invocation folder would type it: relative when it lies
   * inside that folder, absolute otherwise.
   */
  public String display(Path path) {
    Path absolute = moduleDir.resolve(path).normalize();
    return absolute.startsWith(invocationDir)
        ? invocationDir.relativize(absolute).toString()
        : absolute.toString();
  }
}
