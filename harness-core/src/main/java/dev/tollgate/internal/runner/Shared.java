package dev.tollgate.internal.runner;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A system that several checks may use at once, such as the environment a test class started and
 * its test methods share under JUnit's parallel execution. A check holds its fair lock from its
 * first reset to its end, so checks on one such system run one at a time, in the order they came,
 * and no check's reset wipes the data of a program another check is running.
 */
public interface Shared {
  /** The one lock of this system; fair, so a waiting check is not overtaken forever. */
  ReentrantLock checkLock();
}
