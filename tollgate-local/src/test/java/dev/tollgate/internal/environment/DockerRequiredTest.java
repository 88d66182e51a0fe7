package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DockerRequiredTest {
  private static final Optional<String> NO_DOCKER = ContainerPrerequisites.problem(false, Map.of());

  @Test
  void fails_in_ci_when_docker_is_missing() {
    assertThatThrownBy(() -> DockerRequired.check(NO_DOCKER, "true"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true, so this fails instead of skipping.");
  }

  @Test
  void skips_on_a_developer_machine_without_docker_and_says_how_to_start_one() {
    assertThatThrownBy(() -> DockerRequired.check(NO_DOCKER, null))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("Start one (ci/images/start-docker.sh)");
  }

  @Test
  void skips_when_docker_answers_but_images_cannot_be_had_naming_the_variables_to_set() {
    Map<String, String> unavailable = new LinkedHashMap<>();
    unavailable.put(Images.POSTGRES_KEY, "postgres:16");
    unavailable.put(Images.JRE_KEY, "eclipse-temurin:17-jre");
    Optional<String> problem = ContainerPrerequisites.problem(true, unavailable);

    assertThat(problem).hasValue("Docker answers, but the containers environment's images"
        + " 'postgres:16' (TOLLGATE_IMAGE_POSTGRES), 'eclipse-temurin:17-jre' (TOLLGATE_IMAGE_JRE)"
        + " are not here and cannot be pulled (no registry reachable?). Build local stand-ins with"
        + " ci/images/build-images.sh and set TOLLGATE_IMAGE_POSTGRES=tollgate/postgres:15"
        + " TOLLGATE_IMAGE_JRE=tollgate/jre:17 (as .ci/run does), or set those variables to images"
        + " you have.");
    assertThatThrownBy(() -> DockerRequired.check(problem, null))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("TOLLGATE_IMAGE_POSTGRES");
    assertThatThrownBy(() -> DockerRequired.check(problem, "true"))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("TOLLGATE_IMAGE_JRE");
  }

  @Test
  void lets_the_test_run_when_docker_answers_and_every_image_is_here() {
    Optional<String> problem = ContainerPrerequisites.problem(true, Map.of());

    assertThat(problem).isEmpty();
    assertThatCode(() -> DockerRequired.check(problem, "true")).doesNotThrowAnyException();
  }
}
