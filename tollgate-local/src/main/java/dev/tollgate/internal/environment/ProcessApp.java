package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.internal.secrets.Secrets;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The app as a child process ({@code java -jar} or {@code java -cp}) on a free port, its output
 * in a log file. Its exit is watched, so a dead app is reported with its log tail instead of as
 * connection errors in the middle of a run. It is in the environment's {@link Lease}, and a
 * {@link Watchdog} stops it if this JVM dies without closing it.
 */
final class ProcessApp implements Parts.AppPart {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
  private final App app;
  private final Process process;
  private final Path log;
  private final URI baseUrl;
  private final Watchdog watchdog;
  private volatile boolean closing;

  private ProcessApp(App app, Process process, Path log, int port) {
    this.app = app;
    this.process = process;
    this.log = log;
    this.baseUrl = URI.create("http://localhost:" + port);
    // SIGTERM, as close() sends it: the app's JVM runs its shutdown hooks.
    this.watchdog = Watchdog.watch(process.toHandle(), "TERM", null);
  }

  /** Starts the app and waits until it is ready; on failure nothing is left running. */
  static ProcessApp start(App app, Map<String, String> wiring, Path workDir, Lease lease) {
    List<String> command = command(app);
    int port = freePort();
    String name = "app-" + LocalDateTime.now().format(STAMP) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log";
    Path log = workDir.toAbsolutePath().resolve("logs").resolve(name);
    Process process;
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(wiring);
      builder.environment().put(app.portVariable(), Integer.toString(port));
      builder.environment().putAll(app.env());
      // Only what Tollgate and the model set: the inherited environment holds PWD and the like.
      Secrets.learnEnvironment(wiring);
      Secrets.learnEnvironment(app.env());
      process = builder.start();
      lease.process("app", process.toHandle());
    } catch (IOException e) {
      throw new EnvironmentException("Expected to start the app (" + app.describe() + ") with " + String.join(" ", command)
          + ", but the process could not be created: " + e.getMessage(), e);
    }
    ProcessApp started = new ProcessApp(app, process, log, port);
    started.awaitReady();
    return started;
  }

  private void awaitReady() {
    ReadinessProbe probe = new ReadinessProbe(app.readiness(), baseUrl);
    Duration timeout = app.startTimeout();
    ReadinessProbe.Outcome outcome = probe.await(timeout, process::isAlive);
    if (outcome == ReadinessProbe.Outcome.READY) {
      return;
    }
    if (outcome == ReadinessProbe.Outcome.DIED) {
      watchdog.release();
      throw new EnvironmentException("Expected the app (" + app.describe() + ") to start until " + probe.probed()
          + ", but it exited with code " + exitCode() + " during start. Last lines of " + log + ":\n" + LogTail.of(log));
    }
    close();
    throw new EnvironmentException("The app (" + app.describe() + ") did not become ready. " + probe.timedOut(timeout)
        + " The app was stopped. Last lines of " + log + ":\n" + LogTail.of(log));
  }

  private static List<String> command(App app) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(app.jvmArgs());
    switch (app.source()) {
      case JAR:
        command.add("-jar");
        command.add(Parts.requireJar(app).toAbsolutePath().toString());
        return command;
      case MAIN_CLASS:
        command.add("-cp");
        command.add(app.classpath().orElseThrow());
        command.add(app.mainClass().orElseThrow());
        return command;
      default:
        throw new EnvironmentException("The local environment runs an app from a jar or a main class, but this app is the "
            + app.describe() + ". Use App.jar(..), or run with -Dtollgate.environment=containers.");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EnvironmentException("Expected a free local port for the app, but none could be had: " + e.getMessage(), e);
    }
  }

  private String exitCode() {
    try {
      return Integer.toString(process.exitValue());
    } catch (IllegalThreadStateException e) {
      return "(still running)";
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public void ensureAlive() {
    if (!closing && !process.isAlive()) {
      throw new EnvironmentException("Expected the app (" + app.describe() + ", pid " + process.pid() + ") to be running,"
          + " but it exited with code " + exitCode() + ". Last lines of " + log + ":\n" + LogTail.of(log));
    }
  }

  @Override
  public Optional<Path> log() {
    return Optional.of(log);
  }

  @Override
  public void close() {
    closing = true;
    // The whole tree, and only return once it is gone: nothing of the app's may outlive close().
    ProcessTree.stop(ProcessTree.of(process.toHandle()),
        "the app (" + app.describe() + ", pid " + process.pid() + ") and the processes it started");
    // Only now: an app that would not stop is still watched, and stopped if this JVM dies.
    watchdog.release();
  }
}
