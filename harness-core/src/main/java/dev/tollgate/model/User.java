package dev.tollgate.model;

/**
 * One simulated user of a program, as the model sees it at a step: its position among the
 * program's users and the state of its finite-state machine.
 */
public record User(int index, String state) {

  /** {@code user1}, {@code user2}, … as reports show it. */
  public String name() {
    return "user" + (index + 1);
  }

  /** Whether the user's machine is in {@code state} (a String or an enum constant). */
  public boolean in(Object state) {
    return this.state.equals(States.nameOf(state));
  }

  @Override
  public String toString() {
    return name() + "@" + state;
  }
}
