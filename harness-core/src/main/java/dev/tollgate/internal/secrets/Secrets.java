package dev.tollgate.internal.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every secret value seen so far: tokens and passwords the system returned, credentials sent,
 * the database password, secret-named app settings. {@link Redactor} masks each of them wherever
 * it appears, whatever name a model gives it, as CI systems mask their secrets by value.
 *
 * <p>The set spans the JVM on purpose: a secret of one run is a secret in every other report
 * too, so masking more never leaks, and parallel runs cannot drop each other's values. It keeps
 * the {@link #LIMIT} most recent values. Lookup is one pass over the text: each secret is filed
 * under its first {@link #MIN_LENGTH} characters, and a table on the first two rules out most
 * positions at once.
 */
public final class Secrets {
  /** Shorter values are not masked by value: "1" or "yes" would hit everything. */
  public static final int MIN_LENGTH = 4;
  /** How many values are kept; the oldest go first. */
  static final int LIMIT = 20_000;

  /**
   * Values that stand for no value, and the well-known default passwords of test setups: they
   * hide nothing, and masking them by value would blank ordinary words (and field names)
   * everywhere. Under a secret name they are masked all the same.
   */
  private static final Set<String> NOT_SECRET = Set.of("null", "true", "false", "undefined",
      "none", "secret", "password", "passwd", "postgres", "test", "admin", "root", "guest",
      "changeme", "example", "token", "pass");

  private static final Object LOCK = new Object();
  private static final ArrayDeque<String> order = new ArrayDeque<>();
  private static final Set<String> values = new HashSet<>();
  /** Secrets by their first four characters, longest first. */
  private static final Map<Long, List<String>> byPrefix = new HashMap<>();
  /** Entry {@code (c0 << 8 ^ c1) & 0xFFFF} counts the secrets that start with c0 c1. */
  private static final int[] starts = new int[1 << 16];

  private Secrets() {}

  /**
   * Registers {@code value} as secret for the rest of the JVM's life (up to {@link #LIMIT}
   * values). Null, blank and values shorter than {@link #MIN_LENGTH} are ignored.
   */
  public static void register(String value) {
    if (value == null || value.length() < MIN_LENGTH || value.isBlank()
        || value.startsWith(Redactor.MASK_PREFIX) || NOT_SECRET.contains(value)) {
      return;
    }
    synchronized (LOCK) {
      if (!values.add(value)) {
        return;
      }
      order.addLast(value);
      List<String> bucket = byPrefix.computeIfAbsent(prefix(value, 0), k -> new ArrayList<>(1));
      int at = 0;
      while (at < bucket.size() && bucket.get(at).length() >= value.length()) {
        at++;
      }
      bucket.add(at, value);
      starts[startBit(value, 0)]++;
      if (order.size() > LIMIT) {
        forget(order.removeFirst());
      }
    }
  }

  /**
   * Registers every value that {@code text} holds under a secret name (see
   * {@link Redactor#secretValues(String)}): a body the system returned, a URL, a log line.
   */
  public static void learn(String text) {
    for (String value : Redactor.secretValues(text)) {
      if (!isPlainWord(value)) {
        register(value);
      }
    }
  }

  /**
   * Registers what an exchange carries as secret: the credentials of its Authorization, Cookie,
   * Set-Cookie and secret-named headers, and the secret-named values in its target and bodies.
   */
  public static void learn(dev.tollgate.report.Exchange exchange) {
    learnHeaders(exchange.requestHeaders());
    learnHeaders(exchange.responseHeaders());
    learn(exchange.target());
    learn(exchange.requestBody());
    learn(exchange.responseBody());
  }

  private static void learnHeaders(Map<String, List<String>> headers) {
    if (headers == null) {
      return;
    }
    headers.forEach((name, values) -> {
      for (String value : values) {
        registerAll(Redactor.credentials(name, value));
      }
    });
  }

  /**
   * Registers the secret-named variables of an app's environment ({@code SERVICE_TOKEN},
   * {@code DB_PASSWORD}) and the passwords in the others' URLs.
   */
  public static void learnEnvironment(Map<String, String> environment) {
    environment.forEach((name, value) -> {
      if (Redactor.isSecretName(name) || Redactor.isKeyName(name)) {
        register(value);
      } else {
        learn(value);
      }
    });
  }

  /**
   * Whether a value found under a secret name is a short lower-case word ("active", "bearer"):
   * a state, not a secret, and masking it by value would blank that word in every report. It is
   * still masked where its name is seen.
   */
  private static boolean isPlainWord(String value) {
    if (value.length() > 12) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  /** Registers each of {@code secrets}. */
  public static void registerAll(Collection<String> secrets) {
    for (String secret : secrets) {
      register(secret);
    }
  }

  private static void forget(String value) {
    values.remove(value);
    Long key = prefix(value, 0);
    List<String> bucket = byPrefix.get(key);
    bucket.remove(value);
    if (bucket.isEmpty()) {
      byPrefix.remove(key);
    }
    starts[startBit(value, 0)]--;
  }

  /** Whether {@code value} is a registered secret. */
  public static boolean isRegistered(String value) {
    synchronized (LOCK) {
      return values.contains(value);
    }
  }

  /** Masks every registered secret in {@code text}; the text itself when none occurs. */
  static String mask(String text) {
    if (text == null || text.length() < MIN_LENGTH) {
      return text;
    }
    synchronized (LOCK) {
      if (values.isEmpty()) {
        return text;
      }
      StringBuilder out = null;
      int copied = 0;
      int last = text.length() - MIN_LENGTH;
      for (int i = 0; i <= last; i++) {
        if (starts[startBit(text, i)] == 0) {
          continue;
        }
        List<String> bucket = byPrefix.get(prefix(text, i));
        if (bucket == null) {
          continue;
        }
        for (String secret : bucket) {
          if (text.startsWith(secret, i)) {
            if (out == null) {
              out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(Redactor.mask(secret));
            copied = i + secret.length();
            i = copied - 1;
            break;
          }
        }
      }
      return out == null ? text : out.append(text, copied, text.length()).toString();
    }
  }

  private static long prefix(String s, int at) {
    return (long) s.charAt(at) << 48 | (long) s.charAt(at + 1) << 32
        | (long) s.charAt(at + 2) << 16 | s.charAt(at + 3);
  }

  private static int startBit(String s, int at) {
    return (s.charAt(at) << 8 ^ s.charAt(at + 1)) & 0xFFFF;
  }

  /** Forgets every value: for tests only. */
  static void clearForTests() {
    synchronized (LOCK) {
      values.clear();
      order.clear();
      byPrefix.clear();
      java.util.Arrays.fill(starts, 0);
    }
  }
}
