package dev.tollgate.report;

/**
 * Where Tollgate's console output goes: statistics lines and progress. Every line Tollgate prints
 * passes through one reporter, so it can be redirected and tested.
 */
@FunctionalInterface
public interface Reporter {
  void line(String text);

  /** Standard output. */
  static Reporter console() {
    return System.out::println;
  }

  /** Discards everything. */
  static Reporter none() {
    return text -> {};
  }
}
