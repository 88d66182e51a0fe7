package dev.tollgate.internal.gate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of one Tollgate model test report ({@code report.json}) that the gate rules on.
 * {@code running} is a report whose run never finished (it was killed, or is still going): it
 * has not passed.
 */
public record TollgateReport(
        String test,
        boolean passed,
        Optional<Failure> failure,
        Map<String, Latency> latency,
        Path file,
        boolean running) {

    /** A report of a run that finished. */
    public TollgateReport(String test, boolean passed, Optional<Failure> failure, Map<String, Latency> latency,
            Path file) {
        this(test, passed, failure, latency, file, false);
    }

    /** The command and the check that failed, as the shrunk program showed them. */
    public record Failure(String command, String check, String message) {
    }

    /** Latency percentiles of one command over the test's runs. */
    public record Latency(long count, double p95Ms) {
    }
}
