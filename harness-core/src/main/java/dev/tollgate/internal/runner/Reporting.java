package dev.tollgate.internal.runner;

import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.report.Reporter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a check's outputs go: the console, the report folder, the regression corpus, and how
 * often a failure is rerun to tell deterministic failures from flaky ones.
 *
 * @param testClass the test class's binary name, or {@code null} when the check runs outside a
 *     test (reports are then named after the model)
 * @param testMethod the test method's name, or {@code null}
 * @param reportRoot reports go to {@code reportRoot/<test>/}; {@code null} writes none
 * @param corpusRoot the corpus is {@code corpusRoot/<test>/}; {@code null} keeps none
 * @param claims which model of each test has the test's plain folder name
 */
public record Reporting(
    Reporter reporter,
    String testClass,
    String testMethod,
    Path reportRoot,
    Path corpusRoot,
    int flakyReruns,
    Duration progressInterval,
    FolderClaims claims) {

  public static final int DEFAULT_FLAKY_RERUNS = 20;
  /** File systems allow 255 bytes a name; longer test names are cut to this. */
  static final int MAX_FOLDER_NAME = 200;

  /** The reporter, behind a mask: no console line carries a known secret. */
  @Override
  public Reporter reporter() {
    return text -> reporter.line(Redactor.text(text));
  }

  /** Console silent, no files; still classifies failures. */
  public static Reporting quiet() {
    return new Reporting(Reporter.none(), null, null, null, null, DEFAULT_FLAKY_RERUNS,
        Duration.ofSeconds(5), new FolderClaims());
  }

  /** {@code dev.example.TodoGateIT#todos}, or the model's name outside a test. */
  public String testId(String modelName) {
    if (testClass == null) {
      return modelName;
    }
    return testClass + (testMethod == null ? "" : "#" + testMethod);
  }

  /**
   * The folder name for this check's reports and corpus: the test's fully qualified class and
   * its method, {@code dev.example.TodoGateIT.todos}, so that classes of one simple name in two
   * packages keep apart; a nested class joins its outer one with a dot. A second model that the
   * same method checks adds its name, {@code dev.example.TodoGateIT.todos.votes}: the first
   * model checked keeps the plain name (see {@link FolderClaims}). Outside a test: the model's
   * name. Characters other than letters, digits, {@code .}, {@code _} and {@code -} become
   * {@code _}.
   */
  public String folderName(String modelName) {
    String name;
    if (testClass == null) {
      name = modelName;
    } else {
      String test = testClass.replace('$', '.') + (testMethod == null ? "" : "." + testMethod);
      name = claims.firstOf(testId(modelName), modelName) ? test : test + "." + modelName;
    }
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
    safe = safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    if (safe.length() > MAX_FOLDER_NAME) {
      // Keep the readable end (the method) and a hash of the whole, so names stay apart.
      String hash = Integer.toHexString(name.hashCode());
      safe = "_" + hash + "_" + safe.substring(safe.length() - (MAX_FOLDER_NAME - hash.length() - 2));
    }
    return safe;
  }
}
