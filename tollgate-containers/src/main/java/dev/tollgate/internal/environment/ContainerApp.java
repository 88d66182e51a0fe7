package dev.tollgate.internal.environment;

import com.github.dockerjava.api.DockerClient;
import dev.tollgate.environment.App;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.internal.secrets.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The app as a container: an existing image, or one built from a Dockerfile (or, for a jar, from
 * a generated one) FROM the configured JRE image. A built image is removed again on close,
 * because with Ryuk off nothing else would.
 */
final class ContainerApp implements Parts.AppPart {
  static final String ALIAS = "app";
  private final App app;
  private final GenericContainer<?> container;
  private final String builtImage;
  private final DockerClient client;
  private final Path log;
  private final Writer logWriter;
  private URI baseUrl;

  private ContainerApp(App app, GenericContainer<?> container, String builtImage, DockerClient client, Path log,
      Writer logWriter) {
    this.app = app;
    this.container = container;
    this.builtImage = builtImage;
    this.client = client;
    this.log = log;
    this.logWriter = logWriter;
  }

  @SuppressWarnings("resource")
  static ContainerApp start(DockerClient client, App app, Map<String, String> wiring, Network network, Path workDir) {
    String builtImage = null;
    Future<String> image;
    switch (app.source()) {
      case IMAGE:
        Docker.requireImage(client, app.image().orElseThrow(), null);
        image = java.util.concurrent.CompletableFuture.completedFuture(app.image().orElseThrow());
        break;
      case JAR:
      case DOCKERFILE:
        Docker.requireImage(client, Images.jre(), Images.JRE_KEY);
        builtImage = "tollgate-app-" + UUID.randomUUID().toString().substring(0, 8) + ":latest";
        Path dockerfile = dockerfile(app, workDir);
        image = new ImageFromDockerfile(builtImage, false)
            .withDockerfile(dockerfile)
            .withBuildArg(app.baseImageArg(), Images.jre());
        break;
      default:
        throw new EnvironmentException("The containers environment runs an app from an image, a Dockerfile or a jar,"
            + " but this app is the " + app.describe() + ". Use App.jar(..), App.image(..) or App.dockerfile(..),"
            + " or run it locally with -Dtollgate.environment=local.");
    }
    Path log = workDir.toAbsolutePath().resolve("logs").resolve("app-container-" + UUID.randomUUID() + ".log");
    Writer logWriter = openLog(log);
    Map<String, String> env = new HashMap<>(wiring);
    env.put(app.portVariable(), Integer.toString(app.port()));
    env.putAll(app.env());
    Secrets.learnEnvironment(env);
    GenericContainer<?> container = new GenericContainer<>(image)
        .withNetwork(network)
        .withNetworkAliases(ALIAS)
        .withExposedPorts(app.port())
        .withEnv(env)
        .withLabels(Docker.labels())
        .withLogConsumer(frame -> append(logWriter, frame))
        .waitingFor(new ContainerReadiness(app.readiness(), app.port()).withStartupTimeout(app.startTimeout()));
    ContainerApp started = new ContainerApp(app, container, builtImage, client, log, logWriter);
    try {
      container.start();
    } catch (RuntimeException e) {
      started.close();
      throw new EnvironmentException("Expected the app container (" + app.describe() + ") to be ready ("
          + app.readiness().describe() + ", port " + app.port() + ") within " + app.startTimeout().toMillis() + " ms, but it failed: "
          + rootMessage(e) + ". Last lines of " + log + ":\n" + LogTail.of(log), e);
    }
    return started;
  }

  /** The app's Dockerfile, or for a plain jar a generated one next to a copy of the jar. */
  private static Path dockerfile(App app, Path workDir) {
    Optional<Path> dir = app.dockerfileDir();
    if (dir.isPresent()) {
      Path file = dir.get().resolve("Dockerfile");
      if (!Files.isRegularFile(file)) {
        throw new EnvironmentException("Expected a Dockerfile in " + dir.get().toAbsolutePath() + ", but there is none."
            + " Fix the folder given to App.dockerfile(..).");
      }
      return file;
    }
    Path jar = Parts.requireJar(app);
    try {
      Path context = Files.createDirectories(workDir.toAbsolutePath().resolve("app-image-" + UUID.randomUUID()));
      Files.copy(jar, context.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
      String jvmArgs = app.jvmArgs().stream().map(a -> "\"" + a.replace("\"", "\\\"") + "\", ")
          .collect(Collectors.joining());
      Files.writeString(context.resolve("Dockerfile"), "ARG " + app.baseImageArg() + "\nFROM ${" + app.baseImageArg()
          + "}\nCOPY app.jar /app/app.jar\nCMD [\"java\", " + jvmArgs + "\"-jar\", \"/app/app.jar\"]\n");
      return context.resolve("Dockerfile");
    } catch (IOException e) {
      throw new EnvironmentException("Could not prepare the image build for " + app.describe() + " in " + workDir + ": "
          + e.getMessage(), e);
    }
  }

  private static Writer openLog(Path log) {
    try {
      Files.createDirectories(log.getParent());
      return Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Writer writer, OutputFrame frame) {
    try {
      synchronized (writer) {
        writer.write(frame.getUtf8String());
        writer.flush();
      }
    } catch (IOException ignored) {
      // A closed log after stop: the container's last words are lost, nothing else.
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
  }

  String containerId() {
    return container.getContainerId();
  }

  @Override
  public URI baseUrl() {
    if (baseUrl == null) {
      baseUrl = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(app.port()));
    }
    return baseUrl;
  }

  @Override
  public void ensureAlive() {
    if (!container.isRunning()) {
      throw new EnvironmentException("Expected the app container (" + app.describe() + ") to be running, but it stopped."
          + " Last lines of " + log + ":\n" + LogTail.of(log));
    }
  }

  @Override
  public Optional<Path> log() {
    return Optional.of(log);
  }

  @Override
  public void close() {
    try {
      container.stop();
    } finally {
      try {
        logWriter.close();
      } catch (IOException ignored) {
        // Nothing to lose: every frame was flushed.
      }
      if (builtImage != null) {
        try {
          client.removeImageCmd(builtImage).withForce(true).exec();
        } catch (RuntimeException e) {
          if (!e.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("notfound")) {
            throw new EnvironmentException("Could not remove the app image " + builtImage + ": " + e.getMessage()
                + ". Remove it with: docker rmi -f " + builtImage, e);
          }
        }
      }
    }
  }
}
