package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

  @Test
  void stop_returns_only_once_the_root_and_a_child_that_ignores_sigterm_are_gone() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    // SIGTERM ends the shell; its child ignores SIGTERM and would be left running, an orphan.
    Process root = new ProcessBuilder("/bin/sh", "-c", "(trap '' TERM; exec sleep 600) & echo $!; wait").start();
    String line = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8)).readLine();
    ProcessHandle child = ProcessHandle.of(Long.parseLong(line.trim())).orElseThrow();
    try {
      List<ProcessHandle> tree = ProcessTree.of(root.toHandle());
      assertThat(tree).contains(root.toHandle(), child);

      // A short grace keeps the test quick; the child needs SIGKILL whatever the grace.
      ProcessTree.stop(tree, "the test's shell", Duration.ofMillis(500));

      assertThat(root.isAlive()).as("root, our child: reaped").isFalse();
      assertThat(child.isAlive()).as("child that ignored SIGTERM, an orphan by then").isFalse();
    } finally {
      child.destroyForcibly();
      root.destroyForcibly();
    }
  }

  @Test
  void describe_names_the_pid_and_the_command() {
    assertThat(ProcessTree.describe(ProcessHandle.current())).startsWith("pid " + ProcessHandle.current().pid() + " (")
        .contains("java");
  }
}
