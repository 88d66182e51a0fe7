package dev.tollgate.internal.gate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of one Tollgate model test report ({@code report.json}) that the gate rules on and
 * shows. {@code running} is a report whose run never finished (it was killed, or is still
 * going): it has not passed. {@code replay} and {@code message} (the harness's full failure
 * story) are what a failure's reader needs next; {@code report.md} and {@code report.html} sit
 * beside {@code file}.
 */
public record TollgateReport(
        String test,
        boolean passed,
        Optional<Failure> failure,
        Map<String, Latency> latency,
        Path file,
        boolean running,
        Optional<Replay> replay,
        String message) {

    /** A report of a run that finished. */
    public TollgateReport(String test, boolean passed, Optional<Failure> failure, Map<String, Latency> latency,
            Path file) {
        this(test, passed, failure, latency, file, false, Optional.empty(), "");
    }

    /** The command and the check that failed, as the shrunk program showed them. */
    public record Failure(String command, String check, String message) {
    }

    /** The token that replays the failing program, and the command line that does (empty when unknown). */
    public record Replay(String token, String command) {
    }

    /** Latency percentiles of one command over the test's runs. */
    public record Latency(long count, double p95Ms) {
    }
}
