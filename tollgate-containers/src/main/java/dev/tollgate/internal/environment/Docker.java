package dev.tollgate.internal.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.tollgate.environment.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Docker checks and clean-up for the containers environment. Every container it starts carries
 * labels naming the owning JVM, so the containers of a JVM that was killed (no shutdown hook ran,
 * and Ryuk is off here) are removed by the next run.
 */
public final class Docker {
  public static final String LABEL = "dev.tollgate.environment";
  public static final String OWNER_PID_LABEL = "dev.tollgate.owner-pid";
  private static final long PULL_TIMEOUT_SECONDS = 300;
  /** The image that Testcontainers 2.0.5 starts Ryuk from (its RyukContainer is not public). */
  private static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
  /** The image that Testcontainers 2.0.5 starts to find the host's address from inside a container. */
  private static final String TINY_IMAGE = "alpine:3.17";

  private Docker() {
  }

  /**
   * Whether a Docker engine answers; false too when Testcontainers is not on the classpath. Asks
   * through a plain client: Testcontainers' own client would first start Ryuk, which stalls for
   * minutes where its image cannot be pulled.
   */
  public static boolean isAvailable() {
    try {
      plainClient().pingCmd().exec();
      return true;
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }

  private static DockerClient plainClient() {
    return DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig());
  }

  /** Labels for everything this JVM starts. */
  static Map<String, String> labels() {
    return Map.of(LABEL, "true", OWNER_PID_LABEL, Long.toString(ProcessHandle.current().pid()));
  }

  static DockerClient require() {
    try {
      Class.forName("org.testcontainers.DockerClientFactory");
    } catch (ClassNotFoundException | LinkageError e) {
      throw new EnvironmentException("The containers environment needs Testcontainers, but it is not on the classpath."
          + " Add the test dependencies org.testcontainers:testcontainers and org.testcontainers:testcontainers-postgresql,"
          + " or run with -Dtollgate.environment=local.");
    }
    DockerClient plain;
    try {
      plain = plainClient();
      plain.pingCmd().exec();
    } catch (RuntimeException e) {
      throw new EnvironmentException("Expected a Docker engine for the containers environment, but none answers ("
          + e.getMessage() + "). Start Docker (in this repository's CI: ci/images/start-docker.sh), check DOCKER_HOST,"
          + " or run without containers: -Dtollgate.environment=local.", e);
    }
    if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
      String ryuk = ImageNameSubstitutor.instance().apply(DockerImageName.parse(RYUK_IMAGE)).asCanonicalNameString();
      try {
        requireImage(plain, ryuk, null);
      } catch (EnvironmentException e) {
        throw new EnvironmentException("Testcontainers starts its clean-up container Ryuk from '" + ryuk + "', but that"
            + " image is not here and cannot be pulled. Set the variable TESTCONTAINERS_RYUK_DISABLED=true (Tollgate"
            + " removes its containers itself, also those of a killed JVM on the next run), or load the image.", e);
      }
    }
    requireHostAddress(plain);
    removeOrphans(plain);
    return DockerClientFactory.instance().client();
  }

  /**
   * Inside a container, Testcontainers finds the host's address by starting its tiny image; where
   * that image cannot be pulled it retries for minutes. Say so at once instead.
   */
  private static void requireHostAddress(DockerClient plain) {
    if (System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null || !Files.exists(Path.of("/.dockerenv"))) {
      return;
    }
    String tiny = ImageNameSubstitutor.instance().apply(DockerImageName.parse(TINY_IMAGE)).asCanonicalNameString();
    try {
      requireImage(plain, tiny, null);
    } catch (EnvironmentException e) {
      throw new EnvironmentException("This JVM runs inside a container (/.dockerenv), so Testcontainers would look for the"
          + " Docker host's address by starting '" + tiny + "', but that image is not here and cannot be pulled. Set the"
          + " variable TESTCONTAINERS_HOST_OVERRIDE=localhost when container ports are published on this machine,"
          + " or load the image.", e);
    }
  }

  /** Whether the image (after Testcontainers' name substitution) is here or can be pulled. */
  static boolean obtainable(String image) {
    try {
      requireImage(plainClient(),
          ImageNameSubstitutor.instance().apply(DockerImageName.parse(image)).asCanonicalNameString(), null);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Makes sure the image is here: present, or pulled; otherwise says how to get it. */
  static void requireImage(DockerClient client, String image, String settingKey) {
    try {
      client.inspectImageCmd(image).exec();
      return;
    } catch (NotFoundException absent) {
      // Try a pull below.
    }
    String failure;
    try {
      boolean done = client.pullImageCmd(image).exec(new PullImageResultCallback())
          .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      failure = done ? null : "the pull did not finish within " + PULL_TIMEOUT_SECONDS + " s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    } catch (RuntimeException e) {
      failure = e.getMessage();
    }
    if (failure != null) {
      String other = settingKey == null ? "" : ", or name another image with -D" + settingKey + "=... or the variable "
          + Settings.variableName(settingKey);
      throw new EnvironmentException("Expected the image '" + image + "' to be present or pullable, but it is not here"
          + " and the pull failed (" + failure + "). Build or load it (offline: ci/images/build-images.sh)" + other + ".");
    }
  }

  /** Removes containers and networks left by JVMs that are gone. */
  static void removeOrphans(DockerClient client) {
    try {
      List<Container> containers = client.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(LABEL, "true")).exec();
      for (Container container : containers) {
        if (ownerGone(container.getLabels())) {
          client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
      }
      client.listNetworksCmd().withFilter("label", List.of(LABEL + "=true")).exec().stream()
          .filter(network -> ownerGone(network.getLabels()))
          .forEach(network -> client.removeNetworkCmd(network.getId()).exec());
    } catch (RuntimeException e) {
      // Clean-up of others' leftovers must never stop this run.
    }
  }

  private static boolean ownerGone(Map<String, String> labels) {
    String pid = labels == null ? null : labels.get(OWNER_PID_LABEL);
    if (pid == null) {
      return false;
    }
    try {
      Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(pid));
      return owner.isEmpty() || !owner.get().isAlive();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
