package dev.tollgate.model;

/**
 * One simulated user of a program, as the model sees it at a step: its position among the
 * program's users, the state of its finite-state machine, and the flags it sees in this program.
 */
public record User(int index, String state, Flags flags) {

  public User {
    flags = flags == null ? Flags.none() : flags;
  }

  /** A user of a model that declares no flags. */
  public User(int index, String state) {
    this(index, state, Flags.none());
  }

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
