package dev.tollgate.internal.gate;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The gate's settings, read from a {@code .properties} file. Relative paths in it are taken
 * from the file's own folder, so the gate gives the same answer whatever folder CI runs it in.
 */
public record GateConfig(
        double defaultP95SloMs,
        Map<String, Double> p95SloMsByCommand,
        Optional<Path> migrationsDir,
        Optional<FlywayVersion> lastReleasedVersion,
        Optional<URI> webhook,
        Duration webhookTimeout,
        int minCalls,
        FlakyPolicy flaky,
        double candidateP95Ratio,
        double candidateP95SlackMs) {

    public static final String DEFAULT_FILE_NAME = "tollgate-gate.properties";
    public static final String WEBHOOK_ENV = "TOLLGATE_WEBHOOK_URL";

    static final String SLO = "slo.p95Ms";
    static final String MIN_CALLS = "slo.minCalls";
    static final String MIGRATIONS_DIR = "migrations.dir";
    static final String LAST_RELEASED = "migrations.lastReleasedVersion";
    static final String WEBHOOK_URL = "webhook.url";
    static final String WEBHOOK_TIMEOUT = "webhook.timeoutMs";
    static final String FLAKY = "flaky";
    static final String CANDIDATE_RATIO = "candidate.p95Ratio";
    static final String CANDIDATE_SLACK = "candidate.p95SlackMs";
    /** A candidate may be this much slower than the control at p95, plus the slack, before it blocks. */
    private static final double DEFAULT_CANDIDATE_RATIO = 1.5;
    /** Below a few milliseconds a ratio is noise: the slack keeps 1 ms against 2 ms from blocking. */
    private static final double DEFAULT_CANDIDATE_SLACK_MS = 10;
    private static final double DEFAULT_SLO_MS = 200;
    /** Below 20 calls, the nearest-rank p95 is the slowest call: often the first, cold one. */
    private static final int DEFAULT_MIN_CALLS = 20;
    private static final long DEFAULT_WEBHOOK_TIMEOUT_MS = 5000;

    private static final String KEYS_HELP = String.join("\n",
            "Known keys:",
            "  " + SLO + "=200                      default p95 latency SLO per command, in ms",
            "  " + SLO + ".<command>=500            SLO for one command (e.g. " + SLO + ".add_todo=50)",
            "  " + MIN_CALLS + "=20                   fewest calls whose p95 is judged (fewer: shown, not judged)",
            "  " + MIGRATIONS_DIR + "=path/to/db/migration  Flyway folder (V<version>__name.sql), relative to this file",
            "  " + LAST_RELEASED + "=3       highest migration version already released",
            "  " + WEBHOOK_URL + "=https://...           Slack-compatible webhook (or env " + WEBHOOK_ENV + ")",
            "  " + WEBHOOK_TIMEOUT + "=5000             webhook timeout in ms",
            "  " + FLAKY + "=block                        a flaky model test failure blocks (block, default) or warns (warn)",
            "  " + CANDIDATE_RATIO + "=1.5          a compared candidate's p95 may be at most this times the control's",
            "  " + CANDIDATE_SLACK + "=10         ... plus this many ms, so that noise on fast commands does not block");

    public double sloFor(String command) {
        return p95SloMsByCommand.getOrDefault(command, defaultP95SloMs);
    }

    /**
     * Loads the explicit file if given (it must exist), else {@value #DEFAULT_FILE_NAME} from the
     * current folder when there is one, else the defaults. The environment's webhook URL wins
     * over the file's, since secrets belong in CI's secret store rather than in the repository.
     */
    public static GateConfig load(Optional<Path> explicitFile, Map<String, String> env) {
        Properties props = new Properties();
        Path base = Path.of(".");
        String source = "the defaults";
        Optional<Path> file = explicitFile.or(() -> Optional.of(Path.of(DEFAULT_FILE_NAME)).filter(Files::isRegularFile));
        if (file.isPresent()) {
            Path path = file.get();
            if (!Files.isRegularFile(path)) {
                throw new CannotDecideException("expected a configuration file at " + path.toAbsolutePath().normalize()
                        + " (from --config), but found no such file. Fix: correct the path, or leave --config out"
                        + " to use " + DEFAULT_FILE_NAME + " from the current folder.");
            }
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new CannotDecideException("expected a readable .properties file at " + path
                        + ", but reading it failed: " + e.getMessage() + ". Fix: write it as key=value lines.", e);
            }
            base = path.toAbsolutePath().getParent();
            source = path.toString();
        }
        return fromProperties(props, base, source, env);
    }

    static GateConfig fromProperties(Properties props, Path base, String source, Map<String, String> env) {
        double defaultSlo = DEFAULT_SLO_MS;
        Map<String, Double> perCommand = new TreeMap<>();
        Path migrations = null;
        FlywayVersion lastReleased = null;
        URI webhook = null;
        long timeoutMs = DEFAULT_WEBHOOK_TIMEOUT_MS;
        int minCalls = DEFAULT_MIN_CALLS;
        FlakyPolicy flaky = FlakyPolicy.BLOCK;
        double ratio = DEFAULT_CANDIDATE_RATIO;
        double slack = DEFAULT_CANDIDATE_SLACK_MS;
        for (String key : new TreeMap<>(toMap(props)).keySet()) {
            String value = props.getProperty(key).trim();
            if (key.equals(SLO)) {
                defaultSlo = positiveNumber(key, value, source);
            } else if (key.startsWith(SLO + ".") && key.length() > SLO.length() + 1) {
                perCommand.put(key.substring(SLO.length() + 1), positiveNumber(key, value, source));
            } else if (key.equals(MIN_CALLS)) {
                minCalls = positiveCount(key, value, source);
            } else if (key.equals(MIGRATIONS_DIR)) {
                migrations = base.resolve(value).normalize();
            } else if (key.equals(LAST_RELEASED)) {
                lastReleased = FlywayVersion.parse(value).orElseThrow(() -> new CannotDecideException(
                        "expected " + LAST_RELEASED + " in " + source + " to be a Flyway version such as 3 or 1.2.0,"
                                + " but found '" + value + "'. Fix: write the version of the last migration"
                                + " that is in production."));
            } else if (key.equals(WEBHOOK_URL)) {
                webhook = value.isEmpty() ? null : uri(key, value, source);
            } else if (key.equals(WEBHOOK_TIMEOUT)) {
                timeoutMs = (long) positiveNumber(key, value, source);
            } else if (key.equals(FLAKY)) {
                flaky = FlakyPolicy.parse(key, value, source);
            } else if (key.equals(CANDIDATE_RATIO)) {
                ratio = ratio(key, value, source);
            } else if (key.equals(CANDIDATE_SLACK)) {
                slack = nonNegativeNumber(key, value, source);
            } else {
                throw new CannotDecideException("expected only known keys in " + source + ", but found '" + key
                        + "'. Fix: correct the spelling or remove the line.\n" + KEYS_HELP);
            }
        }
        if ((migrations == null) != (lastReleased == null)) {
            String missing = migrations == null ? MIGRATIONS_DIR : LAST_RELEASED;
            String present = migrations == null ? LAST_RELEASED : MIGRATIONS_DIR;
            throw new CannotDecideException("expected " + MIGRATIONS_DIR + " and " + LAST_RELEASED + " together in "
                    + source + ", but found only " + present + ". Fix: add " + missing
                    + " (or remove both to skip the migration rule).");
        }
        String envWebhook = env.get(WEBHOOK_ENV);
        if (envWebhook != null && !envWebhook.isBlank()) {
            webhook = uri(WEBHOOK_ENV, envWebhook.trim(), "the environment");
        }
        return new GateConfig(defaultSlo, Map.copyOf(perCommand), Optional.ofNullable(migrations),
                Optional.ofNullable(lastReleased), Optional.ofNullable(webhook), Duration.ofMillis(timeoutMs),
                minCalls, flaky, ratio, slack);
    }

    private static Map<String, String> toMap(Properties props) {
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return map;
    }

    private static double positiveNumber(String key, String value, String source) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new CannotDecideException("expected " + key + " in " + source
                + " to be a positive number of milliseconds, but found '" + value + "'. Fix: write e.g. "
                + key + "=200");
    }

    private static double ratio(String key, String value, String source) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 1 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new CannotDecideException("expected " + key + " in " + source + " to be a ratio of at least 1"
                + " (1.5 lets the candidate's p95 be half again the control's), but found '" + value
                + "'. Fix: write e.g. " + key + "=1.5; below 1 a candidate as fast as the control would block.");
    }

    private static double nonNegativeNumber(String key, String value, String source) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new CannotDecideException("expected " + key + " in " + source
                + " to be a number of milliseconds, 0 or more, but found '" + value + "'. Fix: write e.g. "
                + key + "=10");
    }

    private static int positiveCount(String key, String value, String source) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new CannotDecideException("expected " + key + " in " + source
                + " to be a whole number of calls, at least 1, but found '" + value + "'. Fix: write e.g. "
                + key + "=20");
    }

    private static URI uri(String key, String value, String source) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the fix
        }
        throw new CannotDecideException("expected " + key + " in " + source
                + " to be an http(s) URL with a host, but found a value that is not (not shown: it may hold a"
                + " secret). Fix: paste the webhook URL exactly as your chat tool gave it.");
    }
}
