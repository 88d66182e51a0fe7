package dev.tollgate.model;

/** How state names are spelt: enum constants and strings both name states. */
final class States {
  private States() {}

  static String nameOf(Object state) {
    if (state instanceof Enum<?> constant) {
      return constant.name().toLowerCase(java.util.Locale.ROOT);
    }
    return String.valueOf(state);
  }
}
