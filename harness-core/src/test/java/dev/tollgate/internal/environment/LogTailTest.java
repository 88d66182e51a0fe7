package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.secrets.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogTailTest {

  @Test
  void an_apps_log_tail_shows_no_token_or_database_password() throws Exception {
    Path log = Files.writeString(Files.createTempFile("app", ".log"),
        "starting with SERVICE_TOKEN=svc-tail-4410\nconnecting to postgres://app:tail-pw-9@db:5432/app\nboom\n");

    String tail = LogTail.of(log);

    assertThat(tail).contains("boom", "SERVICE_TOKEN=[redacted: 13 chars]", "postgres://app:[redacted: 9 chars]@db")
        .doesNotContain("svc-tail-4410", "tail-pw-9");
  }

  @Test
  void the_database_password_is_masked_by_value_once_the_database_is_made() {
    new JdbcDatabase("jdbc:postgresql://localhost:1/app", "app", "db-pw-by-value-1");

    assertThat(Redactor.text("FATAL: password db-pw-by-value-1 refused"))
        .isEqualTo("FATAL: password [redacted: 16 chars] refused");
  }
}
