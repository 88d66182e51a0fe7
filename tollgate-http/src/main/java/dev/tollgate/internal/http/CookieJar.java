package dev.tollgate.internal.http;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One session's cookies. The system under test sits at one base URL, so domain and path scoping
 * are left out on purpose: what a server sets is sent back on every later request of the session,
 * until it expires the cookie (Max-Age of zero or less, or an Expires in the past).
 */
public final class CookieJar {
  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** Takes the Set-Cookie headers of a response. */
  public void receive(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String[] parts = setCookie.split(";");
      int eq = parts[0].indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = parts[0].substring(0, eq).trim();
      String value = parts[0].substring(eq + 1).trim();
      if (expired(parts)) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }

  private static boolean expired(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String attribute = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).trim();
      try {
        if (attribute.equals("max-age")) {
          return Long.parseLong(value) <= 0;
        }
        if (attribute.equals("expires")) {
          return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
              .isBefore(ZonedDateTime.now());
        }
      } catch (NumberFormatException | DateTimeParseException unreadable) {
        // A cookie whose expiry cannot be read is kept, as browsers keep it.
      }
    }
    return false;
  }

  /** The Cookie header to send, or {@code null} when the jar is empty. */
  public String header() {
    if (cookies.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> cookie : cookies.entrySet()) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(cookie.getKey()).append('=').append(cookie.getValue());
    }
    return out.toString();
  }

  public String get(String name) {
    return cookies.get(name);
  }

  /** The cookies held now, in the order they were set: a copy. */
  public Map<String, String> snapshot() {
    return new LinkedHashMap<>(cookies);
  }

  /** Replaces every cookie with {@code replacement}'s. */
  public void replaceWith(Map<String, String> replacement) {
    cookies.clear();
    cookies.putAll(replacement);
  }

  public Collection<String> values() {
    return cookies.values();
  }

  public void clear() {
    cookies.clear();
  }
}
