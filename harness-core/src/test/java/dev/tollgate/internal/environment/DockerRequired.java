package dev.tollgate.internal.environment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Container tests skip where Docker is missing on a developer's machine, but fail in CI
 * ({@code CI=true}), where a skipped gate would pass unnoticed.
 */
final class DockerRequired {
  private DockerRequired() {
  }

  static void check() {
    check(Docker.isAvailable(), System.getenv("CI"));
  }

  static void check(boolean dockerAvailable, String ciVariable) {
    if (dockerAvailable) {
      return;
    }
    String message = "No Docker engine answers, so the containers environment cannot be tested."
        + " Start one (ci/images/start-docker.sh), or run only the local tests.";
    if ("true".equalsIgnoreCase(ciVariable)) {
      fail(message + " CI=true, so this fails instead of skipping.");
    }
    Assumptions.abort(message);
  }
}
