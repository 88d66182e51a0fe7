package dev.tollgate.internal.program;

import java.util.List;

/**
 * A generated program: the steps of its users, and the choices it was generated from, which are
 * enough to generate it again exactly.
 *
 * <p>A sequential program is one list of steps. A parallel program is a sequential prefix, then
 * branches that run at once, each one user's steps in that user's own session. {@link #steps()}
 * holds every step either way, numbered in that order (the prefix, then branch 0, branch 1, …),
 * so that reports and statistics read a parallel program as they read any other.
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
  private final int prefixSize;
  private final Layout layout;
  /** Drawn with the program, before its first step; set once, by the generator. */
  private ProgramFlags flags = ProgramFlags.none();
  /** How many references the program's steps make: the slots of each run's {@link Bindings}. */
  private final int references;

  /**
   * Where a parallel program's parts lie in its choices, for the shrink passes that move steps
   * between them: {@code prefixEnd}, where a step moved into the prefix goes (the choice that
   * ends the prefix); {@code countAt}, the choice of how many branches; each branch's {@code
   * [start, end)}.
   */
  public record Layout(int prefixEnd, int countAt, List<int[]> branchSpans) {
    public Layout {
      branchSpans = List.copyOf(branchSpans);
    }
  }

  Program(Object token, int users, List<Step<M, S>> steps, ChoiceRecorder recorder) {
    this(token, users, steps, List.of(), null, recorder.spans(ChoiceRecorder.STEP), recorder);
  }

  /** {@code stepSpans}: the choice span of each step, in step order. */
  Program(Object token, int users, List<Step<M, S>> prefix, List<List<Step<M, S>>> branches,
      Layout layout, List<int[]> stepSpans, ChoiceRecorder recorder) {
    this.token = token;
    this.users = users;
    List<Step<M, S>> all = new java.util.ArrayList<>(prefix);
    List<List<Step<M, S>>> parts = new java.util.ArrayList<>();
    for (List<Step<M, S>> branch : branches) {
      all.addAll(branch);
      parts.add(List.copyOf(branch));
    }
    this.steps = List.copyOf(all);
    this.prefixSize = prefix.size();
    this.branches = List.copyOf(parts);
    this.layout = layout;
    int slots = 0;
    for (Step<M, S> step : all) {
      for (dev.tollgate.model.Ref<?> ref : step.refs()) {
        slots = Math.max(slots, dev.tollgate.model.Command.slotOf(ref) + 1);
      }
    }
    this.references = slots;
    this.choices = recorder.choices();
    this.stepSpans = List.copyOf(stepSpans);
    this.argumentSpans = recorder.spans(ChoiceRecorder.ARGUMENT);
    this.otherSpans = recorder.spans(ChoiceRecorder.OTHER);
    this.spans = recorder.allSpans();
  }

  /** Identifies this program; the references it makes carry it. */
  public Object token() {
    return token;
  }

  /** How many references the program's steps make, all steps together. */
  public int references() {
    return references;
  }

  /** The flag values this program drew (none when the model declares no flags). */
  public ProgramFlags flags() {
    return flags;
  }

  Program<M, S> withFlags(ProgramFlags drawn) {
    this.flags = drawn;
    return this;
  }

  public int users() {
    return users;
  }

  /** Every step: the prefix's, then each branch's; a step's {@code step()} is its index here. */
  public List<Step<M, S>> steps() {
    return steps;
  }

  /** The steps that run one after the other before the branches (all of them if sequential). */
  public List<Step<M, S>> prefix() {
    return steps.subList(0, prefixSize);
  }

  /** The branches that run at once after the prefix; empty for a sequential program. */
  public List<List<Step<M, S>>> branches() {
    return branches;
  }

  public boolean isParallel() {
    return layout != null;
  }

  /** Where the parts of a parallel program lie in its choices; null if sequential. */
  public Layout layout() {
    return layout;
  }

  /** How many steps run in branches. */
  public int branchSteps() {
    return steps.size() - prefixSize;
  }

  /** The branch that holds step {@code index}, or -1 for a step of the prefix. */
  public int branchOf(int index) {
    if (index < prefixSize) {
      return -1;
    }
    int end = prefixSize;
    for (int b = 0; b < branches.size(); b++) {
      end += branches.get(b).size();
      if (index < end) {
        return b;
      }
    }
    return -1;
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
    for (Step<M, S> step : prefix()) {
      out.append(step.key()).append(';');
    }
    for (List<Step<M, S>> branch : branches) {
      out.append('|');
      for (Step<M, S> step : branch) {
        out.append(step.key()).append(';');
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Step<M, S> step : prefix()) {
      out.append(step.step() + 1).append(". ").append(step.describe()).append('\n');
    }
    for (int b = 0; b < branches.size(); b++) {
      out.append("branch ").append(b + 1).append(" (in parallel):\n");
      for (Step<M, S> step : branches.get(b)) {
        out.append("  ").append(step.step() + 1).append(". ").append(step.describe()).append('\n');
      }
    }
    return out.toString();
  }
}
