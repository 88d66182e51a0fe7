package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds a {@link Model}, and checks it for mistakes that can be seen without running it. */
public final class ModelBuilder<M, S> {
  private static final String DEFAULT_STATE = "active";

  private final String name;
  private final Supplier<M> initialState;
  private final List<String> userStates = new ArrayList<>();
  private final List<CommandSpec<M, S>> commands = new ArrayList<>();
  private final List<Model.NamedInvariant<M, S>> invariants = new ArrayList<>();
  private final List<FlagDimension> flags = new ArrayList<>();

  ModelBuilder(String name, Supplier<M> initialState) {
    this.name = Objects.requireNonNull(name, "name");
    this.initialState = Objects.requireNonNull(initialState, "initialState");
  }

  /** The states of each user's machine (names or enum constants); the first is the initial one. */
  public ModelBuilder<M, S> userStates(Object... states) {
    userStates.addAll(Command.statesOf(states));
    return this;
  }

  /** The states of each user's machine, from an enum; its first constant is the initial one. */
  public <E extends Enum<E>> ModelBuilder<M, S> userStates(Class<E> states) {
    return userStates((Object[]) states.getEnumConstants());
  }

  /** Adds a command built by {@code spec} from a fresh builder named {@code commandName}. */
  public ModelBuilder<M, S> command(
      String commandName, Function<CommandBuilder<M, S, Void>, ? extends CommandSpec<M, S>> spec) {
    commands.add(spec.apply(new CommandBuilder<>(commandName)));
    return this;
  }

  /** Adds commands built elsewhere (shared machines from {@code fsm-models}, say). */
  @SafeVarargs
  public final ModelBuilder<M, S> commands(CommandSpec<M, S>... specs) {
    commands.addAll(Arrays.asList(specs));
    return this;
  }

  /** Adds commands built elsewhere (a machine's {@code commands()}, say). */
  public ModelBuilder<M, S> commands(java.util.Collection<? extends CommandSpec<M, S>> specs) {
    commands.addAll(specs);
    return this;
  }

  /** Adds a check that must hold after every step. */
  public ModelBuilder<M, S> invariant(String invariantName, Invariant<M, S> check) {
    invariants.add(new Model.NamedInvariant<>(invariantName, Objects.requireNonNull(check)));
    return this;
  }

  /**
   * A feature flag that each program draws on or off, like any other choice, so programs cover
   * both sides in one run. {@code apply} makes the running system see the program's value (a
   * flag-service stub, say); it runs after every reset, before the first step.
   */
  public ModelBuilder<M, S> programFlag(String flagName, FlagDimension.FlagSetter apply) {
    return flag(new FlagDimension(requireFlagName(flagName), false, 50, apply));
  }

  /**
   * A user attribute that flags target (staff or not, say), drawn for each user of each program:
   * on for about half of them. The model reads it from {@code user.flags().on(name)}, and makes
   * the system agree (a staff user registers under a staff name, say).
   */
  public ModelBuilder<M, S> userFlag(String flagName) {
    return flag(new FlagDimension(requireFlagName(flagName), true, 50, on -> {}));
  }

  /**
   * A percentage rollout: a user flag that is on for about {@code percentOn} percent of users
   * (1 to 99). Shrinking still prefers it off.
   */
  public ModelBuilder<M, S> userFlag(String flagName, int percentOn) {
    if (percentOn < 1 || percentOn > 99) {
      throw new TollgateConfigurationException(
          "Flag '" + flagName + "': expected a rollout percentage from 1 to 99, but found "
              + percentOn + ". A flag on for everyone or no one needs no dimension: drop it.");
    }
    return flag(new FlagDimension(requireFlagName(flagName), true, percentOn, on -> {}));
  }

  private ModelBuilder<M, S> flag(FlagDimension flag) {
    for (FlagDimension earlier : flags) {
      if (earlier.name().equals(flag.name())) {
        throw new TollgateConfigurationException(
            "Model '" + name + "' declares flag '" + flag.name() + "' twice. Expected unique"
                + " flag names, since users and reports tell flags apart by name; rename one.");
      }
    }
    flags.add(flag);
    return this;
  }

  private String requireFlagName(String flagName) {
    if (flagName == null || flagName.isBlank()) {
      throw new TollgateConfigurationException(
          "Model '" + name + "' declares a flag without a name; name it, e.g."
              + " .userFlag(\"staff\").");
    }
    return flagName;
  }

  /** Checks the model and builds it; a mistake gives one error naming the element at fault. */
  public Model<M, S> build() {
    if (commands.isEmpty()) {
      throw new TollgateConfigurationException(
          "Model '" + name + "' has no commands. Expected at least one, e.g."
              + " .command(\"add_todo\", c -> c.with(Gen.strings()).run((client, title) ->"
              + " client.add(title))).");
    }
    List<Command<M, S>> built = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (CommandSpec<M, S> spec : commands) {
      Command<M, S> command = spec.toCommand();
      Integer earlier = seen.putIfAbsent(command.name(), built.size() + 1);
      if (earlier != null) {
        throw new TollgateConfigurationException(
            "Model '" + name + "' has two commands named '" + command.name() + "' (commands "
                + earlier + " and " + (built.size() + 1) + "). Expected unique names, since"
                + " reports, statistics and shrinking tell commands apart by name; rename one.");
      }
      built.add(command);
    }
    List<String> states = userStates.isEmpty() ? List.of(DEFAULT_STATE) : userStates;
    Set<String> known = new LinkedHashSet<>(states);
    if (known.size() != states.size()) {
      throw new TollgateConfigurationException(
          "Model '" + name + "' declares a user state twice: " + states + ". Expected distinct"
              + " names.");
    }
    for (Command<M, S> command : built) {
      for (String state : command.from()) {
        requireKnown(command, "from", state, known);
      }
      for (String state : command.targets()) {
        requireKnown(command, "to", state, known);
      }
    }
    for (Model.NamedInvariant<M, S> invariant : invariants) {
      if (invariant.name() == null || invariant.name().isBlank()) {
        throw new TollgateConfigurationException(
            "Model '" + name + "' has an invariant without a name; name it, e.g."
                + " .invariant(\"counts match\", (model, users) -> ...).");
      }
    }
    return new Model<>(name, initialState, states, built, invariants, flags);
  }

  private void requireKnown(Command<M, S> command, String where, String state, Set<String> known) {
    if (!known.contains(state)) {
      String declared =
          userStates.isEmpty()
              ? "The model declares no user states; declare them with .userStates(...)."
              : "Declared states: " + known + ".";
      throw new TollgateConfigurationException(
          "Command '" + command.name() + "' goes " + where + " the unknown user state '" + state
              + "'. " + declared + " Fix the transition or add the state to .userStates(...).");
    }
  }
}
