package dev.tollgate.internal.environment;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Container tests skip where Docker is missing on a developer's machine, or its images are
 * neither here nor pullable, but fail in CI ({@code CI=true}), where a skipped gate would pass
 * unnoticed.
 */
final class DockerRequired {
  private DockerRequired() {
  }

  static void check() {
    check(ContainerPrerequisites.problem(Docker.isAvailable()), System.getenv("CI"));
  }

  static void check(Optional<String> problem, String ciVariable) {
    if (problem.isEmpty()) {
      return;
    }
    if ("true".equalsIgnoreCase(ciVariable)) {
      fail(problem.get() + " CI=true, so this fails instead of skipping.");
    }
    Assumptions.abort(problem.get());
  }
}
