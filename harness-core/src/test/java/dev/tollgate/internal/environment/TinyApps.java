package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.internal.environment.testapp.TinyApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: the tiny app as a child process, and plain HTTP calls to it. */
final class TinyApps {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TinyApps() {
  }

  static App onTestClasspath() {
    return App.mainClass(TinyApp.class.getName(), System.getProperty("java.class.path")).readyWhen("/health");
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

  /** Live processes below this JVM. */
  static List<ProcessHandle> liveDescendants() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).collect(Collectors.toList());
  }
}
