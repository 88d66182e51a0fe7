package dev.tollgate.internal.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tollgate.environment.EnvironmentException;
import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/** WireMock in a container; on the environment's network its host name is the stub's name. */
final class ContainerStub implements Parts.StubPart {
  private static final int PORT = 8080;
  private final String name;
  private final GenericContainer<?> container;
  private final WireMock client;

  private ContainerStub(String name, GenericContainer<?> container) {
    this.name = name;
    this.container = container;
    this.client = new WireMock(container.getHost(), container.getMappedPort(PORT));
  }

  @SuppressWarnings("resource")
  static ContainerStub start(DockerClient client, String name, Network network) {
    String image = Images.wiremock();
    Docker.requireImage(client, image, Images.WIREMOCK_KEY);
    GenericContainer<?> container = new GenericContainer<>(image)
        .withNetwork(network)
        .withNetworkAliases(name)
        .withExposedPorts(PORT)
        // As the local stub: delayed answers wait on a timer, not on one of Jetty's threads.
        .withCommand("--port", String.valueOf(PORT), "--disable-banner",
            "--async-response-enabled=true", "--async-response-threads=2")
        .withLabels(Docker.labels())
        .waitingFor(Wait.forHttp("/__admin/mappings").forPort(PORT).forStatusCode(200));
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      throw new EnvironmentException("Expected a WireMock container from '" + image + "' for the stub '" + name
          + "' to answer on port " + PORT + ", but it failed: " + e.getMessage(), e);
    }
    return new ContainerStub(name, container);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public URI baseUrl() {
    return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
  }

  @Override
  public String appUrl() {
    return "http://" + name + ":" + PORT;
  }

  @Override
  public WireMock client() {
    return client;
  }

  @Override
  public void reset() {
    client.resetRequests();
    client.resetScenarios();
  }

  @Override
  public void close() {
    container.stop();
  }
}
