package dev.tollgate.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void recognises_secret_names_in_any_case_and_spelling() {
    assertThat(List.of("password", "Password", "new_password", "apiKey", "API-KEY", "x-api-key",
        "accessToken", "refresh_token", "clientSecret", "pwd", "sessionId", "Set-Cookie"))
        .allMatch(Redactor::isSecretName);
    assertThat(List.of("title", "user", "id", "keep", "passenger"))
        .noneMatch(Redactor::isSecretName);
  }

  @Test
  void masks_secret_fields_at_any_depth_of_a_json_body_and_keeps_the_rest() {
    String body = "{\"user\":\"alice\",\"auth\":{\"Password\":\"hunter2\",\"tries\":[{\"otp_secret\":"
        + "123456}]},\"credentials\":{\"a\":\"b\"}}";

    String redacted = Redactor.text(body, Set.of());

    assertThat(redacted).isEqualTo("{\"user\":\"alice\",\"auth\":{\"Password\":\"[redacted]\","
        + "\"tries\":[{\"otp_secret\":\"[redacted]\"}]},\"credentials\":\"[redacted]\"}");
  }

  @Test
  void masks_secret_fields_in_json_cut_short_and_in_query_parameters() {
    assertThat(Redactor.text("{\"token\": \"abc.def\", \"name\": \"x\", \"tex", Set.of()))
        .isEqualTo("{\"token\": \"[redacted]\", \"name\": \"x\", \"tex");
    assertThat(Redactor.text("/reset?user=a&api_key=k-123&x=1", Set.of()))
        .isEqualTo("/reset?user=a&api_key=[redacted]&x=1");
  }

  @Test
  void scrubs_known_secret_values_wherever_they_appear() {
    assertThat(Redactor.text("your session is abcd-1234, see /s/abcd-1234", Set.of("abcd-1234")))
        .isEqualTo("your session is [redacted], see /s/[redacted]");
  }

  @Test
  void leaves_a_body_without_suspicious_names_untouched() {
    String body = "{\"title\":\"milk\",\"votes\":3}";

    assertThat(Redactor.text(body, Set.of())).isSameAs(body);
  }

  @Test
  void keeps_the_auth_scheme_and_cookie_names_but_masks_their_values() {
    Map<String, List<String>> headers = Map.of(
        "Authorization", List.of("Basic dXNlcjpwdw=="),
        "Set-Cookie", List.of("sid=abc; Path=/; Max-Age=60; HttpOnly"),
        "Cookie", List.of("a=1; b=2"));

    Map<String, List<String>> redacted = Redactor.headers(headers, Set.of());

    assertThat(redacted.get("Authorization")).containsExactly("Basic [redacted]");
    assertThat(redacted.get("Set-Cookie"))
        .containsExactly("sid=[redacted]; Path=/; Max-Age=60; HttpOnly");
    assertThat(redacted.get("Cookie")).containsExactly("a=[redacted]; b=[redacted]");
  }
}
