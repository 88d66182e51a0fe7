package dev.tollgate.internal.environment;

import com.github.dockerjava.api.DockerClient;
import dev.tollgate.environment.Database;
import dev.tollgate.environment.EnvironmentException;
import org.testcontainers.containers.Network;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a container; on the environment's network it is the host {@code postgres}. */
final class ContainerDatabase implements Parts.DatabasePart {
  static final String ALIAS = "postgres";
  private final PostgreSQLContainer container;
  private final JdbcDatabase database;
  private final String appJdbcUrl;

  private ContainerDatabase(PostgreSQLContainer container, boolean onNetwork) {
    this.container = container;
    this.database = new JdbcDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    this.appJdbcUrl = onNetwork
        ? "jdbc:postgresql://" + ALIAS + ":" + PostgreSQLContainer.POSTGRESQL_PORT + "/" + container.getDatabaseName()
        : container.getJdbcUrl();
  }

  /** Starts the container, on the network when one is given (else the app reaches it through the published port). */
  @SuppressWarnings("resource")
  static ContainerDatabase start(DockerClient client, String image, Network network) {
    Docker.requireImage(client, image, Images.POSTGRES_KEY);
    PostgreSQLContainer container = new PostgreSQLContainer(
        DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
        .withLabels(Docker.labels());
    if (network != null) {
      container.withNetwork(network).withNetworkAliases(ALIAS);
    }
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      throw new EnvironmentException("Expected a PostgreSQL container from '" + image + "' to start, but it failed: "
          + e.getMessage() + ". The image must behave like the official postgres image (POSTGRES_USER/PASSWORD/DB,"
          + " port 5432, \"database system is ready to accept connections\" logged twice).", e);
    }
    return new ContainerDatabase(container, network != null);
  }

  String containerId() {
    return container.getContainerId();
  }

  @Override
  public Database database() {
    return database;
  }

  @Override
  public String appJdbcUrl() {
    return appJdbcUrl;
  }

  @Override
  public void close() {
    container.stop();
  }
}
