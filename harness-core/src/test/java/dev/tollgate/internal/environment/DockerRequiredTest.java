package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DockerRequiredTest {

  @Test
  void fails_in_ci_when_docker_is_missing() {
    assertThatThrownBy(() -> DockerRequired.check(false, "true")).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true, so this fails instead of skipping.");
  }

  @Test
  void skips_on_a_developer_machine_without_docker_and_says_how_to_start_one() {
    assertThatThrownBy(() -> DockerRequired.check(false, null)).isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("Start one (ci/images/start-docker.sh)");
  }

  @Test
  void lets_the_test_run_when_docker_answers() {
    assertThatCode(() -> DockerRequired.check(true, "true")).doesNotThrowAnyException();
  }
}
