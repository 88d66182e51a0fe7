package dev.tollgate.model;

import dev.tollgate.gen.Gen;
import dev.tollgate.internal.program.Bindings;
import dev.tollgate.model.Functions.ArgumentSource;
import dev.tollgate.model.Functions.CallAction;
import dev.tollgate.model.Functions.Description;
import dev.tollgate.model.Functions.Expectation;
import dev.tollgate.model.Functions.Precondition;
import dev.tollgate.model.Functions.Prediction;
import dev.tollgate.model.Functions.Update;
import java.util.List;
import java.util.Set;

/**
 * One transition of a user's machine: its precondition, weight, argument generator, action,
 * the references it yields, postcondition, model update and description.
 *
 * <p>Build one with {@link #named(String)} or inside {@link ModelBuilder#command}. The methods
 * below the accessors are what the engine calls; models never need them.
 */
public final class Command<M, S> {
  private final String name;
  private final Set<String> from;
  private final String to;
  private final Prediction<M, Object> toCondition;
  private final String otherwise;
  private final Precondition<M> precondition;
  private final double weight;
  private final ArgumentSource<M, ?> arguments;
  private final CallAction<S, Object, Object> action;
  private final boolean usesClient;
  private final Yields yields;
  private final Expectation<M, Object, Object> expectation;
  private final Update<M, Object> update;
  private final Update<M, Object> consumption;
  private final Description<Object> description;
  private final java.util.function.Function<Call<Object>, ?> partitionKey;

  @SuppressWarnings("unchecked")
  Command(CommandBuilder<M, S, ?> spec, CallAction<S, ?, ?> action, boolean usesClient,
      CommandBuilder.Run<M, S, ?, ?> run) {
    this.name = spec.name;
    this.from = Set.copyOf(spec.from);
    this.to = spec.to;
    this.toCondition = (Prediction<M, Object>) spec.toCondition;
    this.otherwise = spec.otherwise;
    Precondition<M> declared = spec.precondition;
    Precondition<M> argument = spec.argumentPrecondition;
    this.precondition = (model, user) -> argument.test(model, user) && declared.test(model, user);
    this.consumption = spec.consumption;
    this.weight = spec.weight;
    this.arguments = spec.arguments;
    this.action = (CallAction<S, Object, Object>) action;
    this.usesClient = usesClient;
    this.yields = run.yields;
    this.expectation = (Expectation<M, Object, Object>) run.expectation;
    this.update = (Update<M, Object>) run.update;
    this.description = (Description<Object>) run.description;
    this.partitionKey = (java.util.function.Function<Call<Object>, ?>) (Object) run.partitionKey;
  }

  /** Starts a command that can be shared between models. */
  public static <M, S> CommandBuilder<M, S, Void> named(String name) {
    return new CommandBuilder<>(name);
  }

  public String name() {
    return name;
  }

  /** The user states in which this command may run; empty means any. */
  public Set<String> from() {
    return from;
  }

  /**
   * The user state after this command, or {@code null} when it stays or its end depends on the
   * call ({@code toWhen(..)}); {@link #targets()} has every state it may go to.
   */
  public String to() {
    return toCondition == null ? to : null;
  }

  /** Every user state this command may lead to: none when it stays, two for {@code toWhen}. */
  public List<String> targets() {
    if (to == null) {
      return List.of();
    }
    return toCondition == null || to.equals(otherwise) ? List.of(to) : List.of(to, otherwise);
  }

  /** How often this command is picked relative to others; 0 means never. */
  public double weight() {
    return weight;
  }

  /** Whether the command makes a {@link Ref}. */
  public boolean yieldsRef() {
    return yields.any();
  }

  /** The label of the first references this command makes, or null if it makes none. */
  public String refLabel() {
    return yieldsRef() ? yields.labels().get(0) : null;
  }

  /** Whether {@code label}'s references are a list, one step's {@code yieldsEach(label, ..)}. */
  public boolean yieldsList(String label) {
    return yields.list(label);
  }

  /** The labels of the references this command makes, in the order it declares them. */
  public List<String> refLabels() {
    return yields.labels();
  }

  // ---- for the engine ----

  /** Whether the user's machine state and the precondition allow this command now. */
  public boolean enabled(M model, User user) {
    return (from.isEmpty() || from.contains(user.state())) && precondition.test(model, user);
  }

  /**
   * The acting user's state after {@code call}, predicted from the model state before it: see
   * {@code CommandBuilder.toWhen(..)}.
   */
  public String nextState(M before, Call<Object> call) {
    if (to == null) {
      return call.user().state();
    }
    return toCondition == null || toCondition.test(before, call) ? to : otherwise;
  }

  public Gen<?> argumentGen(M model, User user) {
    return arguments.gen(model, user);
  }

  /**
   * The refs the step at {@code step} with argument {@code arg} makes, in slot order from {@code
   * firstSlot}: one per {@code yields}, and for each {@code yieldsEach} as many as the argument
   * asks for.
   */
  public List<Ref<?>> makeRefs(Object programToken, int step, int firstSlot, Object arg) {
    return yields.make(name, programToken, step, firstSlot, arg);
  }

  /** Where {@code ref}'s value lives in its program's binding tables. */
  public static int slotOf(Ref<?> ref) {
    return ref.slot();
  }

  /** Whether the step's action uses the acting user's client; no client is made if not. */
  public boolean usesClient() {
    return usesClient;
  }

  /** Runs the step's action for {@code call}; {@code client} may be null if it uses none. */
  public Object run(S client, Call<Object> call) throws Exception {
    return action.run(client, call);
  }

  /**
   * Binds the step's refs, in {@code bindings}, to the values extracted from the result. A result
   * with no value (an expected 400, say) leaves a ref without one; using it later fails that step.
   */
  public void bind(Bindings bindings, List<Ref<?>> refs, Object result) throws Exception {
    yields.bind(name, bindings, refs, result);
  }

  public void expect(M before, Call<Object> call, Object result) throws Exception {
    if (expectation != null) {
      expectation.check(before, call, result);
    }
  }

  public M update(M before, Call<Object> call) {
    M next = update == null ? before : update.apply(before, call);
    return consumption == null || next == null ? next : consumption.apply(next, call);
  }

  /**
   * The step's partition key, declared with {@code .partitionBy(..)}; empty when the command
   * declares none.
   */
  public java.util.Optional<Object> partitionKey(Call<Object> call) {
    if (partitionKey == null) {
      return java.util.Optional.empty();
    }
    Object key;
    try {
      key = partitionKey.apply(call);
    } catch (RuntimeException e) {
      throw new dev.tollgate.TollgateConfigurationException("Command '" + name + "': its .partitionBy(..) key"
          + " function threw " + e + " for " + describe(call) + ". Expected a key for every step"
          + " of the command (an id, a reference); make the function total, or drop"
          + " .partitionBy(..) so that parallel runs are checked whole.", e);
    }
    if (key == null) {
      throw new dev.tollgate.TollgateConfigurationException("Command '" + name + "': its .partitionBy(..) key"
          + " function returned null for " + describe(call) + ". Expected a non-null key for"
          + " every step of the command (an id, a reference); return one, or drop"
          + " .partitionBy(..) so that parallel runs are checked whole.");
    }
    return java.util.Optional.of(key);
  }

  public String describe(Call<Object> call) {
    return description.describe(call);
  }

  @Override
  public String toString() {
    return name;
  }

  static List<String> statesOf(Object... states) {
    return java.util.Arrays.stream(states).map(States::nameOf).toList();
  }
}
