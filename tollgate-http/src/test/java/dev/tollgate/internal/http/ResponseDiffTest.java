package dev.tollgate.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.compare.ExchangeDiff;
import dev.tollgate.report.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ResponseDiffTest {
  private static final UnaryOperator<String> SAME = value -> value;

  private static Exchange answer(String target, int status, String body) {
    return new Exchange("GET", target, Map.of(), null, status, Map.of(), body, null, null);
  }

  private static Optional<ExchangeDiff.Difference> diff(
      List<String> ignored, Exchange control, Exchange candidate, UnaryOperator<String> map) {
    return new ResponseDiff(ignored).compare(List.of(control), List.of(candidate), map);
  }

  @Test
  void json_bodies_compare_by_structure_not_by_key_order_or_number_spelling() {
    assertThat(diff(List.of(), answer("/a", 200, "{\"a\":1,\"b\":[1,2]}"),
        answer("/a", 200, "{ \"b\": [1, 2.0], \"a\": 1 }"), SAME)).isEmpty();
  }

  @Test
  void the_first_difference_names_its_path_and_both_values() {
    var found = diff(List.of(), answer("/a", 200, "{\"items\":[{\"id\":1,\"name\":\"x\"}]}"),
        answer("/a", 200, "{\"items\":[{\"id\":1,\"name\":\"y\"}]}"), SAME).orElseThrow();
    assertThat(found.where()).isEqualTo("body.items[0].name");
    assertThat(found.kind()).isEqualTo("body.items[*].name");
    assertThat(found.control()).isEqualTo("\"x\"");
    assertThat(found.candidate()).isEqualTo("\"y\"");
  }

  @Test
  void a_status_a_missing_field_and_a_list_length_are_differences() {
    assertThat(diff(List.of(), answer("/a", 200, "{}"), answer("/a", 404, "{}"), SAME))
        .map(ExchangeDiff.Difference::where).contains("status");
    assertThat(diff(List.of(), answer("/a", 200, "{\"a\":1}"), answer("/a", 200, "{}"), SAME))
        .map(ExchangeDiff.Difference::candidate).contains("(missing)");
    assertThat(diff(List.of(), answer("/a", 200, "[1]"), answer("/a", 200, "[1,2]"), SAME))
        .map(ExchangeDiff.Difference::where).contains("body.size()");
  }

  @Test
  void ignored_paths_match_exactly_by_element_or_at_any_depth() {
    String a = "{\"at\":1,\"user\":{\"seen\":1},\"items\":[{\"etag\":\"p\",\"at\":1}]}";
    String b = "{\"at\":2,\"user\":{\"seen\":2},\"items\":[{\"etag\":\"q\",\"at\":2}]}";
    assertThat(diff(List.of("at", "user.seen", "items[*].at", "..etag"),
        answer("/a", 200, a), answer("/a", 200, b), SAME)).isEmpty();
    assertThat(diff(List.of("at", "user.seen", "..etag"),
        answer("/a", 200, a), answer("/a", 200, b), SAME))
        .map(ExchangeDiff.Difference::where).contains("body.items[0].at");
  }

  @Test
  void values_of_the_same_reference_match_in_bodies_and_request_paths() {
    UnaryOperator<String> refs = value -> Map.of("12", "7").getOrDefault(value, value);
    assertThat(diff(List.of(), answer("/todos/7", 200, "{\"id\":7}"),
        answer("/todos/12", 200, "{\"id\":12}"), refs)).isEmpty();
    assertThat(diff(List.of(), answer("/todos/7", 200, "{\"id\":7}"),
        answer("/todos/13", 200, "{\"id\":13}"), refs))
        .map(ExchangeDiff.Difference::where).contains("request");
  }

  @Test
  void fields_named_like_secrets_may_differ() {
    assertThat(diff(List.of(), answer("/login", 200, "{\"token\":\"abc123\"}"),
        answer("/login", 200, "{\"token\":\"zzz999\"}"), SAME)).isEmpty();
    assertThat(diff(List.of(), answer("/login", 200, "{\"name\":\"abc123\"}"),
        answer("/login", 200, "{\"name\":\"zzz999\"}"), SAME)).isPresent();
  }

  @Test
  void bodies_that_are_not_json_compare_as_text() {
    assertThat(diff(List.of(), answer("/a", 200, "hello"), answer("/a", 200, "hullo"), SAME))
        .map(ExchangeDiff.Difference::where).contains("body");
    assertThat(diff(List.of(), answer("/a", 200, "hello"), answer("/a", 200, "hello"), SAME))
        .isEmpty();
  }
}
