package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Postgres;
import dev.tollgate.environment.Reset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** What the builder collected, with the kind already resolved. */
public final class EnvironmentSpec {
  final EnvironmentKind kind;
  final App app;
  final Postgres postgres;
  final Map<String, String> stubVariables;
  final List<String> stubNames;
  final Reset reset;
  final Consumer<Environment> appResetHook;
  final Path workDir;
  /** The next release, run once before the app to migrate the database; null for none. */
  final App migratedBy;

  public EnvironmentSpec(EnvironmentKind kind, App app, Postgres postgres, Map<String, String> stubVariables,
      Set<String> stubNames, Reset reset, Consumer<Environment> appResetHook, Path workDir) {
    this(kind, app, postgres, stubVariables, stubNames, reset, appResetHook, workDir, null);
  }

  public EnvironmentSpec(EnvironmentKind kind, App app, Postgres postgres, Map<String, String> stubVariables,
      Set<String> stubNames, Reset reset, Consumer<Environment> appResetHook, Path workDir, App migratedBy) {
    this.migratedBy = migratedBy;
    this.kind = kind;
    this.app = app;
    this.postgres = postgres;
    this.stubVariables = stubVariables;
    this.stubNames = List.copyOf(stubNames);
    this.reset = reset;
    this.appResetHook = appResetHook;
    this.workDir = workDir;
  }
}
