package dev.tollgate.models;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A value per user index, immutable, kept in user order. */
record PerUser<T>(Map<Integer, T> values, T fallback) {

  static <T> PerUser<T> of(T fallback) {
    return new PerUser<>(Map.of(), fallback);
  }

  T get(int user) {
    return values.getOrDefault(user, fallback);
  }

  PerUser<T> update(int user, UnaryOperator<T> change) {
    Map<Integer, T> next = new TreeMap<>(values);
    next.put(user, change.apply(get(user)));
    return new PerUser<>(Collections.unmodifiableMap(next), fallback);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
