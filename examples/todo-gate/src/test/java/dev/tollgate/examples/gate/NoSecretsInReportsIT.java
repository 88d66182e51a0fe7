package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.Environment;
import dev.tollgate.runner.ModelCheckFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret of a run reaches a report or the failure message: not the users' passwords, and not
 * one of the session tokens the app handed out.
 */
class NoSecretsInReportsIT {

  @Test
  void reports_of_a_failing_run_hold_no_password_and_no_token(@TempDir Path reports) throws Exception {
    Set<String> tokens = ConcurrentHashMap.newKeySet();
    try (Environment environment = TodoApp.start("logout-keeps-session")) {
      ModelCheckFailure failure =
          catchThrowableOfType(
              ModelCheckFailure.class,
              () -> Tollgate.runner()
                  .users(2)
                  .seed(4)
                  .withoutCorpus()
                  .reportDir(reports)
                  .test(NoSecretsInReportsIT.class.getName(), "secrets")
                  .check(TodoGateModel.builder(TodoApp.setup(environment))
                          // Not a check: it collects every token the users hold, to look for.
                          .invariant("collects the session tokens", (world, users) -> {
                            for (int user = 0; user < users.count(); user++) {
                              String token = users.client(user).bearer();
                              if (token != null) {
                                tokens.add(token);
                              }
                            }
                          })
                          .build(),
                      TodoApp.system(environment)));

      assertThat(failure).isNotNull();
      List<String> texts = new ArrayList<>();
      texts.add(failure.getMessage());
      try (Stream<Path> files = Files.walk(reports)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          texts.add(Files.readString(file));
        }
      }
      assertThat(texts).hasSizeGreaterThanOrEqualTo(4);
      assertThat(String.join("\n", texts))
          .as("a report shows logins, and the token step, redacted")
          .contains("login(user1)")
          .contains("[redacted: ");
      assertThat(tokens).as("session tokens the users held").isNotEmpty();
      for (String text : texts) {
        assertThat(text).doesNotContain("pw-user1-secret", "pw-user2-secret");
        for (String token : tokens) {
          assertThat(text).doesNotContain(token);
        }
      }
    }
  }
}
