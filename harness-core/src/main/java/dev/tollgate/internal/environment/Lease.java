package dev.tollgate.internal.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * What one started environment owns, written down in its work directory as it starts each part:
 * the owner JVM, the processes it started and the directories it made. A shutdown hook does not
 * run on {@code kill -9}; this file outlives the JVM, so that the next start in the same work
 * directory can reap what was left ({@link Reaper}). Every process is recorded with its start
 * time, so that a pid that was reused since is never taken for ours.
 *
 * <p>The file is appended to line by line: a JVM killed in the middle of a write leaves at most
 * a torn last line, which the reaper skips.
 */
final class Lease {
  static final String DIRECTORY = "leases";
  static final String SUFFIX = ".lease";
  /** Where this JVM runs: a pid means something only on the same host and in the same pid namespace. */
  static final String WHERE = firstLine("/proc/sys/kernel/hostname") + " " + link("/proc/self/ns/pid");
  private final Path workDir;
  private final Path file;
  private boolean written;

  private Lease(Path workDir, Path file) {
    this.workDir = workDir;
    this.file = file;
  }

  /** Reaps what killed runs left in the work directory, then opens this run's lease (written on first use). */
  static Lease take(Path workDir) {
    Path dir = workDir.toAbsolutePath().normalize();
    Reaper.reapAbandoned(dir);
    ProcessHandle self = ProcessHandle.current();
    return new Lease(dir, dir.resolve(DIRECTORY).resolve("env-" + self.pid() + "-" + UUID.randomUUID() + SUFFIX));
  }

  Path file() {
    return file;
  }

  /** A process to stop if this JVM dies before it does; {@code role} is for the reaper's line (app, postgres). */
  synchronized void process(String role, ProcessHandle process) {
    append("process " + process.pid() + " " + startMillis(process).map(String::valueOf).orElse("-") + " " + role);
  }

  /** A directory to delete if this JVM dies before it does; only directories inside the work directory count. */
  synchronized void directory(Path directory) {
    append("directory " + directory.toAbsolutePath().normalize());
  }

  /** Everything was stopped and deleted: nothing to reap. */
  synchronized void release() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A lease left behind names only processes that are gone and directories that were deleted.
    }
    written = false;
  }

  private void append(String line) {
    try {
      if (!written) {
        Files.createDirectories(file.getParent());
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(file, "tollgate-lease 1\nwhere " + WHERE + "\nowner " + self.pid() + " "
            + startMillis(self).map(String::valueOf).orElse("-") + "\nworkdir " + workDir + "\n", StandardCharsets.UTF_8);
        written = true;
      }
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // Without a lease only the shutdown hook and the watchdogs clean up, as before; the run itself is unharmed.
    }
  }

  private static String firstLine(String file) {
    try {
      return Files.readAllLines(Path.of(file)).stream().findFirst().map(String::trim).filter(l -> !l.isEmpty()).orElse("-");
    } catch (IOException | RuntimeException e) {
      return "-";
    }
  }

  private static String link(String file) {
    try {
      return Files.readSymbolicLink(Path.of(file)).toString().replace(' ', '_');
    } catch (IOException | RuntimeException e) {
      return "-";
    }
  }

  /** When the process started, as the JDK reports it; empty where the platform does not tell. */
  static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(java.time.Instant::toEpochMilli);
  }

  /**
   * Whether {@code pid} is still the process that started at {@code startMillis}. Linux derives the
   * start time from the boot time, which moves by up to a second when the clock is stepped, hence
   * the tolerance; a pid handed out again within a second of the first process's start is not a
   * case to guard against.
   */
  static Optional<ProcessHandle> same(long pid, long startMillis) {
    return same(pid, startMillis, 1000);
  }

  static Optional<ProcessHandle> same(long pid, long startMillis, long toleranceMillis) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> startMillis(p).map(start -> Math.abs(start - startMillis) <= toleranceMillis).orElse(false));
  }
}
