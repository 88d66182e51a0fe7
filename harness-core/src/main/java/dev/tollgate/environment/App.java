package dev.tollgate.environment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The app under test and how to start it: a jar or main class (a child process), an image or a
 * Dockerfile (a container), or an already deployed system. It learns where its database and
 * stubs are from environment variables whose names can be changed here.
 *
 * <pre>{@code
 * App.jar(Path.of("target/todo-app.jar")).port(8080).env("TODO_APP_FLAGS", "pinning").readyWhen("/health")
 * }</pre>
 */
public final class App {
  /** How the app is obtained. */
  public enum Source { JAR, MAIN_CLASS, IMAGE, DOCKERFILE, DEPLOYED }

  private final Source source;
  private final Path jar;
  private final String mainClass;
  private final String classpath;
  private final String image;
  private final Path dockerfileDir;
  private final URI deployedUrl;
  private int port = 8080;
  private Readiness readiness = Readiness.http("/health");
  private Duration startTimeout = Duration.ofSeconds(30);
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> jvmArgs = new ArrayList<>(List.of("-Dsun.net.httpserver.nodelay=true"));
  private String portVariable = "PORT";
  private String dbUrlVariable = "DB_URL";
  private String dbUserVariable = "DB_USER";
  private String dbPasswordVariable = "DB_PASSWORD";
  private String baseImageArg = "BASE_IMAGE";
  private Path dockerfileForJar;

  private App(Source source, Path jar, String mainClass, String classpath, String image, Path dockerfileDir, URI deployedUrl) {
    this.source = source;
    this.jar = jar;
    this.mainClass = mainClass;
    this.classpath = classpath;
    this.image = image;
    this.dockerfileDir = dockerfileDir;
    this.deployedUrl = deployedUrl;
  }

  /** An executable jar, run with {@code java -jar}; in containers it is copied into the JRE image. */
  public static App jar(Path jar) {
    return new App(Source.JAR, Objects.requireNonNull(jar, "jar"), null, null, null, null, null);
  }

  /** A main class on a classpath, run with {@code java -cp}; local environment only. */
  public static App mainClass(String mainClass, String classpath) {
    return new App(Source.MAIN_CLASS, null, Objects.requireNonNull(mainClass, "mainClass"),
        Objects.requireNonNull(classpath, "classpath"), null, null, null);
  }

  /** An existing image; containers environment only. */
  public static App image(String image) {
    return new App(Source.IMAGE, null, null, null, Objects.requireNonNull(image, "image"), null, null);
  }

  /** A folder holding a Dockerfile, built with the JRE image passed as build argument {@code BASE_IMAGE}. */
  public static App dockerfile(Path contextDir) {
    return new App(Source.DOCKERFILE, null, null, null, null, Objects.requireNonNull(contextDir, "contextDir"), null);
  }

  /** A system that is already deployed at this base URL; external environment. */
  public static App deployedAt(URI baseUrl) {
    return new App(Source.DEPLOYED, null, null, null, null, null, Objects.requireNonNull(baseUrl, "baseUrl"));
  }

  /** The port the app listens on inside its container. Locally the app gets a free port instead, through {@code PORT}. */
  public App port(int port) {
    if (port < 1 || port > 65535) {
      throw new EnvironmentException("Expected an app port between 1 and 65535, but found " + port + ".");
    }
    this.port = port;
    return this;
  }

  /** One more environment variable for the app. */
  public App env(String name, String value) {
    env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** The path that answers 2xx once the app is ready (default {@code /health}). */
  public App readyWhen(String path) {
    return readyWhen(Readiness.http(path));
  }

  /**
   * When the app counts as ready: other statuses (a health check behind authentication answers
   * 401), a predicate on the answer, or only an open port. See {@link Readiness}.
   */
  public App readyWhen(Readiness readiness) {
    this.readiness = Objects.requireNonNull(readiness, "readiness");
    return this;
  }

  /** How long the app may take to become ready (default 30 s). */
  public App startTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new EnvironmentException("Expected a positive start timeout, but found " + timeout + ".");
    }
    this.startTimeout = timeout;
    return this;
  }

  /** Extra JVM options for a local app (after {@code -Dsun.net.httpserver.nodelay=true}). */
  public App jvmArgs(String... args) {
    jvmArgs.addAll(List.of(args));
    return this;
  }

  /** Renames the variables that tell the app its port and database (defaults PORT, DB_URL, DB_USER, DB_PASSWORD). */
  public App variables(String port, String dbUrl, String dbUser, String dbPassword) {
    this.portVariable = Objects.requireNonNull(port);
    this.dbUrlVariable = Objects.requireNonNull(dbUrl);
    this.dbUserVariable = Objects.requireNonNull(dbUser);
    this.dbPasswordVariable = Objects.requireNonNull(dbPassword);
    return this;
  }

  /** The build argument that receives the JRE base image when a Dockerfile is built (default BASE_IMAGE). */
  public App baseImageArg(String name) {
    this.baseImageArg = Objects.requireNonNull(name);
    return this;
  }

  /** For a jar app: the Dockerfile folder to build in the containers environment, instead of a generated one. */
  public App withDockerfile(Path contextDir) {
    if (source != Source.JAR) {
      throw new EnvironmentException("withDockerfile(..) adds a container build to a jar app, but this app is " + source
          + ". Use App.dockerfile(dir) instead.");
    }
    this.dockerfileForJar = Objects.requireNonNull(contextDir);
    return this;
  }

  public Source source() { return source; }
  public Optional<Path> jar() { return Optional.ofNullable(jar); }
  public Optional<String> mainClass() { return Optional.ofNullable(mainClass); }
  public Optional<String> classpath() { return Optional.ofNullable(classpath); }
  public Optional<String> image() { return Optional.ofNullable(image); }
  public Optional<Path> dockerfileDir() { return Optional.ofNullable(dockerfileDir != null ? dockerfileDir : dockerfileForJar); }
  public Optional<URI> deployedUrl() { return Optional.ofNullable(deployedUrl); }
  public int port() { return port; }
  public Readiness readiness() { return readiness; }
  public Duration startTimeout() { return startTimeout; }
  public Map<String, String> env() { return Map.copyOf(env); }
  public List<String> jvmArgs() { return List.copyOf(jvmArgs); }
  public String portVariable() { return portVariable; }
  public String dbUrlVariable() { return dbUrlVariable; }
  public String dbUserVariable() { return dbUserVariable; }
  public String dbPasswordVariable() { return dbPasswordVariable; }
  public String baseImageArg() { return baseImageArg; }

  /** A short description for messages, such as {@code jar target/todo-app.jar}. */
  public String describe() {
    switch (source) {
      case JAR: return "jar " + jar;
      case MAIN_CLASS: return "main class " + mainClass;
      case IMAGE: return "image " + image;
      case DOCKERFILE: return "Dockerfile in " + dockerfileDir;
      default: return "deployed app at " + deployedUrl;
    }
  }
}
