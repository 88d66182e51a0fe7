package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.internal.environment.testapp.TinyApp;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: the tiny app as a child process, and plain HTTP calls to it. */
final class TinyApps {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TinyApps() {
  }

  static App onTestClasspath() {
    return App.mainClass(TinyApp.class.getName(), classpath()).readyWhen("/health");
  }

  /** The test classpath, also under exec:java, where it lives in a class loader rather than java.class.path. */
  static String classpath() {
    ClassLoader loader = TinyApp.class.getClassLoader();
    if (loader instanceof URLClassLoader) {
      return Arrays.stream(((URLClassLoader) loader).getURLs()).map(url -> {
        try {
          return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }).collect(Collectors.joining(File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }

  /** The tiny app's classes and the PostgreSQL driver, in a Dockerfile build FROM the JRE image. */
  static App inImage(Path workDir) throws Exception {
    Path context = Files.createDirectories(workDir.resolve("tiny-app-image"));
    String packagePath = TinyApp.class.getPackageName().replace('.', '/');
    Path classes = Path.of(TinyApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(packagePath);
    Path target = Files.createDirectories(context.resolve("classes").resolve(packagePath));
    try (var files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.createDirectories(context.resolve("lib"));
    Files.copy(driver, context.resolve("lib").resolve("postgresql.jar"));
    Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY classes/ /app/classes/\n"
        + "COPY lib/ /app/lib/\nCMD [\"java\", \"-Dsun.net.httpserver.nodelay=true\", \"-cp\", \"/app/classes:/app/lib/*\", \""
        + TinyApp.class.getName() + "\"]\n");
    return App.dockerfile(context).port(8080).readyWhen("/health").startTimeout(Duration.ofSeconds(60));
  }

  static HttpResponse<String> post(URI base, String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI base, String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A fresh work directory under target/, so each test can look for leftovers in its own. */
  static Path workDir(String name) throws IOException {
    return Files.createDirectories(Path.of("target", "tollgate-it", name + "-" + System.nanoTime()));
  }

  /** Embedded data directories still present under a work directory. */
  static List<Path> dataDirectories(Path workDir) throws IOException {
    Path base = workDir.resolve("embedded-postgres");
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (var entries = Files.list(base)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("data-")).collect(Collectors.toList());
    }
  }

  /**
   * {@link AbandonedEnvironmentMain} in a child JVM on {@code workDir}, without Testcontainers and
   * docker-java on its class path: the local kind must not need them.
   */
  static Process abandonedEnvironment(Path workDir) throws IOException {
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.matches(".*(testcontainers|docker-java|duct-tape|jna).*"))
        .collect(Collectors.joining(File.pathSeparator));
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", classpath,
        AbandonedEnvironmentMain.class.getName(), workDir.toString())
        .redirectErrorStream(true).start();
  }

  /** The child's READY line, once its environment has started; bounded generously for a loaded machine. */
  static String awaitReady(Process child) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(() -> out.lines().filter(l -> l.startsWith("READY")).findFirst()
        .orElse("child ended before READY")).get(120, TimeUnit.SECONDS);
  }

  /** Live processes below this JVM. */
  static List<ProcessHandle> liveDescendants() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).collect(Collectors.toList());
  }
}
