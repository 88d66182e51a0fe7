package dev.tollgate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.App;
import dev.tollgate.environment.EnvironmentKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The core's tests run without tollgate-http, as a project does that added only harness-core. */
class TollgateExtensionWithoutHttpTest {

  static class GateWithoutHttp {
    @RegisterExtension
    static final TollgateExtension GATE = Tollgate.environment().kind(EnvironmentKind.LOCAL)
        .app(App.jar(Path.of("no-such-app.jar"))).postgres()
        .workDir(Path.of("target", "missing-http")).build();

    @Test
    void never_runs(Runner runner) {}
  }

  @Test
  void the_extension_names_tollgate_http_before_it_starts_anything() {
    List<Throwable> failures = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(GateWithoutHttp.class)).execute().allEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .toList();

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).hasMessageStartingWith("A TollgateExtension talks to the system"
            + " over HTTP, which needs Tollgate's module dev.tollgate:tollgate-http")
        .hasMessageContaining("<artifactId>tollgate-http</artifactId>")
        .hasMessageNotContaining("tollgate-local");
  }
}
