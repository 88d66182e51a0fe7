package dev.tollgate.internal.environment;

import dev.tollgate.environment.EnvironmentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Waits for processes of ours to end, so that a close returns only once nothing it stopped is
 * still there: a process that was signalled a moment ago, or that exited but was not reaped yet
 * (a zombie, which {@link ProcessHandle#isAlive()} counts as alive), still shows among this
 * JVM's descendants. Whatever has not ended within the grace period
 * is killed and waited for again; what survives even that is named in the error.
 */
final class ProcessTree {
  /** Generous: a JVM's shutdown hooks on a loaded machine. */
  static final Duration GRACE = Duration.ofSeconds(10);
  static final Duration AFTER_KILL = Duration.ofSeconds(5);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private ProcessTree() {
  }

  /** {@code root} and every process below it, taken while {@code root} runs: once it ends, its children are not below us. */
  static List<ProcessHandle> of(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    return tree;
  }

  /** Sends each process SIGTERM, then {@link #awaitOrKill}. */
  static void stop(List<ProcessHandle> processes, String what) {
    stop(processes, what, GRACE);
  }

  static void stop(List<ProcessHandle> processes, String what, Duration grace) {
    processes.forEach(ProcessHandle::destroy);
    awaitOrKill(processes, what, grace);
  }

  /**
   * Returns once every process has ended: those still running after {@code grace} get SIGKILL and
   * {@link #AFTER_KILL} more. Throws an {@link EnvironmentException} naming each one still running then.
   */
  static void awaitOrKill(List<ProcessHandle> processes, String what, Duration grace) {
    List<ProcessHandle> left = awaitExit(processes, grace);
    if (left.isEmpty()) {
      return;
    }
    left.forEach(ProcessHandle::destroyForcibly);
    left = awaitExit(left, AFTER_KILL);
    if (!left.isEmpty()) {
      throw new EnvironmentException("Expected " + what + " to have ended, but " + left.size() + " process"
          + (left.size() == 1 ? " is" : "es are") + " still running " + grace.toSeconds() + " s after being asked to stop and "
          + AFTER_KILL.toSeconds() + " s after SIGKILL: "
          + left.stream().map(ProcessTree::describe).collect(Collectors.joining("; "))
          + ". A process that outlives SIGKILL is stuck in the kernel (often on a file system or device); stop it by hand"
          + " once that is resolved.");
    }
  }

  private static List<ProcessHandle> awaitExit(List<ProcessHandle> processes, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    List<ProcessHandle> left = new ArrayList<>(processes);
    try {
      while (true) {
        left.removeIf(process -> !process.isAlive());
        long remaining = deadline - System.nanoTime();
        if (left.isEmpty() || remaining <= 0) {
          return left;
        }
        // The pause, cut short when the first one left exits.
        try {
          left.get(0).onExit().get(Math.min(remaining, POLL_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // Look again.
        }
      }
    } catch (InterruptedException e) {
      // Asked to give up waiting: still leave nothing running behind.
      processes.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** The pid and the command, as far as the platform tells; a long command line is cut. */
  static String describe(ProcessHandle process) {
    String command = process.info().commandLine().or(() -> process.info().command()).orElse("command unknown");
    return "pid " + process.pid() + " (" + (command.length() > 200 ? command.substring(0, 200) + "..." : command) + ")";
  }
}
