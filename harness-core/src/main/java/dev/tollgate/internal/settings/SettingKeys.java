package dev.tollgate.internal.settings;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.secrets.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@code tollgate.*} system property Tollgate reads. A property under {@code tollgate.} that
 * is not listed is a typo until proven otherwise ({@code -Dtollgate.trys=5} would otherwise be
 * ignored and the run would quietly use the default), so a run that sees one fails at once and
 * names the closest known key.
 */
public final class SettingKeys {
  public static final String PREFIX = "tollgate.";
  /** Where users look keys up; the error message sends them there. */
  static final String DOCUMENTED = "the README's \"Settings\" table (also the Javadoc of"
      + " dev.tollgate.runner.Runner and of the package dev.tollgate.environment)";

  // Adding a setting to Tollgate: add its key here, one line, and a row to the README's
  // "Settings" table. A key missing here fails every run that sets it, as an unknown key.
  private static final Set<String> KNOWN = Set.of(
      "tollgate.tries",
      "tollgate.maxSteps",
      "tollgate.users",
      "tollgate.seed",
      "tollgate.timeBudget",
      "tollgate.stepTimeout",
      "tollgate.maxBodyBytes",
      "tollgate.shrinkRuns",
      "tollgate.shrinkTime",
      "tollgate.replay",
      "tollgate.reportDir",
      "tollgate.corpus",
      "tollgate.flakyReruns",
      "tollgate.parallel",
      "tollgate.repetitions",
      "tollgate.branchSteps",
      "tollgate.jitter",
      "tollgate.reachabilityPrograms",
      "tollgate.rareCommands",
      "tollgate.environment",
      "tollgate.image.postgres",
      "tollgate.image.wiremock",
      "tollgate.image.jre",
      "tollgate.embedded.binaries",
      "tollgate.external.url",
      "tollgate.external.jdbc-url",
      "tollgate.external.jdbc-user",
      "tollgate.external.jdbc-password",
      "tollgate.buildDir" // Tollgate's own tests: the build folder (set by harness-core's pom)
  );

  private SettingKeys() {}

  /** The known keys, sorted. */
  public static Set<String> known() {
    return new TreeSet<>(KNOWN);
  }

  /**
   * Throws when a system property under {@code tollgate.} is not a known key; called before
   * anything reads the settings, so a typo fails the run rather than being ignored.
   */
  public static void checkSystemProperties() {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(System.getProperties().stringPropertyNames())) {
      if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
        String closest = closest(key);
        // A misspelt secret key is not secret-named itself: judge by the key it was meant to be.
        boolean secret = Redactor.isSecretName(key.substring(PREFIX.length()))
            || Redactor.isSecretName(closest.substring(PREFIX.length()));
        String shown = secret ? Redactor.MASK : System.getProperty(key);
        problems.add("-D" + key + "=" + shown + " (did you mean -D" + closest + "?)");
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    throw new TollgateConfigurationException(
        (problems.size() == 1 ? "Unknown Tollgate setting " : "Unknown Tollgate settings ")
            + String.join(", ", problems) + ". Expected every system property that starts with"
            + " 'tollgate.' to be one of Tollgate's settings, but found "
            + (problems.size() == 1 ? "a key" : "keys") + " it does not know, which would be"
            + " ignored. Fix the spelling, or remove the property. Every key is listed in "
            + DOCUMENTED + ".");
  }

  /** The known key nearest to {@code key} by edit distance, ignoring case; ties go to the first in order. */
  static String closest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known()) {
      int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
