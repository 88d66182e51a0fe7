package dev.tollgate.internal.program;

import dev.tollgate.model.Command;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Searches for programs that enable commands random programs never enabled, before the check
 * declares them unreachable. A command deep in a chain (it needs an owner, a pet of the owner and
 * a visit of the pet first) is rare among random programs, but a breadth-first search over
 * programs finds it: each level extends the programs of the level before by one step of every
 * command enabled at their end, keeps those that lead somewhere new (a new mix of commands and
 * user states), and goes on from the ones that enable the most commands. Every candidate is an
 * ordinary program, generated from choices through the model (all commands on, neutral weights),
 * so whatever it reaches a random program can reach too.
 */
public final class ReachabilitySearch<M, S> {
  /** How many programs each level goes on from. */
  private static final int WIDTH = 24;

  private final Model<M, S> model;
  private final ProgramGenerator<M, S> generator;
  private final List<Command<M, S>> commands;
  private final int users;
  private final int maxSteps;

  public ReachabilitySearch(Model<M, S> model, ProgramGenerator<M, S> generator, int users, int maxSteps) {
    this.model = model;
    this.generator = generator;
    this.commands = model.commands();
    this.users = users;
    this.maxSteps = maxSteps;
  }

  /** What a search found: how many programs it generated, and the shortest program per command reached (by index). */
  public record Result(int programs, int[] firstDepth) { }

  /**
   * Generates at most {@code budget} programs, marking in {@code everEnabled} each command that
   * some step of them enabled, until every weighted command is marked.
   */
  public Result search(boolean[] everEnabled, long seed, int budget) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] firstDepth = new int[commands.size()];
    Arrays.fill(firstDepth, -1);
    Program<M, S> empty = generator.generate(ChoiceRecorder.replay(new int[0]), everEnabled);
    List<int[]> spans = empty.stepSpans();
    int header = spans.isEmpty() ? empty.choices().length : spans.get(0)[0];
    List<Node<M>> level = List.of(new Node<>(Arrays.copyOf(empty.choices(), header), model.initialState(),
        initialUserStates(), new int[commands.size()], 0));
    Set<String> seen = new HashSet<>();
    int programs = 1;
    for (int depth = 0; depth < maxSteps && !level.isEmpty() && !allEnabled(everEnabled); depth++) {
      List<Node<M>> next = new ArrayList<>();
      for (Node<M> node : level) {
        for (int c = 0; c < commands.size() && programs < budget; c++) {
          int u = userFor(commands.get(c), node, random);
          if (u < 0) {
            continue;
          }
          int[] prefix = Arrays.copyOf(node.choices, node.choices.length + 3);
          prefix[node.choices.length] = 1;
          prefix[node.choices.length + 1] = c;
          prefix[node.choices.length + 2] = u;
          boolean[] before = everEnabled.clone();
          Program<M, S> program = generator.generate(ChoiceRecorder.extend(prefix, random.nextLong()), everEnabled);
          programs++;
          for (int i = 0; i < before.length; i++) {
            if (!before[i] && everEnabled[i] && firstDepth[i] < 0) {
              firstDepth[i] = depth + 1;
            }
          }
          if (program.size() <= depth || program.steps().get(depth).command() != commands.get(c)) {
            continue;
          }
          Node<M> child = node.then(program, depth, c);
          if (seen.add(child.key())) {
            next.add(child);
          }
        }
        if (programs >= budget) {
          return new Result(programs, firstDepth);
        }
      }
      for (Node<M> child : next) {
        child.score = enabledCount(child);
      }
      next.sort(Comparator.comparingInt((Node<M> n) -> -n.score));
      level = next.size() > WIDTH ? next.subList(0, WIDTH) : next;
    }
    return new Result(programs, firstDepth);
  }

  private String[] initialUserStates() {
    String[] states = new String[users];
    Arrays.fill(states, model.userStates().get(0));
    return states;
  }

  private boolean allEnabled(boolean[] everEnabled) {
    for (int i = 0; i < everEnabled.length; i++) {
      if (!everEnabled[i] && commands.get(i).weight() > 0) {
        return false;
      }
    }
    return true;
  }

  /** A user for whom {@code command} is enabled at the node's end, picked at random; -1 if none. */
  private int userFor(Command<M, S> command, Node<M> node, SplittableRandom random) {
    if (command.weight() == 0) {
      return -1;
    }
    int start = random.nextInt(users);
    for (int k = 0; k < users; k++) {
      int u = (start + k) % users;
      if (enabled(command, node, u)) {
        return u;
      }
    }
    return -1;
  }

  private boolean enabled(Command<M, S> command, Node<M> node, int u) {
    try {
      return command.enabled(node.state, new User(u, node.userStates[u]));
    } catch (RuntimeException e) {
      // The generator reports a throwing precondition with its context; the search only skips it.
      return false;
    }
  }

  private int enabledCount(Node<M> node) {
    int count = 0;
    for (Command<M, S> command : commands) {
      for (int u = 0; u < users; u++) {
        if (command.weight() > 0 && enabled(command, node, u)) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  /** A program prefix the search goes on from, with where it leaves the model. */
  private static final class Node<M> {
    final int[] choices;
    final M state;
    final String[] userStates;
    final int[] counts;
    final int depth;
    int score;

    Node(int[] choices, M state, String[] userStates, int[] counts, int depth) {
      this.choices = choices;
      this.state = state;
      this.userStates = userStates;
      this.counts = counts;
      this.depth = depth;
    }

    /** The node after step {@code depth} of {@code program}, which ran command {@code c}. */
    Node<M> then(Program<M, ?> program, int depth, int c) {
      Step<M, ?> step = program.steps().get(depth);
      int end = program.stepSpans().get(depth)[1];
      String[] states = userStates.clone();
      states[step.user().index()] = step.userStateAfter();
      int[] more = counts.clone();
      more[c]++;
      return new Node<>(Arrays.copyOf(program.choices(), end), step.after(), states, more, depth + 1);
    }

    /** Programs that ran the same commands as often, leaving the users in the same states, count as one. */
    String key() {
      return Arrays.toString(userStates) + Arrays.toString(counts);
    }
  }
}
