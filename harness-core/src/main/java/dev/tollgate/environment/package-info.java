/**
 * Environments: the app under test, its PostgreSQL and its dependent services (WireMock stubs),
 * started together, reset between runs and stopped together. Entry point: {@link
 * dev.tollgate.environment.Environments#builder()}.
 *
 * <p>Kinds: {@code local} (embedded PostgreSQL, the app as a child process, WireMock in this JVM;
 * the default, needs no Docker), {@code containers} (Testcontainers: PostgreSQL, the app image,
 * WireMock on one Docker network), {@code external} (a deployed system by URL), {@code auto}
 * (containers when Docker answers, else local).
 *
 * <p>This package is the API; the local and containers kinds are implemented in the modules
 * {@code dev.tollgate:tollgate-local} and {@code dev.tollgate:tollgate-containers}, which bring
 * their own libraries. A project adds the one of each kind it uses; a kind whose module is
 * missing fails before it starts anything, naming the artifact to add.
 *
 * <p>Configuration: each key is a system property, or the environment variable in brackets.
 * <ul>
 *   <li>{@code tollgate.environment} ({@code TOLLGATE_ENVIRONMENT}): the kind, unless the builder fixes one;
 *   <li>{@code tollgate.image.postgres}, {@code tollgate.image.wiremock}, {@code tollgate.image.jre}
 *       ({@code TOLLGATE_IMAGE_POSTGRES}, ...): images for the containers kind, default
 *       {@code postgres:16}, {@code wiremock/wiremock:3.13.2}, {@code eclipse-temurin:17-jre};
 *       the JRE image is passed to the app's Dockerfile as build argument {@code BASE_IMAGE};
 *   <li>{@code tollgate.external.url}, {@code tollgate.external.jdbc-url}, {@code -jdbc-user},
 *       {@code -jdbc-password}: the deployed system for the external kind.
 * </ul>
 *
 * <p>The app learns where things are from environment variables: {@code PORT}, {@code DB_URL},
 * {@code DB_USER}, {@code DB_PASSWORD}, and {@code <NAME>_URL} for each stub (names changeable
 * on {@link dev.tollgate.environment.App} and the builder).
 *
 * <p>With Ryuk disabled ({@code TESTCONTAINERS_RYUK_DISABLED=true}, needed where its image cannot
 * be pulled), environments remove their own containers, networks and built images on close, from
 * a shutdown hook, and, for a JVM that was killed, on the next containers start (by label).
 */
package dev.tollgate.environment;
