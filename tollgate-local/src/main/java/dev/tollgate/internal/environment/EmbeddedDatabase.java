package dev.tollgate.internal.environment;

import dev.tollgate.environment.Database;
import dev.tollgate.environment.EnvironmentException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * zonky's embedded PostgreSQL, with its data directory inside the work directory and deleted on
 * close. The unpacked binaries stay, so later starts skip the unpacking. The data directory and the
 * server are in the environment's {@link Lease}, and a {@link Watchdog} stops the server if this
 * JVM dies without closing it.
 */
final class EmbeddedDatabase implements Parts.DatabasePart {
  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final JdbcDatabase database;
  private final Optional<ProcessHandle> postmaster;
  private final Optional<Watchdog> watchdog;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Lease lease) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.postmaster = postmaster(dataDirectory);
    postmaster.ifPresent(server -> lease.process("postgres", server));
    // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops at once.
    this.watchdog = postmaster.map(server -> Watchdog.watch(server, "INT", dataDirectory));
    this.database = new JdbcDatabase("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
  }

  static EmbeddedDatabase start(Path workDir, Lease lease) {
    Path base = workDir.toAbsolutePath().resolve("embedded-postgres");
    Path data = base.resolve("data-" + UUID.randomUUID());
    try {
      Files.createDirectories(base);
      // Before the server writes to it, so that a JVM killed during initdb leaves nothing unknown.
      lease.directory(data);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(binaries().toFile())
          .setDataDirectory(data)
          .setCleanDataDirectory(true)
          .setRegisterShutdownHook(false)
          // Durability is worth nothing for a test database, and costs on every reset.
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("synchronous_commit", "off")
          .start();
      return new EmbeddedDatabase(postgres, data, lease);
    } catch (IOException | RuntimeException e) {
      // Best effort: what cannot be deleted is inside target/ and goes with the next clean.
      Reaper.deleteTree(data);
      throw new EnvironmentException("Expected embedded PostgreSQL to start with its data in " + data + ", but it failed: "
          + e.getMessage() + ". Check that the embedded-postgres-binaries jar for this platform is on the classpath,"
          + " or give a server with Postgres.jdbc(url, user, password).", e);
    }
  }

  /**
   * Where the PostgreSQL binaries are unpacked (about 60 MB), shared by every environment of the
   * build so they are unpacked once: {@code tollgate.embedded.binaries}, default
   * {@code target/tollgate/embedded-postgres-binaries} under the working directory.
   */
  private static Path binaries() {
    return Settings.get("tollgate.embedded.binaries").map(Path::of)
        .orElse(Path.of("target", "tollgate", "embedded-postgres-binaries")).toAbsolutePath();
  }

  /** The server's process, from the pid file it writes: it is no child of ours, so we watch it ourselves. */
  private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public Database database() {
    return database;
  }

  @Override
  public String appJdbcUrl() {
    return database.jdbcUrl();
  }

  @Override
  public void close() {
    try {
      postgres.close();
      awaitServerExit();
    } catch (IOException e) {
      throw new EnvironmentException("Embedded PostgreSQL in " + dataDirectory + " did not stop cleanly: " + e.getMessage(), e);
    } finally {
      Reaper.deleteTree(dataDirectory);
      watchdog.ifPresent(Watchdog::release);
    }
  }

  /** pg_ctl returns once the pid file is gone, a moment before the server process ends. */
  private void awaitServerExit() {
    postmaster.ifPresent(server -> ProcessTree.awaitOrKill(List.of(server),
        "embedded PostgreSQL's server (data in " + dataDirectory + ")", ProcessTree.GRACE));
  }
}
