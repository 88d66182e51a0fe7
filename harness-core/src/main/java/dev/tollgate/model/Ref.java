package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.program.Bindings;

/**
 * A symbolic reference to a value the system returns later, such as a server-assigned id.
 *
 * <p>Refs are made while a program is generated, before any system runs, so the model can keep
 * them in its state and later commands can take them as arguments. A ref is an immutable name:
 * its label, the step that makes it (and its place among that step's refs), and its program. The
 * values live apart, in a table each run of the program has of its own, so one program can run
 * twice at once and each run sees its own values: {@link #get()} reads the table of the run
 * executing on the calling thread. Two refs are equal when they name the same reference of the
 * same program; the hash is stable from run to run.
 */
public final class Ref<T> {
  private final String label;
  private final Object program;
  private final int step;
  /** The place among the step's refs of one {@code yieldsEach(..)}, or -1 for a single ref. */
  private final int index;
  private final String producer;
  /** The ref's slot in its program's binding tables. */
  private final int slot;

  Ref(String label, Object program, int step, int index, String producer, int slot) {
    this.label = label;
    this.program = program;
    this.step = step;
    this.index = index;
    this.producer = producer;
    this.slot = slot;
  }

  /** The value the system returned for this ref in the run that is executing. */
  @SuppressWarnings("unchecked")
  public T get() {
    Object value = Bindings.lookup(program, slot);
    if (value == Bindings.NO_VALUE) {
      throw new AssertionError(
          "Reference " + this + " has no value: step " + (step + 1) + " (" + producer + ") ran,"
              + " but its result held no value for it. Check the result in that command's"
              + " .expect(..), or keep the reference out of the model state when none is"
              + " expected.");
    }
    if (value == Bindings.NOT_BOUND || value == Bindings.OTHER_PROGRAM) {
      throw new TollgateConfigurationException(
          "Reference " + this + " was used before anything bound it. It is made by step "
              + (step + 1) + " (" + producer + "), which has not run in this program. Expected the"
              + " model to take references only from its own state, made fresh by"
              + " initialState() for each program. Check that the model state is not shared"
              + " between programs (a static or reused mutable collection).");
    }
    if (value == Bindings.NO_RUN) {
      throw new TollgateConfigurationException(
          "Reference " + this + " was read outside a run of its program (on thread '"
              + Thread.currentThread().getName() + "'). A reference has a value only while its"
              + " program runs, and only on the thread running it: in .run(..), .expect(..) and"
              + " invariants. Expected generators, preconditions, updates and descriptions to use"
              + " the reference itself (keep it in the model state, compare it, show it), not its"
              + " value. A step that starts threads of its own must hand them the run's"
              + " references: read the values before starting them.");
    }
    return (T) value;
  }

  public String label() {
    return label;
  }

  /** The 0-based step of the program that makes this ref. */
  public int step() {
    return step;
  }

  /** The command that makes this ref. */
  public String producer() {
    return producer;
  }

  /** Whether this ref was made by the program identified by {@code programToken}. */
  public boolean madeBy(Object programToken) {
    return program == programToken;
  }

  /** The ref's slot in its program's binding tables (for the engine). */
  int slot() {
    return slot;
  }

  /**
   * Stable from run to run (the label, the step and the place in it), so a set or map of refs
   * iterates in the same order every time a program is generated.
   */
  @Override
  public int hashCode() {
    return 31 * (31 * label.hashCode() + step) + index;
  }

  /** Equal when both name the same reference of the same program. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Ref<?> ref && ref.program == program && ref.slot == slot;
  }

  @Override
  public String toString() {
    return label + "#" + (step + 1) + (index < 0 ? "" : "." + (index + 1));
  }
}
