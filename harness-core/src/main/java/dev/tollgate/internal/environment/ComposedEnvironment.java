package dev.tollgate.internal.environment;

import dev.tollgate.TollgateHarnessException;
import dev.tollgate.internal.runner.Executor;
import dev.tollgate.internal.runner.Shared;
import dev.tollgate.environment.Database;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Postgres;
import dev.tollgate.environment.Reset;
import dev.tollgate.environment.Stub;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An environment as a database, stubs and an app, started in that order and closed in the
 * reverse one. Each kind picks the implementation of each part.
 */
public final class ComposedEnvironment implements Environment, Shared {
  private final EnvironmentSpec spec;
  /** Held by the check that uses this environment; see {@link Shared}. */
  private final ReentrantLock checkLock = new ReentrantLock(true);
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  final Map<String, Parts.StubPart> stubs = new LinkedHashMap<>();
  Parts.DatabasePart database;
  Parts.AppPart app;
  private Connection resetConnection;
  private Reset.Action resetAction;
  private Lease lease;
  private boolean started;
  private volatile boolean closed;
  private java.util.List<String> migrations = java.util.List.of();

  public ComposedEnvironment(EnvironmentSpec spec) {
    this.spec = spec;
  }

  @Override
  public ReentrantLock checkLock() {
    return checkLock;
  }

  @Override
  public EnvironmentKind kind() {
    return spec.kind;
  }

  @Override
  public synchronized Environment start() {
    if (started || closed) {
      throw new EnvironmentException("An environment starts once, but this one was already " + (closed ? "closed" : "started")
          + ". Build a new one with Environments.builder().");
    }
    Requires.presentFor(spec);
    started = true;
    // Reaps what environments of killed JVMs left in this work directory before adding to it.
    lease = Lease.take(spec.workDir);
    Teardown.register(this);
    try {
      switch (spec.kind) {
        case LOCAL:
          startLocal();
          break;
        case CONTAINERS:
          // In the module tollgate-containers, so that the core never loads Testcontainers' classes.
          EnvironmentModules.containers(Requires.subject(spec.kind)).launch(this, spec);
          break;
        case EXTERNAL:
          startExternal();
          break;
        default:
          throw new IllegalStateException("unresolved kind " + spec.kind);
      }
      if (database != null) {
        prepareReset();
      }
      return this;
    } catch (RuntimeException | Error e) {
      try {
        close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void startLocal() {
    LocalParts local = EnvironmentModules.local(Requires.subject(spec.kind));
    Postgres.Source source = spec.postgres == null ? null : spec.postgres.source();
    if (source == Postgres.Source.DEFAULT || source == Postgres.Source.EMBEDDED) {
      database = opened(local.embeddedDatabase(spec.workDir, lease));
    } else if (source == Postgres.Source.JDBC) {
      database = opened(existing(spec.postgres));
    } else if (source == Postgres.Source.CONTAINER) {
      database = opened(EnvironmentModules.containers(Requires.subject(spec.kind)).database(spec.postgres));
    }
    for (String name : spec.stubNames) {
      stubs.put(name, opened(local.inProcessStub(name)));
    }
    if (spec.migratedBy != null) {
      migrations = SchemaMigration.apply(local, spec.app, spec.migratedBy, wiring(), spec.workDir,
          lease, database.database().dataSource());
    }
    app = opened(local.processApp(spec.app, wiring(), spec.workDir, lease));
  }

  @Override
  public java.util.List<String> migrations() {
    return migrations;
  }

  private void startExternal() {
    Optional<String> configuredUrl = Settings.get("tollgate.external.jdbc-url");
    Postgres.Source source = spec.postgres == null ? null : spec.postgres.source();
    if (configuredUrl.isPresent()) {
      database = opened(existing(configuredUrl.get(), Settings.get("tollgate.external.jdbc-user").orElse("postgres"),
          Settings.get("tollgate.external.jdbc-password").orElse("")));
    } else if (source == Postgres.Source.JDBC) {
      database = opened(existing(spec.postgres));
    }
    // Stubs run here; a deployed system reaches them only if it was configured with their URLs.
    for (String name : spec.stubNames) {
      stubs.put(name, opened(EnvironmentModules.local(Requires.subject(spec.kind)).inProcessStub(name)));
    }
    app = opened(DeployedApp.connect(spec.app));
  }

  static Parts.DatabasePart existing(Postgres given) {
    return existing(given.jdbcUrl().orElseThrow(), given.user().orElseThrow(), given.password().orElse(""));
  }

  private static Parts.DatabasePart existing(String url, String user, String password) {
    JdbcDatabase database = new JdbcDatabase(url, user, password).verified();
    return new Parts.DatabasePart() {
      @Override
      public Database database() {
        return database;
      }

      @Override
      public String appJdbcUrl() {
        return url;
      }

      @Override
      public void close() {
        // Not ours to stop.
      }
    };
  }

  /** The variables that tell the app where its database and stubs are. */
  Map<String, String> wiring() {
    Map<String, String> env = new LinkedHashMap<>();
    if (database != null) {
      env.put(spec.app.dbUrlVariable(), database.appJdbcUrl());
      env.put(spec.app.dbUserVariable(), database.database().user());
      env.put(spec.app.dbPasswordVariable(), database.database().password());
    }
    stubs.forEach((name, stub) -> env.put(spec.stubVariables.get(name), stub.appUrl()));
    return env;
  }

  <T extends AutoCloseable> T opened(T part) {
    opened.push(part);
    return part;
  }

  private void ensureStarted() {
    if (!started || closed || app == null) {
      throw new EnvironmentException("Expected a started environment, but this one is " + (closed ? "closed" : "not started")
          + ". Call start() first, and use it before close().");
    }
  }

  @Override
  public URI appBaseUrl() {
    ensureStarted();
    // No liveness check here: callers ask for the URL per request, and a container's costs a Docker call.
    return app.baseUrl();
  }

  @Override
  public Database database() {
    ensureStarted();
    if (database == null) {
      throw new EnvironmentException("This environment has no database. Add .postgres() to the builder (for the external"
          + " environment, set -Dtollgate.external.jdbc-url or use Postgres.jdbc(url, user, password)).");
    }
    return database.database();
  }

  @Override
  public Stub stub(String name) {
    ensureStarted();
    Parts.StubPart stub = stubs.get(name);
    if (stub == null) {
      throw new EnvironmentException("Expected a stub named '" + name + "', but the environment has " + stubs.keySet()
          + ". Declare it with .stub(\"" + name + "\") on the builder.");
    }
    return stub;
  }

  @Override
  public synchronized void reset() {
    ensureStarted();
    try {
      app.ensureAlive();
    } catch (EnvironmentException e) {
      throw new TollgateHarnessException("Dependency down during reset: the app. " + e.getMessage()
          + "\nIt was up when the environment started; this is neither a failed check nor a"
          + " configuration error. Check its log for why it stopped.", e);
    }
    if (database != null) {
      resetDatabase();
    }
    for (Parts.StubPart stub : stubs.values()) {
      stub.reset();
    }
    spec.appResetHook.accept(this);
  }

  /** Prepares the reset while the database holds its baseline: migrations and seed rows, no program's rows. */
  private void prepareReset() {
    try {
      resetConnection = database.database().connect();
      resetConnection.setAutoCommit(true);
      resetAction = spec.reset.prepare(resetConnection);
    } catch (SQLException e) {
      closeResetConnection();
      throw new EnvironmentException("Expected to read the schema and the seed rows of " + database.database().jdbcUrl()
          + " once the app had started, but it failed: " + e.getMessage() + " (SQL state " + e.getSQLState() + ").", e);
    }
  }

  private void resetDatabase() {
    try {
      if (resetConnection == null || resetConnection.isClosed()) {
        resetConnection = database.database().connect();
        resetConnection.setAutoCommit(true);
      }
      if (resetAction == null) {
        resetAction = spec.reset.prepare(resetConnection);
      }
      resetAction.run(resetConnection);
    } catch (SQLException e) {
      closeResetConnection();
      if (Executor.connectionLost(e)) {
        // The server is gone or going, not the reset wrong.
        throw new TollgateHarnessException("Dependency down during reset: the database at "
            + database.database().jdbcUrl() + " (" + e.getMessage() + ", SQL state " + e.getSQLState()
            + "). Expected it to accept connections, as it did when the environment started: it may have"
            + " crashed, been stopped, or run out of connections or disk. This is neither a failed check nor a"
            + " configuration error; check the database's log.", e);
      }
      throw new EnvironmentException("Expected the database reset to succeed on " + database.database().jdbcUrl()
          + ", but it failed: " + e.getMessage() + " (SQL state " + e.getSQLState() + "). If the app created tables after"
          + " the first reset, or holds locks between requests, the prepared reset cannot empty them.", e);
    }
  }

  private void closeResetConnection() {
    if (resetConnection != null) {
      try {
        resetConnection.close();
      } catch (SQLException ignored) {
        // The connection goes away with its server anyway.
      }
      resetConnection = null;
    }
  }

  @Override
  public Optional<Path> appLog() {
    return app == null ? Optional.empty() : app.log();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeResetConnection();
    EnvironmentException failure = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new EnvironmentException("Some parts of the environment did not stop cleanly; see the suppressed causes.");
        }
        failure.addSuppressed(e);
      }
    }
    Teardown.unregister(this);
    if (failure != null) {
      // The lease stays: what did not stop is reaped by the first start after this JVM is gone.
      throw failure;
    }
    if (lease != null) {
      lease.release();
    }
  }
}
