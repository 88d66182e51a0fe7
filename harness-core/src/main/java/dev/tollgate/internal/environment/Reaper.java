package dev.tollgate.internal.environment;

import dev.tollgate.report.Reporter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reaps what environments of killed JVMs left in a work directory, read from their {@link Lease}s:
 * stops their processes (the app before its database), deletes their directories, then the lease.
 * A process whose start time differs from the recorded one is someone else's now and is left alone.
 */
final class Reaper {
  private static final long STOP_MILLIS = 15_000;
  private static final long KILL_MILLIS = 10_000;

  private Reaper() {
  }

  /** Reaps and prints one line through the console reporter if there was anything to reap. */
  static void reapAbandoned(Path workDir) {
    reapAbandoned(workDir, Reporter.console());
  }

  static synchronized void reapAbandoned(Path workDir, Reporter reporter) {
    Path leases = workDir.resolve(Lease.DIRECTORY);
    if (!Files.isDirectory(leases)) {
      return;
    }
    // Two JVMs starting on one work directory reap one after the other; the lock goes with a killed JVM.
    try (FileChannel channel = FileChannel.open(leases.resolve(".reaping"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
      List<String> done = new ArrayList<>();
      for (Path lease : leaseFiles(leases)) {
        reap(workDir, lease).ifPresent(done::add);
      }
      if (!done.isEmpty()) {
        reporter.line("Tollgate: reaped what " + (done.size() == 1 ? "a killed run" : done.size() + " killed runs")
            + " left in " + workDir + ": " + String.join("; ", done) + ".");
      }
    } catch (IOException e) {
      reporter.line("Tollgate: could not reap the leases in " + leases + " (" + e.getMessage() + "); processes and data"
          + " of killed runs may be left. Delete that folder's *.lease files once nothing of theirs runs.");
    }
  }

  private static List<Path> leaseFiles(Path leases) throws IOException {
    try (Stream<Path> files = Files.list(leases)) {
      return files.filter(f -> f.getFileName().toString().endsWith(Lease.SUFFIX)).sorted().collect(Collectors.toList());
    }
  }

  /** What was done for one lease, or empty if its owner still runs. */
  private static Optional<String> reap(Path workDir, Path leaseFile) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(leaseFile, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
    Record owner = null;
    String where = null;
    List<Record> processes = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split(" ", 4);
      if (parts[0].equals("where")) {
        where = line.substring("where".length()).trim();
      } else if (parts[0].equals("owner") && parts.length >= 3) {
        owner = Record.parse(parts[1], parts[2], "owner");
      } else if (parts[0].equals("process") && parts.length == 4) {
        Optional.ofNullable(Record.parse(parts[1], parts[2], parts[3])).ifPresent(processes::add);
      } else if (parts[0].equals("directory") && line.length() > "directory ".length()) {
        directories.add(Path.of(line.substring("directory ".length())));
      }
    }
    if (owner == null || !Lease.WHERE.equals(where) || owner.running()) {
      // An unreadable owner is not known to be dead: a lease being written, or not one of ours. Nor is one
      // on another host or in another container sharing this folder, whose pids we cannot see.
      return Optional.empty();
    }
    List<String> done = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    List<String> spared = new ArrayList<>();
    Collections.reverse(processes);
    for (Path directory : directories) {
      postmaster(directory).filter(server -> processes.stream().noneMatch(p -> p.pid == server.pid))
          .ifPresent(processes::add);
    }
    for (Record process : processes) {
      Optional<ProcessHandle> live = process.start == null ? Optional.empty()
          : Lease.same(process.pid, process.start, process.toleranceMillis);
      if (live.isPresent()) {
        stopTree(live.get());
        stopped.add(process.role + " pid " + process.pid);
      } else if (ProcessHandle.of(process.pid).isPresent()) {
        spared.add("left pid " + process.pid + " alone, " + (process.start == null ? "as the lease has no start time for it"
            : "as it started at another time than the lease says (a reused pid)"));
      }
    }
    int deleted = 0;
    for (Path directory : directories) {
      Path dir = directory.toAbsolutePath().normalize();
      if (dir.startsWith(workDir) && !dir.equals(workDir) && Files.exists(dir) && deleteTree(dir)) {
        deleted++;
      }
    }
    Files.deleteIfExists(leaseFile);
    done.add(stopped.isEmpty() ? "no process left running" : "stopped " + String.join(", ", stopped));
    done.add(deleted == 1 ? "deleted 1 data directory" : "deleted " + deleted + " data directories");
    done.addAll(spared);
    return Optional.of("owner pid " + owner.pid + " is gone, " + String.join(", ", done));
  }

  /**
   * The server of a data directory, from its {@code postmaster.pid} (pid, directory, start time in
   * seconds): it covers a JVM killed while the server started, before the lease named it.
   */
  private static Optional<Record> postmaster(Path dataDirectory) {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      if (lines.size() < 3) {
        return Optional.empty();
      }
      // The server writes the file a moment after it started, in whole seconds.
      return Optional.of(new Record(Long.parseLong(lines.get(0).trim()), Long.parseLong(lines.get(2).trim()) * 1000,
          "postgres", 5000));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Asks the process to stop, as its own close would, then kills what is left of its tree. */
  private static void stopTree(ProcessHandle process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
    process.destroy();
    if (!await(process, STOP_MILLIS)) {
      process.destroyForcibly();
      await(process, KILL_MILLIS);
    }
    for (ProcessHandle child : tree) {
      if (child.isAlive()) {
        child.destroyForcibly();
        await(child, KILL_MILLIS);
      }
    }
  }

  private static boolean await(ProcessHandle process, long millis) {
    try {
      process.onExit().get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /**
   * Deletes {@code dir} and all below it, best effort: a file that cannot be deleted leaves the
   * rest deleted. Returns whether the directory is gone (also when it was never there).
   */
  static boolean deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // Reported below as not deleted.
    }
    return !Files.exists(dir);
  }

  /** A pid with its start time (null where the platform did not tell). */
  private static final class Record {
    final long pid;
    final Long start;
    final String role;
    final long toleranceMillis;

    private Record(long pid, Long start, String role, long toleranceMillis) {
      this.pid = pid;
      this.start = start;
      this.role = role;
      this.toleranceMillis = toleranceMillis;
    }

    static Record parse(String pid, String start, String role) {
      try {
        return new Record(Long.parseLong(pid), start.equals("-") ? null : Long.parseLong(start.trim()), role.trim(), 1000);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** Alive as recorded; an owner whose start time is unknown counts as alive while its pid exists. */
    boolean running() {
      return start == null ? ProcessHandle.of(pid).isPresent() : Lease.same(pid, start).isPresent();
    }
  }
}
