package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import java.util.Collection;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Values the model state holds, references to what the system made most often, from which a
 * command draws its argument, as Hypothesis' {@code Bundle} does. A command {@code .with(bundle)}
 * is enabled only while the bundle holds something, and its argument is one of the elements,
 * earlier ones simpler: shrinking moves towards the first.
 *
 * <pre>{@code
 * Bundle<Todos, Ref<Long>> todos = Bundle.of(Todos::known);
 *
 * .command("get_todo", c -> c.with(todos)
 *     .run((client, todo) -> client.get(todo.get())) ...)
 * .command("edit_todo", c -> c.with(todos, todo -> Gen.strings().map(t -> new Edit(todo, t)))
 *     .run((client, edit) -> client.edit(edit.todo().get(), edit.title())) ...)
 * .command("archive_todo", c -> c.with(todos.consuming(Todos::without))   // taken out after
 *     .run((client, todo) -> client.archive(todo.get())) ...)
 * }</pre>
 *
 * <p>The model state stays the one place that says what exists: a bundle is only a view of it,
 * so the model's own update decides what joins it.
 *
 * @param <M> the model state
 * @param <E> the elements, usually {@code Ref<..>}
 */
public final class Bundle<M, E> {
  private final BiFunction<? super M, ? super User, ? extends Collection<? extends E>> elements;
  private final BiFunction<? super M, ? super E, ? extends M> removal;

  private Bundle(
      BiFunction<? super M, ? super User, ? extends Collection<? extends E>> elements,
      BiFunction<? super M, ? super E, ? extends M> removal) {
    this.elements = elements;
    this.removal = removal;
  }

  /** The elements {@code elements} finds in the model state, e.g. {@code Todos::known}. */
  public static <M, E> Bundle<M, E> of(
      Function<? super M, ? extends Collection<? extends E>> elements) {
    Objects.requireNonNull(elements, "elements");
    return new Bundle<>((model, user) -> elements.apply(model), null);
  }

  /**
   * The elements of the acting user, e.g. the tokens they were given: {@code
   * Bundle.perUser((world, user) -> world.account(user.index()).tokens())}.
   */
  public static <M, E> Bundle<M, E> perUser(
      BiFunction<? super M, ? super User, ? extends Collection<? extends E>> elements) {
    return new Bundle<>(Objects.requireNonNull(elements, "elements"), null);
  }

  /**
   * The same elements, taken out of the model state by the step that draws one: after the
   * command's update, {@code remove(model, element)} gives the next state (Hypothesis'
   * {@code consumes}). For a delete that can be tried only once, say; a delete that may be tried
   * twice keeps its element.
   */
  public Bundle<M, E> consuming(BiFunction<? super M, ? super E, ? extends M> remove) {
    return new Bundle<>(elements, Objects.requireNonNull(remove, "remove"));
  }

  /** The elements now, in order. */
  public Collection<? extends E> in(M model, User user) {
    Collection<? extends E> found = elements.apply(model, user);
    return found == null ? java.util.List.of() : found;
  }

  boolean isEmpty(M model, User user) {
    return in(model, user).isEmpty();
  }

  Gen<E> elements(M model, User user) {
    return Gen.elements(in(model, user));
  }

  boolean consumes() {
    return removal != null;
  }

  M remove(M model, E element, String command) {
    M next = removal.apply(model, element);
    if (next == null) {
      throw new TollgateConfigurationException(
          "Command '" + command + "': the bundle's consuming(..) function returned null for "
              + Steps.quote(element) + "; expected the next model state, without the element.");
    }
    return next;
  }
}
