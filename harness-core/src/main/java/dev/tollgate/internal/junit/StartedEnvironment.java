package dev.tollgate.internal.junit;

import dev.tollgate.environment.Environment;
import dev.tollgate.internal.runner.Shared;
import dev.tollgate.internal.runner.SharedSystem;
import dev.tollgate.runner.SystemUnderTest;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An environment a test class started, kept in the class's extension store, and closed by JUnit
 * when the class is done (whether its tests passed or not). Its system carries the environment's
 * lock, so the checks of test methods that JUnit runs in parallel use it one at a time.
 */
public final class StartedEnvironment implements ExtensionContext.Store.CloseableResource {
  public static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create("dev.tollgate");
  public static final String KEY = "environment";

  private final Environment environment;
  private final SystemUnderTest<?> system;

  public <S> StartedEnvironment(Environment environment, SystemUnderTest<S> system) {
    this.environment = environment;
    // An environment of another make has no lock of its own: then the class's checks share this one.
    ReentrantLock lock = environment instanceof Shared shared ? shared.checkLock() : new ReentrantLock(true);
    this.system = new SharedSystem<>(system, lock);
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
