package dev.tollgate.internal.program;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.model.Ref;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks that every reference an argument holds was made by an earlier step of the same program,
 * so no step can use a value that nothing has bound yet.
 */
final class RefCheck {
  private static final int MAX_DEPTH = 4;
  private static final ClassValue<Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Method[] accessors = new Method[components.length];
          for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].trySetAccessible();
          }
          return accessors;
        }
      };

  void check(Object arg, Object token, int step, String command) {
    visit(arg, ref -> {
      if (!ref.madeBy(token) || ref.step() >= step) {
        throw new TollgateConfigurationException(
            "Command '" + command + "' at step " + (step + 1) + " takes reference " + ref
                + ", which no earlier step of this program made, so nothing binds it before it"
                + " is used. Expected arguments to take references only from the model state"
                + " passed to the generator. Check that initialState() returns a fresh state for"
                + " each program and that no reference is kept in a static or shared field.");
      }
    }, 0);
  }

  /** Whether {@code arg} holds a reference made by one of the first {@code steps} steps. */
  static boolean takesRefOfFirst(Object arg, int steps) {
    boolean[] found = new boolean[1];
    visit(arg, ref -> found[0] |= ref.step() < steps, 0);
    return found[0];
  }

  private static void visit(Object value, Consumer<Ref<?>> onRef, int depth) {
    if (value == null || depth > MAX_DEPTH || value instanceof String || value instanceof Number) {
      return;
    }
    if (value instanceof Ref<?> ref) {
      onRef.accept(ref);
      return;
    }
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        visit(item, onRef, depth + 1);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        visit(e.getKey(), onRef, depth + 1);
        visit(e.getValue(), onRef, depth + 1);
      }
    } else if (value instanceof Optional<?> optional) {
      visit(optional.orElse(null), onRef, depth + 1);
    } else if (value instanceof Object[] array) {
      for (Object item : array) {
        visit(item, onRef, depth + 1);
      }
    } else if (value instanceof Record) {
      for (Method accessor : ACCESSORS.get(value.getClass())) {
        Object component;
        try {
          component = accessor.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
          return;
        }
        visit(component, onRef, depth + 1);
      }
    }
  }
}
