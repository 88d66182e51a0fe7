package dev.tollgate.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.TollgateConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one Jackson mapper of the HTTP layer, and conversions from JSON trees to plain values. */
public final class Json {
  /** Lenient on reading: a response may carry more fields than the type a test maps it to. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  /**
   * A request body as JSON text: {@code null} stays {@code null} (no body), a String is taken as
   * raw JSON, anything else goes through Jackson.
   */
  public static String write(Object body, String method, String path) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new TollgateConfigurationException(
          "The body of " + method + " " + path + " (a " + body.getClass().getName()
              + ") cannot be written as JSON: " + e.getOriginalMessage() + ". Expected a Map, a"
              + " List, a record or a bean Jackson can serialize, or a String of raw JSON.",
          e);
    }
  }

  /**
   * A JSON value as plain Java: whole numbers as Long (BigInteger past its range), other numbers
   * as Double, text as String, booleans, null, arrays as List and objects as Map.
   */
  public static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(plain(element));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      map.put(field.getKey(), plain(field.getValue()));
    }
    return map;
  }
}
