package dev.tollgate.internal.environment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small shell process that stops one process of ours if this JVM dies without stopping it
 * first, as on {@code kill -9}, where no shutdown hook runs. It holds the read end of a pipe
 * whose write end only this JVM has: the kernel closes that end when the JVM dies, however it
 * dies, and the watchdog reads end of file. Then it sends the process the signal that stops it
 * cleanly, kills it if it is still there after a while, and deletes the directory it was given.
 * Closing normally sends {@code release} first, and the watchdog exits without touching anything.
 *
 * <p>It needs only {@code /bin/sh}, so it works for any app command and for the database server,
 * which is no child of ours. The process's start time is read at the start and again before each
 * signal, so a pid that was reused meanwhile is never signalled. Without {@code /bin/sh} (Windows)
 * there is no watchdog, and the next start reaps from the {@link Lease}.
 */
final class Watchdog {
  /** The name the shell runs under, so that its processes can be told apart. */
  static final String NAME = "tollgate-watchdog";
  private static final Path SHELL = Path.of("/bin/sh");
  // $1 signal, $2 pid, $3 directory to delete afterwards (may be empty).
  private static final String SCRIPT = String.join("\n",
      "trap '' INT HUP",
      "sig=$1 pid=$2 dir=$3",
      // Field 22 of /proc/<pid>/stat, counted after the command name, which may hold spaces; a zombie has none.
      "born() { s=$(cat \"/proc/$1/stat\" 2>/dev/null) || { ps -o lstart= -p \"$1\" 2>/dev/null; return 0; }",
      "  s=${s##*) }; set -- $s; [ \"$1\" = Z ] || echo \"${20}\"; }",
      "start=$(born \"$pid\")",
      "[ -n \"$start\" ] || exit 0",
      "while read -r line; do [ \"$line\" = release ] && exit 0; done",
      "alive() { [ \"$(born \"$pid\")\" = \"$start\" ]; }",
      "wait_gone() { i=0; while alive && [ $i -lt $1 ]; do sleep 0.1; i=$((i+1)); done; }",
      "alive && kill \"-$sig\" \"$pid\" 2>/dev/null",
      "wait_gone 150",
      "alive && kill -KILL \"$pid\" 2>/dev/null && wait_gone 100",
      "[ -z \"$dir\" ] || rm -rf -- \"$dir\"",
      "");
  private static final Watchdog NONE = new Watchdog(null);
  // Held for the watchdog's whole life: an unreachable pipe is closed by its cleaner, which would read as our death.
  private final Process shell;

  private Watchdog(Process shell) {
    this.shell = shell;
  }

  /**
   * Watches {@code target}; on this JVM's death it sends {@code signal} (TERM, INT) and deletes
   * {@code directory} if one is given. Never fails: without a watchdog the lease still reaps later.
   */
  static Watchdog watch(ProcessHandle target, String signal, Path directory) {
    if (!Files.isExecutable(SHELL)) {
      return NONE;
    }
    List<String> command = new ArrayList<>(List.of(SHELL.toString(), "-c", SCRIPT, NAME, signal,
        Long.toString(target.pid()), directory == null ? "" : directory.toAbsolutePath().toString()));
    try {
      return new Watchdog(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    } catch (IOException e) {
      return NONE;
    }
  }

  long pid() {
    return shell == null ? -1 : shell.pid();
  }

  /**
   * The process was stopped as it should be: the watchdog exits and leaves everything alone.
   * Returns once it has exited, so that a closed environment leaves no process behind.
   */
  void release() {
    if (shell == null) {
      return;
    }
    try (OutputStream in = shell.getOutputStream()) {
      in.write("release\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException ignored) {
      // The watchdog is gone already; then nothing is left to release.
    }
    // Killing the shell is safe: it then ends without touching what it watched.
    ProcessTree.awaitOrKill(List.of(shell.toHandle()), "the " + NAME + " shell", ProcessTree.GRACE);
  }
}
