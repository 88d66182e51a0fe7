package dev.tollgate.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RedactedThrowableTest {

  @Test
  void keeps_an_exception_without_secrets_as_it_is() {
    IllegalStateException plain = new IllegalStateException("no item 7");

    assertThat(RedactedThrowable.of(plain)).isSameAs(plain);
  }

  @Test
  void masks_every_message_of_the_chain_and_keeps_types_stacks_and_values() {
    Secrets.register("chain-secret-5150");
    IllegalStateException root = new IllegalStateException("db said chain-secret-5150");
    AssertionFailedError top = new AssertionFailedError(
        "body: {\"token\":\"tk-in-body\"}", "200", "500 chain-secret-5150", root);
    top.addSuppressed(new RuntimeException("password=supp-pw-1"));

    Throwable shown = RedactedThrowable.of(top);
    StringWriter trace = new StringWriter();
    shown.printStackTrace(new PrintWriter(trace));

    assertThat(shown).isInstanceOf(AssertionFailedError.class);
    assertThat(((AssertionFailedError) shown).getActual().getStringRepresentation())
        .isEqualTo("500 [redacted: 17 chars]");
    assertThat(shown.getStackTrace()).isEqualTo(top.getStackTrace());
    assertThat(trace.toString())
        .contains("java.lang.IllegalStateException: db said [redacted: 17 chars]",
            "\"token\":\"[redacted: 10 chars]\"", "password=[redacted: 9 chars]")
        .doesNotContain("chain-secret-5150", "tk-in-body", "supp-pw-1");
  }
}
