package dev.tollgate.internal.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.internal.http.Json;
import dev.tollgate.report.Exchange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what Tollgate keeps or prints: credential headers, secret-named JSON
 * fields and query or form parameters, passwords in URLs, and any value known to be a secret (a
 * session's bearer token, its cookies) wherever it shows up. This is the one place that decides
 * which names are secret; the HTTP layer, the reports and the environment's messages all ask it.
 * Bodies are parsed only when they mention a suspicious name, so the common case costs one
 * lower-casing scan.
 */
public final class Redactor {
  public static final String MASK = "[redacted]";

  /** Known secrets shorter than this are not scrubbed from free text: "1" would hit everything. */
  private static final int MIN_SCRUB_LENGTH = 4;

  /** A name that contains one of these, ignoring case and -_., is secret: "x-api-key". */
  private static final String[] SECRET_PARTS = {
    "password", "passwd", "secret", "token", "apikey", "accesskey", "privatekey", "credential",
    "authorization", "cookie", "sessionid", "signature"
  };

  /**
   * A name with one of these as a whole word is secret: "X-Auth-User", "session", "dbPass", but
   * not "author" or "passenger".
   */
  private static final String[] SECRET_WORDS = {"pwd", "pass", "auth", "session", "sid", "jwt", "otp"};

  /** Cheap first pass on a lower-cased body: one of these must appear before we parse anything. */
  private static final String[] HINTS = {
    "pass", "pwd", "secret", "token", "key", "credential", "auth", "cookie", "session", "sid",
    "signature", "jwt", "otp", "://"
  };

  private static final String NAME = "[A-Za-z0-9_.-]+";
  private static final Pattern PARAM =
      Pattern.compile("(?<![A-Za-z0-9_.-])(" + NAME + ")=");
  private static final Pattern JSON_FIELD =
      Pattern.compile("(\"(" + NAME + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");
  /** The password in {@code scheme://user:password@host}. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@\\s:]+:)[^/@\\s]+@");

  private Redactor() {}

  /** Whether a field, parameter, header or property of this name holds a secret. */
  public static boolean isSecretName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String normal = normalize(name);
    for (String part : SECRET_PARTS) {
      if (normal.contains(part)) {
        return true;
      }
    }
    return hasSecretWord(name);
  }

  /**
   * Whether one of the words of {@code name} (split at anything but ASCII letters and digits, and
   * where camel case turns upper) is a secret word. Names are checked on every header of every
   * request, so the word scan allocates nothing.
   */
  private static boolean hasSecretWord(String name) {
    int start = -1;
    for (int i = 0; i <= name.length(); i++) {
      char c = i < name.length() ? name.charAt(i) : ' ';
      boolean alnum = c < 128 && Character.isLetterOrDigit(c);
      boolean camel = alnum && start >= 0 && Character.isUpperCase(c)
          && !Character.isUpperCase(name.charAt(i - 1));
      if (start >= 0 && (!alnum || camel)) {
        if (isSecretWord(name, start, i)) {
          return true;
        }
        start = -1;
      }
      if (alnum && start < 0) {
        start = i;
      }
    }
    return false;
  }

  private static boolean isSecretWord(String name, int from, int to) {
    for (String word : SECRET_WORDS) {
      if (to - from == word.length() && name.regionMatches(true, from, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '-' && c != '_' && c != '.') {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /**
   * A copy of {@code exchange} with every part redacted: its target, headers, bodies and error.
   * The HTTP layer passes the secrets its session learned; a report, none.
   */
  public static Exchange exchange(Exchange exchange, Collection<String> secrets) {
    return new Exchange(
        exchange.method(),
        text(exchange.target(), secrets),
        headers(exchange.requestHeaders(), secrets),
        text(exchange.requestBody(), secrets),
        exchange.status(),
        headers(exchange.responseHeaders(), secrets),
        text(exchange.responseBody(), secrets),
        exchange.latency(),
        text(exchange.error(), secrets));
  }

  /** A copy of {@code headers} (none if null) with credential values masked. */
  public static Map<String, List<String>> headers(
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
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("cookie") || lower.equals("set-cookie")) {
      return cookies(value);
    }
    if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
      // Keep the scheme: "Bearer" versus "Basic" helps a reader, the credential does not.
      int space = value.indexOf(' ');
      return space > 0 ? value.substring(0, space) + " " + MASK : MASK;
    }
    if (isSecretName(name)) {
      return MASK;
    }
    return scrub(value, secrets);
  }

  /** Keeps cookie names and attributes (a reader wants to see a session was set), masks values. */
  private static String cookies(String value) {
    StringBuilder out = new StringBuilder();
    String[] parts = value.split(";");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int eq = part.indexOf('=');
      boolean pair = i == 0 || !isAttribute(part, eq);
      if (i > 0) {
        out.append(';');
      }
      out.append(pair && eq >= 0 ? part.substring(0, eq + 1) + MASK : part);
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

  /** A text with secret fields and parameters and passwords in URLs masked. */
  public static String text(String text) {
    return text(text, Set.of());
  }

  /** A body (or a request target) with secret fields, parameters and known secrets masked. */
  public static String text(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (hasHint(out)) {
      out = structured(out);
    }
    return scrub(out, secrets);
  }

  private static boolean hasHint(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String hint : HINTS) {
      if (lower.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  private static String structured(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        JsonNode tree = Json.MAPPER.readTree(trimmed);
        if (tree != null && mask(tree)) {
          return Json.MAPPER.writeValueAsString(tree);
        }
        if (tree != null) {
          return text;
        }
      } catch (JsonProcessingException notJson) {
        // Not JSON after all (or cut short): fall through to the pattern pass.
      }
    }
    String out = maskParams(maskJsonFields(text));
    return replace(URL_PASSWORD, out, "$1" + MASK + "@");
  }

  /** Masks the value of each JSON field {@code "name": value} whose name is secret. */
  private static String maskJsonFields(String text) {
    Matcher matcher = JSON_FIELD.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      String replacement = isSecretName(matcher.group(2))
          ? matcher.group(1) + "\"" + MASK + "\""
          : matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    } while (matcher.find());
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * Masks the value of each {@code name=value} whose name is secret: up to the next separator,
   * or a whole bracketed value ({@code tokens=[a, b]}). A value under a name that is not secret
   * is read on, so {@code sessions={token=abc}} still loses its token.
   */
  private static String maskParams(String text) {
    Matcher matcher = PARAM.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (matcher.find(from)) {
      from = matcher.end();
      if (!isSecretName(matcher.group(1))) {
        continue;
      }
      int end = valueEnd(text, matcher.end());
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, matcher.end()).append(MASK);
      copied = end;
      from = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static int valueEnd(String text, int start) {
    if (start < text.length() && (text.charAt(start) == '[' || text.charAt(start) == '{')) {
      int depth = 0;
      for (int i = start; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '[' || c == '{') {
          depth++;
        } else if ((c == ']' || c == '}') && --depth == 0) {
          return i + 1;
        }
      }
      return text.length();
    }
    int i = start;
    while (i < text.length() && "&;,\"'{}[]()".indexOf(text.charAt(i)) < 0
        && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String replace(Pattern pattern, String text, String replacement) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(replacement) : text;
  }

  /**
   * Masks secret-named fields in place, whatever their value, and secrets inside text values (an
   * echoed query string, JSON held in a string); true if anything changed.
   */
  private static boolean mask(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      // properties() hands out the node's own entries, so setValue edits the tree in place.
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        JsonNode value = field.getValue();
        if (isSecretName(field.getKey()) && !value.isNull()) {
          field.setValue(TextNode.valueOf(MASK));
          changed = true;
        } else if (value.isTextual()) {
          JsonNode masked = maskText(value);
          if (masked != value) {
            field.setValue(masked);
            changed = true;
          }
        } else {
          changed |= mask(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        JsonNode masked = element.isTextual() ? maskText(element) : element;
        if (masked != element) {
          array.set(i, masked);
          changed = true;
        } else {
          changed |= mask(element);
        }
      }
    }
    return changed;
  }

  private static JsonNode maskText(JsonNode text) {
    String value = text.textValue();
    if (!hasHint(value)) {
      return text;
    }
    String masked = structured(value);
    return masked.equals(value) ? text : TextNode.valueOf(masked);
  }

  private static String scrub(String text, Collection<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SCRUB_LENGTH && out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
