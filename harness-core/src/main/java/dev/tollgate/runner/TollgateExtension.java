package dev.tollgate.runner;

import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentBuilder;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Postgres;
import dev.tollgate.environment.Reset;
import dev.tollgate.internal.junit.StartedEnvironment;
import dev.tollgate.internal.module.HttpModule;
import dev.tollgate.internal.module.HttpModules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a test class's environment (the app, its PostgreSQL, its stubs) once, before its tests,
 * and stops it after them; a {@link StateMachineTest}'s {@link Runner} then checks models against
 * it over HTTP: {@code runner.check(model)}. Test methods may also take the {@link Environment},
 * for database and stub access.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TollgateExtension gate = Tollgate.environment()
 *     .app(App.jar(Path.of("../todo-app/target/todo-app.jar")))
 *     .postgres()
 *     .stub("notifier")
 *     .build();
 *
 * @StateMachineTest(tries = 200, maxSteps = 30, users = 3)
 * void todosStayConsistent(Runner runner) { runner.check(TodoModel.model()); }
 * }</pre>
 *
 * <p>The started environment lives in the class's extension store, not in this object, so one
 * extension serves any number of classes, and it sits beside {@code @Testcontainers} or WireMock's
 * extension.
 *
 * <p>Under JUnit's parallel execution the class's test methods share the environment, so their
 * checks take turns: {@code runner.check(model)} holds the environment's fair lock from its first
 * reset to its end, and the other checks wait for it.
 */
public final class TollgateExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private final EnvironmentBuilder environment;
  private final Duration requestTimeout;

  private TollgateExtension(EnvironmentBuilder environment, Duration requestTimeout) {
    this.environment = environment;
    this.requestTimeout = requestTimeout;
  }

  /** Starts describing the environment; {@code Tollgate.environment()} is the same. */
  public static Builder environment() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    started(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // Registered on an instance field, the extension misses beforeAll: start on first use.
    started(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Environment.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return started(context).environment();
  }

  private StartedEnvironment started(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(StartedEnvironment.NAMESPACE).getOrComputeIfAbsent(
        StartedEnvironment.KEY, key -> start(), StartedEnvironment.class);
  }

  private StartedEnvironment start() {
    // Checked first: a missing module should not cost an environment's start, nor hide behind it.
    HttpModule http = HttpModules.required("A TollgateExtension");
    Environment started = environment.build().start();
    return new StartedEnvironment(started, http.system(started, requestTimeout));
  }

  /** Describes the environment; {@link #build()} gives the extension. */
  public static final class Builder {
    private final EnvironmentBuilder environment = Environments.builder();
    private Duration requestTimeout;

    private Builder() {}

    /** The app under test. */
    public Builder app(App app) {
      environment.app(app);
      return this;
    }

    /** A PostgreSQL chosen by the environment: embedded locally, a container on containers. */
    public Builder postgres() {
      environment.postgres();
      return this;
    }

    public Builder postgres(Postgres postgres) {
      environment.postgres(postgres);
      return this;
    }

    /** A WireMock stub for the dependent service {@code name}; the app gets {@code <NAME>_URL}. */
    public Builder stub(String name) {
      environment.stub(name);
      return this;
    }

    public Builder stub(String name, String urlVariable) {
      environment.stub(name, urlVariable);
      return this;
    }

    /** How the database is reset between programs (default: delete every row, reset ids). */
    public Builder reset(Reset reset) {
      environment.reset(reset);
      return this;
    }

    /** Runs after each reset, for state the app keeps in memory. */
    public Builder afterReset(Consumer<Environment> hook) {
      environment.afterReset(hook);
      return this;
    }

    /** Fixes the kind; by default it comes from configuration ({@code tollgate.environment}). */
    public Builder kind(EnvironmentKind kind) {
      environment.kind(kind);
      return this;
    }

    public Builder workDir(Path workDir) {
      environment.workDir(workDir);
      return this;
    }

    /** How long one HTTP request may take before its step fails (default 5 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public TollgateExtension build() {
      return new TollgateExtension(environment, requestTimeout);
    }
  }
}
