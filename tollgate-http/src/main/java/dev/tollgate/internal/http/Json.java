package dev.tollgate.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.TollgateConfigurationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the HTTP layer: request bodies written and response bodies read as trees with
 * Jackson's streaming parser and generator, and the one Jackson mapper for what needs data
 * binding (records and beans as bodies, {@code as(Class)}).
 *
 * <p>The mapper is built on first use only. In a fresh JVM building an {@code ObjectMapper} takes
 * about a quarter of a second (its configuration, serializer factories and date formats), while
 * the streaming parser and the tree nodes take well under a tenth; most tests send maps and read
 * paths, so they never build it. What the streaming side gives is what the mapper gives: the
 * same trees from {@link #readTree} as {@code ObjectMapper.readTree} (ints, longs and big
 * integers by size, other numbers as doubles, the last of repeated keys, anything after the first
 * value ignored) and the same text from {@link #write} for maps with text keys, collections, text,
 * numbers, booleans and null.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Lenient on reading: a response may carry more fields than the type a test maps it to. */
  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  private static final class Mapper {
    static final ObjectMapper MAPPER =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /**
   * A request body as JSON text: {@code null} stays {@code null} (no body), a String is taken as
   * raw JSON, anything else goes through Jackson.
   */
  public static String write(Object body, String method, String path) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      if (plain(body, 0)) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
          writePlain(generator, body);
        }
        return out.toString();
      }
      return mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new TollgateConfigurationException(
          "The body of " + method + " " + path + " (a " + body.getClass().getName()
              + ") cannot be written as JSON: " + e.getOriginalMessage() + ". Expected a Map, a"
              + " List, a record or a bean Jackson can serialize, or a String of raw JSON.",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final int MAX_PLAIN_DEPTH = 100;

  /** Whether the streaming writer gives for {@code value} what the mapper would. */
  private static boolean plain(Object value, int depth) {
    if (depth > MAX_PLAIN_DEPTH) {
      return false;
    }
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof Double || value instanceof Float
        || value instanceof BigInteger || value instanceof BigDecimal) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !plain(e.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (!plain(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static void writePlain(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof Double d) {
      out.writeNumber(d);
    } else if (value instanceof Float f) {
      out.writeNumber(f);
    } else if (value instanceof BigInteger i) {
      out.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      out.writeNumber(d);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.writeFieldName((String) e.getKey());
        writePlain(out, e.getValue());
      }
      out.writeEndObject();
    } else {
      out.writeStartArray();
      for (Object item : (Collection<?>) value) {
        writePlain(out, item);
      }
      out.writeEndArray();
    }
  }

  /** The tree of {@code json}, as {@code ObjectMapper.readTree} reads it; missing when blank. */
  public static JsonNode readTree(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readTree(parser);
    }
  }

  /** {@link #readTree(byte[])} of text. */
  public static JsonNode readTree(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readTree(parser);
    }
  }

  /**
   * Builds the first value's tree with a stack of open containers, so depth costs no recursion. A
   * container joins its parent when it opens, under the name the parser gives for it.
   */
  private static JsonNode readTree(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return MissingNode.getInstance();
    }
    Deque<JsonNode> open = new ArrayDeque<>();
    while (true) {
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        JsonNode closed = open.pop();
        if (open.isEmpty()) {
          return closed;
        }
      } else if (token != JsonToken.FIELD_NAME) {
        JsonNode value = node(token, parser);
        if (open.isEmpty() && !value.isContainerNode()) {
          return value;
        }
        if (!open.isEmpty()) {
          add(open.peek(), parser.currentName(), value);
        }
        if (value.isContainerNode()) {
          open.push(value);
        }
      }
      token = parser.nextToken();
      if (token == null) {
        throw new IOException("the JSON ends inside an " + (open.peek().isObject() ? "object"
            : "array"));
      }
    }
  }

  /** The node a value token starts: an empty container, or the scalar itself. */
  private static JsonNode node(JsonToken token, JsonParser parser) throws IOException {
    return switch (token) {
      case START_OBJECT -> NODES.objectNode();
      case START_ARRAY -> NODES.arrayNode();
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IOException("unexpected " + token + " in JSON");
    };
  }

  private static void add(JsonNode container, String name, JsonNode value) {
    if (container instanceof ObjectNode object) {
      object.set(name, value);
    } else {
      ((ArrayNode) container).add(value);
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
