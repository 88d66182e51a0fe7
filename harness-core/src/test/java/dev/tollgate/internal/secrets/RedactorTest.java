package dev.tollgate.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.report.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedactorTest {

  /** Other tests of this JVM register secrets too; these tests count on a known set. */
  @BeforeEach
  void startFromNoKnownSecrets() {
    Secrets.clearForTests();
  }

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

    assertThat(redacted).isEqualTo("{\"user\":\"alice\",\"login\":{\"Password\":"
        + "\"[redacted: 7 chars]\",\"tries\":[{\"otp_secret\":\"[redacted number: 6 chars]\"}]},"
        + "\"credentials\":\"[redacted object: 1 field]\",\"auth\":\"[redacted object: 1 field]\"}");
  }

  @Test
  void masks_secret_fields_in_json_cut_short_and_in_query_parameters() {
    assertThat(Redactor.text("{\"token\": \"abc.def\", \"name\": \"x\", \"tex", Set.of()))
        .isEqualTo("{\"token\": \"[redacted: 7 chars]\", \"name\": \"x\", \"tex");
    assertThat(Redactor.text("/reset?user=a&api_key=k-123&x=1", Set.of()))
        .isEqualTo("/reset?user=a&api_key=[redacted: 5 chars]&x=1");
  }

  @Test
  void scrubs_known_secret_values_wherever_they_appear() {
    assertThat(Redactor.text("your session is abcd-1234, see /s/abcd-1234", Set.of("abcd-1234")))
        .isEqualTo("your session is [redacted: 9 chars], see /s/[redacted: 9 chars]");
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

    assertThat(redacted.get("Authorization")).containsExactly("Basic [redacted: 12 chars]");
    assertThat(redacted.get("Set-Cookie"))
        .containsExactly("sid=[redacted: 3 chars]; Path=/; Max-Age=60; HttpOnly");
    assertThat(redacted.get("Cookie")).containsExactly("a=[redacted: 1 char]; b=[redacted: 1 char]");
  }

  @Test
  void masks_passwords_in_urls_and_jdbc_parameters_but_keeps_the_rest() {
    assertThat(Redactor.text("jdbc:postgresql://db:5432/app?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/app?user=u&password=[redacted: 6 chars]&ssl=true");
    assertThat(Redactor.text("jdbc:postgresql://u:s3cret@db/app"))
        .isEqualTo("jdbc:postgresql://u:[redacted: 6 chars]@db/app");
    assertThat(Redactor.text("see https://hooks.example/notify?auth=abc&x=1 for details"))
        .isEqualTo("see https://hooks.example/notify?auth=[redacted: 3 chars]&x=1 for details");
    String plain = "jdbc:postgresql://localhost:5432/app";
    assertThat(Redactor.text(plain)).isEqualTo(plain);
  }

  @Test
  void masks_secret_names_in_text_that_is_not_json_with_one_rule() {
    assertThat(Redactor.text("World{sessions={token=abc123, user=1}, author=bob}"))
        .isEqualTo("World{sessions={token=[redacted: 6 chars], user=1}, author=bob}");
    assertThat(Redactor.text("Account[token=t-1, staleTokens=[t-0, t-00]], owner=1"))
        .isEqualTo("Account[token=[redacted: 3 chars], staleTokens=[redacted list: 2 items]], owner=1");
    assertThat(Redactor.text("expected \"session\": \"s-1\" but was \"title\": \"t\""))
        .isEqualTo("expected \"session\": \"[redacted: 3 chars]\" but was \"title\": \"t\"");
  }

  @Test
  void redacting_twice_changes_nothing_more() {
    Map<String, List<String>> headers = Map.of(
        "Authorization", List.of("Bearer abc.def"), "X-Session", List.of("s1"));
    Map<String, List<String>> once = Redactor.headers(headers, Set.of());

    assertThat(Redactor.headers(once, Set.of())).isEqualTo(once);
    assertThat(once.get("Authorization")).containsExactly("Bearer [redacted: 7 chars]");
    assertThat(once.get("X-Session")).containsExactly("[redacted: 2 chars]");
  }

  @Test
  void redacts_every_part_of_an_exchange_and_takes_missing_headers_as_none() {
    Exchange raw = new Exchange("POST", "/login?token=t-123", null,
        "{\"password\":\"hunter2\"}", 500, Map.of("X-Api-Key", List.of("k-1")),
        "session s-42 expired", java.time.Duration.ofMillis(3), "token=t-123 refused");

    Exchange redacted = Redactor.exchange(raw, Set.of("s-42"));

    assertThat(redacted.target()).isEqualTo("/login?token=[redacted: 5 chars]");
    assertThat(redacted.requestHeaders()).isEmpty();
    assertThat(redacted.requestBody()).isEqualTo("{\"password\":\"[redacted: 7 chars]\"}");
    assertThat(redacted.responseHeaders().get("X-Api-Key")).containsExactly("[redacted: 3 chars]");
    assertThat(redacted.responseBody()).isEqualTo("session [redacted: 4 chars] expired");
    assertThat(redacted.error()).isEqualTo("token=[redacted: 5 chars] refused");
    assertThat(redacted.status()).isEqualTo(500);
  }

  @Test
  void masks_keep_the_length_and_kind_of_what_they_hide() {
    String password = "p".repeat(61);
    assertThat(Redactor.text("{\"password\":\"" + password + "\",\"tokens\":[\"a\",\"b\",\"c\"],"
        + "\"pin_secret\":-12.5,\"session\":{\"a\":1,\"b\":[1,2]}}"))
        .isEqualTo("{\"password\":\"[redacted: 61 chars]\",\"tokens\":\"[redacted list: 3 items]\","
            + "\"pin_secret\":\"[redacted number: 5 chars]\",\"session\":\"[redacted object: 2 fields]\"}");
    // Characters, not UTF-16 units: a column's length counts an emoji once.
    assertThat(Redactor.mask("ab\uD83D\uDE00")).isEqualTo("[redacted: 3 chars]");
    assertThat(Redactor.mask("x")).isEqualTo("[redacted: 1 char]");
  }

  @Test
  void leaves_empty_values_empty_lists_null_and_booleans_as_they_are() {
    String body = "{\"tokens\":[],\"password\":\"\",\"secret\":null,\"session\":{ },"
        + "\"passwordSet\":true}";

    assertThat(Redactor.text(body)).isEqualTo(body);
    assertThat(Redactor.text("Account[token=, staleTokens=[]]"))
        .isEqualTo("Account[token=, staleTokens=[]]");
    assertThat(Redactor.mask("")).isEmpty();
    assertThat(Redactor.maskValue(List.of())).isEqualTo(List.of());
    assertThat(Redactor.maskValue(Map.of())).isEqualTo(Map.of());
    assertThat(Redactor.maskValue("")).isEqualTo("");
    assertThat(Redactor.maskValue(null)).isNull();
    assertThat(Redactor.maskValue(List.of("t-1", "t-2"))).isEqualTo("[redacted list: 2 items]");
    assertThat(Redactor.maskValue("ref-token-1")).isEqualTo("[redacted: 11 chars]");
  }

  @Test
  void redacts_a_5000_character_json_body_with_emoji_and_nesting_in_one_pass() {
    StringBuilder body = new StringBuilder("{\"about\":\"")
        .append("\uD83D\uDE80 long text, ".repeat(150)).append("\",\"items\":[");
    for (int i = 0; body.length() < 5_000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"name\":\"caf\u00e9 \uD83D\uDE00 \\\"quoted\\\" #")
          .append(i).append("\",\"tags\":[[1,2],{\"deep\":{\"apiKey\":\"k-").append(i)
          .append("-\uD83D\uDD11\"}}]}");
    }
    body.append("],\"token\":\"t-final\"}");

    String redacted = Redactor.text(body.toString());

    assertThat(body.length()).isGreaterThanOrEqualTo(5_000);
    assertThat(redacted).doesNotContain("\"k-1-", "t-final")
        .contains("\"apiKey\":\"[redacted: 5 chars]\"", "\"token\":\"[redacted: 7 chars]\"",
            "caf\u00e9 \uD83D\uDE00 \\\"quoted\\\" #7");
  }

  @Test
  void redacts_megabytes_of_deeply_nested_json_without_overflowing_the_stack() {
    String deep = "[".repeat(200_000) + "{\"password\":\"deep-pw\"}" + "]".repeat(200_000);
    String wide = "{\"a\":\"" + "x".repeat(1_000_000) + "\",\"token\":\"wide-t\"}";

    assertThat(Redactor.text(deep)).doesNotContain("deep-pw").hasSize(deep.length() + 12);
    assertThat(Redactor.text(wide)).doesNotContain("wide-t");
  }

  @Test
  void masks_secret_fields_in_newline_delimited_and_truncated_json() {
    String ndjson = "{\"id\":1,\"token\":\"nd-1\"}\n{\"id\":2,\"token\":\"nd-22\"}\n";
    assertThat(Redactor.text(ndjson)).isEqualTo("{\"id\":1,\"token\":\"[redacted: 4 chars]\"}\n"
        + "{\"id\":2,\"token\":\"[redacted: 5 chars]\"}\n");
    assertThat(Redactor.text("{\"user\":{\"password\":\"cut-sho"))
        .isEqualTo("{\"user\":{\"password\":\"[redacted: 7 chars]\"");
    assertThat(Redactor.text("{\"credentials\":{\"a\":\"b\", \"c\":\"cut"))
        .isEqualTo("{\"credentials\":\"[redacted object: 2 fields]\"");
  }

  @Test
  void masks_json_held_inside_a_json_string() {
    String body = "{\"payload\":\"{\\\"token\\\":\\\"inner-t\\\"}\"}";

    assertThat(Redactor.text(body))
        .isEqualTo("{\"payload\":\"{\\\"token\\\":\\\"[redacted: 7 chars]\\\"}\"}");
  }

  @Test
  void masks_keys_in_query_strings_and_key_headers_but_not_a_field_called_key() {
    assertThat(Redactor.text("/things?key=k-123&page=2")).isEqualTo("/things?key=[redacted: 5 chars]&page=2");
    assertThat(Redactor.headers(Map.of("X-Tenant-Key", List.of("tenant-k")), Set.of())
        .get("X-Tenant-Key")).containsExactly("[redacted: 8 chars]");
    assertThat(List.of("key", "X-Tenant-Key", "licenseKey", "api_key")).allMatch(Redactor::isKeyName);
    assertThat(List.of("monkey", "keys", "keyboard", "Turkey")).noneMatch(Redactor::isKeyName);
    String store = "{\"key\":\"colour\",\"value\":\"red\"} Store{key=colour}";
    assertThat(Redactor.text(store)).isEqualTo(store);
  }

  @Test
  void masks_registered_secrets_by_value_whatever_they_are_called() {
    Secrets.register("reg-value-0042");
    Secrets.register("reg-value-0042-longer");

    assertThat(Redactor.text("s = reg-value-0042-longer, t = reg-value-0042."))
        .isEqualTo("s = [redacted: 21 chars], t = [redacted: 14 chars].");
    assertThat(Redactor.text("{\"title\":\"reg-value-0042\"}"))
        .isEqualTo("{\"title\":\"[redacted: 14 chars]\"}");
  }

  @Test
  void names_the_credentials_that_headers_carry() {
    assertThat(Redactor.credentials("Authorization", "Basic dXNlcjpwdw==")).containsExactly("dXNlcjpwdw==", "pw");
    assertThat(Redactor.credentials("Authorization", "Bearer abc.def")).containsExactly("abc.def");
    assertThat(Redactor.credentials("Authorization", "Basic not*base64")).containsExactly("not*base64");
    assertThat(Redactor.credentials("Cookie", "a=one1; b=two2")).containsExactly("one1", "two2");
    assertThat(Redactor.credentials("Set-Cookie", "sid=s-9; Path=/")).containsExactly("s-9");
    assertThat(Redactor.credentials("X-Tenant-Key", "tk-1")).containsExactly("tk-1");
    assertThat(Redactor.credentials("Accept", "text/plain")).isEmpty();
  }
}
