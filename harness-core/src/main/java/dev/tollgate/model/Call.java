package dev.tollgate.model;

/**
 * One step of a program as the command sees it: who acts, with which argument, and the reference
 * the step makes (when its command {@code yields} one).
 */
public interface Call<A> {
  User user();

  A arg();

  /** The 0-based step index in the program. */
  int step();

  /**
   * The reference this step makes. Only commands declared with {@code .yields(..)} make one.
   */
  <V> Ref<V> ref();
}
