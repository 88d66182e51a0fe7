package dev.tollgate.internal.program;

import dev.tollgate.model.Call;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;

/**
 * A step of a branch as one interleaving sees it: the same command, argument and reference, but
 * its user in the state that interleaving has reached.
 */
public final class InterleavedCall implements Call<Object> {
  private final Step<?, ?> step;
  private final User user;

  public InterleavedCall(Step<?, ?> step, User user) {
    this.step = step;
    this.user = user;
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public Object arg() {
    return step.arg();
  }

  @Override
  public int step() {
    return step.step();
  }

  @Override
  public <V> Ref<V> ref() {
    return step.ref();
  }

  @Override
  public <V> Ref<V> ref(String label) {
    return step.ref(label);
  }

  @Override
  public <V> java.util.List<Ref<V>> refs(String label) {
    return step.refs(label);
  }

  @Override
  public String toString() {
    return step.toString();
  }
}
