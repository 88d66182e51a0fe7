package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.model.Functions.Action;
import dev.tollgate.model.Functions.CallAction;
import dev.tollgate.model.Functions.Effect;
import dev.tollgate.model.Functions.StepCheck;
import dev.tollgate.model.Functions.ArgumentSource;
import dev.tollgate.model.Functions.Description;
import dev.tollgate.model.Functions.Expectation;
import dev.tollgate.model.Functions.Extractor;
import dev.tollgate.model.Functions.Precondition;
import dev.tollgate.model.Functions.Prediction;
import dev.tollgate.model.Functions.Update;
import dev.tollgate.model.Functions.Value;
import dev.tollgate.model.Functions.Values;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Builds a {@link Command}. Reads as a sentence: {@code from(..)}, {@code when(..)}, {@code
 * with(..)}, then {@code run(..)}, whose result offers {@code yields(..)}, {@code expect(..)} and
 * {@code update(..)}.
 *
 * @param <A> the type of the command's argument ({@code Void} when it takes none)
 */
public final class CommandBuilder<M, S, A> implements CommandSpec<M, S> {
  final String name;
  final Set<String> from = new LinkedHashSet<>();
  String to;
  /** For {@code toWhen(..)}: whether the user goes {@link #to}, else {@link #otherwise}. */
  Prediction<M, ?> toCondition;
  String otherwise;
  Precondition<M> precondition = (model, user) -> true;
  double weight = 1;
  ArgumentSource<M, ?> arguments = noArgument();
  /** Whether a {@code with(..)} gave the argument: a second one is a mistake, not a replacement. */
  boolean argumentGiven;
  /** What the argument itself needs (a bundle that holds something); replaced with it. */
  Precondition<M> argumentPrecondition = (model, user) -> true;
  /** Applied after the update, for an argument taken from a consuming bundle; else null. */
  Update<M, Object> consumption;

  private static <M> ArgumentSource<M, Void> noArgument() {
    Gen<Void> none = Gen.constant(null);
    return (model, user) -> none;
  }

  CommandBuilder(String name) {
    if (name == null || name.isBlank()) {
      throw new TollgateConfigurationException(
          "A command has no name: expected a non-blank name such as \"add_todo\".");
    }
    this.name = name;
  }

  private CommandBuilder(CommandBuilder<M, S, ?> other) {
    this.name = other.name;
    this.from.addAll(other.from);
    this.to = other.to;
    this.toCondition = other.toCondition;
    this.otherwise = other.otherwise;
    this.precondition = other.precondition;
    this.weight = other.weight;
    this.arguments = other.arguments;
    this.argumentPrecondition = other.argumentPrecondition;
    this.consumption = other.consumption;
    this.argumentGiven = other.argumentGiven;
  }

  /** The user states (names or enum constants) in which this command may run. */
  public CommandBuilder<M, S, A> from(Object... states) {
    from.addAll(Command.statesOf(states));
    return this;
  }

  /** The user state after this command runs. */
  public CommandBuilder<M, S, A> to(Object state) {
    this.to = States.nameOf(state);
    this.toCondition = null;
    this.otherwise = null;
    return this;
  }

  /**
   * A transition whose end depends on the call: the user goes to {@code ifTrue} when {@code
   * condition} holds and to {@code otherwise} when it does not, e.g. a login with a wrong
   * password stays logged out: {@code .with(passwords).toWhen((model, call) ->
   * model.password(call.user()).equals(call.arg()), LOGGED_IN, LOGGED_OUT)}.
   *
   * <p>Programs are generated before any system runs, so the model predicts the outcome: {@code
   * condition} sees the model state before the step and the call (user, argument, step), never
   * the system's answer. The command's {@code expect(..)} checks that the system agrees (200 for
   * the right password, 401 for a wrong one); a system that disagrees fails at that step, so no
   * later step runs from a state the system is not in. The update sees the same call, so it can
   * keep what the branch needs (the session a successful login gives, say). Call it after {@code
   * with(..)}, which gives the argument its type.
   */
  public CommandBuilder<M, S, A> toWhen(Prediction<M, A> condition, Object ifTrue, Object otherwise) {
    this.toCondition = Objects.requireNonNull(condition, "condition");
    this.to = States.nameOf(Objects.requireNonNull(ifTrue, "ifTrue"));
    this.otherwise = States.nameOf(Objects.requireNonNull(otherwise, "otherwise"));
    return this;
  }

  /** A side-effect-free precondition on the model state and the acting user. */
  public CommandBuilder<M, S, A> when(Precondition<M> condition) {
    Precondition<M> before = this.precondition;
    Precondition<M> added = Objects.requireNonNull(condition, "condition");
    this.precondition = (model, user) -> before.test(model, user) && added.test(model, user);
    return this;
  }

  /** A precondition on the model state alone. */
  public CommandBuilder<M, S, A> whenModel(Predicate<M> condition) {
    Objects.requireNonNull(condition, "condition");
    return when((model, user) -> condition.test(model));
  }

  /**
   * How often this command is picked relative to others (default 1; 0 disables it). Weights may
   * be fractional: {@code 0.1} makes a mostly-invalid probe rare without switching it off.
   */
  public CommandBuilder<M, S, A> weight(double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      String shown = weight == Math.rint(weight) && !Double.isInfinite(weight)
          ? String.valueOf((long) weight) : String.valueOf(weight);
      throw new TollgateConfigurationException(
          "Command '" + name + "': weight " + shown
              + (weight < 0 ? " is negative" : " is not a finite number")
              + "; expected 0 or more." + (weight < 0 ? "" : " E.g. 1 (the default), 5 (five"
              + " times as often) or 0.1 (rarely)."));
    }
    this.weight = weight;
    return this;
  }

  /** The argument generator. */
  public <B> CommandBuilder<M, S, B> with(Gen<B> gen) {
    Objects.requireNonNull(gen, "gen");
    return arguments((model, user) -> gen, (model, user) -> true, null);
  }

  /** An argument generator chosen from the model state, e.g. among the references it holds. */
  public <B> CommandBuilder<M, S, B> with(ArgumentSource<M, B> source) {
    return arguments(Objects.requireNonNull(source, "source"), (model, user) -> true, null);
  }

  /**
   * The argument is one element of {@code bundle}, the first the simplest; the command is enabled
   * only while the bundle holds one. From a {@link Bundle#consuming consuming} bundle, the step
   * takes its element out of the model state after the update.
   */
  public <E> CommandBuilder<M, S, E> with(Bundle<M, E> bundle) {
    Objects.requireNonNull(bundle, "bundle");
    Update<M, Object> consume = null;
    if (bundle.consumes()) {
      consume = (model, call) -> {
        @SuppressWarnings("unchecked")
        E element = (E) call.arg();
        return bundle.remove(model, element, name);
      };
    }
    return arguments(bundle::elements, (model, user) -> !bundle.isEmpty(model, user), consume);
  }

  /**
   * The argument is made from one element of {@code bundle} and what {@code argument} generates
   * for it: {@code with(todos, todo -> Gen.strings().map(title -> new Edit(todo, title)))}. The
   * command is enabled only while the bundle holds an element.
   */
  public <E, B> CommandBuilder<M, S, B> with(
      Bundle<M, E> bundle, Function<? super E, ? extends Gen<? extends B>> argument) {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(argument, "argument");
    if (bundle.consumes()) {
      throw new TollgateConfigurationException(
          "Command '" + name + "' draws from a consuming bundle but makes its own argument of"
              + " the element, so Tollgate cannot tell which element to take out. Expected"
              + " .with(bundle) alone for a consuming bundle; or draw from the bundle without"
              + " consuming(..) and take the element out in .update(..), e.g. .update((model,"
              + " call) -> model.without(call.arg().todo())).");
    }
    return arguments((model, user) -> bundle.elements(model, user).flatMap(argument),
        (model, user) -> !bundle.isEmpty(model, user), null);
  }

  /** The next stage with its argument and what that argument needs; one {@code with} a command. */
  private <B> CommandBuilder<M, S, B> arguments(
      ArgumentSource<M, B> source, Precondition<M> needs, Update<M, Object> consume) {
    if (argumentGiven) {
      throw new TollgateConfigurationException(
          "Command '" + name + "' has a second .with(..). Expected one argument per command: a"
              + " second generator would silently replace the first. Make one argument of several"
              + " values with Gen.combine(a, b, (x, y) -> new Args(x, y)) (up to six generators),"
              + " or .with(bundle, element -> gen) to build it around a bundle's element.");
    }
    CommandBuilder<M, S, B> next = new CommandBuilder<>(this);
    next.argumentGiven = true;
    next.arguments = source;
    next.argumentPrecondition = needs;
    next.consumption = consume;
    return next;
  }

  /** The action against the system, through the acting user's client. */
  public <R> Run<M, S, A, R> run(Action<S, A, R> action) {
    Objects.requireNonNull(action, "action");
    return new Run<>(this, (client, call) -> action.run(client, call.arg()), true);
  }

  /**
   * As {@link #run(Action)}, with the whole call: {@code .runCall((http, call) ->
   * http.get("/users/" + call.user().index() + "/todos/" + call.arg().get()))}, for an action
   * that needs the acting user, the step, or the references the step makes.
   */
  public <R> Run<M, S, A, R> runCall(CallAction<S, A, R> action) {
    return new Run<>(this, Objects.requireNonNull(action, "action"), true);
  }

  /**
   * A step that uses no client: it breaks or mends a dependency, moves a clock, waits. {@code
   * .perform(call -> notifier.register(post("/notify").willReturn(serverError())))}. Its result
   * is null, and no client is made for it.
   */
  public Run<M, S, A, Void> perform(Effect<A> effect) {
    Objects.requireNonNull(effect, "effect");
    return new Run<>(this, (client, call) -> {
      effect.run(call);
      return null;
    }, false);
  }

  /**
   * A step that only checks, with no action and no client: an effect that arrives later, say,
   * {@code .check((model, call) -> Eventually.within(Duration.ofSeconds(2)).untilAsserted(() ->
   * ..))}. It fails as a postcondition; an update may follow, as for any step.
   */
  public Run<M, S, A, Void> check(StepCheck<M, A> check) {
    Objects.requireNonNull(check, "check");
    return perform(call -> {}).expect((model, call, none) -> check.check(model, call));
  }

  @Override
  public Command<M, S> toCommand() {
    throw new TollgateConfigurationException(
        "Command '" + name + "' has no action. Expected .run((client, arg) -> ...) after its"
            + " precondition and generator, e.g. Command.named(\"" + name + "\").with(gen)"
            + ".run((client, arg) -> client.call(arg)).");
  }

  /** The stage after {@code run(..)}: references, the postcondition and the model update. */
  public static final class Run<M, S, A, R> implements CommandSpec<M, S> {
    private final CommandBuilder<M, S, A> spec;
    private final CallAction<S, A, R> action;
    /** False for a step that needs no client ({@code perform}, {@code check}). */
    private final boolean usesClient;
    Yields yields = Yields.NONE;
    Expectation<M, A, R> expectation;
    Update<M, A> update;
    Description<A> description;
    Function<? super Call<A>, ?> partitionKey;

    Run(CommandBuilder<M, S, A> spec, CallAction<S, A, R> action, boolean usesClient) {
      this.spec = spec;
      this.action = action;
      this.usesClient = usesClient;
      this.description = call -> spec.name + "(" + Steps.show(call.arg()) + ")";
    }

    /**
     * Binds a reference, labelled after the command, to a value taken from the result: a
     * server-assigned id, say. The model update receives it as {@code call.ref()}. When the
     * extractor finds nothing (it returns null, for an expected error answer) the reference has
     * no value; check the result in {@code expect(..)}, and keep such a reference out of the
     * model state.
     */
    public Run<M, S, A, R> yields(Extractor<R> extractor) {
      return yields(spec.name, extractor);
    }

    /**
     * As {@link #yields(Extractor)}, with the label reports show ({@code todo#3}). A step may
     * make several references, each with a label of its own: {@code .yields("token", res ->
     * res.path("token")).yields("user", res -> res.path("user.id"))}, read in the update as
     * {@code call.ref("token")} and {@code call.ref("user")}, shown as {@code token#2} and
     * {@code user#2}. A second {@code yields} with a label already taken is rejected.
     */
    public Run<M, S, A, R> yields(String label, Extractor<R> extractor) {
      yields = yields.with(spec.name, label, Objects.requireNonNull(extractor, "extractor"), null);
      return this;
    }

    /**
     * As {@link #yields(String, Extractor)}, typed: the compiler checks that {@code value} gives
     * the label's type, and {@code call.ref(label)} is a {@code Ref<V>}. With {@code
     * Label<Long> TODO = Label.of("todo")}: {@code .yields(TODO, res -> res.id())}, then {@code
     * todos.add(call.ref(TODO))}.
     */
    public <V> Run<M, S, A, R> yields(Label<V> label, Value<R, ? extends V> value) {
      Objects.requireNonNull(value, "value");
      return yields(Objects.requireNonNull(label, "label").name(), value::extract);
    }

    /**
     * One reference per element of the argument, from a list the result holds: a batch create
     * of N titles yields N ids, {@code .with(Gen.lists(titles).ofSize(1, 5)).run((http, titles) ->
     * http.post("/todos/batch", titles)).yieldsEach("todo", res -> res.path("ids"))}. The update
     * reads them as {@code call.refs("todo")}; reports show each on its own, {@code todo#3.1},
     * {@code todo#3.2}. Programs are made before any system answers, so the argument says how
     * many there are (its size: a collection, map or array); a result that holds another number
     * of values fails the step, naming both counts.
     */
    public Run<M, S, A, R> yieldsEach(String label, Extractor<R> values) {
      String command = spec.name;
      return yieldsEach(label, arg -> Yields.sizeOf(command, label, arg), values);
    }

    /**
     * As {@link #yieldsEach(String, Extractor)}, with how many references the argument asks for:
     * {@code .yieldsEach("todo", batch -> batch.titles().size(), res -> res.path("ids"))}.
     */
    public Run<M, S, A, R> yieldsEach(String label, ToIntFunction<? super A> count, Extractor<R> values) {
      yields = yields.with(spec.name, label, Objects.requireNonNull(values, "values"),
          Objects.requireNonNull(count, "count"));
      return this;
    }

    /**
     * As {@link #yieldsEach(String, Extractor)}, typed: {@code call.refs(label)} is a {@code
     * List<Ref<V>>}.
     */
    public <V> Run<M, S, A, R> yieldsEach(Label<V> label, Values<R, V> values) {
      Objects.requireNonNull(values, "values");
      return yieldsEach(Objects.requireNonNull(label, "label").name(), values::extract);
    }

    /** As {@link #yieldsEach(String, ToIntFunction, Extractor)}, typed by the label. */
    public <V> Run<M, S, A, R> yieldsEach(
        Label<V> label, ToIntFunction<? super A> count, Values<R, V> values) {
      Objects.requireNonNull(values, "values");
      return yieldsEach(Objects.requireNonNull(label, "label").name(), count, values::extract);
    }

    /** The postcondition, given the model state before the step. */
    public Run<M, S, A, R> expect(Expectation<M, A, R> expectation) {
      Expectation<M, A, R> before = this.expectation;
      Expectation<M, A, R> added = Objects.requireNonNull(expectation, "expectation");
      this.expectation =
          before == null
              ? added
              : (model, call, result) -> {
                before.check(model, call, result);
                added.check(model, call, result);
              };
      return this;
    }

    /**
     * The model update: returns the next model state, without mutating the old one. A second
     * {@code update(..)} composes: it receives the state the first returned.
     */
    public Run<M, S, A, R> update(Update<M, A> update) {
      Update<M, A> before = this.update;
      Update<M, A> added = Objects.requireNonNull(update, "update");
      this.update = before == null ? added
          : (model, call) -> added.apply(before.apply(model, call), call);
      return this;
    }

    /** How reports show a step of this command. */
    public Run<M, S, A, R> describedAs(Description<A> description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * The partition key of a step of this command, for the check of parallel runs: {@code
     * .partitionBy(call -> call.arg())} for a command on one todo. A parallel run's branches are
     * checked one key at a time (each key's steps from the state after the prefix) only when
     * every step of them has a key, that is when every command they use declares one; otherwise,
     * or when the model has invariants, they are checked whole. Declare it only when steps of
     * different keys are independent in the model: neither the model state nor the user state a
     * step reads or changes is touched by a step of another key. The key is an equals-comparable
     * value (an id, a reference), never null.
     */
    public Run<M, S, A, R> partitionBy(Function<? super Call<A>, ?> key) {
      this.partitionKey = Objects.requireNonNull(key, "key");
      return this;
    }

    @Override
    public Command<M, S> toCommand() {
      return new Command<>(spec, action, usesClient, this);
    }
  }
}
