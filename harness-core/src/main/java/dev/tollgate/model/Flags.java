package dev.tollgate.model;

import dev.tollgate.TollgateConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The flag values one user sees in one program: the program's flags (a feature on or off) and
 * the user's own (staff or not, inside a percentage rollout or not). Programs draw them like any
 * other choice, so they shrink and replay; a model reads them from {@code call.user().flags()}
 * or {@code user.flags()} in preconditions, arguments, expectations and updates.
 */
public final class Flags {
  private static final Flags NONE = new Flags(Map.of());

  private final Map<String, Boolean> values;

  private Flags(Map<String, Boolean> values) {
    this.values = values;
  }

  /** No flags: what users of a model that declares none see. */
  public static Flags none() {
    return NONE;
  }

  /** The given values, by flag name, in the model's declared order. */
  public static Flags of(Map<String, Boolean> values) {
    return values.isEmpty() ? NONE : new Flags(java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(values)));
  }

  /** Whether flag {@code name} is on for this user in this program. */
  public boolean on(String name) {
    Boolean value = values.get(name);
    if (value == null) {
      throw new TollgateConfigurationException(
          "Flag '" + name + "' is not declared by the model"
              + (values.isEmpty() ? ", which declares no flags." : "; it declares " + values.keySet()
                  + ".")
              + " Declare it with .programFlag(\"" + name + "\", on -> ...) or .userFlag(\""
              + name + "\").");
    }
    return value;
  }

  /** Whether the model declares flag {@code name}. */
  public boolean declares(String name) {
    return values.containsKey(name);
  }

  public Set<String> names() {
    return values.keySet();
  }

  public Map<String, Boolean> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Flags flags && flags.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** e.g. {@code pinning on, staff off}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    values.forEach((name, on) -> out.append(out.length() == 0 ? "" : ", ").append(name)
        .append(on ? " on" : " off"));
    return out.toString();
  }
}
