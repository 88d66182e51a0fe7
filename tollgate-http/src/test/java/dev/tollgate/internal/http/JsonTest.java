package dev.tollgate.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader and writer give what a plain Jackson mapper gives, node type by type. */
class JsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
      "[]", "{}", "[[],[{}],{\"x\":[]}]", "42", "-7", "\"text\"", "null", "true",
      "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
      "123456789012345678901234567890", "1.5", "-0.0", "1e3", "1E-7", "0.1000000000000000055511",
      "1e400", "[1, 2.5, 3000000000, \"ünï\\u00e9\\n\"]",
      "{\"k\":1,\"k\":2}", "{\"a\":{\"b\":{\"c\":[1,{\"d\":[2]}]}},\"e\":3}",
      "{\"a\":1} trailing", "  {\"a\" : [ 1 , 2 ] }  "})
  void reads_the_tree_the_mapper_reads(String json) throws IOException {
    JsonNode ours = Json.readTree(json);
    JsonNode theirs = MAPPER.readTree(json);

    assertThat(ours).isEqualTo(theirs);
    assertThat(types(ours)).isEqualTo(types(theirs));
    assertThat(Json.readTree(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(theirs);
  }

  @Test
  void reads_a_blank_body_as_missing_like_the_mapper() throws IOException {
    assertThat(Json.readTree("   ").isMissingNode()).isTrue();
    assertThat(MAPPER.readTree("   ").isMissingNode()).isTrue();
    assertThat(Json.readTree(new byte[0]).isMissingNode()).isTrue();
  }

  @Test
  void reads_deep_nesting_without_recursion() throws IOException {
    String json = "[".repeat(900) + "1" + "]".repeat(900);

    JsonNode node = Json.readTree(json);

    assertThat(node).isEqualTo(MAPPER.readTree(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":", "[1,2", "{\"a\" 1}", "[1,]x", "nope", "{\"a\":1,}"})
  void rejects_what_the_mapper_rejects(String json) {
    assertThatThrownBy(() -> MAPPER.readTree(json)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> Json.readTree(json)).isInstanceOf(IOException.class);
  }

  record Item(String title, int n) {}

  @Test
  void writes_plain_bodies_as_the_mapper_writes_them() throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "milk \"2%\" ünï\n\u0001");
    body.put("int", 3);
    body.put("long", 3_000_000_000L);
    body.put("short", (short) 7);
    body.put("byte", (byte) -1);
    body.put("double", 0.1);
    body.put("float", 1.5f);
    body.put("nan", Double.NaN);
    body.put("big", new BigInteger("123456789012345678901234567890"));
    body.put("decimal", new BigDecimal("1.50"));
    body.put("flag", false);
    body.put("none", null);
    body.put("list", List.of(1, "two", List.of()));
    body.put("set", new LinkedHashSet<>(List.of("b", "a")));
    body.put("sorted", new TreeMap<>(Map.of("z", 1, "a", 2)));
    body.put("nested", new ArrayList<>(Arrays.asList(null, Map.of())));

    assertThat(Json.write(body, "POST", "/x")).isEqualTo(MAPPER.writeValueAsString(body));
    assertThat(Json.write(List.of(1, 2), "POST", "/x")).isEqualTo("[1,2]");
  }

  @Test
  void writes_records_non_text_keys_and_other_types_through_the_mapper() throws IOException {
    Object record = new Item("a", 1);
    Map<Object, Object> intKeys = new LinkedHashMap<>();
    intKeys.put(1, "one");
    Map<String, Object> others = new LinkedHashMap<>();
    others.put("id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    others.put("arr", new int[] {1, 2});

    assertThat(Json.write(record, "POST", "/x")).isEqualTo("{\"title\":\"a\",\"n\":1}");
    assertThat(Json.write(intKeys, "POST", "/x")).isEqualTo(MAPPER.writeValueAsString(intKeys));
    assertThat(Json.write(others, "POST", "/x"))
        .isEqualTo("{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"arr\":[1,2]}");
  }

  @Test
  void passes_text_through_as_raw_json_and_null_as_no_body() {
    assertThat(Json.write("{\"raw\":1}", "POST", "/x")).isEqualTo("{\"raw\":1}");
    assertThat(Json.write(null, "POST", "/x")).isNull();
  }

  private static List<String> types(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    out.add(node.getClass().getSimpleName());
    for (JsonNode child : node) {
      collect(child, out);
    }
  }
}
