package dev.tollgate.examples.todo;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the real parts around the app: an embedded PostgreSQL 14 and a WireMock notifier
 * over real HTTP. One pair serves the whole test run; JUnit closes it at the end of the run.
 */
public final class TestServices implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Services.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(TestServices.class))
                .getOrComputeIfAbsent(Services.class, key -> Services.start(), Services.class);
    }

    /** The running PostgreSQL and notifier, and helpers to start apps against them. */
    public static final class Services implements AutoCloseable {
        static final Duration NOTIFIER_TIMEOUT = Duration.ofMillis(300);

        private final EmbeddedPostgres postgres;
        private final WireMockServer notifier;

        private Services(EmbeddedPostgres postgres, WireMockServer notifier) {
            this.postgres = postgres;
            this.notifier = notifier;
        }

        static Services start() {
            EmbeddedPostgres postgres = startPostgres(buildDir().resolve("it-postgres"));
            WireMockServer notifier = new WireMockServer(
                    WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            notifier.start();
            Services services = new Services(postgres, notifier);
            services.resetNotifier();
            return services;
        }

        /**
         * Starts PostgreSQL 14 with its data and socket under {@code home}, and its unpacked
         * binaries under the build folder, so nothing lands outside the build.
         */
        public static EmbeddedPostgres startPostgres(Path home) {
            try {
                Path run = Files.createDirectories(home.resolve("run"));
                return EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Files.createDirectories(buildDir().resolve("pg-bin")).toFile())
                        .setDataDirectory(home.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("unix_socket_directories", run.toAbsolutePath().toString())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }

        public static Path buildDir() {
            return Path.of(System.getProperty("todoapp.buildDir", "target"));
        }

        /** A correct app's configuration: this database, this notifier, a free port. */
        Config config() {
            return Config.forDatabase(jdbcUrl("postgres"), "postgres", "postgres")
                    .withNotifier(URI.create("http://127.0.0.1:" + notifier.port()), NOTIFIER_TIMEOUT);
        }

        TodoApp startApp(UnaryOperator<Config> customize) {
            return TodoApp.start(customize.apply(config()));
        }

        String jdbcUrl(String database) {
            return postgres.getJdbcUrl("postgres", database);
        }

        WireMockServer notifier() {
            return notifier;
        }

        /** Forgets recorded calls and stubs; the notifier then accepts every notification. */
        void resetNotifier() {
            notifier.resetAll();
            notifier.stubFor(post(urlEqualTo("/notify")).willReturn(ok()));
        }

        /** Empties the app's tables, as a gate run does between programs. */
        void resetDatabase() {
            sql("postgres", "DO $$ BEGIN IF to_regclass('public.todos') IS NOT NULL THEN"
                    + " TRUNCATE votes, todos, sessions, users RESTART IDENTITY CASCADE; END IF; END $$");
        }

        void sql(String database, String statement) {
            try (Connection c = postgres.getDatabase("postgres", database).getConnection();
                 Statement s = c.createStatement()) {
                s.execute(statement);
            } catch (SQLException e) {
                throw new IllegalStateException("test SQL failed: " + statement, e);
            }
        }

        long count(String query) {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("test SQL failed: " + query, e);
            }
        }

        @Override
        public void close() throws IOException {
            notifier.stop();
            postgres.close();
        }
    }
}
