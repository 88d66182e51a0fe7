package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;

/**
 * The label of the references a command yields, typed by their value, so the compiler checks
 * both ends: {@code .yields(TODO, res -> res.id())} takes only an extractor that gives a
 * {@code V}, and {@code call.ref(TODO)} is a {@code Ref<V>}, with no cast. Declare one constant
 * per label and use it at both ends:
 *
 * <pre>{@code
 * static final Label<Long> TODO = Label.of("todo");
 * ...
 * .yields(TODO, res -> res.id())
 * .update((todos, call) -> todos.add(call.ref(TODO)))
 * }</pre>
 *
 * <p>A label is its name: {@code call.ref("todo")} reads the same reference untyped, and two
 * labels of one name are equal.
 *
 * @param <V> the type of the value the system returns for each reference
 */
public final class Label<V> {
  private final String name;

  private Label(String name) {
    this.name = name;
  }

  /** The label {@code name}, as reports show it ({@code todo#3}). */
  public static <V> Label<V> of(String name) {
    if (name == null || name.isBlank()) {
      throw new TollgateConfigurationException("A reference label has no name. Expected a name"
          + " reports can show, e.g. Label.of(\"todo\"), shown as todo#3.");
    }
    return new Label<>(name);
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Label<?> label && label.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
