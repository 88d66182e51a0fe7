package dev.tollgate.examples.todo;

/** A registered user, as known to a request after authentication. */
record User(long id, String name, boolean staff) {
}
