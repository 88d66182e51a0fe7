package dev.tollgate.internal.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the containers environment can run here: a Docker engine answers, and the images it
 * starts (PostgreSQL, WireMock, the JRE that app images build on) are here or can be pulled.
 * Where no registry is reachable, this names the variables that point at local stand-ins.
 */
public final class ContainerPrerequisites {
  /** The stand-ins that {@code ci/images/build-images.sh} builds, as {@code .ci/run} names them. */
  private static final Map<String, String> STAND_INS = Map.of(
      Images.POSTGRES_KEY, "tollgate/postgres:15",
      Images.WIREMOCK_KEY, "tollgate/wiremock:3.13.2",
      Images.JRE_KEY, "tollgate/jre:17");

  private ContainerPrerequisites() {}

  /** Why the containers environment cannot run here, or empty when it can. */
  public static Optional<String> problem(boolean dockerAnswers) {
    if (!dockerAnswers) {
      return problem(false, Map.of());
    }
    Map<String, String> images = new LinkedHashMap<>();
    images.put(Images.POSTGRES_KEY, Images.postgres());
    images.put(Images.WIREMOCK_KEY, Images.wiremock());
    images.put(Images.JRE_KEY, Images.jre());
    images.values().removeIf(Docker::obtainable);
    return problem(true, images);
  }

  /**
   * The decision, given whether Docker answers and which images (setting key to image name) are
   * neither here nor pullable.
   */
  static Optional<String> problem(boolean dockerAnswers, Map<String, String> unavailable) {
    if (!dockerAnswers) {
      return Optional.of("No Docker engine answers, so the containers environment cannot run."
          + " Start one (ci/images/start-docker.sh), or run only the local tests.");
    }
    if (unavailable.isEmpty()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    List<String> exports = new ArrayList<>();
    unavailable.forEach((key, image) -> {
      String variable = Settings.variableName(key);
      missing.add("'" + image + "' (" + variable + ")");
      exports.add(variable + "=" + STAND_INS.getOrDefault(key, "<image>"));
    });
    return Optional.of("Docker answers, but the containers environment's images "
        + String.join(", ", missing) + " are not here and cannot be pulled (no registry"
        + " reachable?). Build local stand-ins with ci/images/build-images.sh and set "
        + String.join(" ", exports) + " (as .ci/run does), or set those variables to images"
        + " you have.");
  }
}
