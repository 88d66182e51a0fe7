package dev.tollgate.model;

import java.util.List;
import java.util.function.Supplier;

/**
 * A model of a system's users: the model's own state, each user's finite-state machine, the
 * commands that are its transitions, and the invariants that hold after every step.
 *
 * <p>{@code M} is the model state (an immutable value, made fresh for each program by the
 * initial-state supplier); {@code S} is the client through which one user talks to the system.
 */
public final class Model<M, S> {
  private final String name;
  private final Supplier<M> initialState;
  private final List<String> userStates;
  private final List<Command<M, S>> commands;
  private final List<NamedInvariant<M, S>> invariants;
  private final List<FlagDimension> flags;

  Model(
      String name,
      Supplier<M> initialState,
      List<String> userStates,
      List<Command<M, S>> commands,
      List<NamedInvariant<M, S>> invariants) {
    this(name, initialState, userStates, commands, invariants, List.of());
  }

  Model(
      String name,
      Supplier<M> initialState,
      List<String> userStates,
      List<Command<M, S>> commands,
      List<NamedInvariant<M, S>> invariants,
      List<FlagDimension> flags) {
    this.name = name;
    this.initialState = initialState;
    this.userStates = List.copyOf(userStates);
    this.commands = List.copyOf(commands);
    this.invariants = List.copyOf(invariants);
    this.flags = List.copyOf(flags);
  }

  /** Starts a model named {@code name}, whose users talk to the system through an {@code S}. */
  public static <M, S> ModelBuilder<M, S> define(
      String name, Class<S> clientType, Supplier<M> initialState) {
    return new ModelBuilder<>(name, initialState);
  }

  /** As {@link #define(String, Class, Supplier)}, with the client type given as type witness. */
  public static <M, S> ModelBuilder<M, S> define(String name, Supplier<M> initialState) {
    return new ModelBuilder<>(name, initialState);
  }

  public String name() {
    return name;
  }

  public M initialState() {
    return initialState.get();
  }

  /** The states of each user's machine; the first is where every user starts. */
  public List<String> userStates() {
    return userStates;
  }

  public List<Command<M, S>> commands() {
    return commands;
  }

  public List<NamedInvariant<M, S>> invariants() {
    return invariants;
  }

  /** The flags programs vary along, program flags and user flags, in declared order. */
  public List<FlagDimension> flags() {
    return flags;
  }

  /** An invariant and the name reports give it. */
  public record NamedInvariant<M, S>(String name, Invariant<M, S> check) {}
}
