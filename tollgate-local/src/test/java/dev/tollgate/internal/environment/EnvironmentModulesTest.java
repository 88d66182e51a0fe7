package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import org.junit.jupiter.api.Test;

/** With both environment modules on the classpath, the core finds them without naming their classes. */
class EnvironmentModulesTest {

  @Test
  void the_core_finds_both_environment_modules_through_the_service_loader() {
    assertThat(EnvironmentModules.local("test")).isInstanceOf(LocalModule.class);
    assertThat(EnvironmentModules.containers()).get().isInstanceOf(ContainersModule.class);
    assertThat(EnvironmentModules.LOCAL.present()).isTrue();
    assertThat(EnvironmentModules.CONTAINERS.coordinates()).isEqualTo("dev.tollgate:tollgate-containers");
  }

  @Test
  void auto_picks_containers_exactly_when_docker_answers() {
    System.setProperty("tollgate.environment", "auto");
    try {
      assertThat(Environments.resolveKind(null))
          .isEqualTo(Docker.isAvailable() ? EnvironmentKind.CONTAINERS : EnvironmentKind.LOCAL);
    } finally {
      System.clearProperty("tollgate.environment");
    }
  }
}
