package dev.tollgate.internal.runner;

import dev.tollgate.model.User;
import dev.tollgate.runner.SystemUnderTest;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The system a test class's environment gives its test methods: the environment's HTTP system,
 * carrying the environment's lock, so that checks of methods JUnit runs in parallel take turns
 * on it (see {@link Shared}).
 */
public final class SharedSystem<S> implements SystemUnderTest<S>, Shared {
  private final SystemUnderTest<S> system;
  private final ReentrantLock lock;

  public SharedSystem(SystemUnderTest<S> system, ReentrantLock lock) {
    this.system = system;
    this.lock = lock;
  }

  /** The system it shares, for what reports say of it (an HTTP system's base URL). */
  public SystemUnderTest<S> system() {
    return system;
  }

  @Override
  public void reset() throws Exception {
    system.reset();
  }

  @Override
  public S client(User user) throws Exception {
    return system.client(user);
  }

  @Override
  public ReentrantLock checkLock() {
    return lock;
  }
}
