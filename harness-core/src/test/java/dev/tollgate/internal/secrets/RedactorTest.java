package dev.tollgate.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.report.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void recognises_secret_names_in_any_case_and_spelling() {
    assertThat(List.of("password", "Password", "new_password", "apiKey", "API-KEY", "x-api-key",
        "accessToken", "refresh_token", "clientSecret", "pwd", "sessionId", "Set-Cookie",
        "X-Auth-User", "auth", "session", "dbPass", "db.pass", "JSESSIONID", "sid", "otp_code"))
        .allMatch(Redactor::isSecretName);
    assertThat(List.of("title", "user", "id", "keep", "passenger", "author", "authors", "sessions",
        "inside", "passed", "", "votes"))
        .noneMatch(Redactor::isSecretName);
  }

  @Test
  void masks_secret_fields_at_any_depth_of_a_json_body_and_keeps_the_rest() {
    String body = "{\"user\":\"alice\",\"login\":{\"Password\":\"hunter2\",\"tries\":[{\"otp_secret\":"
        + "123456}]},\"credentials\":{\"a\":\"b\"},\"auth\":{\"kind\":\"jwt\"}}";

    String redacted = Redactor.text(body, Set.of());

    assertThat(redacted).isEqualTo("{\"user\":\"alice\",\"login\":{\"Password\":\"[redacted]\","
        + "\"tries\":[{\"otp_secret\":\"[redacted]\"}]},\"credentials\":\"[redacted]\","
        + "\"auth\":\"[redacted]\"}");
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

  @Test
  void masks_passwords_in_urls_and_jdbc_parameters_but_keeps_the_rest() {
    assertThat(Redactor.text("jdbc:postgresql://db:5432/app?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/app?user=u&password=[redacted]&ssl=true");
    assertThat(Redactor.text("jdbc:postgresql://u:s3cret@db/app"))
        .isEqualTo("jdbc:postgresql://u:[redacted]@db/app");
    assertThat(Redactor.text("see https://hooks.example/notify?auth=abc&x=1 for details"))
        .isEqualTo("see https://hooks.example/notify?auth=[redacted]&x=1 for details");
    String plain = "jdbc:postgresql://localhost:5432/app";
    assertThat(Redactor.text(plain)).isEqualTo(plain);
  }

  @Test
  void masks_secret_names_in_text_that_is_not_json_with_one_rule() {
    assertThat(Redactor.text("World{sessions={token=abc123, user=1}, author=bob}"))
        .isEqualTo("World{sessions={token=[redacted], user=1}, author=bob}");
    assertThat(Redactor.text("Account[token=t-1, staleTokens=[t-0, t-00]], owner=1"))
        .isEqualTo("Account[token=[redacted], staleTokens=[redacted]], owner=1");
    assertThat(Redactor.text("expected \"session\": \"s-1\" but was \"title\": \"t\""))
        .isEqualTo("expected \"session\": \"[redacted]\" but was \"title\": \"t\"");
  }

  @Test
  void redacting_twice_changes_nothing_more() {
    Map<String, List<String>> headers = Map.of(
        "Authorization", List.of("Bearer abc.def"), "X-Session", List.of("s1"));
    Map<String, List<String>> once = Redactor.headers(headers, Set.of());

    assertThat(Redactor.headers(once, Set.of())).isEqualTo(once);
    assertThat(once.get("Authorization")).containsExactly("Bearer [redacted]");
    assertThat(once.get("X-Session")).containsExactly("[redacted]");
  }

  @Test
  void redacts_every_part_of_an_exchange_and_takes_missing_headers_as_none() {
    Exchange raw = new Exchange("POST", "/login?token=t-123", null,
        "{\"password\":\"hunter2\"}", 500, Map.of("X-Api-Key", List.of("k-1")),
        "session s-42 expired", java.time.Duration.ofMillis(3), "token=t-123 refused");

    Exchange redacted = Redactor.exchange(raw, Set.of("s-42"));

    assertThat(redacted.target()).isEqualTo("/login?token=[redacted]");
    assertThat(redacted.requestHeaders()).isEmpty();
    assertThat(redacted.requestBody()).isEqualTo("{\"password\":\"[redacted]\"}");
    assertThat(redacted.responseHeaders().get("X-Api-Key")).containsExactly("[redacted]");
    assertThat(redacted.responseBody()).isEqualTo("session [redacted] expired");
    assertThat(redacted.error()).isEqualTo("token=[redacted] refused");
    assertThat(redacted.status()).isEqualTo(500);
  }
}
