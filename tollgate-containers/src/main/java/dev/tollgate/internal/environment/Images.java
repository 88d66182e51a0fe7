package dev.tollgate.internal.environment;

/**
 * Image names for the containers environment: the public images unless configured. CI without a
 * registry points these at local substitutes built by {@code ci/images/build-images.sh}.
 */
public final class Images {
  public static final String POSTGRES_KEY = "tollgate.image.postgres";
  public static final String WIREMOCK_KEY = "tollgate.image.wiremock";
  public static final String JRE_KEY = "tollgate.image.jre";

  private Images() {
  }

  public static String postgres() {
    return Settings.get(POSTGRES_KEY).orElse("postgres:16");
  }

  public static String wiremock() {
    return Settings.get(WIREMOCK_KEY).orElse("wiremock/wiremock:3.13.2");
  }

  /** The base image for app images built from a Dockerfile or a jar. */
  public static String jre() {
    return Settings.get(JRE_KEY).orElse("eclipse-temurin:17-jre");
  }
}
