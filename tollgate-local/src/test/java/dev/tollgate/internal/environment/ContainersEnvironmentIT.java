package dev.tollgate.internal.environment;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Postgres;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class ContainersEnvironmentIT {
  private static DockerClient docker;

  @BeforeAll
  static void docker() {
    DockerRequired.check();
    docker = DockerClientFactory.instance().client();
  }

  @Test
  void runs_app_image_with_postgres_and_wiremock_containers_then_removes_all_on_close() throws Exception {
    Path workDir = TinyApps.workDir("containers");
    List<String> imagesBefore = appImages();
    Environment env = Environments.builder().app(TinyApps.inImage(workDir)).postgres().stub("notifier")
        .kind(EnvironmentKind.CONTAINERS).workDir(workDir).build();
    try (env) {
      env.start();
      assertThat(ownContainers()).hasSize(3);
      env.stub("notifier").client().register(post(urlEqualTo("/notify")).willReturn(noContent()));
      URI app = env.appBaseUrl();
      assertThat(TinyApps.post(app, "/users?name=ada").body()).isEqualTo("{\"id\":1}");
      assertThat(TinyApps.post(app, "/todos?user=1&title=milk").body())
          .as("the app reaches the stub by its name on the network").isEqualTo("{\"id\":1,\"notifier\":204}");
      env.stub("notifier").client().verifyThat(1, postRequestedFor(urlEqualTo("/notify")));

      env.reset();

      assertThat(TinyApps.get(app, "/todos/count").body()).isEqualTo("0");
      assertThat(env.stub("notifier").client().find(postRequestedFor(urlEqualTo("/notify")))).isEmpty();
      assertThat(TinyApps.post(app, "/users?name=bob").body()).isEqualTo("{\"id\":1}");
      try (Connection c = env.database().connect(); Statement s = c.createStatement();
           ResultSet rows = s.executeQuery("select count(*) from flyway_schema_history")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }

    assertThat(ownContainers()).as("containers left").isEmpty();
    assertThat(ownNetworks()).as("networks left").isEmpty();
    assertThat(appImages()).as("built app images left").containsExactlyInAnyOrderElementsOf(imagesBefore);
  }

  @Test
  void local_app_process_can_use_a_postgres_container_through_its_published_port() throws Exception {
    Path workDir = TinyApps.workDir("local-with-container-db");
    try (Environment env = Environments.builder().app(TinyApps.onTestClasspath()).postgres(Postgres.container())
        .kind(EnvironmentKind.LOCAL).workDir(workDir).build().start()) {
      assertThat(ownContainers()).hasSize(1);
      assertThat(TinyApps.post(env.appBaseUrl(), "/users?name=ada").body()).isEqualTo("{\"id\":1}");

      env.reset();

      assertThat(TinyApps.post(env.appBaseUrl(), "/users?name=bob").body()).isEqualTo("{\"id\":1}");
    }
    assertThat(ownContainers()).isEmpty();
  }

  @Test
  void missing_postgres_image_says_how_to_get_one_and_leaves_nothing() throws Exception {
    Environment env = Environments.builder().app(TinyApps.inImage(TinyApps.workDir("no-image")))
        .postgres(Postgres.container("tollgate/no-such-postgres:0"))
        .kind(EnvironmentKind.CONTAINERS).workDir(TinyApps.workDir("no-image")).build();

    assertThatThrownBy(env::start).isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("Expected the image 'tollgate/no-such-postgres:0' to be present or pullable,"
            + " but it is not here and the pull failed")
        .hasMessageContaining("ci/images/build-images.sh")
        .hasMessageContaining("TOLLGATE_IMAGE_POSTGRES");
    assertThat(ownContainers()).isEmpty();
    assertThat(ownNetworks()).isEmpty();
  }

  @Test
  void app_that_exits_at_start_in_its_container_is_reported_with_its_log_tail() throws Exception {
    Path workDir = TinyApps.workDir("container-exits");
    Environment env = Environments.builder()
        .app(TinyApps.inImage(workDir).env("TINY_APP_EXIT_AT_START", "4").startTimeout(Duration.ofSeconds(20)))
        .postgres().kind(EnvironmentKind.CONTAINERS).workDir(workDir).build();

    assertThatThrownBy(env::start).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("Expected the app container")
        .hasMessageContaining("the container exited with code 4 during start")
        .hasMessageContaining("tiny-app: told to fail at start (TINY_APP_EXIT_AT_START=4)");
    assertThat(ownContainers()).isEmpty();
    assertThat(ownNetworks()).isEmpty();
  }

  private static Map<String, String> ownLabel() {
    return Map.of(Docker.OWNER_PID_LABEL, Long.toString(ProcessHandle.current().pid()));
  }

  private static List<String> ownContainers() {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(ownLabel()).exec().stream()
        .map(c -> c.getId()).collect(Collectors.toList());
  }

  private static List<String> ownNetworks() {
    return docker.listNetworksCmd().withFilter("label", List.of(Docker.OWNER_PID_LABEL + "=" + ProcessHandle.current().pid()))
        .exec().stream().map(n -> n.getId()).collect(Collectors.toList());
  }

  private static List<String> appImages() {
    return docker.listImagesCmd().exec().stream()
        .flatMap(i -> i.getRepoTags() == null ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(i.getRepoTags()))
        .filter(tag -> tag.startsWith("tollgate-app-")).collect(Collectors.toList());
  }
}
