package dev.tollgate.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.report.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsTest {

  /** Other tests of this JVM register secrets too; these tests count on a known set. */
  @BeforeEach
  void startFromNoKnownSecrets() {
    Secrets.clearForTests();
  }

  @Test
  void ignores_values_too_short_or_blank_to_mask_by_value() {
    Secrets.register("abc");
    Secrets.register("    ");
    Secrets.register(null);
    Secrets.register("postgres");

    assertThat(Secrets.isRegistered("abc")).isFalse();
    assertThat(Secrets.isRegistered("postgres")).as("a well-known default").isFalse();
    assertThat(Redactor.text("abc def")).isEqualTo("abc def");
  }

  @Test
  void keeps_the_most_recent_values_up_to_its_limit() {
    Secrets.register("oldest-secret-value");
    for (int i = 0; i < Secrets.LIMIT; i++) {
      Secrets.register("filler-" + i);
    }

    assertThat(Secrets.isRegistered("oldest-secret-value")).isFalse();
    assertThat(Secrets.isRegistered("filler-" + (Secrets.LIMIT - 1))).isTrue();
    assertThat(Redactor.text("x filler-" + (Secrets.LIMIT - 1) + " y"))
        .isEqualTo("x [redacted: " + ("filler-" + (Secrets.LIMIT - 1)).length() + " chars] y");
  }

  @Test
  void learns_an_apps_secret_named_variables_and_the_passwords_in_its_urls() {
    Secrets.learnEnvironment(Map.of("SERVICE_TOKEN", "svc-tok-0913", "TENANT_KEY", "tenant-k-77",
        "DATABASE_URL", "postgres://app:pg-pass-0913@db/app", "TITLE", "plain-title"));

    assertThat(Redactor.text("log: svc-tok-0913 tenant-k-77 pg-pass-0913 plain-title"))
        .isEqualTo("log: [redacted: 12 chars] [redacted: 11 chars] [redacted: 12 chars] plain-title");
  }

  @Test
  void learns_the_credentials_an_exchange_sent_and_the_secrets_it_was_given() {
    Secrets.learn(new Exchange("POST", "/login?api_key=ak-in-query-1", Map.of(
        "Authorization", List.of("Basic YWxpY2U6cHc9MQ=="), "Cookie", List.of("sid=cookie-sent-1")),
        "{\"password\":\"pw-sent-1\"}", 200, Map.of("Set-Cookie", List.of("sid=cookie-set-1; Path=/"),
        "X-Refresh-Token", List.of("hdr-token-1")),
        "{\"user\":{\"name\":\"alice-name\",\"accessToken\":\"at-returned-1\"},"
            + "\"tokens\":[\"list-tok-1\",\"list-tok-2\"],\"session\":{\"owner\":\"owner-name\"}}",
        Duration.ofMillis(1), null));

    assertThat(List.of("ak-in-query-1", "YWxpY2U6cHc9MQ==", "cookie-sent-1", "pw-sent-1",
        "cookie-set-1", "hdr-token-1", "at-returned-1", "list-tok-1", "list-tok-2"))
        .allMatch(Secrets::isRegistered);
    assertThat(List.of("alice-name", "owner-name", "/login")).noneMatch(Secrets::isRegistered);
  }

  @Test
  void takes_a_short_lower_case_word_under_a_secret_name_for_a_state_not_a_secret() {
    Secrets.learn("{\"sessionState\":\"active\",\"session\":\"s3ss-1\"}");

    assertThat(Secrets.isRegistered("active")).isFalse();
    assertThat(Secrets.isRegistered("s3ss-1")).isTrue();
    assertThat(Redactor.text("user is active")).isEqualTo("user is active");
  }
}
