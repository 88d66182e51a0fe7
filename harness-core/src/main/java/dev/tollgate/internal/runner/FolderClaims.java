package dev.tollgate.internal.runner;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which model each test checked first, so that a second model checked by the same test method
 * gets a report folder and a corpus of its own ({@code <test>.<model>}) while the first keeps
 * the plain {@code <test>}. A runner and its copies share one: that is one test method's runner
 * (a {@code @StateMachineTest} gets a new one each time). A test found on the stack shares
 * {@link #JVM}, since its name is that of a real test method.
 */
public final class FolderClaims {
  /** For tests found on the calling thread's stack. */
  public static final FolderClaims JVM = new FolderClaims();

  private final ConcurrentHashMap<String, String> first = new ConcurrentHashMap<>();

  /** Whether {@code model} is the first model {@code test} checked (and so claims its folder). */
  public boolean firstOf(String test, String model) {
    return first.computeIfAbsent(test, key -> model).equals(model);
  }
}
