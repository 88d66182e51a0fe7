package dev.tollgate.examples.todo;

/** A todo as the API shows it; {@code owner} is the owner's user name. */
record Todo(long id, String title, boolean done, int votes, boolean pinned, String owner) {
}
