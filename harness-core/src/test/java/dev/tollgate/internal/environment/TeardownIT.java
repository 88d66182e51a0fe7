package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TeardownIT {

  @Test
  void terminated_jvm_stops_its_app_and_postgres_and_deletes_the_data_even_without_testcontainers() throws Exception {
    Path workDir = TinyApps.workDir("abandoned");
    // Without Testcontainers and docker-java: the local kind must not need them.
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.matches(".*(testcontainers|docker-java|duct-tape|jna).*"))
        .collect(Collectors.joining(File.pathSeparator));
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", classpath,
        AbandonedEnvironmentMain.class.getName(), workDir.toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String ready = CompletableFuture.supplyAsync(() -> out.lines().filter(l -> l.startsWith("READY")).findFirst()
          .orElse("child ended before READY")).get(90, TimeUnit.SECONDS);
      assertThat(ready).startsWith("READY app-pid=");
      long appPid = Long.parseLong(ready.replaceAll(".*app-pid=(\\d+).*", "$1"));
      Path dataDir = TinyApps.dataDirectories(workDir).get(0);
      long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());

      child.destroy();

      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
      assertThat(ProcessHandle.of(appPid).filter(ProcessHandle::isAlive)).as("app process").isEmpty();
      assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("postgres server").isEmpty();
      assertThat(TinyApps.dataDirectories(workDir)).as("data directories").isEmpty();
    } finally {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
    }
  }
}
