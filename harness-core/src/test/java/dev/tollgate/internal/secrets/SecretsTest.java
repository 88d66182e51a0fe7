package dev.tollgate.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void ignores_values_too_short_or_blank_to_mask_by_value() {
    Secrets.register("abc");
    Secrets.register("    ");
    Secrets.register(null);

    assertThat(Secrets.isRegistered("abc")).isFalse();
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
}
