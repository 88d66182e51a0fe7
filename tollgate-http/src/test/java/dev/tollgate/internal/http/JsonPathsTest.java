package dev.tollgate.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.TollgateConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathsTest {
  private static JsonNode parse(String json) throws Exception {
    return Json.readTree(json);
  }

  @Test
  void reads_a_top_level_array_by_index_size_and_whole() throws Exception {
    JsonNode list = parse("[{\"id\":1},{\"id\":2},{\"id\":3}]");

    assertThat(JsonPaths.read(list, "[1].id")).isEqualTo(2L);
    assertThat(JsonPaths.read(list, "size()")).isEqualTo(3);
    assertThat(JsonPaths.read(list, "$[0]")).isEqualTo(Map.of("id", 1L));
    assertThat(JsonPaths.read(list, "")).isEqualTo(
        List.of(Map.of("id", 1L), Map.of("id", 2L), Map.of("id", 3L)));
  }

  @Test
  void keeps_whole_numbers_past_long_and_reads_nested_indexes() throws Exception {
    JsonNode doc = parse("{\"big\":123456789012345678901234567890,\"grid\":[[1,2],[3,4]]}");

    assertThat(JsonPaths.read(doc, "big"))
        .isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
    assertThat(JsonPaths.read(doc, "grid[1][0]")).isEqualTo(3L);
    assertThat(JsonPaths.read(doc, "grid.size()")).isEqualTo(2);
    assertThat(JsonPaths.read(doc, "missing.size()")).isNull();
  }

  @Test
  void size_of_a_scalar_fails_saying_what_it_found() throws Exception {
    JsonNode doc = parse("{\"title\":\"milk\"}");

    AssertionError error =
        catchThrowableOfType(AssertionError.class, () -> JsonPaths.read(doc, "title.size()"));

    assertThat(error).hasMessage(
        "Expected an array or an object at 'title' to take size() of, but found string \"milk\"");
  }

  @Test
  void rejects_paths_with_empty_names_or_unclosed_brackets() throws Exception {
    JsonNode doc = parse("{\"a\":{\"b\":1}}");

    assertThat(catchThrowableOfType(TollgateConfigurationException.class,
        () -> JsonPaths.read(doc, "a..b"))).hasMessageContaining("an empty name around a '.'");
    assertThat(catchThrowableOfType(TollgateConfigurationException.class,
        () -> JsonPaths.read(doc, "a[0"))).hasMessageContaining("a '[' without its ']'");
  }
}
