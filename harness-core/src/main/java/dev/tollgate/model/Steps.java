package dev.tollgate.model;

import dev.tollgate.internal.text.Printable;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How reports show arguments: each value as Java would write it. Strings are in double quotes and
 * chars in single quotes, with escapes; numbers, booleans and references are plain; records show
 * each component by name; collections and maps show each element. Control and bidirectional
 * characters, in a custom {@code toString} too, become visible escapes, and strings longer than
 * 60 characters are cut, with their length.
 *
 * <p>A command's default description is {@code name(show(arg))}. Use these in your own
 * {@code describedAs(..)}: {@code call -> "rename(" + Steps.quote(call.arg().title()) + ")"}.
 */
public final class Steps {
  private static final int MAX_SHOWN = 60;

  private Steps() {}

  /**
   * An argument as a step shows it between the command's brackets: nothing for no argument, a
   * record's components as {@code title="milk", done=false}, any other value as {@link #quote}.
   */
  public static String show(Object arg) {
    if (arg == null) {
      return "";
    }
    if (arg instanceof Record record) {
      String components = components(record);
      if (components != null) {
        return components;
      }
    }
    return quote(arg);
  }

  /**
   * One value as Java would write it: {@code "milk"}, {@code 'x'}, {@code 42}, {@code null},
   * {@code todo#3}, {@code [1, 2]}, {@code {title="milk"}}, {@code Edit[item=todo#3,
   * title="milk"]}.
   */
  public static String quote(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence s) {
      return quoted(s.toString(), '"');
    }
    if (value instanceof Character c) {
      return quoted(String.valueOf(c), '\'');
    }
    if (value instanceof Map<?, ?> map) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      map.forEach((key, entry) -> out.add(key(key) + "=" + quote(entry)));
      return out.toString();
    }
    if (value instanceof Collection<?> c) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      c.forEach(element -> out.add(quote(element)));
      return out.toString();
    }
    if (value instanceof Record record) {
      String components = components(record);
      if (components != null) {
        return record.getClass().getSimpleName() + "[" + components + "]";
      }
    }
    return Printable.line(String.valueOf(value));
  }

  /** A map key: bare when it is a name, as in {@code {title="milk"}}, else quoted. */
  private static String key(Object key) {
    if (key instanceof String s && !s.isEmpty() && s.length() <= MAX_SHOWN
        && Character.isJavaIdentifierStart(s.charAt(0))
        && s.chars().allMatch(Character::isJavaIdentifierPart)
        && s.chars().noneMatch(c -> Printable.unsafeChar((char) c))) {
      return s;
    }
    return quote(key);
  }

  /**
   * A record's components as {@code name=value, ...}; null when its {@code toString} is its own
   * (then that is what the user wants shown) or the components cannot be read.
   */
  private static String components(Record record) {
    RecordComponent[] parts = record.getClass().getRecordComponents();
    Object[] values = new Object[parts.length];
    StringJoiner plain = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
    try {
      for (int i = 0; i < parts.length; i++) {
        var accessor = parts[i].getAccessor();
        accessor.setAccessible(true);
        values[i] = accessor.invoke(record);
        plain.add(parts[i].getName() + "=" + values[i]);
      }
    } catch (ReflectiveOperationException | RuntimeException unreadable) {
      return null;
    }
    if (!plain.toString().equals(record.toString())) {
      return null;
    }
    StringJoiner out = new StringJoiner(", ");
    for (int i = 0; i < parts.length; i++) {
      out.add(parts[i].getName() + "=" + quote(values[i]));
    }
    return out.toString();
  }

  private static String quoted(String s, char quote) {
    StringBuilder out = new StringBuilder().append(quote);
    int shown = 0;
    for (int i = 0; i < s.length(); i++) {
      if (shown == MAX_SHOWN) {
        out.append("…(").append(s.codePointCount(0, s.length())).append(" chars)");
        break;
      }
      char c = s.charAt(i);
      if (!Character.isHighSurrogate(c) || i + 1 >= s.length()
          || !Character.isLowSurrogate(s.charAt(i + 1))) {
        shown++;
      }
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (Printable.unsafe(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(quote).toString();
  }
}
