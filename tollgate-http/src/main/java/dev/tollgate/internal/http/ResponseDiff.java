package dev.tollgate.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.internal.compare.ExchangeDiff;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.internal.secrets.Secrets;
import dev.tollgate.report.Exchange;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Compares what a control and a candidate answered to one step: the requests made, each
 * response's status, and its body (JSON structurally, other bodies as text).
 *
 * <p>Some differences are expected and ignored: JSON paths the user declares nondeterministic
 * ({@code createdAt}, {@code items[*].updatedAt}, {@code ..etag} for a field at any depth); values
 * that are references the two systems made in the same step (ids {@code 7} and {@code 12} that
 * both stand for {@code todo#3}), through {@code candidateToControl}; and secrets, such as two
 * login tokens, which differ by nature (a field whose name looks secret, or a registered secret).
 */
public final class ResponseDiff implements ExchangeDiff {

  private static final String MISSING = "(missing)";

  private final List<String> ignored;

  public ResponseDiff(List<String> ignoredPaths) {
    this.ignored = List.copyOf(ignoredPaths);
  }

  @Override
  public Optional<Difference> compare(
      List<Exchange> control, List<Exchange> candidate, UnaryOperator<String> candidateToControl) {
    if (control.size() != candidate.size()) {
      return Optional.of(new Difference("requests", control.size() + " request(s): "
          + targets(control), candidate.size() + " request(s): " + targets(candidate)));
    }
    for (int i = 0; i < control.size(); i++) {
      String prefix = control.size() == 1 ? "" : "request " + (i + 1) + ": ";
      Optional<Difference> found =
          compare(prefix, control.get(i), candidate.get(i), candidateToControl);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Difference> compare(
      String prefix, Exchange control, Exchange candidate, UnaryOperator<String> map) {
    String controlRequest = control.method() + " " + control.target();
    String candidateRequest = candidate.method() + " " + candidate.target();
    if (!controlRequest.equals(candidateRequest)
        && !controlRequest.equals(mapSegments(candidateRequest, map))) {
      return Optional.of(new Difference(prefix + "request", controlRequest, candidateRequest));
    }
    if (control.status() != candidate.status()) {
      return Optional.of(new Difference(prefix + "status",
          status(control), status(candidate)));
    }
    String a = control.responseBody() == null ? "" : control.responseBody();
    String b = candidate.responseBody() == null ? "" : candidate.responseBody();
    if (a.equals(b)) {
      return Optional.empty();
    }
    JsonNode left = parse(a);
    JsonNode right = parse(b);
    if (left == null || right == null) {
      return Optional.of(new Difference(prefix + "body", shorten(a), shorten(b)));
    }
    return node(prefix + "body", "", null, left, right, map);
  }

  private Optional<Difference> node(String prefix, String path, String field, JsonNode a,
      JsonNode b, UnaryOperator<String> map) {
    if (ignored(path)) {
      return Optional.empty();
    }
    String where = at(prefix, path);
    if (a.isObject() && b.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path.isEmpty() ? name : path + "." + name;
        JsonNode x = a.get(name);
        JsonNode y = b.get(name);
        if (x == null || y == null) {
          if (ignored(child)) {
            continue;
          }
          return Optional.of(new Difference(at(prefix, child),
              x == null ? MISSING : shorten(x.toString()), y == null ? MISSING : shorten(y.toString())));
        }
        Optional<Difference> found = node(prefix, child, name, x, y, map);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        Optional<Difference> found = node(prefix, path + "[" + i + "]", field, a.get(i), b.get(i), map);
        if (found.isPresent()) {
          return found;
        }
      }
      if (a.size() != b.size()) {
        return Optional.of(new Difference(where + ".size()",
            String.valueOf(a.size()), String.valueOf(b.size())));
      }
      return Optional.empty();
    }
    if (sameValue(a, b, field, map)) {
      return Optional.empty();
    }
    return Optional.of(new Difference(where, shorten(a.toString()), shorten(b.toString())));
  }

  private static boolean sameValue(JsonNode a, JsonNode b, String field, UnaryOperator<String> map) {
    if (a.isNumber() && b.isNumber()) {
      if (a.decimalValue().compareTo(b.decimalValue()) == 0) {
        return true;
      }
    } else if (a.equals(b)) {
      return true;
    }
    if (!a.isValueNode() || !b.isValueNode() || a.isNull() || b.isNull()) {
      return false;
    }
    String x = a.asText();
    String y = b.asText();
    if (x.equals(map.apply(y))) {
      return true; // the same reference, which each system gave its own value
    }
    // Tokens and passwords differ between two systems by nature.
    return (field != null && Redactor.isSecretName(field))
        || (Secrets.isRegistered(x) && Secrets.isRegistered(y));
  }

  private static String at(String prefix, String path) {
    return path.isEmpty() ? prefix : prefix + (path.startsWith("[") ? "" : ".") + path;
  }

  /** Whether {@code path} (e.g. {@code items[2].createdAt}) matches an ignored path. */
  boolean ignored(String path) {
    if (path.isEmpty()) {
      return false;
    }
    String general = path.replaceAll("\\[\\d+]", "[*]");
    for (String pattern : ignored) {
      if (pattern.startsWith("..")) {
        String name = pattern.substring(2);
        if (general.equals(name) || general.endsWith("." + name) || general.endsWith("]" + name)) {
          return true;
        }
      } else if (general.equals(pattern) || general.equals(pattern.replace(".*", "[*]"))) {
        return true;
      }
    }
    return false;
  }

  /** The request line with each path segment mapped, so {@code /todos/12} can match {@code /todos/7}. */
  private static String mapSegments(String request, UnaryOperator<String> map) {
    String[] parts = request.split("/", -1);
    StringBuilder out = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      out.append('/').append(map.apply(parts[i]));
    }
    return out.toString();
  }

  private static JsonNode parse(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty() || !(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return null;
    }
    try {
      return Json.readTree(trimmed);
    } catch (IOException e) {
      return null;
    }
  }

  private static String status(Exchange exchange) {
    return exchange.status() == 0 ? "no response" + (exchange.error() == null ? ""
        : " (" + exchange.error() + ")") : String.valueOf(exchange.status());
  }

  private static String targets(List<Exchange> exchanges) {
    StringBuilder out = new StringBuilder();
    for (Iterator<Exchange> it = exchanges.iterator(); it.hasNext(); ) {
      Exchange x = it.next();
      out.append(x.method()).append(' ').append(x.target()).append(it.hasNext() ? ", " : "");
    }
    return out.toString();
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
  }
}
