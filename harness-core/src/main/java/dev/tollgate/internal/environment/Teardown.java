package dev.tollgate.internal.environment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes environments that are still open when the JVM exits (a test that forgot close, Ctrl-C,
 * an aborted build). With Ryuk disabled nothing else would stop their containers.
 */
final class Teardown {
  private static final Set<AutoCloseable> OPEN = Collections.synchronizedSet(new LinkedHashSet<>());
  private static volatile boolean hookInstalled;

  private Teardown() {
  }

  static void register(AutoCloseable resource) {
    installHook();
    OPEN.add(resource);
  }

  static void unregister(AutoCloseable resource) {
    OPEN.remove(resource);
  }

  private static synchronized void installHook() {
    if (hookInstalled) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(Teardown::closeAll, "tollgate-environment-teardown"));
    hookInstalled = true;
  }

  private static void closeAll() {
    List<AutoCloseable> open;
    synchronized (OPEN) {
      open = new ArrayList<>(OPEN);
    }
    Collections.reverse(open);
    for (AutoCloseable resource : open) {
      try {
        resource.close();
      } catch (Exception | LinkageError ignored) {
        // The JVM is going down; keep closing the others.
      }
    }
  }
}
