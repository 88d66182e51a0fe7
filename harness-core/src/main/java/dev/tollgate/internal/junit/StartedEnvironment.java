package dev.tollgate.internal.junit;

import dev.tollgate.environment.Environment;
import dev.tollgate.runner.SystemUnderTest;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An environment a test class started, kept in the class's extension store, and closed by JUnit
 * when the class is done (whether its tests passed or not).
 */
public final class StartedEnvironment implements ExtensionContext.Store.CloseableResource {
  public static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create("dev.tollgate");
  public static final String KEY = "environment";

  private final Environment environment;
  private final SystemUnderTest<?> system;

  public StartedEnvironment(Environment environment, SystemUnderTest<?> system) {
    this.environment = environment;
    this.system = system;
  }

  public Environment environment() {
    return environment;
  }

  public SystemUnderTest<?> system() {
    return system;
  }

  /** The one a test (or its class) has, or null. Stores look up through parent contexts. */
  public static StartedEnvironment of(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(KEY, StartedEnvironment.class);
  }

  @Override
  public void close() {
    environment.close();
  }
}
