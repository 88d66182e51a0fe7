package dev.tollgate.internal.program;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Distribution;
import dev.tollgate.gen.Gen;
import dev.tollgate.internal.gen.Unsatisfied;
import dev.tollgate.model.Command;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates programs by walking the model; no system runs. Each program is a pure function of
 * its choices: the same choices give the same program.
 *
 * <p>Choices are laid out so that shrinking edits stay meaningful: optional swarm settings first,
 * then for each step a span of [one more step?, command, user, argument]. A command and a user
 * are recorded as absolute indexes, so deleting an earlier step keeps later steps' meaning where
 * it can; when a recorded command is not enabled any more, the next enabled one is taken.
 */
public final class ProgramGenerator<M, S> {
  /** Swarm weight multipliers; index 0, the simplest, is neutral. */
  private static final int[] SKEW = {4, 16, 1, 40};
  /** In random draws, how often a step repeats the previous command: bursts of adds, say. */
  private static final double STICKY = 0.4;
  private static final Distribution SKEW_SPREAD = Distribution.weighted(40, 20, 20, 20);
  private static final Distribution SWARM_OFF = Distribution.bernoulli(0.3);
  private static final Distribution LENGTH_CLASS = Distribution.weighted(30, 30, 40);
  private static final int[] USER_SKEW = {1, 6};
  private static final Distribution ALWAYS = Distribution.bernoulli(1.0);
  /** With a fractional weight in the model, weights count in hundredths. */
  private static final int FRACTION_SCALE = 100;
  /** How likely a branch goes on after each of its steps: most branches have one to three. */
  private static final Distribution MORE_IN_BRANCH = Distribution.bernoulli(0.6);
  private static final Distribution NEVER = Distribution.bernoulli(0.0);
  /**
   * How often, in random draws, a branch's step repeats the command of the first branch's step at
   * the same place (with the same argument choices, so mostly on the same object): races need two
   * users doing the same thing to the same thing at once, which independent draws rarely give.
   */
  private static final double CONTEND = 0.5;
  /**
   * In the prefix of a parallel program, how much more likely a command is drawn, and a user for
   * it, when it moves a lagging user: one for whom fewer commands are enabled than for another.
   */
  private static final int LAG_LEAN = 6;
  /** How much more likely a branch draws a command that acts on what the prefix made. */
  private static final int SHARED_LEAN = 4;
  /** The least chance that the prefix of a parallel program goes on while some user lags. */
  private static final double GO_ON_WHILE_LAGGING = 0.95;

  private final Model<M, S> model;
  private final List<Command<M, S>> commands;
  private final int users;
  private final int maxSteps;
  private final boolean swarm;
  private final RefCheck refCheck = new RefCheck();
  /** How many user states programs can reach with every command on. */
  private final int reachable;
  /** 1 when every weight is whole, else {@link #FRACTION_SCALE}. */
  private final int weightScale;
  /** At most this many branches after the prefix; below 2, programs are sequential. */
  private final int parallel;
  /** At most this many steps in each branch. */
  private final int branchSteps;
  private final Interleavings<M, S> interleavings;

  public ProgramGenerator(Model<M, S> model, int users, int maxSteps, boolean swarm) {
    this(model, users, maxSteps, swarm, 0, 0);
  }

  /**
   * A generator of parallel programs when {@code parallel} is 2 or more: a prefix of up to
   * {@code maxSteps} steps, then 2 to {@code parallel} branches (at most one per user) of up to
   * {@code branchSteps} steps each, branch {@code b} being user {@code b}'s.
   */
  public ProgramGenerator(Model<M, S> model, int users, int maxSteps, boolean swarm,
      int parallel, int branchSteps) {
    if (parallel >= 2 && users < 2) {
      throw new TollgateConfigurationException("Model '" + model.name() + "': parallel programs"
          + " need a user for each branch, but there is " + users + " user. Expected users of 2"
          + " or more; set users(2) (or @StateMachineTest(users = 2)).");
    }
    if (parallel >= 2 && branchSteps < 1) {
      throw new TollgateConfigurationException("branchSteps = " + branchSteps + ": expected a"
          + " whole number of at least 1.");
    }
    this.parallel = parallel;
    this.branchSteps = branchSteps;
    this.interleavings = new Interleavings<>(new Interleavings.Model<>() {
      @Override
      public boolean enabled(Command<M, S> command, M state, User user, int index) {
        return enabledSafely(command, state, user, index);
      }

      @Override
      public M update(Command<M, S> command, M state, InterleavedCall call) {
        return ProgramGenerator.this.update(command, state, call);
      }

      @Override
      public String nextState(Command<M, S> command, M state, InterleavedCall call) {
        return ProgramGenerator.this.nextState(command, state, call);
      }
    });
    this.model = model;
    this.commands = model.commands();
    this.users = users;
    this.maxSteps = maxSteps;
    this.swarm = swarm;
    this.reachable = reachableStates(new boolean[commands.size()]);
    this.weightScale = weightScale(commands);
  }

  /** How many commands the model has: a step's command choice is an index below it. */
  public int commandCount() {
    return commands.size();
  }

  /** Generates one program from {@code choices}. */
  public Program<M, S> generate(ChoiceRecorder choices) {
    return generate(choices, null);
  }

  /**
   * Generates one program; when {@code everEnabled} is given, marks each command that was enabled
   * for some user at some step (for checking the model).
   */
  public Program<M, S> generate(ChoiceRecorder choices, boolean[] everEnabled) {
    return generate(choices, everEnabled, false);
  }

  /**
   * Generates one program as {@link #generate(ChoiceRecorder, boolean[])} does, and checks the
   * model on it: every update leaves the state it was given untouched, and the same choices give
   * the same program a second time. A model that breaks either gets a configuration error naming
   * the command (see {@link ModelMistakes}).
   */
  public Program<M, S> generateChecked(ChoiceRecorder choices, boolean[] everEnabled) {
    Program<M, S> first = generate(choices, everEnabled, true);
    Program<M, S> second = generate(ChoiceRecorder.replay(first.choices()), null, true);
    ModelMistakes.requireSameProgram(model.name(), first, second);
    return first;
  }

  private Program<M, S> generate(ChoiceRecorder choices, boolean[] everEnabled, boolean checked) {
    int n = commands.size();
    int[] weights = new int[n];
    boolean[] off = new boolean[n];
    for (int i = 0; i < n; i++) {
      int skew = SKEW[0];
      if (swarm) {
        off[i] = choices.choose(2, SWARM_OFF) == 1;
        // Switching off the only way into a state (login, say), or the last maker of a kind of
        // reference (sessions, todos), would leave a whole program idling without what other
        // commands need: such a command stays on, and only its weight varies.
        if (off[i] && (!commands.get(i).targets().isEmpty() && reachableStates(off) < reachable
            || lastMakerOf(i, off))) {
          off[i] = false;
        }
        skew = SKEW[choices.choose(SKEW.length, SKEW_SPREAD)];
        if (lastMakerOf(i, new boolean[n])) {
          // The only maker of its references is never made rarer than the default either.
          skew = Math.max(skew, SKEW[0]);
        }
      }
      weights[i] = off[i] ? 0 : scaled(commands.get(i).weight() * skew);
    }
    int[] userWeights = new int[users];
    for (int u = 0; u < users; u++) {
      userWeights[u] = swarm && users > 1 ? USER_SKEW[choices.choose(2)] : 1;
    }
    double keepGoing =
        switch (choices.choose(3, LENGTH_CLASS)) {
          case 0 -> 1 - 1.0 / 6;
          case 1 -> 1 - 1.0 / 15;
          default -> 1 - 1.0 / (2.0 * maxSteps + 1);
        };
    Distribution more = Distribution.bernoulli(keepGoing);
    ProgramFlags flags = ProgramFlags.draw(model.flags(), users, choices);

    Object token = new Object();
    M state = model.initialState();
    String[] userStates = new String[users];
    java.util.Arrays.fill(userStates, model.userStates().get(0));
    User[] people = new User[users];
    boolean[][] enabled = new boolean[n][users];
    int[] stepWeights = new int[n];
    List<Step<M, S>> steps = new ArrayList<>();
    List<int[]> stepSpans = new ArrayList<>();
    int previous = -1;
    int stoppedAt = -1;
    int slots = 0;

    for (int index = 0; index < maxSteps; index++) {
      for (int u = 0; u < users; u++) {
        people[u] = new User(u, userStates[u], flags.of(u));
      }
      boolean any = false;
      boolean anyWeighted = false;
      for (int i = 0; i < n; i++) {
        Command<M, S> command = commands.get(i);
        boolean forSomeone = false;
        for (int u = 0; u < users; u++) {
          boolean on = command.weight() > 0 && enabledSafely(command, state, people[u], index);
          enabled[i][u] = on;
          forSomeone |= on;
        }
        if (forSomeone && everEnabled != null) {
          everEnabled[i] = true;
        }
        any |= forSomeone;
        stepWeights[i] = forSomeone ? weights[i] : 0;
        anyWeighted |= stepWeights[i] > 0;
      }
      if (!any) {
        if (index == 0) {
          throw nothingEnabledAtStart(people);
        }
        break;
      }
      if (!anyWeighted) {
        for (int i = 0; i < n; i++) {
          stepWeights[i] = rowEnabled(enabled[i]) ? 1 : 0;
        }
      }
      // Before parallel branches, the prefix brings every user along: a user who can do less than
      // another (still logged out, say) would have little to race with in its branch.
      boolean[] lagging = parallel >= 2 ? lagging(enabled) : null;
      int[] pickUsers = userWeights;
      Distribution stop = more;
      if (lagging != null) {
        pickUsers = userWeights.clone();
        for (int u = 0; u < users; u++) {
          pickUsers[u] *= lagging[u] ? LAG_LEAN : 1;
        }
        for (int i = 0; i < n; i++) {
          stepWeights[i] *= anyOf(enabled[i], lagging) ? LAG_LEAN : 1;
        }
        stop = Distribution.bernoulli(Math.max(keepGoing, GO_ON_WHILE_LAGGING));
      }
      int spanStart = choices.position();
      choices.beginSpan(ChoiceRecorder.STEP);
      // Fresh programs always take a first step; only shrinking can make an empty one.
      if (choices.choose(2, index == 0 ? ALWAYS : stop) == 0) {
        choices.endSpan();
        stoppedAt = spanStart;
        break;
      }
      Distribution pick = Distribution.weighted(stepWeights);
      if (previous >= 0 && stepWeights[previous] > 0) {
        int prev = previous;
        Distribution base = pick;
        pick = (bound, random) -> random.nextDouble() < STICKY ? prev : base.draw(bound, random);
      }
      int at = choices.position();
      int c = nextEnabled(choices.choose(n, pick), enabled);
      choices.resolve(at, c);
      previous = c;
      Command<M, S> command = commands.get(c);
      at = choices.position();
      int u = nextUser(choices.choose(users, usersOf(enabled[c], pickUsers)), enabled[c]);
      choices.resolve(at, u);
      User user = people[u];

      choices.beginSpan(ChoiceRecorder.ARGUMENT);
      Object arg = argument(command, state, user, index, choices);
      choices.endSpan();
      refCheck.check(arg, token, index, command.name());

      List<dev.tollgate.model.Ref<?>> refs = command.makeRefs(token, index, slots, arg);
      slots += refs.size();
      Step<M, S> step = new Step<>(index, user, command, arg, refs, state);
      String untouched = checked ? ModelMistakes.describe(state) : null;
      M before = state;
      state = update(command, before, step);
      if (checked) {
        ModelMistakes.requireUntouched(command.name(), index, untouched, before);
      }
      userStates[u] = nextState(command, before, step);
      step.finish(state, userStates[u]);
      steps.add(step);
      choices.endSpan();
      stepSpans.add(new int[] {spanStart, choices.position()});
    }
    if (parallel < 2) {
      return new Program<>(token, users, steps, choices).withFlags(flags);
    }
    int prefixEnd = stoppedAt >= 0 ? stoppedAt : choices.position();
    if (stoppedAt < 0) {
      // The prefix ended without its stop choice (at maxSteps, or with nothing enabled): one is
      // recorded anyway, so that deleting a prefix step while shrinking leaves the branches'
      // choices where they were.
      choices.choose(2, NEVER);
    }
    return withBranches(token, state, userStates, steps, stepSpans, prefixEnd, slots, weights,
        everEnabled, checked, choices, flags);
  }

  /**
   * The branches of a parallel program, after its prefix ends in {@code state}: a command joins a
   * branch only if it is enabled in every interleaving with the other branches, and the branches
   * so far stay valid in every interleaving with it (else the branch ends there). Its argument
   * comes from the state of its branch run alone after the prefix, so it takes references only
   * from the prefix and from its own branch.
   */
  private Program<M, S> withBranches(Object token, M state, String[] userStates,
      List<Step<M, S>> prefix, List<int[]> stepSpans, int prefixEnd, int slots, int[] weights,
      boolean[] everEnabled, boolean checked, ChoiceRecorder choices, ProgramFlags flags) {
    int n = commands.size();
    int countAt = choices.position();
    int count = 2 + choices.choose(Math.min(parallel, users) - 1);
    Interleavings.Point<M> start = new Interleavings.Point<>(state, List.of(userStates));
    List<List<Step<M, S>>> branches = new ArrayList<>();
    List<int[]> branchSpans = new ArrayList<>();
    int index = prefix.size();
    int[] ones = new int[users];
    java.util.Arrays.fill(ones, 1);
    // The first branch's steps, which later branches' steps lean towards.
    List<Contender> contenders = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<Step<M, S>> branch = new ArrayList<>();
      branches.add(branch);
      int branchStart = choices.position();
      choices.beginSpan(ChoiceRecorder.OTHER);
      M alone = state;
      String[] aloneUsers = userStates.clone();
      boolean stopped = false;
      for (int k = 0; k < branchSteps; k++) {
        Set<Interleavings.Point<M>> reached = interleavings.statesAfter(start, branches, b);
        boolean[][] enabled = new boolean[n][users];
        int[] stepWeights = new int[n];
        boolean any = false;
        boolean anyWeighted = false;
        for (int i = 0; i < n; i++) {
          Command<M, S> command = commands.get(i);
          boolean on = command.weight() > 0 && reached != null;
          for (Interleavings.Point<M> point : on ? reached : Set.<Interleavings.Point<M>>of()) {
            if (!enabledSafely(command, point.model(), point.user(b, flags.of(b)), index)) {
              on = false;
              break;
            }
          }
          enabled[i][b] = on;
          if (on && everEnabled != null) {
            everEnabled[i] = true;
          }
          any |= on;
          stepWeights[i] = on ? weights[i] : 0;
          anyWeighted |= stepWeights[i] > 0;
        }
        if (!any) {
          break;
        }
        if (!anyWeighted) {
          for (int i = 0; i < n; i++) {
            stepWeights[i] = enabled[i][b] ? 1 : 0;
          }
        }
        int spanStart = choices.position();
        choices.beginSpan(ChoiceRecorder.STEP);
        if (choices.choose(2, k == 0 ? ALWAYS : MORE_IN_BRANCH) == 0) {
          choices.endSpan();
          stopped = true;
          break;
        }
        Contender mirror = b > 0 && k < contenders.size() ? contenders.get(k) : null;
        int at = choices.position();
        Distribution pick = leaningToShared(
            stepWeights, alone, new User(b, aloneUsers[b], flags.of(b)), prefix.size(), index);
        int c = nextEnabled(choices.choose(n, contended(pick,
            mirror == null || !enabled[mirror.command()][b] ? -1 : mirror.command())), enabled);
        choices.resolve(at, c);
        Command<M, S> command = commands.get(c);
        // The user is a choice too, though a branch has one, so that a step moved into the
        // prefix keeps its user.
        at = choices.position();
        choices.choose(users, usersOf(enabled[c], ones));
        choices.resolve(at, b);
        User user = new User(b, aloneUsers[b], flags.of(b));
        choices.beginSpan(ChoiceRecorder.ARGUMENT);
        int argumentAt = choices.position();
        // The same command as the first branch's step here: its argument, drawn fresh, takes the
        // same choices, so both act on the same reference from the prefix.
        choices.prefer(mirror != null && mirror.command() == c ? mirror.argument() : null);
        Object arg = argument(command, alone, user, index, choices);
        choices.prefer(null);
        int argumentEnd = choices.position();
        choices.endSpan();
        refCheck.check(arg, token, index, command.name());
        // A step the branch drops below gives its slots back to the next one.
        List<dev.tollgate.model.Ref<?>> refs = command.makeRefs(token, index, slots, arg);
        Step<M, S> step = new Step<>(index, user, command, arg, refs, alone);
        String untouched = checked ? ModelMistakes.describe(alone) : null;
        M after = update(command, alone, step);
        if (checked) {
          ModelMistakes.requireUntouched(command.name(), index, untouched, alone);
        }
        String userAfter = nextState(command, alone, step);
        step.finish(after, userAfter);
        branch.add(step);
        choices.endSpan();
        if (!interleavings.valid(start, branches)) {
          // With this step some interleaving would run another branch's step where it is not
          // enabled: the branch ends before it.
          branch.remove(branch.size() - 1);
          break;
        }
        stepSpans.add(new int[] {spanStart, choices.position()});
        if (b == 0) {
          contenders.add(new Contender(c, choices.choices(argumentAt, argumentEnd)));
        }
        slots += refs.size();
        alone = after;
        aloneUsers[b] = userAfter;
        index++;
      }
      if (!stopped) {
        // As for the prefix: a branch always ends with its stop choice.
        choices.choose(2, NEVER);
      }
      choices.endSpan();
      branchSpans.add(new int[] {branchStart, choices.position()});
    }
    return new Program<>(token, users, prefix, branches,
        new Program.Layout(prefixEnd, countAt, branchSpans), stepSpans, choices).withFlags(flags);
  }

  /**
   * {@code stepWeights}, with the commands whose argument takes a reference from the prefix
   * {@link #SHARED_LEAN} times as likely: what the prefix made is what the branches share, so
   * acting on it is how two users meet. Each command's argument is drawn once aside, from choices
   * of its own, so the program's choices are untouched; and only when a draw is random, so
   * replaying a program (as shrinking does for every candidate) draws nothing aside.
   */
  private Distribution leaningToShared(
      int[] stepWeights, M state, User user, int prefixSteps, int index) {
    int[] base = stepWeights.clone();
    return (bound, random) -> {
      int[] leaning = base.clone();
      for (int i = 0; i < leaning.length; i++) {
        if (leaning[i] > 0 && takesPrefixRef(commands.get(i), state, user, prefixSteps, index)) {
          leaning[i] *= SHARED_LEAN;
        }
      }
      return Distribution.weighted(leaning).draw(bound, random);
    };
  }

  private static <M, S> boolean takesPrefixRef(
      Command<M, S> command, M state, User user, int prefixSteps, int index) {
    try {
      Object arg = command.argumentGen(state, user)
          .generate(ChoiceRecorder.random(31L * index + command.name().hashCode()));
      return RefCheck.takesRefOfFirst(arg, prefixSteps);
    } catch (RuntimeException e) {
      // A generator that gives nothing here tells nothing; the real draw reports its errors.
      return false;
    }
  }

  /** A step of the first branch: its command and its argument's choices. */
  private record Contender(int command, int[] argument) {}

  /** {@code base}, or in {@link #CONTEND} of random draws {@code mirrored} (if 0 or more). */
  private static Distribution contended(Distribution base, int mirrored) {
    if (mirrored < 0) {
      return base;
    }
    return (bound, random) -> random.nextDouble() < CONTEND ? mirrored : base.draw(bound, random);
  }

  /** Whether command {@code i} makes a kind of reference that no other command still on makes. */
  private boolean lastMakerOf(int i, boolean[] off) {
    for (String label : commands.get(i).refLabels()) {
      boolean another = false;
      for (int j = 0; j < commands.size() && !another; j++) {
        another = j != i && !off[j] && commands.get(j).weight() > 0
            && commands.get(j).refLabels().contains(label);
      }
      if (!another) {
        return true;
      }
    }
    return false;
  }

  /**
   * A weight as an integer for the draw: whole weights as they are (so whole-weight models draw
   * exactly as before fractions existed), fractions kept to a hundredth; never 0 unless 0.
   */
  private int scaled(double weight) {
    if (weight <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 64, Math.round(weight * weightScale)));
  }

  private static int weightScale(List<? extends Command<?, ?>> commands) {
    for (Command<?, ?> command : commands) {
      if (command.weight() != Math.rint(command.weight())) {
        return FRACTION_SCALE;
      }
    }
    return 1;
  }

  /** How many user states can be reached from the first through commands not {@code off}. */
  private int reachableStates(boolean[] off) {
    Set<String> reached = new HashSet<>();
    reached.add(model.userStates().get(0));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int i = 0; i < commands.size(); i++) {
        Command<M, S> command = commands.get(i);
        boolean opens = !off[i] && command.weight() > 0
            && (command.from().isEmpty() || !Collections.disjoint(command.from(), reached));
        if (opens) {
          for (String target : command.targets()) {
            grew |= reached.add(target);
          }
        }
      }
    }
    return reached.size();
  }

  private boolean enabledSafely(Command<M, S> command, M state, User user, int index) {
    try {
      return command.enabled(state, user);
    } catch (TollgateConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ModelMistakes.threw("the precondition", command.name(), index, user, state, e);
    }
  }

  private Object argument(
      Command<M, S> command, M state, User user, int index, ChoiceRecorder choices) {
    try {
      Gen<?> gen = command.argumentGen(state, user);
      return gen.generate(choices);
    } catch (Unsatisfied e) {
      throw new Unsatisfied(
          "the argument generator of command '" + command.name() + "' gave no value: "
              + e.getMessage());
    } catch (TollgateConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ModelMistakes.threw("the argument generator", command.name(), index, user, state, e);
    }
  }

  private String nextState(Command<M, S> command, M before, dev.tollgate.model.Call<Object> step) {
    try {
      return command.nextState(before, step);
    } catch (TollgateConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ModelMistakes.threw(
          "the transition (toWhen)", command.name(), step.step(), step.user(), before, e);
    }
  }

  private M update(Command<M, S> command, M state, dev.tollgate.model.Call<Object> step) {
    M next;
    try {
      next = command.update(state, step);
    } catch (TollgateConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ModelMistakes.threw(
          "the model update", command.name(), step.step(), step.user(), state, e);
    }
    if (next == null) {
      throw new TollgateConfigurationException(
          "The model update of command '" + command.name() + "' returned null. Expected the"
              + " next model state; return the old one if nothing changes.");
    }
    return next;
  }

  private static boolean rowEnabled(boolean[] row) {
    for (boolean b : row) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  private static int nextEnabled(int wanted, boolean[][] enabled) {
    int n = enabled.length;
    for (int k = 0; k < n; k++) {
      int i = (wanted + k) % n;
      if (rowEnabled(enabled[i])) {
        return i;
      }
    }
    throw new IllegalStateException("no enabled command");
  }

  private static int nextUser(int wanted, boolean[] enabled) {
    int n = enabled.length;
    for (int k = 0; k < n; k++) {
      int u = (wanted + k) % n;
      if (enabled[u]) {
        return u;
      }
    }
    throw new IllegalStateException("no enabled user");
  }

  /**
   * The users for whom fewer commands are enabled than for the user with the most, or null when
   * none lags.
   */
  private static boolean[] lagging(boolean[][] enabled) {
    int users = enabled.length == 0 ? 0 : enabled[0].length;
    int[] count = new int[users];
    int most = 0;
    for (boolean[] row : enabled) {
      for (int u = 0; u < users; u++) {
        count[u] += row[u] ? 1 : 0;
      }
    }
    for (int c : count) {
      most = Math.max(most, c);
    }
    boolean[] lagging = new boolean[users];
    boolean any = false;
    for (int u = 0; u < users; u++) {
      lagging[u] = count[u] < most;
      any |= lagging[u];
    }
    return any ? lagging : null;
  }

  private static boolean anyOf(boolean[] enabled, boolean[] lagging) {
    for (int u = 0; u < enabled.length; u++) {
      if (enabled[u] && lagging[u]) {
        return true;
      }
    }
    return false;
  }

  private static Distribution usersOf(boolean[] enabled, int[] weights) {
    int[] w = new int[enabled.length];
    for (int u = 0; u < w.length; u++) {
      w[u] = enabled[u] ? weights[u] : 0;
    }
    return Distribution.weighted(w);
  }

  private TollgateConfigurationException nothingEnabledAtStart(User[] people) {
    StringBuilder why = new StringBuilder();
    for (Command<M, S> command : commands) {
      why.append("\n  - ").append(command.name()).append(": ");
      if (command.weight() == 0) {
        why.append("weight 0");
      } else if (!command.from().isEmpty() && !command.from().contains(people[0].state())) {
        why.append("runs only from ").append(command.from());
      } else {
        why.append("its precondition is false");
      }
    }
    return new TollgateConfigurationException(
        "Model '" + model.name() + "': no command is enabled at the first step, so no program"
            + " can be generated. Users start in state '" + people[0].state() + "' with the"
            + " model's initial state. Expected at least one command whose precondition holds"
            + " there:" + why);
  }
}
