package dev.tollgate.examples.todo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** The connection pool, migrated by Flyway at open, and a small transaction helper. */
final class Database implements AutoCloseable {

    /** One unit of JDBC work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    static Database open(Config config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("todo-app");
        hikari.setJdbcUrl(config.dbUrl());
        // Unset credentials stay null, so a user and password given inside DB_URL still count.
        if (!config.dbUser().isEmpty()) {
            hikari.setUsername(config.dbUser());
        }
        if (!config.dbPassword().isEmpty()) {
            hikari.setPassword(config.dbPassword());
        }
        hikari.setMaximumPoolSize(10);
        hikari.setMinimumIdle(2);
        hikari.setConnectionTimeout(2_000);
        // A few seconds of retries lets the app start beside a database that is still booting.
        hikari.setInitializationFailTimeout(3_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new ConfigException("cannot connect to the database at DB_URL=" + config.dbUrl() + " as DB_USER='"
                    + config.dbUser() + "': " + rootMessage(e)
                    + ". Check DB_URL, DB_USER and DB_PASSWORD, and that PostgreSQL is running.");
        }
        try {
            java.util.List<String> locations = new java.util.ArrayList<>(java.util.List.of("classpath:db/migration"));
            locations.addAll(config.release().extraMigrations());
            if (config.has(Flag.SECURED)) {
                locations.add("classpath:db/seed");
            }
            // Migrations newer than this release (applied by a later one) are ignored, Flyway's
            // default: the previous release keeps running on the newer schema during a deploy.
            Flyway.configure().dataSource(pool).locations(locations.toArray(String[]::new)).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws.
     * SQL failures surface as {@link DataAccessException}; {@link ApiException}s pass through.
     */
    <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** True when the database answers a trivial query within a second. */
    boolean answers() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            return statement.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** An unexpected SQL failure: a server error, never the caller's fault. */
    static final class DataAccessException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DataAccessException(SQLException cause) {
            super(cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
        }
    }
}
