package dev.tollgate.internal.program;

/**
 * A group of choices {@code [start, end)} that together make one thing (a step, an argument, a
 * list element), of a {@link ChoiceRecorder} kind, inside the span at index {@code parent} of
 * the same list (-1 for none).
 */
public record Span(int start, int end, int kind, int parent) {
  public int length() {
    return end - start;
  }
}
