package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TeardownIT {

  @Test
  void terminated_jvm_stops_its_app_and_postgres_and_deletes_the_data_even_without_testcontainers() throws Exception {
    Path workDir = TinyApps.workDir("abandoned");
    Process child = TinyApps.abandonedEnvironment(workDir);
    try {
      String ready = TinyApps.awaitReady(child);
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
