package dev.tollgate.internal.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Maven command that runs one test again with one program, pasted as it is in the folder
 * that ran the build: only that test (Failsafe for {@code *IT}, Surefire otherwise, the other
 * plugin's tests skipped), in its module ({@code -pl <module> -am}), with the run's own
 * {@code -D} properties, profiles, offline flag, settings and pom.
 */
public final class ReplayLine {
  /**
   * Properties the line sets itself, or that would stop the test from running or its failure
   * from failing the build (a gate script ignores test failures to rule on them itself).
   */
  private static final Set<String> REPLACED = Set.of(
      "tollgate.replay", "tollgate.seed", "test", "it.test", "surefire.failIfNoSpecifiedTests",
      "failsafe.failIfNoSpecifiedTests", "it.failIfNoSpecifiedTests", "skipTests", "skipITs",
      "maven.test.skip", "surefire.skip", "maven.test.failure.ignore");
  /** Options whose value is the next argument, and that change what the build is. */
  private static final Set<String> KEPT_WITH_VALUE = Set.of(
      "-P", "--activate-profiles", "-s", "--settings", "-gs", "--global-settings");
  private static final Set<String> KEPT_FLAGS = Set.of("-o", "--offline");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private ReplayLine() {}

  /**
   * The line for {@code testClass#testMethod} (binary class name; method may be null).
   */
  public static String of(Invocation run, String testClass, String testMethod, String token) {
    String outer = testClass.substring(testClass.lastIndexOf('.') + 1);
    String selector = outer + (testMethod == null ? "" : "#" + testMethod);
    String fileName = outer.contains("$") ? outer.substring(0, outer.indexOf('$')) : outer;
    boolean integration = fileName.endsWith("IT") || fileName.endsWith("ITCase")
        || fileName.matches("IT[A-Z_0-9].*");
    List<String> line = new ArrayList<>();
    line.add("mvn");
    line.add(integration ? "verify" : "test");
    List<String> kept = kept(run);
    line.addAll(kept);
    String module = module(run);
    if (module != null) {
      line.add("-pl");
      line.add(quote(module));
      line.add("-am");
    }
    if (integration) {
      line.add("-Dtest=none");
      line.add("-Dsurefire.failIfNoSpecifiedTests=false");
      line.add("-Dit.test='" + selector + "'");
      line.add("-Dfailsafe.failIfNoSpecifiedTests=false");
    } else {
      line.add("-Dtest='" + selector + "'");
      line.add("-Dsurefire.failIfNoSpecifiedTests=false");
    }
    line.add("-Dtollgate.replay=" + token);
    return String.join(" ", line);
  }

  /** The run's arguments that change what is built or how, quoted for a POSIX shell. */
  private static List<String> kept(Invocation run) {
    List<String> args = run.mavenArgs();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String define = null;
      if ((arg.equals("-D") || arg.equals("--define")) && i + 1 < args.size()) {
        define = args.get(++i);
      } else if (arg.startsWith("-D") && arg.length() > 2) {
        define = arg.substring(2);
      } else if (arg.startsWith("--define=")) {
        define = arg.substring("--define=".length());
      }
      if (define != null) {
        int eq = define.indexOf('=');
        String key = eq < 0 ? define : define.substring(0, eq);
        if (key.isEmpty() || REPLACED.contains(key)) {
          continue;
        }
        // The test JVM has the value whole, even when it held spaces that split the arguments.
        String value = run.property().apply(key);
        if (value == null) {
          value = eq < 0 ? "true" : define.substring(eq + 1);
        }
        kept.add(quote("-D" + key + "=" + value));
      } else if ((arg.equals("-f") || arg.equals("--file")) && i + 1 < args.size()) {
        // Relative to a folder that Maven does not pass on: name the pom absolutely.
        String pom = args.get(++i);
        kept.add(arg);
        kept.add(quote(pom.endsWith(".xml")
            ? run.invocationDir().resolve(Path.of(pom).getFileName().toString()).toString()
            : run.invocationDir().toString()));
      } else if (KEPT_WITH_VALUE.contains(arg) && i + 1 < args.size()) {
        kept.add(arg);
        kept.add(quote(args.get(++i)));
      } else if (arg.startsWith("-P") && arg.length() > 2) {
        kept.add(quote(arg));
      } else if (KEPT_FLAGS.contains(arg)) {
        kept.add(arg);
      }
    }
    return kept;
  }

  /**
   * The test's module as {@code -pl} takes it (relative to the reactor's folder), or null when
   * the build ran in the module.
   */
  private static String module(Invocation run) {
    Path reactor = run.invocationDir();
    if (!run.moduleDir().startsWith(reactor) || run.moduleDir().equals(reactor)) {
      return null;
    }
    return reactor.relativize(run.moduleDir()).toString().replace('\\', '/');
  }

  private static String quote(String arg) {
    return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\"'\"'") + "'";
  }
}
