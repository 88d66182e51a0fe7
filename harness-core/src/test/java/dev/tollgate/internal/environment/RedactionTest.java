package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void hides_password_parameters_and_user_info_passwords() {
    assertThat(Redaction.jdbcUrl("jdbc:postgresql://db:5432/app?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/app?user=u&password=***&ssl=true");
    assertThat(Redaction.jdbcUrl("jdbc:postgresql://u:s3cret@db/app")).isEqualTo("jdbc:postgresql://u:***@db/app");
  }

  @Test
  void leaves_urls_without_secrets_alone() {
    assertThat(Redaction.jdbcUrl("jdbc:postgresql://localhost:5432/app")).isEqualTo("jdbc:postgresql://localhost:5432/app");
  }
}
