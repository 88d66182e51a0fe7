package dev.tollgate.internal.environment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tollgate.environment.EnvironmentException;
import java.net.URI;

/** WireMock in this JVM on a free loopback port. */
final class InProcessStub implements Parts.StubPart {
  private final String name;
  private final WireMockServer server;
  private final WireMock client;

  private InProcessStub(String name, WireMockServer server) {
    this.name = name;
    this.server = server;
    this.client = new WireMock("localhost", server.port());
  }

  static InProcessStub start(String name) {
    // Few threads: a stub answers one app, and the machine may have two cores. Delayed answers
    // (withFixedDelay, a slow dependency) wait on a timer, not on a request thread: otherwise a
    // few slow answers hold every thread, the app's next calls queue past its timeout, and
    // answers a program ago still block the next program's calls.
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(10).jettyAcceptors(1)
        .asynchronousResponseEnabled(true).asynchronousResponseThreads(2));
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new EnvironmentException("Expected the WireMock stub '" + name + "' to start, but it failed: " + e.getMessage(), e);
    }
    return new InProcessStub(name, server);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public URI baseUrl() {
    return URI.create("http://localhost:" + server.port());
  }

  @Override
  public String appUrl() {
    return baseUrl().toString();
  }

  @Override
  public WireMock client() {
    return client;
  }

  @Override
  public void reset() {
    server.resetRequests();
    server.resetScenarios();
  }

  @Override
  public void close() {
    server.stop();
  }
}
