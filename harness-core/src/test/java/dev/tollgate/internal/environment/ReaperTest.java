package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ReaperTest {
  @TempDir
  Path workDir;
  private final List<Process> started = new ArrayList<>();
  private final List<String> printed = new ArrayList<>();

  @AfterEach
  void stopWhatIsLeft() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void reaps_the_processes_and_directories_of_a_dead_owner_and_then_its_lease() throws Exception {
    Process leftover = sleeper();
    Path data = Files.createDirectories(workDir.resolve("embedded-postgres").resolve("data-1").resolve("base"));
    Files.writeString(data.resolve("16384"), "rows");
    Lease lease = Lease.take(workDir);
    lease.directory(data.getParent());
    lease.process("postgres", leftover.toHandle());
    ownedByADeadJvm(lease);

    Reaper.reapAbandoned(workDir, printed::add);

    assertThat(leftover.waitFor(30, TimeUnit.SECONDS)).as("leftover process stopped").isTrue();
    assertThat(data.getParent()).doesNotExist();
    assertThat(lease.file()).doesNotExist();
    assertThat(printed).singleElement().asString()
        .startsWith("Tollgate: reaped what a killed run left in " + workDir.toAbsolutePath().normalize())
        .contains("is gone, stopped postgres pid " + leftover.pid() + ", deleted 1 data directory.");
  }

  @Test
  void stops_the_server_named_in_a_data_directory_of_a_jvm_killed_before_the_lease_named_it() throws Exception {
    Process server = sleeper();
    Path data = Files.createDirectories(workDir.resolve("embedded-postgres").resolve("data-3"));
    long startSeconds = Lease.startMillis(server.toHandle()).orElseThrow() / 1000;
    Files.writeString(data.resolve("postmaster.pid"), server.pid() + "\n" + data + "\n" + startSeconds + "\n5432\n");
    Lease lease = Lease.take(workDir);
    lease.directory(data);
    ownedByADeadJvm(lease);

    Reaper.reapAbandoned(workDir, printed::add);

    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server from postmaster.pid stopped").isTrue();
    assertThat(data).doesNotExist();
    assertThat(printed).singleElement().asString().contains("stopped postgres pid " + server.pid());
  }

  @Test
  void never_stops_a_process_whose_start_time_differs_from_the_lease_as_after_pid_reuse() throws Exception {
    Process stranger = sleeper();
    long started = Lease.startMillis(stranger.toHandle()).orElseThrow();
    Lease lease = Lease.take(workDir);
    lease.process("app", stranger.toHandle());
    ownedByADeadJvm(lease);
    Files.writeString(lease.file(), Files.readString(lease.file())
        .replace("process " + stranger.pid() + " " + started, "process " + stranger.pid() + " " + (started - 60_000)));

    Reaper.reapAbandoned(workDir, printed::add);

    assertThat(stranger.isAlive()).as("a process that started at another time than the lease says").isTrue();
    assertThat(lease.file()).doesNotExist();
    assertThat(printed).singleElement().asString().contains("no process left running",
        "left pid " + stranger.pid() + " alone, as it started at another time than the lease says (a reused pid)");
  }

  @Test
  void leaves_the_lease_of_a_running_owner_alone() throws Exception {
    Process ours = sleeper();
    Path data = Files.createDirectories(workDir.resolve("embedded-postgres").resolve("data-2"));
    Lease lease = Lease.take(workDir);
    lease.directory(data);
    lease.process("app", ours.toHandle());

    Reaper.reapAbandoned(workDir, printed::add);

    assertThat(ours.isAlive()).isTrue();
    assertThat(data).exists();
    assertThat(lease.file()).exists();
    assertThat(printed).isEmpty();
  }

  @Test
  void leaves_a_lease_from_another_host_or_container_alone_as_its_pids_are_not_ours() throws Exception {
    Process namesake = sleeper();
    Path data = Files.createDirectories(workDir.resolve("embedded-postgres").resolve("data-4"));
    Lease lease = Lease.take(workDir);
    lease.directory(data);
    lease.process("app", namesake.toHandle());
    ownedByADeadJvm(lease);
    Files.writeString(lease.file(), Files.readString(lease.file()).replace("where " + Lease.WHERE, "where ci-runner-7 pid:[1]"));

    Reaper.reapAbandoned(workDir, printed::add);

    assertThat(namesake.isAlive()).isTrue();
    assertThat(data).exists();
    assertThat(lease.file()).exists();
    assertThat(printed).isEmpty();
  }

  @Test
  void deletes_no_directory_outside_the_work_directory() throws Exception {
    Path outside = Files.createDirectories(workDir.resolveSibling(workDir.getFileName() + "-outside"));
    try {
      Lease lease = Lease.take(workDir.resolve("inner"));
      lease.directory(outside);
      lease.directory(workDir.resolve("inner"));
      ownedByADeadJvm(lease);

      Reaper.reapAbandoned(workDir.resolve("inner").toAbsolutePath().normalize(), printed::add);

      assertThat(outside).exists();
      assertThat(workDir.resolve("inner")).exists();
      assertThat(printed).singleElement().asString().contains("deleted 0 data directories");
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  private Process sleeper() throws IOException {
    Process process = new ProcessBuilder("sleep", "300").start();
    started.add(process);
    return process;
  }

  /** Rewrites the lease's owner to a JVM that ran and is gone, as after kill -9. */
  private void ownedByADeadJvm(Lease lease) throws Exception {
    Process gone = new ProcessBuilder("sleep", "30").start();
    long start = Lease.startMillis(gone.toHandle()).orElseThrow();
    gone.destroyForcibly();
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    ProcessHandle self = ProcessHandle.current();
    String owner = "owner " + self.pid() + " " + Lease.startMillis(self).orElseThrow();
    String text = Files.readString(lease.file());
    assertThat(text).contains(owner);
    Files.writeString(lease.file(), text.replace(owner, "owner " + gone.pid() + " " + start));
  }
}
