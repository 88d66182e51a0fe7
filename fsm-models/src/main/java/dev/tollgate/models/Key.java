package dev.tollgate.models;

import java.util.Objects;

/**
 * Names one component's part of a {@link World}, with the value it starts from. Two keys are the
 * same key only if they are the same object.
 */
public final class Key<T> {
  private final String name;
  private final T initial;

  private Key(String name, T initial) {
    this.name = Objects.requireNonNull(name, "name");
    this.initial = Objects.requireNonNull(initial, "initial");
  }

  public static <T> Key<T> of(String name, T initial) {
    return new Key<>(name, initial);
  }

  public String name() {
    return name;
  }

  T initial() {
    return initial;
  }

  @Override
  public String toString() {
    return name;
  }
}
