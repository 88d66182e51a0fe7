package dev.tollgate.environment;

import dev.tollgate.internal.environment.ComposedEnvironment;
import dev.tollgate.internal.environment.EnvironmentSpec;
import dev.tollgate.internal.settings.SettingKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Collects what an {@link Environment} is made of. Obtained from {@link Environments#builder()}. */
public final class EnvironmentBuilder {
  private App app;
  private Postgres postgres;
  private final Map<String, String> stubs = new LinkedHashMap<>();
  private Reset reset = Reset.deleteAllTables();
  private Consumer<Environment> appResetHook = env -> { };
  private EnvironmentKind kind;
  private Path workDir = Path.of("target", "tollgate");
  private App migratedBy;

  EnvironmentBuilder() {
  }

  /** The app under test. */
  public EnvironmentBuilder app(App app) {
    this.app = Objects.requireNonNull(app, "app");
    return this;
  }

  /** A PostgreSQL chosen by the environment: embedded locally, a container in the containers environment. */
  public EnvironmentBuilder postgres() {
    return postgres(Postgres.byEnvironment());
  }

  /** This PostgreSQL. */
  public EnvironmentBuilder postgres(Postgres postgres) {
    this.postgres = Objects.requireNonNull(postgres, "postgres");
    return this;
  }

  /** A WireMock stub for the dependent service {@code name}; the app gets its URL in {@code <NAME>_URL}. */
  public EnvironmentBuilder stub(String name) {
    return stub(name, name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_URL");
  }

  /** A WireMock stub whose URL the app gets in the variable given. */
  public EnvironmentBuilder stub(String name, String urlVariable) {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new EnvironmentException("Expected a stub name of lower-case letters, digits and dashes (it becomes a"
          + " host name on the Docker network), but found '" + name + "'. Use for example stub(\"notifier\").");
    }
    if (stubs.putIfAbsent(name, Objects.requireNonNull(urlVariable)) != null) {
      throw new EnvironmentException("The stub '" + name + "' is declared twice. Declare each dependent service once.");
    }
    return this;
  }

  /** How the database is reset between runs (default {@link Reset#deleteAllTables()}). */
  public EnvironmentBuilder reset(Reset reset) {
    this.reset = Objects.requireNonNull(reset, "reset");
    return this;
  }

  /** Runs after the database and stubs were reset, for state the app keeps in memory (say, a POST to a test endpoint). */
  public EnvironmentBuilder afterReset(Consumer<Environment> hook) {
    this.appResetHook = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /**
   * Fixes the kind, whatever the configuration says. Leave it out to let configuration choose
   * ({@code -Dtollgate.environment} or {@code TOLLGATE_ENVIRONMENT}, default {@code local}), so
   * one test runs on each kind.
   */
  public EnvironmentBuilder kind(EnvironmentKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
    return this;
  }

  /**
   * Runs the app on the schema of the next release, as the previous release runs during a rolling
   * deploy: before the app starts, the app runs once (its own schema), then {@code nextRelease}
   * runs once against the same database and migrates it (with the same variables as the app),
   * and only then does the app start for the checks. {@link Environment#migrations()} names what
   * the next release applied. Local environment only.
   */
  public EnvironmentBuilder migratedBy(App nextRelease) {
    this.migratedBy = Objects.requireNonNull(nextRelease, "nextRelease");
    return this;
  }

  /** Where logs and embedded data go (default {@code target/tollgate}, relative to the working directory). */
  public EnvironmentBuilder workDir(Path workDir) {
    this.workDir = Objects.requireNonNull(workDir, "workDir");
    return this;
  }

  /** The environment, not started yet. */
  public Environment build() {
    SettingKeys.checkSystemProperties();
    if (app == null) {
      throw new EnvironmentException("An environment needs an app, but none was given."
          + " Add for example .app(App.jar(Path.of(\"target/my-app.jar\")).readyWhen(\"/health\")).");
    }
    EnvironmentKind resolved = Environments.resolveKind(kind);
    if (migratedBy != null && resolved != EnvironmentKind.LOCAL) {
      throw new EnvironmentException("migratedBy(..) runs the next release before the app, in the local"
          + " environment only, but this environment is " + resolved + ". Add .kind(EnvironmentKind.LOCAL).");
    }
    return new ComposedEnvironment(new EnvironmentSpec(resolved, app, postgres, Map.copyOf(stubs), stubs.keySet(),
        reset, appResetHook, workDir, migratedBy));
  }
}
