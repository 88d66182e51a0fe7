package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;

/**
 * A symbolic reference to a value the system returns later, such as a server-assigned id.
 *
 * <p>Refs are made while a program is generated, before any system runs, so the model can keep
 * them in its state and later commands can take them as arguments. When the program runs, the
 * command that made the ref binds it to the real value; {@link #get()} reads it. Two refs are
 * equal only if they are the same ref; the hash is stable from run to run.
 */
public final class Ref<T> {
  private final String label;
  private final Object program;
  private final int step;
  private final String producer;
  private T value;
  private boolean bound;
  private boolean missing;

  Ref(String label, Object program, int step, String producer) {
    this.label = label;
    this.program = program;
    this.step = step;
    this.producer = producer;
  }

  /** The value the system returned for this ref in the current run. */
  public T get() {
    if (missing) {
      throw new AssertionError(
          "Reference " + this + " has no value: step " + (step + 1) + " (" + producer + ") ran,"
              + " but its result held no value for it. Check the result in that command's"
              + " .expect(..), or keep the reference out of the model state when none is"
              + " expected.");
    }
    if (!bound) {
      throw new TollgateConfigurationException(
          "Reference " + this + " was used before anything bound it. It is made by step "
              + (step + 1) + " (" + producer + "), which has not run in this program. Expected the"
              + " model to take references only from its own state, made fresh by"
              + " initialState() for each program. Check that the model state is not shared"
              + " between programs (a static or reused mutable collection).");
    }
    return value;
  }

  public String label() {
    return label;
  }

  /** The 0-based step of the program that makes this ref. */
  public int step() {
    return step;
  }

  /** Whether this ref was made by the program identified by {@code programToken}. */
  public boolean madeBy(Object programToken) {
    return program == programToken;
  }

  void bind(Object newValue) {
    @SuppressWarnings("unchecked")
    T typed = (T) newValue;
    this.value = typed;
    this.bound = true;
  }

  void unbind() {
    this.value = null;
    this.bound = false;
    this.missing = false;
  }

  void markMissing() {
    this.value = null;
    this.bound = false;
    this.missing = true;
  }

  public boolean isBound() {
    return bound;
  }

  /**
   * Stable from run to run (the label and the step), so a set or map of refs iterates in the same
   * order every time a program is generated; equality stays identity.
   */
  @Override
  public int hashCode() {
    return 31 * label.hashCode() + step;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public String toString() {
    return label + "#" + (step + 1);
  }
}
