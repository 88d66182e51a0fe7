package dev.tollgate.internal.shrink;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Edits of choice arrays and what the passes need to know about a program's spans. */
final class Edits {
  private Edits() {}

  static int[] without(int[] choices, int from, int to) {
    return replace(choices, from, to, new int[0]);
  }

  /** {@code choices} with {@code [from, to)} replaced by {@code with}. */
  static int[] replace(int[] choices, int from, int to, int[] with) {
    int[] out = new int[choices.length - (to - from) + with.length];
    System.arraycopy(choices, 0, out, 0, from);
    System.arraycopy(with, 0, out, from, with.length);
    System.arraycopy(choices, to, out, from + with.length, choices.length - to);
    return out;
  }

  /** {@code choices} with the span {@code [from, to)} and the span {@code [from2, to2)} removed. */
  static int[] without(int[] choices, int from, int to, int from2, int to2) {
    return without(without(choices, from2, to2), from, to);
  }

  /**
   * Puts {@code content} in place of {@code [from, to)}, then fits it to what the model reads
   * there now: the leftovers of a shorter reading are dropped (otherwise the next step would read
   * them), and a longer reading gets zeros, the simplest choices.
   */
  static <M, S> int[] fit(Search<M, S> search, int[] choices, int from, int to, int[] content) {
    int[] candidate = replace(choices, from, to, content);
    for (int attempt = 0; attempt < 3; attempt++) {
      Program<M, S> program = search.regenerate(candidate);
      Span read = program == null ? null : outermostAt(program.spans(), from);
      if (read == null || read.length() == content.length) {
        return candidate;
      }
      content = Arrays.copyOf(content, read.length());
      candidate = replace(choices, from, to, content);
    }
    return candidate;
  }

  /** The first-opened (outermost) span that starts at {@code position}, or null. */
  static Span outermostAt(List<Span> spans, int position) {
    for (Span span : spans) {
      if (span.start() == position) {
        return span;
      }
    }
    return null;
  }

  /**
   * Runs of sibling spans of the kind {@link ChoiceRecorder#OTHER}, each starting where the one
   * before ends: the characters of one string, the elements of one list.
   */
  static List<List<Span>> siblingRuns(List<Span> spans) {
    Map<Integer, List<Span>> byParent = new LinkedHashMap<>();
    for (Span span : spans) {
      if (span.kind() == ChoiceRecorder.OTHER && span.length() > 0) {
        byParent.computeIfAbsent(span.parent(), p -> new ArrayList<>()).add(span);
      }
    }
    List<List<Span>> runs = new ArrayList<>();
    for (List<Span> children : byParent.values()) {
      List<Span> run = new ArrayList<>();
      for (Span span : children) {
        if (!run.isEmpty() && run.get(run.size() - 1).end() != span.start()) {
          runs.add(run);
          run = new ArrayList<>();
        }
        run.add(span);
      }
      runs.add(run);
    }
    return runs;
  }

  /** Whether choice {@code index} is inside some argument. */
  static boolean[] inArguments(Program<?, ?> program) {
    boolean[] in = new boolean[program.choices().length];
    for (int[] span : program.argumentSpans()) {
      Arrays.fill(in, span[0], span[1], true);
    }
    return in;
  }

  /** The descendants of span {@code index}: spans nested in it, at any depth, in order. */
  static List<Span> descendants(List<Span> spans, int index) {
    List<Span> out = new ArrayList<>();
    for (int i = index + 1; i < spans.size(); i++) {
      int p = spans.get(i).parent();
      while (p > index) {
        p = spans.get(p).parent();
      }
      if (p == index && spans.get(i).length() > 0) {
        out.add(spans.get(i));
      }
    }
    return out;
  }
}
