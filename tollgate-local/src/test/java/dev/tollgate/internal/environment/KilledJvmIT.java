package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the JVM that runs a check: no shutdown hook runs, and still nothing of its
 * environment may outlive it. The watchdogs stop its app and database at once; the lease lets the
 * next start in the same work directory reap what is left when the watchdogs died too.
 */
class KilledJvmIT {
  private static final long BOUND_MILLIS = 90_000;

  @Test
  void sigkilled_jvm_takes_its_app_and_postgres_along_and_leaves_no_data_or_ports() throws Exception {
    Path workDir = TinyApps.workDir("killed");
    Process child = TinyApps.abandonedEnvironment(workDir);
    KilledRun run = null;
    try {
      run = KilledRun.of(child, workDir);

      child.destroyForcibly();

      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
      assertThat(awaitGone(run.processes)).as("processes of the killed run, stopped by its watchdogs").isEmpty();
      Path dataDir = run.dataDir;
      assertThat(within(() -> !Files.exists(dataDir))).as("data directory %s deleted", dataDir).isTrue();
      String printed = nextStart(workDir, run);
      assertThat(printed).contains("Tollgate: reaped what a killed run left in", "owner pid " + child.pid() + " is gone",
          "no process left running");
    } finally {
      cleanUp(child, run);
    }
  }

  @Test
  void next_start_reaps_what_a_sigkilled_jvm_left_when_its_watchdogs_died_with_it() throws Exception {
    Path workDir = TinyApps.workDir("killed-all");
    Process child = TinyApps.abandonedEnvironment(workDir);
    KilledRun run = null;
    try {
      run = KilledRun.of(child, workDir);
      List<ProcessHandle> watchdogs = child.descendants()
          .filter(p -> p.info().arguments().map(a -> List.of(a).contains(Watchdog.NAME)).orElse(false))
          .collect(Collectors.toList());
      assertThat(watchdogs).as("one watchdog for the app, one for postgres").hasSize(2);

      watchdogs.forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();

      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
      assertThat(run.processes.stream().filter(p -> p.role.equals("app") || p.role.equals("postgres"))
          .filter(Leftover::alive).count()).as("what kill -9 leaves with nothing watching: app and postgres").isEqualTo(2);
      String printed = nextStart(workDir, run);
      assertThat(printed).contains("Tollgate: reaped what a killed run left in", "owner pid " + child.pid() + " is gone",
          "stopped app pid " + run.appPid + ", postgres pid " + run.postmasterPid, "deleted 1 data directory");
    } finally {
      cleanUp(child, run);
    }
  }

  /**
   * Starts the next environment on the killed run's work directory and checks what the run left:
   * no process, no data directory, no lease; its ports are free once the next one is closed too.
   * Returns what the start printed.
   */
  private static String nextStart(Path workDir, KilledRun run) throws Exception {
    String printed;
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Tee(console, captured), true, StandardCharsets.UTF_8));
    Environment next = Environments.builder().app(TinyApps.onTestClasspath()).postgres().kind(EnvironmentKind.LOCAL)
        .workDir(workDir).build();
    try {
      try {
        next.start();
      } finally {
        System.setOut(console);
      }
      printed = captured.toString(StandardCharsets.UTF_8);
      assertThat(awaitGone(run.processes)).as("processes of the killed run").isEmpty();
      assertThat(run.dataDir).as("data directory of the killed run").doesNotExist();
      assertThat(leases(workDir)).as("leases after the next start: only its own").hasSize(1);
    } finally {
      next.close();
    }
    assertThat(leases(workDir)).as("leases after the next environment closed").isEmpty();
    // Polled: on a busy machine another program may hold one of them for a moment, by chance.
    within(() -> run.ports.stream().allMatch(KilledJvmIT::free));
    assertThat(run.ports.stream().filter(port -> !free(port)).collect(Collectors.toList()))
        .as("ports of the killed run (app, postgres) still bound").isEmpty();
    return printed;
  }

  private static List<Leftover> awaitGone(List<Leftover> processes) {
    within(() -> processes.stream().noneMatch(Leftover::alive));
    return processes.stream().filter(Leftover::alive).collect(Collectors.toList());
  }

  private static boolean within(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static List<Path> leases(Path workDir) throws IOException {
    Path dir = workDir.resolve(Lease.DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(Lease.SUFFIX)).collect(Collectors.toList());
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whatever happened, nothing of the killed run stays: only processes that are still the recorded ones are killed. */
  private static void cleanUp(Process child, KilledRun run) throws InterruptedException {
    child.descendants().forEach(ProcessHandle::destroyForcibly);
    child.destroyForcibly();
    child.waitFor(30, TimeUnit.SECONDS);
    if (run != null) {
      run.processes.forEach(p -> Lease.same(p.pid, p.start).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  /** What the child's environment was made of, read while it ran. */
  private static final class KilledRun {
    final long appPid;
    final long postmasterPid;
    final Path dataDir;
    final List<Integer> ports = new ArrayList<>();
    final List<Leftover> processes = new ArrayList<>();

    private KilledRun(long appPid, long postmasterPid, Path dataDir) {
      this.appPid = appPid;
      this.postmasterPid = postmasterPid;
      this.dataDir = dataDir;
    }

    static KilledRun of(Process child, Path workDir) throws Exception {
      String ready = TinyApps.awaitReady(child);
      assertThat(ready).startsWith("READY app-pid=");
      long appPid = Long.parseLong(ready.replaceAll(".*app-pid=(\\d+).*", "$1"));
      List<Path> dataDirs = TinyApps.dataDirectories(workDir);
      assertThat(dataDirs).hasSize(1);
      // postmaster.pid: pid, data directory, start time, port, ...
      List<String> pidFile = Files.readAllLines(dataDirs.get(0).resolve("postmaster.pid"));
      KilledRun run = new KilledRun(appPid, Long.parseLong(pidFile.get(0).trim()), dataDirs.get(0).toAbsolutePath());
      run.ports.add(URI.create(ready.replaceAll(".*url=(\\S+).*", "$1")).getPort());
      run.ports.add(Integer.parseInt(pidFile.get(3).trim()));
      run.add("app", ProcessHandle.of(appPid).orElseThrow());
      ProcessHandle postmaster = ProcessHandle.of(run.postmasterPid).orElseThrow();
      run.add("postgres", postmaster);
      postmaster.descendants().forEach(p -> run.add("postgres backend", p));
      return run;
    }

    private void add(String role, ProcessHandle process) {
      processes.add(new Leftover(role, process.pid(), Lease.startMillis(process).orElseThrow()));
    }
  }

  /** A process of the killed run, known by pid and start time so that a reused pid does not count. */
  private static final class Leftover {
    final String role;
    final long pid;
    final long start;

    Leftover(String role, long pid, long start) {
      this.role = role;
      this.pid = pid;
      this.start = start;
    }

    boolean alive() {
      return Lease.same(pid, start).isPresent();
    }

    @Override
    public String toString() {
      return role + " pid " + pid;
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
