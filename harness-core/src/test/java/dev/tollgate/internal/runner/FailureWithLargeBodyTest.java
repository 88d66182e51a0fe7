package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.SystemUnderTest;
import dev.tollgate.model.User;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.api.Test;

/**
 * A check that fails with a large JSON body in its message still reports its counterexample:
 * building the message redacts the body, and redaction must not fail on it.
 */
class FailureWithLargeBodyTest {

  /** About 5,000 characters of nested JSON with emoji, escapes, a long text and a token. */
  static String largeBody() {
    // One long string value: the old pattern recursed once per character of it.
    StringBuilder body = new StringBuilder("{\"about\":\"")
        .append("\uD83D\uDE80 long text, ".repeat(150)).append("\",\"data\":[");
    for (int i = 0; body.length() < 5_000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"id\":").append(i)
          .append(",\"title\":\"caf\u00e9 \uD83D\uDE00 \\\"q\\\"\",\"meta\":{\"tags\":[\"a\",[\"b\"]],")
          .append("\"session\":{\"sid\":\"s-").append(i).append("\"}}}");
    }
    return body.append("],\"token\":\"large-body-token\"}").toString();
  }

  @Test
  void a_failure_whose_message_holds_a_5000_character_json_body_reports_its_counterexample() {
    String body = largeBody();
    Model<Integer, Object> model = Model.define("big_body", Object.class, () -> 0)
        .command("fetch", c -> c
            .run((client, none) -> body)
            .expect((state, call, response) -> {
              throw new AssertionFailedError(
                  "expected status 200 but was 500; body: " + response, "200", "500");
            }))
        .build();
    SystemUnderTest<Object> system = new SystemUnderTest<>() {
      @Override
      public void reset() {}

      @Override
      public Object client(User user) {
        return new Object();
      }
    };

    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().reporter(Reporter.none()).withoutCorpus().tries(5).seed(3)
            .check(model, system));

    assertThat(body.length()).isGreaterThanOrEqualTo(5_000);
    assertThat(failure).isNotNull();
    assertThat(failure.steps()).hasSize(1);
    assertThat(failure.getMessage()).contains("1. user1 fetch", "Replay exactly this program");
    assertThat(failure.details().replayToken()).isNotBlank();
  }
}
