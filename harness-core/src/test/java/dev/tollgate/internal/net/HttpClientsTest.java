package dev.tollgate.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpClientsTest {

  @Test
  void plain_http_requests_work_without_setting_up_tls() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      HttpClient client = HttpClients.builder().connectTimeout(Duration.ofSeconds(5)).build();

      HttpResponse<Void> response = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding());

      assertThat(response.statusCode()).isEqualTo(204);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void https_checks_the_server_against_the_default_trust_store(@TempDir Path dir) throws Exception {
    HttpsServer server = SelfSignedServer.start(dir);
    try {
      HttpClient client = HttpClients.builder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request = HttpRequest.newBuilder(
              URI.create("https://localhost:" + server.getAddress().getPort() + "/"))
          .timeout(Duration.ofSeconds(20)).build();

      // A real handshake ran and the JVM's default trust manager refused the unknown issuer.
      assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
          .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class)
          .isInstanceOf(SSLHandshakeException.class);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void the_deferred_context_makes_engines_as_the_default_context_does() throws Exception {
    SSLEngine ours = HttpClients.deferredDefault().createSSLEngine("example.org", 443);
    SSLEngine theirs = SSLContext.getDefault().createSSLEngine("example.org", 443);

    assertThat(ours.getEnabledProtocols()).containsExactly(theirs.getEnabledProtocols());
    assertThat(ours.getEnabledCipherSuites()).containsExactly(theirs.getEnabledCipherSuites());
    assertThat(ours.getPeerHost()).isEqualTo("example.org");
    assertThat(HttpClients.deferredDefault().getDefaultSSLParameters().getProtocols())
        .containsExactly(SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
  }
}
