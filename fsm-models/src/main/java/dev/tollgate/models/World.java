package dev.tollgate.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The model state of a model composed from reusable machines: one immutable value per component
 * (the sessions, a resource, its votes, or your own). Every change returns a new world.
 */
public final class World {
  private static final World EMPTY = new World(Map.of());

  private final Map<Key<?>, Object> parts;

  private World(Map<Key<?>, Object> parts) {
    this.parts = parts;
  }

  public static World empty() {
    return EMPTY;
  }

  /** The component's value, or its initial value when nothing has changed it yet. */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key) {
    Object value = parts.get(key);
    return value == null ? key.initial() : (T) value;
  }

  public <T> World with(Key<T> key, T value) {
    Map<Key<?>, Object> next = new LinkedHashMap<>(parts);
    next.put(key, value);
    return new World(Collections.unmodifiableMap(next));
  }

  public <T> World update(Key<T> key, UnaryOperator<T> change) {
    return with(key, change.apply(get(key)));
  }

  @Override
  public String toString() {
    return parts.toString();
  }
}
