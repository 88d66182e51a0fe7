package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The system's answer to one request, read as a test wants it: the status, the body as text or
 * JSON, values by a short path, or the body mapped to a type.
 */
public interface Response {
  int status();

  /** The body as text, decoded as UTF-8; empty when there is none. */
  String body();

  /** The first value of header {@code name} (any case), or {@code null}. */
  String header(String name);

  /** The body as a JSON tree; a body that is not JSON fails with an AssertionError showing it. */
  JsonNode json();

  /**
   * A value from the JSON body: {@code "id"}, {@code "todo.title"}, {@code "items[0].id"}, {@code
   * "items[-1]"} (the last), {@code "items.size()"}. Whole numbers come as Long, other numbers as
   * Double, text as String, booleans as Boolean, arrays as List, objects as Map; {@code size()}
   * gives an Integer. {@code null} when the path leads nowhere (or to a JSON null).
   */
  <T> T path(String path);

  /** The JSON body mapped to {@code type} by Jackson (unknown fields are ignored). */
  <T> T as(Class<T> type);
}
