package dev.tollgate.internal.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Headers, redacted and read for credentials: Authorization keeps its scheme, cookies their
 * names and attributes; secret-named and key headers lose their whole value.
 */
final class Headers {
  private Headers() {}

  /** A copy of {@code headers} (none if null) with credential values masked. */
  static Map<String, List<String>> headers(
      Map<String, List<String>> headers, Collection<String> secrets) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (headers == null) {
      return out;
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      List<String> values = new ArrayList<>(header.getValue().size());
      for (String value : header.getValue()) {
        values.add(headerValue(name, value, secrets));
      }
      out.put(name, List.copyOf(values));
    }
    return out;
  }

  private static String headerValue(String name, String value, Collection<String> secrets) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("cookie") || lower.equals("set-cookie")) {
      return cookies(value);
    }
    if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
      // Keep the scheme: "Bearer" versus "Basic" helps a reader, the credential does not.
      int space = value.indexOf(' ');
      return space > 0 ? value.substring(0, space) + " " + Masks.mask(value.substring(space + 1))
          : Masks.mask(value);
    }
    if (Redactor.isSecretName(name) || Redactor.isKeyName(name)) {
      return Masks.mask(value);
    }
    return Redactor.text(value, secrets);
  }

  /**
   * The credential an Authorization or Cookie header carries, to register as a secret: the part
   * after the scheme, or each cookie's value.
   */
  static List<String> credentials(String name, String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("cookie") || lower.equals("set-cookie")) {
      List<String> out = new ArrayList<>();
      String[] parts = value.split(";");
      for (int i = 0; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq >= 0 && (i == 0 || !isAttribute(parts[i], eq))) {
          out.add(parts[i].substring(eq + 1).trim());
        }
      }
      return out;
    }
    if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
      int space = value.indexOf(' ');
      String credential = space > 0 ? value.substring(space + 1).trim() : value;
      String password = space > 0 && value.regionMatches(true, 0, "Basic", 0, space)
          ? basicPassword(credential) : null;
      return password == null ? List.of(credential) : List.of(credential, password);
    }
    return Redactor.isSecretName(name) || Redactor.isKeyName(name) ? List.of(value) : List.of();
  }

  /** The password in Basic credentials ({@code base64(user:password)}), or null. */
  private static String basicPassword(String credential) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(colon + 1);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** Keeps cookie names and attributes (a reader wants to see a session was set), masks values. */
  private static String cookies(String value) {
    StringBuilder out = new StringBuilder();
    String[] parts = value.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int eq = part.indexOf('=');
      boolean pair = i == 0 || !isAttribute(part, eq);
      if (i > 0) {
        out.append(';');
      }
      out.append(pair && eq >= 0 ? part.substring(0, eq + 1) + Masks.mask(part.substring(eq + 1)) : part);
    }
    return out.toString();
  }

  private static boolean isAttribute(String part, int eq) {
    String name = (eq >= 0 ? part.substring(0, eq) : part).trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "path", "domain", "expires", "max-age", "secure", "httponly", "samesite",
          "partitioned", "priority" -> true;
      default -> false;
    };
  }
}
