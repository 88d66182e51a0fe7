package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.program.Bindings;
import dev.tollgate.model.Functions.Extractor;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.opentest4j.AssertionFailedError;

/**
 * The references a command's steps make: each {@code yields(label, ..)} one ref, each {@code
 * yieldsEach(label, ..)} a list of refs whose length the argument gives, since programs are made
 * before any system answers. Immutable: each declaration makes a new one.
 */
final class Yields {
  /** One declaration; {@code count} is null for a single ref. */
  private record Yield(String label, Extractor<Object> extractor, ToIntFunction<Object> count) {}

  static final Yields NONE = new Yields(List.of());

  private final List<Yield> declared;
  private final List<String> labels;

  private Yields(List<Yield> declared) {
    this.declared = declared;
    this.labels = declared.stream().map(Yield::label).toList();
  }

  boolean any() {
    return !declared.isEmpty();
  }

  List<String> labels() {
    return labels;
  }

  /** Whether {@code label} is declared by a {@code yieldsEach}. */
  boolean list(String label) {
    for (Yield yield : declared) {
      if (yield.label().equals(label)) {
        return yield.count() != null;
      }
    }
    return false;
  }

  /** With one more declaration; a label already taken is the model's mistake. */
  @SuppressWarnings("unchecked")
  Yields with(String command, String label, Extractor<?> extractor, ToIntFunction<?> count) {
    if (label == null || label.isBlank()) {
      throw new TollgateConfigurationException("Command '" + command + "' yields a reference"
          + " with a blank label. Expected a label reports can show, e.g. .yields(\"todo\", res ->"
          + " res.id()), shown as todo#3.");
    }
    if (labels().contains(label)) {
      throw new TollgateConfigurationException(
          "Command '" + command + "' has a second .yields(..) labelled '" + label + "'. Expected"
              + " each reference of a step to have a label of its own: a second with the same"
              + " label would silently replace the first. Name them apart, e.g. .yields(\"token\","
              + " res -> res.path(\"token\")).yields(\"user\", res -> res.path(\"user.id\")), and"
              + " read each in the update with call.ref(\"token\") and call.ref(\"user\").");
    }
    List<Yield> next = new ArrayList<>(declared);
    next.add(new Yield(label, (Extractor<Object>) extractor, (ToIntFunction<Object>) count));
    return new Yields(List.copyOf(next));
  }

  /** The refs of the step at {@code step} with argument {@code arg}, in slot order. */
  List<Ref<?>> make(String command, Object token, int step, int firstSlot, Object arg) {
    if (declared.isEmpty()) {
      return List.of();
    }
    List<Ref<?>> refs = new ArrayList<>();
    for (Yield yield : declared) {
      if (yield.count() == null) {
        refs.add(new Ref<>(yield.label(), token, step, -1, command, firstSlot + refs.size()));
        continue;
      }
      int count = count(command, yield, arg);
      for (int i = 0; i < count; i++) {
        refs.add(new Ref<>(yield.label(), token, step, i, command, firstSlot + refs.size()));
      }
    }
    return List.copyOf(refs);
  }

  private static int count(String command, Yield yield, Object arg) {
    int count = yield.count().applyAsInt(arg);
    if (count < 0) {
      throw new TollgateConfigurationException("Command '" + command + "': the count of"
          + " .yieldsEach(\"" + yield.label() + "\", ..) is " + count + " for argument " + arg
          + ". Expected 0 or more references.");
    }
    return count;
  }

  /** The size of the argument, for {@code yieldsEach(label, values)}. */
  static int sizeOf(String command, String label, Object arg) {
    if (arg instanceof Collection<?> items) {
      return items.size();
    }
    if (arg instanceof Map<?, ?> map) {
      return map.size();
    }
    if (arg != null && arg.getClass().isArray()) {
      return Array.getLength(arg);
    }
    throw new TollgateConfigurationException(
        "Command '" + command + "' declares .yieldsEach(\"" + label + "\", values), which makes"
            + " one reference per element of the argument, but its argument is "
            + (arg == null ? "null" : "a " + arg.getClass().getSimpleName() + " (" + arg + ")")
            + ", not a collection. Expected a list argument (a batch of titles, say), or say how"
            + " many references the argument asks for: .yieldsEach(\"" + label + "\", arg ->"
            + " arg.titles().size(), res -> res.ids()).");
  }

  /** Binds {@code refs} (as {@link #make} made them) to the values taken from the result. */
  void bind(String command, Bindings bindings, List<Ref<?>> refs, Object result) throws Exception {
    int at = 0;
    for (Yield yield : declared) {
      Object value = yield.extractor().extract(result);
      if (yield.count() == null) {
        bindings.bind(Command.slotOf(refs.get(at++)), value);
        continue;
      }
      // Labels differ between declarations, so this one's refs are the next with its label.
      int start = at;
      while (at < refs.size() && refs.get(at).label().equals(yield.label())) {
        at++;
      }
      List<Ref<?>> mine = refs.subList(start, at);
      if (value == null) {
        // An answer with no values at all (an expected error): none of the refs has one.
        mine.forEach(ref -> bindings.bind(Command.slotOf(ref), null));
        continue;
      }
      List<?> values = listOf(command, yield.label(), value);
      if (values.size() != mine.size()) {
        throw new AssertionFailedError(
            "Command '" + command + "' yields " + mine.size() + " '" + yield.label() + "'"
                + " references" + span(mine) + ", as many as its argument asks for, but its"
                + " result held " + values.size() + (values.size() == 1 ? " value: " : " values: ")
                + values + ". Expected one value per reference.",
            mine.size(), values.size());
      }
      for (int i = 0; i < mine.size(); i++) {
        bindings.bind(Command.slotOf(mine.get(i)), values.get(i));
      }
    }
  }

  private static String span(List<Ref<?>> refs) {
    if (refs.isEmpty()) {
      return "";
    }
    return refs.size() == 1 ? " (" + refs.get(0) + ")"
        : " (" + refs.get(0) + " to " + refs.get(refs.size() - 1) + ")";
  }

  private static List<?> listOf(String command, String label, Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(out::add);
      return out;
    }
    if (value.getClass().isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        out.add(Array.get(value, i));
      }
      return out;
    }
    throw new TollgateConfigurationException(
        "Command '" + command + "': the values of .yieldsEach(\"" + label + "\", ..) should be a"
            + " list, one value per reference, but the extractor returned a "
            + value.getClass().getSimpleName() + " (" + value + "). Expected e.g. res ->"
            + " res.path(\"ids\") for a JSON array, or res -> res.items().stream().map(Item::id)"
            + ".toList().");
  }
}
