package dev.tollgate.internal.environment;

import java.util.Locale;
import java.util.Optional;

/**
 * Configuration lookup: a system property {@code tollgate.a.b} wins over the environment
 * variable {@code TOLLGATE_A_B}, so a single run can override what CI exports.
 */
public final class Settings {
  private Settings() {
  }

  public static Optional<String> get(String key) {
    String property = System.getProperty(key);
    if (property != null && !property.isBlank()) {
      return Optional.of(property.trim());
    }
    String variable = System.getenv(variableName(key));
    return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.trim());
  }

  /** {@code tollgate.image.postgres} becomes {@code TOLLGATE_IMAGE_POSTGRES}. */
  public static String variableName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
