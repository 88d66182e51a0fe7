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
 * @param reportRoot reports go to {@code reportRoot/<test>/}; {@code null} writes none
 * @param corpusRoot the corpus is {@code corpusRoot/<test>/}; {@code null} keeps none
 */
public record Reporting(
    Reporter reporter,
    String testClass,
    String testMethod,
    Path reportRoot,
    Path corpusRoot,
    int flakyReruns,
    Duration progressInterval) {

  public static final int DEFAULT_FLAKY_RERUNS = 20;

  /** The reporter, behind a mask: no console line carries a known secret. */
  @Override
  public Reporter reporter() {
    return text -> reporter.line(Redactor.text(text));
  }

  /** Console silent, no files; still classifies failures. */
  public static Reporting quiet() {
    return new Reporting(Reporter.none(), null, null, null, null, DEFAULT_FLAKY_RERUNS,
        Duration.ofSeconds(5));
  }

  /** {@code dev.example.TodoGateIT#todos}, or the model's name outside a test. */
  public String testId(String modelName) {
    if (testClass == null) {
      return modelName;
    }
    return testClass + (testMethod == null ? "" : "#" + testMethod);
  }

  /**
   * The folder name for this test's reports and corpus: {@code TodoGateIT.todos}; a nested test
   * class keeps its outer class, {@code OuterTest.Inner.method}.
   */
  public String folderName(String modelName) {
    String name = testClass == null
        ? modelName
        : testClass.substring(testClass.lastIndexOf('.') + 1).replace('$', '.')
            + (testMethod == null ? "" : "." + testMethod);
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
  }
}
