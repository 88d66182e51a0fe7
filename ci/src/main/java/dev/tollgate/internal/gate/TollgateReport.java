package dev.tollgate.internal.gate;

import java.nio.file.Path;
import java.util.List;
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
        String message,
        Optional<Flaky> flaky,
        Map<String, Versus> versus,
        Optional<Migration> migration) {

    public TollgateReport(String test, boolean passed, Optional<Failure> failure, Map<String, Latency> latency,
            Path file, boolean running, Optional<Replay> replay, String message, Optional<Flaky> flaky,
            Map<String, Versus> versus) {
        this(test, passed, failure, latency, file, running, replay, message, flaky, versus, Optional.empty());
    }

    public TollgateReport(String test, boolean passed, Optional<Failure> failure, Map<String, Latency> latency,
            Path file, boolean running, Optional<Replay> replay, String message, Optional<Flaky> flaky) {
        this(test, passed, failure, latency, file, running, replay, message, flaky, Map.of());
    }

    /** A report of a run that finished. */
    public TollgateReport(String test, boolean passed, Optional<Failure> failure, Map<String, Latency> latency,
            Path file) {
        this(test, passed, failure, latency, file, false, Optional.empty(), "", Optional.empty());
    }

    /** The command and the check that failed, as the shrunk program showed them. */
    public record Failure(String command, String check, String message) {
    }

    /** The token that replays the failing program, and the command line that does (empty when unknown). */
    public record Replay(String token, String command) {
    }

    /**
     * How the harness classified a failure by rerunning its shrunk program: {@code kind} is {@code flaky},
     * {@code deterministic} or {@code unclassified}; {@code reproduced} of {@code reruns} failed alike, and
     * {@code low}-{@code high} is the 95% interval of that rate (NaN when the report gives none).
     */
    public record Flaky(String kind, String classification, int reruns, int reproduced, double low, double high) {

        public boolean flaky() {
            return kind.equals("flaky");
        }

        /** {@code failed 10 of 20 reruns: rate 50%, 95% interval 30%-70%}, or the classification alone. */
        public String rateText() {
            if (reruns <= 0) {
                return classification;
            }
            String text = "failed " + reproduced + " of " + reruns + (reruns == 1 ? " rerun" : " reruns") + ": rate "
                    + percent((double) reproduced / reruns);
            return Double.isNaN(low) || Double.isNaN(high) ? text
                    : text + ", 95% interval " + percent(low) + "-" + percent(high);
        }

        private static String percent(double value) {
            return Math.round(value * 100) + "%";
        }
    }

    /** A compared command's p95 on the control (the release now live) and on the candidate. */
    public record Versus(long count, double controlP95Ms, double candidateP95Ms) {
    }

    /**
     * A run of {@code release}'s model on the schema that a later release migrated to with {@code scripts}
     * ({@code runner.onMigratedSchema(..)}): it ran {@code programs} programs, and, when it failed,
     * {@code failedStep} (from 1) of the shrunk program failed (0 when it passed or the report does not say).
     */
    public record Migration(String release, List<String> scripts, long programs, int failedStep) {
        public Migration {
            scripts = List.copyOf(scripts);
        }
    }

    /** Latency percentiles of one command over the test's runs. */
    public record Latency(long count, double p95Ms) {
    }
}
