package dev.tollgate.internal.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core's own tests run without tollgate-http, as a project does that checks a system
 * in-process: no JSON library (nor Awaitility) on the classpath, and no HTTP module to find.
 */
class HttpModulesTest {
  private static final String VERSION = "0.1.0-SNAPSHOT";

  @Test
  void the_missing_http_module_is_named_with_a_snippet_to_paste_word_for_word() {
    assertThat(HttpModules.missing("A TollgateExtension").getMessage()).isEqualTo(
        "A TollgateExtension talks to the system over HTTP, which needs Tollgate's module"
            + " dev.tollgate:tollgate-http (HTTP sessions, JSON bodies, comparisons and regression"
            + " tests), but it is not on the test classpath. Each environment module brings it; to"
            + " check a system in-process, the core alone is enough, with runner.check(model,"
            + " system). Add to your pom.xml (with tollgate-bom imported, without the <version>):\n"
            + "    <dependency>\n"
            + "      <groupId>dev.tollgate</groupId>\n"
            + "      <artifactId>tollgate-http</artifactId>\n"
            + "      <version>" + VERSION + "</version>\n"
            + "      <scope>test</scope>\n"
            + "    </dependency>\n");
  }

  /** The core's only libraries are JUnit's API and opentest4j: JSON and waiting are not among them. */
  @ParameterizedTest
  @ValueSource(strings = {"com.fasterxml.jackson.databind.ObjectMapper", "org.awaitility.Awaitility"})
  void the_core_compiles_and_runs_without_jackson_or_awaitility(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void without_tollgate_http_no_http_module_is_found() {
    assertThat(HttpModules.find()).isEmpty();
    assertThatThrownBy(() -> HttpModules.required("Comparison.of(control, candidate)"))
        .hasMessageStartingWith("Comparison.of(control, candidate) talks to the system over HTTP,"
            + " which needs Tollgate's module dev.tollgate:tollgate-http");
  }
}
