package dev.tollgate.internal.environment;

import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link TeardownIT} and {@link KilledJvmIT}: starts a local environment,
 * says where its parts are, and never closes it, so only the shutdown hook can clean up when the
 * JVM is terminated, and after {@code kill -9} only the watchdogs and the next start.
 */
public final class AbandonedEnvironmentMain {
  private AbandonedEnvironmentMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    Environment env = Environments.builder().app(TinyApps.onTestClasspath()).postgres().stub("notifier")
        .kind(EnvironmentKind.LOCAL).workDir(Path.of(args[0])).build().start();
    long appPid = TinyApps.liveDescendants().stream()
        .filter(p -> p.info().commandLine().orElse("").contains("TinyApp")
            || p.info().command().orElse("").endsWith("/java")).findFirst().orElseThrow().pid();
    System.out.println("READY app-pid=" + appPid + " url=" + env.appBaseUrl());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
