package dev.tollgate.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadinessTest {

  private static Readiness.Answer answer(int status, String body) {
    return new Readiness.Answer(status, body);
  }

  @Test
  void the_default_accepts_2xx_only() {
    Readiness health = App.jar(java.nio.file.Path.of("app.jar")).readiness();

    assertThat(health.describe()).isEqualTo("GET /health answers 2xx");
    assertThat(health.accepts(answer(204, ""))).isTrue();
    assertThat(health.accepts(answer(401, ""))).isFalse();
  }

  @Test
  void a_protected_health_check_is_up_on_the_statuses_given() {
    Readiness health = Readiness.http("actuator/health").withStatus(401, 200);

    assertThat(health.describe()).isEqualTo("GET /actuator/health answers HTTP 200 or 401");
    assertThat(health.accepts(answer(401, "{\"error\":\"unauthorized\"}"))).isTrue();
    assertThat(health.accepts(answer(503, ""))).isFalse();
    assertThat(Readiness.http("/").anyStatus().accepts(answer(503, ""))).isTrue();
  }

  @Test
  void a_predicate_sees_the_status_and_the_body() {
    Readiness up = Readiness.http("/health").when(a -> a.status() == 200 && a.body().contains("UP"));

    assertThat(up.accepts(answer(200, "{\"status\":\"UP\"}"))).isTrue();
    assertThat(up.accepts(answer(200, "{\"status\":\"DOWN\"}"))).isFalse();
  }

  @Test
  void refining_a_port_probe_or_giving_no_status_says_what_to_do() {
    assertThatThrownBy(() -> Readiness.port().withStatus(200)).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("Start from Readiness.http(path)");
    assertThatThrownBy(() -> Readiness.http("/health").withStatus()).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("Use anyStatus()");
    assertThatThrownBy(() -> Readiness.http("/health").withStatus(99)).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("between 100 and 599, but found 99");
  }
}
