package dev.tollgate.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tollgate.http.Response;
import dev.tollgate.internal.http.ReceivedResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ExpectTest {
  private static Response answer(int status, String json) {
    return new ReceivedResponse("POST /todos", status,
        HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (k, v) -> true),
        json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_wrong_status_fails_with_expected_and_actual_and_the_body() {
    AssertionFailedError e = catchThrowableOfType(
        () -> Expect.status(answer(500, "{\"error\":\"boom\"}"), 201), AssertionFailedError.class);

    assertThat(e).hasMessage("status: expected status 201 but was 500; body: {\"error\":\"boom\"}");
    assertThat(e.getExpected().getValue()).isEqualTo(201);
    assertThat(e.getActual().getValue()).isEqualTo(500);
    assertThatCode(() -> Expect.status(answer(201, "{}"), 201)).doesNotThrowAnyException();
  }

  @Test
  void status_in_accepts_any_of_the_given_statuses_and_names_them_all_when_none_matches() {
    assertThatCode(() -> Expect.statusIn(answer(204, ""), 200, 204)).doesNotThrowAnyException();

    AssertionFailedError e = catchThrowableOfType(
        () -> Expect.statusIn(answer(404, ""), 200, 204), AssertionFailedError.class);

    assertThat(e).hasMessage("status: expected one of [200, 204] but was 404; body: (none)");
  }

  @Test
  void a_json_field_is_compared_by_value_whatever_the_width_of_its_number() {
    Response res = answer(201, "{\"todo\":{\"id\":7,\"title\":\"milk\",\"price\":2.50}}");

    assertThatCode(() -> {
      Expect.field(res, "todo.id", 7);
      Expect.field(res, "todo.price", 2.5);
      Expect.field(res, "todo.title", "milk");
      Expect.field(res, "todo.missing", null);
    }).doesNotThrowAnyException();
    AssertionFailedError e = catchThrowableOfType(
        () -> Expect.field(res, "todo.title", "bread"), AssertionFailedError.class);
    assertThat(e).hasMessageStartingWith("todo.title: expected \"bread\" but was \"milk\"; body: {");
    assertThat(e.getActual().getValue()).isEqualTo("milk");
  }

  @Test
  void a_long_body_is_cut_in_the_message() {
    String body = "{\"text\":\"" + "x".repeat(1000) + "\"}";

    AssertionFailedError e = catchThrowableOfType(
        () -> Expect.status("add_todo", 201, answer(400, body)), AssertionFailedError.class);

    assertThat(e.getMessage()).startsWith("add_todo: expected status 201 but was 400; body: {")
        .endsWith("…").hasSizeLessThan(400);
  }
}
