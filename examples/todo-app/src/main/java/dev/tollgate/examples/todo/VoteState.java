package dev.tollgate.examples.todo;

/** A todo's vote count, and whether the asking user's vote is among them. */
record VoteState(long todoId, int votes, boolean voted) {
}
