package dev.tollgate.internal.program;

import dev.tollgate.model.Command;
import dev.tollgate.model.Flags;
import dev.tollgate.model.User;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks every interleaving of a parallel program's branches from the state after its prefix, as
 * PropEr's and QuickCheck's {@code parallel_commands} do to keep generated branches valid: each
 * branch step must be enabled in every state any interleaving reaches it in. States met at the
 * same positions are merged, so branches of a few steps stay cheap to walk.
 */
final class Interleavings<M, S> {
  /** The model operations the walk needs, with the generator's error handling. */
  interface Model<M, S> {
    boolean enabled(Command<M, S> command, M state, User user, int index);

    M update(Command<M, S> command, M state, InterleavedCall call);

    String nextState(Command<M, S> command, M state, InterleavedCall call);
  }

  /** A model state and every user's machine state, as values. */
  record Point<M>(M model, List<String> users) {
    /** User {@code index} in this point's machine state, with the flags it has in the program. */
    User user(int index, Flags flags) {
      return new User(index, users.get(index), flags);
    }
  }

  private final Model<M, S> model;

  Interleavings(Model<M, S> model) {
    this.model = model;
  }

  /**
   * The states that interleavings reach with branch {@code branch} complete and the others at any
   * position, if every step on the way was enabled; null if some interleaving meets a step that
   * is not enabled.
   */
  Set<Point<M>> statesAfter(Point<M> start, List<List<Step<M, S>>> branches, int branch) {
    Set<Point<M>> found = new HashSet<>();
    return walk(start, branches, branch, found) ? found : null;
  }

  /** Whether every step of every branch is enabled in every interleaving. */
  boolean valid(Point<M> start, List<List<Step<M, S>>> branches) {
    return walk(start, branches, -1, new HashSet<>());
  }

  private record Node<M>(List<Integer> positions, Point<M> point) {}

  private boolean walk(Point<M> start, List<List<Step<M, S>>> branches, int target,
      Set<Point<M>> found) {
    int n = branches.size();
    Set<Node<M>> seen = new HashSet<>();
    Deque<Node<M>> todo = new ArrayDeque<>();
    Node<M> first = new Node<>(zeros(n), start);
    todo.push(first);
    seen.add(first);
    while (!todo.isEmpty()) {
      Node<M> node = todo.pop();
      if (target >= 0 && node.positions().get(target) == branches.get(target).size()) {
        found.add(node.point());
      }
      for (int b = 0; b < n; b++) {
        int at = node.positions().get(b);
        if (at == branches.get(b).size()) {
          continue;
        }
        Step<M, S> step = branches.get(b).get(at);
        int u = step.user().index();
        User user = node.point().user(u, step.user().flags());
        Command<M, S> command = step.command();
        M state = node.point().model();
        if (!model.enabled(command, state, user, step.step())) {
          return false;
        }
        InterleavedCall call = new InterleavedCall(step, user);
        M next = model.update(command, state, call);
        String[] users = node.point().users().toArray(new String[0]);
        users[u] = model.nextState(command, state, call);
        Integer[] positions = node.positions().toArray(new Integer[0]);
        positions[b] = at + 1;
        Node<M> child = new Node<>(List.of(positions), new Point<>(next, List.of(users)));
        if (seen.add(child)) {
          todo.push(child);
        }
      }
    }
    return true;
  }

  private static List<Integer> zeros(int n) {
    Integer[] z = new Integer[n];
    Arrays.fill(z, 0);
    return List.of(z);
  }
}
