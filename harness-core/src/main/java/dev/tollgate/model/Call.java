package dev.tollgate.model;

import java.util.List;

/**
 * One step of a program as the command sees it: who acts, with which argument, and the
 * references the step makes (when its command {@code yields} some).
 */
public interface Call<A> {
  User user();

  A arg();

  /** The 0-based step index in the program. */
  int step();

  /**
   * The reference this step makes, when it makes exactly one. Only commands declared with {@code
   * .yields(..)} make one; a step that makes several names the one it means with {@link
   * #ref(String)} or {@link #refs(String)}.
   */
  <V> Ref<V> ref();

  /** The reference labelled {@code label} that this step makes: {@code .yields(label, ..)}. */
  <V> Ref<V> ref(String label);

  /**
   * The references labelled {@code label} that this step makes, in order: those of a {@code
   * .yieldsEach(label, ..)}, or the one of a {@code .yields(label, ..)}.
   */
  <V> List<Ref<V>> refs(String label);

  /** As {@link #ref(String)}, typed by the label: {@code .yields(TODO, ..)} then {@code call.ref(TODO)}. */
  default <V> Ref<V> ref(Label<V> label) {
    return ref(label.name());
  }

  /** As {@link #refs(String)}, typed by the label: {@code .yieldsEach(TODOS, ..)} then {@code call.refs(TODOS)}. */
  default <V> List<Ref<V>> refs(Label<V> label) {
    return refs(label.name());
  }
}
