package dev.tollgate.examples.todo;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything the service needs to start. Read from environment variables by {@link #fromEnv(Map)}
 * (documented in the module README), or built in code by tests with the {@code with…} methods.
 *
 * @param port TCP port; 0 picks a free one
 * @param notifierUrl base URL of the notifier, or null to send no notifications
 * @param flagsUrl base URL of a flag service asked for runtime flags (pinning) on each request, or
 *     null to take them from {@code flags} alone
 * @param release which release's schema and code this is (see {@link Release})
 */
public record Config(
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        URI notifierUrl,
        Duration notifierTimeout,
        Set<Flag> flags,
        Set<String> staffUsers,
        Set<Bug> bugs,
        URI flagsUrl,
        Release release) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_NOTIFIER_TIMEOUT = Duration.ofMillis(500);

    public Config {
        flags = Set.copyOf(flags);
        staffUsers = Set.copyOf(staffUsers);
        bugs = Set.copyOf(bugs);
    }

    /** A correct service on a free port, with no notifier, no flags, no staff. */
    public static Config forDatabase(String dbUrl, String dbUser, String dbPassword) {
        return new Config(0, dbUrl, dbUser, dbPassword, null, DEFAULT_NOTIFIER_TIMEOUT,
                Set.of(), Set.of(), Set.of(), null, Release.builtIn());
    }

    public Config withPort(int newPort) {
        return new Config(newPort, dbUrl, dbUser, dbPassword, notifierUrl, notifierTimeout, flags, staffUsers, bugs, flagsUrl, release);
    }

    public Config withNotifier(URI url, Duration timeout) {
        return new Config(port, dbUrl, dbUser, dbPassword, url, timeout, flags, staffUsers, bugs, flagsUrl, release);
    }

    public Config withFlags(Flag... newFlags) {
        return new Config(port, dbUrl, dbUser, dbPassword, notifierUrl, notifierTimeout,
                Set.copyOf(List.of(newFlags)), staffUsers, bugs, flagsUrl, release);
    }

    public Config withStaffUsers(String... names) {
        return new Config(port, dbUrl, dbUser, dbPassword, notifierUrl, notifierTimeout,
                flags, Set.copyOf(List.of(names)), bugs, flagsUrl, release);
    }

    public Config withBugs(Bug... newBugs) {
        return new Config(port, dbUrl, dbUser, dbPassword, notifierUrl, notifierTimeout,
                flags, staffUsers, Set.copyOf(List.of(newBugs)), flagsUrl, release);
    }

    /** Runs as {@code newRelease}: its migrations and the schema its code expects. */
    public Config withRelease(Release newRelease) {
        return new Config(port, dbUrl, dbUser, dbPassword, notifierUrl, notifierTimeout, flags, staffUsers, bugs,
                flagsUrl, newRelease);
    }

    /** Asks the flag service at {@code url} for runtime flags on each request. */
    public Config withFlagService(URI url) {
        return new Config(port, dbUrl, dbUser, dbPassword, notifierUrl, notifierTimeout, flags, staffUsers, bugs, url, release);
    }

    public boolean has(Bug bug) {
        return bugs.contains(bug);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /**
     * Reads the configuration from environment variables. Every problem is collected, so one
     * start attempt reports all of them.
     *
     * @throws ConfigException listing what is missing or invalid and what to set
     */
    public static Config fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Integer port = collect(problems, () -> parsePort(env.get("PORT")));
        String dbUrl = env.get("DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            problems.add("DB_URL is missing: set it to a PostgreSQL JDBC URL, "
                    + "e.g. DB_URL=jdbc:postgresql://localhost:5432/todo");
        } else if (!dbUrl.startsWith("jdbc:postgresql:")) {
            problems.add("DB_URL: expected a URL starting with jdbc:postgresql:, but found '" + dbUrl
                    + "'. Set it to e.g. jdbc:postgresql://localhost:5432/todo");
        }
        URI notifier = collect(problems, () -> parseNotifierUrl(env.get("NOTIFIER_URL")));
        URI flagService = collect(problems, () -> parseUrl("FLAGS_URL", env.get("FLAGS_URL"),
                "to take flags from TODO_APP_FLAGS alone"));
        Duration timeout = collect(problems, () -> parseTimeout(env.get("NOTIFIER_TIMEOUT_MS")));
        Set<Flag> flags = collect(problems, () -> Flag.parseList(env.get("TODO_APP_FLAGS")));
        Set<Bug> bugs = collect(problems, () -> Bug.parseList(env.get("TODO_APP_BUGS")));
        Set<String> staff = parseNames(env.get("STAFF_USERS"));
        String releaseName = env.get("TODO_APP_RELEASE");
        Release release = releaseName == null || releaseName.isBlank() ? Release.builtIn()
                : collect(problems, () -> Release.parse(releaseName, "TODO_APP_RELEASE"));
        if (!problems.isEmpty()) {
            throw new ConfigException("todo-app cannot start, its configuration is incomplete:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new Config(port, dbUrl, env.getOrDefault("DB_USER", ""), env.getOrDefault("DB_PASSWORD", ""),
                notifier, timeout, flags == null ? Set.of() : flags, staff, bugs == null ? Set.of() : bugs,
                flagService, release);
    }

    private static <T> T collect(List<String> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static int parsePort(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was found
        }
        throw new ConfigException("PORT: expected a number from 0 to 65535 (0 picks a free port), but found '"
                + raw + "'. Set PORT=8080, or leave it unset for 8080.");
    }

    private static URI parseNotifierUrl(String raw) {
        return parseUrl("NOTIFIER_URL", raw, "to send no notifications");
    }

    private static URI parseUrl(String variable, String raw, String unsetMeans) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(raw.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the value that was found
        }
        throw new ConfigException(variable + ": expected an http(s) base URL such as http://localhost:9090, "
                + "but found '" + raw + "'. Fix it, or leave " + variable + " unset " + unsetMeans + ".");
    }

    private static Duration parseTimeout(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_NOTIFIER_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(raw.trim());
            if (millis > 0 && millis <= 60_000) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was found
        }
        throw new ConfigException("NOTIFIER_TIMEOUT_MS: expected milliseconds from 1 to 60000, but found '"
                + raw + "'. Set e.g. NOTIFIER_TIMEOUT_MS=500, or leave it unset for 500.");
    }

    private static Set<String> parseNames(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public String toString() {
        // The password stays out of logs.
        return "Config[port=" + port + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", notifierUrl=" + notifierUrl
                + ", notifierTimeout=" + notifierTimeout.toMillis() + "ms, flags=" + flags + ", staffUsers="
                + staffUsers + ", bugs=" + bugs + ", flagsUrl=" + flagsUrl + ", release=" + release.releaseName() + "]";
    }
}
