package dev.tollgate.internal.linearizability;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A test model: a key-value store of integers, every key starting at 0. {@code put} answers
 * nothing, {@code get} answers the value, and {@code size} (how many keys are not 0) touches every
 * key, so a history with a {@code size} in it cannot be partitioned.
 */
public final class KeyValueModel implements SequentialModel<Map<Integer, Integer>, KeyValueModel.Call,
    Integer> {
  /** An operation's input. */
  public record Call(String name, int key, int value) {
    public static Call put(int key, int value) {
      return new Call("put", key, value);
    }

    public static Call get(int key) {
      return new Call("get", key, 0);
    }

    public static Call size() {
      return new Call("size", -1, 0);
    }

    @Override
    public String toString() {
      return switch (name) {
        case "put" -> "put(" + key + ", " + value + ")";
        case "get" -> "get(" + key + ")";
        default -> "size()";
      };
    }
  }

  public static final Map<Integer, Integer> EMPTY = Map.of();

  @Override
  public Transition<Map<Integer, Integer>> step(
      Map<Integer, Integer> state, Call call, Integer output) {
    switch (call.name()) {
      case "put" -> {
        Map<Integer, Integer> next = new HashMap<>(state);
        if (call.value() == 0) {
          next.remove(call.key());
        } else {
          next.put(call.key(), call.value());
        }
        return Transition.accepted(Map.copyOf(next));
      }
      case "get" -> {
        int expected = state.getOrDefault(call.key(), 0);
        return output == null || output == expected
            ? Transition.accepted(state)
            : Transition.rejected("expected key " + call.key() + " to hold " + expected
                + " but the answer was " + output);
      }
      default -> {
        return output == null || output == state.size()
            ? Transition.accepted(state)
            : Transition.rejected("expected " + state.size() + " keys but the answer was "
                + output);
      }
    }
  }

  @Override
  public Optional<Object> partitionKey(Call call) {
    return call.name().equals("size") ? Optional.empty() : Optional.of(call.key());
  }

  @Override
  public String describe(Map<Integer, Integer> state) {
    return state.isEmpty() ? "{}" : new java.util.TreeMap<>(state).toString();
  }
}
