package dev.tollgate.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.TollgateConfigurationException;

/**
 * Reads a value out of a JSON tree by a short path: {@code id}, {@code todo.title}, {@code
 * items[0].id}, {@code [2]}, {@code items.size()}. A missing step gives {@code null}, so a test can
 * assert on absence; a malformed path is a mistake in the model and says how to write it.
 */
public final class JsonPaths {
  private static final String SIZE = "size()";

  private JsonPaths() {}

  public static Object read(JsonNode root, String path) {
    String rest = path.startsWith("$") ? path.substring(1) : path;
    JsonNode node = root;
    int i = 0;
    boolean expectName = !rest.isEmpty() && rest.charAt(0) != '[';
    while (i < rest.length()) {
      char c = rest.charAt(i);
      if (c == '[') {
        int close = rest.indexOf(']', i);
        if (close < 0) {
          throw malformed(path, "a '[' without its ']'");
        }
        node = element(node, index(path, rest.substring(i + 1, close)));
        i = close + 1;
        expectName = false;
      } else if (c == '.') {
        if (expectName || i + 1 >= rest.length()) {
          throw malformed(path, "an empty name around a '.'");
        }
        i++;
        expectName = true;
      } else {
        if (!expectName) {
          throw malformed(path, "a name right after ']' without a '.'");
        }
        int end = i;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
          end++;
        }
        String name = rest.substring(i, end);
        if (name.equals(SIZE)) {
          if (end != rest.length()) {
            throw malformed(path, "size() before the end");
          }
          return size(node, path);
        }
        node = node != null && node.isObject() ? node.get(name) : null;
        i = end;
        expectName = false;
      }
    }
    return Json.plain(node);
  }

  private static JsonNode element(JsonNode node, int index) {
    if (node == null || !node.isArray()) {
      return null;
    }
    int at = index < 0 ? node.size() + index : index;
    return node.get(at);
  }

  private static int index(String path, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw malformed(path, "the index [" + text + "], which is not a whole number");
    }
  }

  private static Integer size(JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isContainerNode()) {
      throw new AssertionError(
          "Expected an array or an object at '" + owner(path) + "' to take size() of, but found " + node.getNodeType().name().toLowerCase()
              + " " + node);
    }
    return node.size();
  }

  private static String owner(String path) {
    String owner = path.substring(0, path.length() - SIZE.length());
    owner = owner.endsWith(".") ? owner.substring(0, owner.length() - 1) : owner;
    return owner.isEmpty() || owner.equals("$") ? "the top level" : owner;
  }

  private static TollgateConfigurationException malformed(String path, String problem) {
    return new TollgateConfigurationException(
        "The JSON path '" + path + "' has " + problem + ". Expected names joined by dots, with"
            + " optional [index] and a final size(), e.g. \"id\", \"todo.title\","
            + " \"items[0].id\", \"items.size()\"; for anything else use json().");
  }
}
