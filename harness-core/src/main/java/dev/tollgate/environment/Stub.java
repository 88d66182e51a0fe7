package dev.tollgate.environment;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.URI;

/**
 * A WireMock server standing in for one dependent service of the app. The app finds it through
 * the variable {@code <NAME>_URL}; tests set its answers and read its requests through {@link #client()}.
 */
public interface Stub {
  String name();

  /** The base URL reachable from this JVM. */
  URI baseUrl();

  /** A client for stubbing and verifying, bound to this server. */
  WireMock client();

  /** Forgets recorded requests and puts every scenario back to its start; stub mappings stay. */
  void reset();
}
