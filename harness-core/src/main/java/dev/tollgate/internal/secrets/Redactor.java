package dev.tollgate.internal.secrets;

import dev.tollgate.report.Exchange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what Tollgate keeps or prints: credential headers, secret-named JSON
 * fields and query or form parameters, API keys in query strings and {@code X-…-Key} headers,
 * passwords in URLs, and every value {@link Secrets} knows to be secret, wherever it shows up
 * and whatever a model calls it. This is the one place that decides which names are secret; the
 * HTTP layer, the reports and the environment's messages all ask it.
 *
 * <p>A mask keeps a value's length and kind ({@code [redacted: 61 chars]}, {@code [redacted
 * list: 2 items]}), so a bug about a long password stays visible. Empty values, empty lists,
 * null and booleans are left as they are. Every pass is linear in the text and uses no
 * recursion, so redaction cannot fail on a large or deeply nested body. Bodies are looked at
 * field by field only when they mention a suspicious name, so the common case costs one
 * lower-casing scan and the by-value lookup.
 */
public final class Redactor {
  /** What every mask starts with. */
  public static final String MASK_PREFIX = "[redacted";
  /** A mask that says nothing of the value: only where even its length must stay hidden. */
  public static final String MASK = "[redacted]";

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
  /** The password in {@code scheme://user:password@host}. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@\\s:]+:)([^/@\\s]+)@");

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
   * Whether a header or query parameter of this name holds a key: its last word is "key"
   * ({@code X-Tenant-Key}, {@code ?key=}, {@code licenseKey}). Only there: a JSON field or a
   * model's map named "key" is usually an ordinary key.
   */
  public static boolean isKeyName(String name) {
    if (name == null || name.length() < 3) {
      return false;
    }
    int end = name.length();
    while (end > 0 && !isWordChar(name.charAt(end - 1))) {
      end--;
    }
    int from = end - 3;
    if (from < 0 || !name.regionMatches(true, from, "key", 0, 3)) {
      return false;
    }
    return from == 0 || !isWordChar(name.charAt(from - 1))
        || Character.isUpperCase(name.charAt(from)) && !Character.isUpperCase(name.charAt(from - 1));
  }

  private static boolean isWordChar(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  /** Whether {@code value} is already a mask. */
  public static boolean isMasked(String value) {
    return Masks.isMasked(value);
  }

  /**
   * The mask for one secret value, which keeps its length: {@code [redacted: 7 chars]}. An empty
   * value stays empty, and a mask stays as it is.
   */
  public static String mask(String value) {
    return Masks.mask(value);
  }

  /**
   * The mask for a value a model holds under a secret name: a list or map by its size, anything
   * else by the length of its text (which is registered as a secret). Null and empty values stay
   * as they are.
   */
  public static Object maskValue(Object value) {
    return Masks.maskValue(value);
  }

  /** A copy of {@code headers} (none if null) with credential values masked. */
  public static Map<String, List<String>> headers(
      Map<String, List<String>> headers, Collection<String> secrets) {
    return Headers.headers(headers, secrets);
  }

  /**
   * The credentials an Authorization, Cookie, Set-Cookie, secret-named or key header carries,
   * to register as secrets: the part after the scheme, or each cookie's value.
   */
  public static List<String> credentials(String name, String value) {
    return Headers.credentials(name, value);
  }

  /**
   * A copy of {@code exchange} with every part redacted: its target, headers, bodies and error.
   * The HTTP layer passes the secrets its session learned; a report, none. Either way every
   * registered secret is masked too.
   */
  public static Exchange exchange(Exchange exchange, Collection<String> secrets) {
    Secrets.registerAll(secrets);
    Secrets.learn(exchange);
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

  /** {@code text} with only the registered secrets masked: for text already redacted by name. */
  public static String knownSecretsMasked(String text) {
    return Secrets.mask(text);
  }

  /** A text with secret fields and parameters, passwords in URLs and known secrets masked. */
  public static String text(String text) {
    return text(text, List.of());
  }

  /** A body (or a request target) with secret fields, parameters and known secrets masked. */
  public static String text(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = structured(text, 0);
    out = Secrets.mask(out);
    for (String secret : secrets) {
      if (secret != null && secret.length() >= Secrets.MIN_LENGTH && out.contains(secret)) {
        out = out.replace(secret, mask(secret));
      }
    }
    return out;
  }

  /** Masks secrets by name: JSON fields, parameters and passwords in URLs. */
  static String structured(String text, int depth) {
    if (!hasHint(text)) {
      return text;
    }
    String out = maskParams(JsonFields.mask(text, depth));
    return maskUrlPasswords(out);
  }

  /**
   * The values that {@code text} holds under secret names: JSON fields, parameters, passwords in
   * URLs. They are what {@link Secrets#learn(String)} registers, so they are masked by value
   * wherever else they show up.
   */
  public static List<String> secretValues(String text) {
    List<String> found = new ArrayList<>();
    if (text != null && !text.isEmpty()) {
      collect(text, 0, found::add);
    }
    return found;
  }

  static void collect(String text, int depth, java.util.function.Consumer<String> found) {
    if (!hasHint(text)) {
      return;
    }
    JsonFields.collect(text, depth, found);
    Matcher param = PARAM.matcher(text);
    int from = 0;
    while (from < text.length() && param.find(from)) {
      from = param.end();
      String name = param.group(1);
      boolean query = param.start() > 0 && "?&".indexOf(text.charAt(param.start() - 1)) >= 0;
      int start = param.end();
      if ((isSecretName(name) || query && isKeyName(name)) && start < text.length()
          && "[{".indexOf(text.charAt(start)) < 0 && !text.startsWith(MASK_PREFIX, start)) {
        int end = valueEnd(text, start);
        if (end > start) {
          found.accept(text.substring(start, end));
        }
      }
    }
    Matcher url = URL_PASSWORD.matcher(text);
    while (url.find()) {
      found.accept(url.group(2));
    }
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

  private static String maskUrlPasswords(String text) {
    Matcher matcher = URL_PASSWORD.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      matcher.appendReplacement(out,
          Matcher.quoteReplacement(matcher.group(1) + mask(matcher.group(2)) + "@"));
    } while (matcher.find());
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * Masks the value of each {@code name=value} whose name is secret, or that is a key in a query
   * string ({@code ?key=}): up to the next separator, or a whole bracketed value
   * ({@code tokens=[a, b]}). A value under a name that is not secret is read on, so
   * {@code sessions={token=abc}} still loses its token.
   */
  private static String maskParams(String text) {
    Matcher matcher = PARAM.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < text.length() && matcher.find(from)) {
      from = matcher.end();
      String name = matcher.group(1);
      boolean query = matcher.start() > 0 && "?&".indexOf(text.charAt(matcher.start() - 1)) >= 0;
      if (!isSecretName(name) && !(query && isKeyName(name))) {
        continue;
      }
      int start = matcher.end();
      if (text.startsWith(MASK_PREFIX, start)) {
        int close = text.indexOf(']', start);
        from = close < 0 ? text.length() : close + 1;
        continue;
      }
      int end = valueEnd(text, start);
      String mask = end == start ? null
          : text.charAt(start) == '[' || text.charAt(start) == '{'
              ? Masks.maskStructure(text, start, end)
              : mask(text.substring(start, end));
      if (mask == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, start).append(mask);
      copied = end;
      from = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static int valueEnd(String text, int start) {
    if (start < text.length() && (text.charAt(start) == '[' || text.charAt(start) == '{')) {
      return Masks.bracketEnd(text, start);
    }
    int i = start;
    while (i < text.length() && "&;,\"'{}[]()".indexOf(text.charAt(i)) < 0
        && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
