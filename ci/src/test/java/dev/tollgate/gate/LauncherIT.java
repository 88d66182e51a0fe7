package dev.tollgate.gate;

import dev.tollgate.internal.gate.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher script and the shaded jar as CI runs them, in a child process (needs `package`). */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("tollgate-gate").toAbsolutePath();

    @TempDir
    Path root;

    private record Result(int exitCode, String stdout) {
    }

    private Result launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path stdout = root.resolve("stdout.txt");
        Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the gate finished within 60 s").isTrue();
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void runs_the_shaded_jar_and_blocks_on_a_failing_test() throws Exception {
        Fixtures.junitXml(root, "app", "failsafe", "dev.example.TodoIT",
                Fixtures.failed("deletes_todo", "expected 204 but was 500"));

        Result result = launch("--reports", ".", "--out", "gate.md");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).startsWith("⛔ Tollgate gate: BLOCKED (summary: gate.md)")
                .contains("`dev.example.TodoIT#deletes_todo`");
        assertThat(root.resolve("gate.md")).content(StandardCharsets.UTF_8).startsWith("# ⛔ Tollgate gate: BLOCKED");
    }

    @Test
    void reads_tollgate_gate_properties_from_the_working_folder_by_default() throws Exception {
        Fixtures.tollgateReport(root, "app", "todos", Fixtures.passingReport("dev.example.G#g", "vote", 60));
        Fixtures.write(root.resolve("tollgate-gate.properties"), "slo.p95Ms.vote=50\n");

        Result result = launch();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("blocked by p95 latency within SLO: `vote` — 60.0 ms — 50.0 ms");
    }
}
