package dev.tollgate.internal.environment;

import dev.tollgate.environment.Readiness;
import java.net.URI;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits for the app container the way {@link ProcessApp} waits for a process: its {@link Readiness}, but giving up at once when the container has exited, instead of polling a dead
 * port until the timeout.
 */
final class ContainerReadiness extends AbstractWaitStrategy {
  private static final long CHECK_EVERY_NANOS = 250_000_000L;
  private final Readiness readiness;
  private final int port;
  private long lastAsked = System.nanoTime() - CHECK_EVERY_NANOS;

  ContainerReadiness(Readiness readiness, int port) {
    this.readiness = readiness;
    this.port = port;
  }

  @Override
  protected void waitUntilReady() {
    URI url = URI.create("http://" + waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(port));
    ReadinessProbe probe = new ReadinessProbe(readiness, url);
    ReadinessProbe.Outcome outcome = probe.await(startupTimeout, this::running);
    if (outcome == ReadinessProbe.Outcome.DIED) {
      Long exitCode = waitStrategyTarget.getCurrentContainerInfo().getState().getExitCodeLong();
      throw new ContainerLaunchException("the container exited with code " + exitCode + " during start");
    }
    if (outcome == ReadinessProbe.Outcome.TIMED_OUT) {
      throw new ContainerLaunchException(probe.timedOut(startupTimeout));
    }
  }

  /** Asks Docker at most every quarter second: each question is an inspect call competing with the app's start. */
  private boolean running() {
    long now = System.nanoTime();
    if (now - lastAsked < CHECK_EVERY_NANOS) {
      return true;
    }
    lastAsked = now;
    Boolean running = waitStrategyTarget.getCurrentContainerInfo().getState().getRunning();
    return running != null && running;
  }
}
