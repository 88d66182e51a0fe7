package dev.tollgate.internal.program;

import java.util.List;

/**
 * A generated program: the steps of its users, and the choices it was generated from, which are
 * enough to generate it again exactly.
 *
 * <p>Today a program is one sequential prefix. The branches list is where parallel programs
 * (a prefix, then several users' branches at once) will live; it is empty for now.
 */
public final class Program<M, S> {
  private final Object token;
  private final int users;
  private final List<Step<M, S>> steps;
  private final List<List<Step<M, S>>> branches;
  private final int[] choices;
  private final List<int[]> stepSpans;
  private final List<int[]> argumentSpans;
  private final List<int[]> otherSpans;
  private final List<Span> spans;
  private final ProgramFlags flags;

  Program(Object token, int users, List<Step<M, S>> steps, ChoiceRecorder recorder) {
    this(token, users, steps, recorder, ProgramFlags.none());
  }

  Program(Object token, int users, List<Step<M, S>> steps, ChoiceRecorder recorder,
      ProgramFlags flags) {
    this.flags = flags;
    this.token = token;
    this.users = users;
    this.steps = List.copyOf(steps);
    this.branches = List.of();
    this.choices = recorder.choices();
    this.stepSpans = recorder.spans(ChoiceRecorder.STEP);
    this.argumentSpans = recorder.spans(ChoiceRecorder.ARGUMENT);
    this.otherSpans = recorder.spans(ChoiceRecorder.OTHER);
    this.spans = recorder.allSpans();
  }

  /** Identifies this program; the references it makes carry it. */
  public Object token() {
    return token;
  }

  /** The flag values this program drew (none when the model declares no flags). */
  public ProgramFlags flags() {
    return flags;
  }

  public int users() {
    return users;
  }

  public List<Step<M, S>> steps() {
    return steps;
  }

  public List<List<Step<M, S>>> branches() {
    return branches;
  }

  public int size() {
    return steps.size();
  }

  public int[] choices() {
    return choices.clone();
  }

  /** The {@code [start, end)} choice span of each step, in step order. */
  public List<int[]> stepSpans() {
    return stepSpans;
  }

  public List<int[]> argumentSpans() {
    return argumentSpans;
  }

  public List<int[]> otherSpans() {
    return otherSpans;
  }

  /** Every span of every kind, in order of opening, with its parent. */
  public List<Span> spans() {
    return spans;
  }

  /** A text that is equal for two programs exactly when they would do the same things. */
  public String key() {
    StringBuilder out = new StringBuilder(flags.describe());
    for (Step<M, S> step : steps) {
      out.append(step.key()).append(';');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Step<M, S> step : steps) {
      out.append(step.step() + 1).append(". ").append(step.describe()).append('\n');
    }
    return out.toString();
  }
}
