package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import dev.tollgate.internal.net.SelfSignedServer;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsTest {

  /** A real handshake runs, and the JVM's default trust manager refuses the unknown issuer. */
  @Test
  void an_https_app_whose_certificate_the_jvm_does_not_trust_fails_saying_how_to_trust_it(
      @TempDir Path dir) throws Exception {
    HttpsServer server = SelfSignedServer.start(dir);
    try {
      Http http = HttpSystem.at("https://localhost:" + server.getAddress().getPort()).session();

      assertThatThrownBy(() -> http.get("/"))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("GET / could not set up TLS with https://localhost:")
          .hasMessageContaining("-Djavax.net.ssl.trustStore=")
          .hasRootCauseInstanceOf(CertPathBuilderException.class);
    } finally {
      server.stop(0);
    }
  }
}
