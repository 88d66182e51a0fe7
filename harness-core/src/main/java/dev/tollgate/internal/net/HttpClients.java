package dev.tollgate.internal.net;

import java.net.http.HttpClient;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * JDK {@code HttpClient}s that set up TLS only when a request first needs it.
 *
 * <p>A client built with no {@code SSLContext} takes the JVM's default one at once, and building
 * that loads the security providers and parses every certificate of the default trust store:
 * about a quarter of a second in a fresh JVM, before the first request to a plain {@code http://}
 * app, which most apps under test are. The clients here get a context that stands for the default
 * one and asks for it on the first TLS connection, so {@code https://} works as before (the same
 * trust store, protocols and cipher suites) and {@code http://} never pays for it.
 */
public final class HttpClients {
  private HttpClients() {}

  /** A builder with the deferred default TLS context; everything else is the JDK's default. */
  public static HttpClient.Builder builder() {
    return HttpClient.newBuilder().sslContext(deferredDefault()).sslParameters(new SSLParameters());
  }

  /**
   * A context that delegates to {@link SSLContext#getDefault()}, first asked for when an engine or
   * a socket factory is needed. The empty {@link SSLParameters} the builder gets leave the
   * engine's protocols and cipher suites at the default context's own: null means "as the
   * engine has them".
   */
  public static SSLContext deferredDefault() {
    return new SSLContext(new DeferredSpi(), null, "Default") {};
  }

  private static final class DeferredSpi extends SSLContextSpi {
    private volatile SSLContext real;

    private SSLContext real() {
      SSLContext context = real;
      if (context == null) {
        try {
          context = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(
              "This JVM has no default TLS context (" + e.getMessage() + "), so https:// cannot be"
                  + " reached. Expected a JDK with the SunJSSE provider; check the JVM's"
                  + " java.security settings.",
              e);
        }
        real = context;
      }
      return context;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("the deferred default TLS context cannot be initialized");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return real().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return real().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return real().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return real().getSupportedSSLParameters();
    }
  }
}
