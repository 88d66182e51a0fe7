package dev.tollgate.internal.environment;

import com.github.dockerjava.api.DockerClient;
import dev.tollgate.environment.EnvironmentException;
import dev.tollgate.environment.Postgres;
import org.testcontainers.containers.Network;

/** Starts the parts of the containers kind: one network, then PostgreSQL, the stubs and the app on it. */
final class ContainerLaunch {
  private ContainerLaunch() {
  }

  static void start(ComposedEnvironment env, EnvironmentSpec spec) {
    DockerClient client = Docker.require();
    Network network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(Docker.labels())).build();
    network.getId();
    env.opened(network);
    Postgres.Source source = spec.postgres == null ? null : spec.postgres.source();
    if (source == Postgres.Source.EMBEDDED) {
      throw new EnvironmentException("Embedded PostgreSQL cannot be reached from the app's container. In the containers"
          + " environment use .postgres() or .postgres(Postgres.container(image)), or Postgres.jdbc(url, user, password).");
    } else if (source == Postgres.Source.JDBC) {
      env.database = env.opened(ComposedEnvironment.existing(spec.postgres));
    } else if (source != null) {
      env.database = env.opened(ContainerDatabase.start(client, image(spec.postgres), network));
    }
    for (String name : spec.stubNames) {
      env.stubs.put(name, env.opened(ContainerStub.start(client, name, network)));
    }
    env.app = env.opened(ContainerApp.start(client, spec.app, env.wiring(), network, spec.workDir));
  }

  /** The PostgreSQL image: the one given, else the configured or the public one. */
  static String image(Postgres postgres) {
    return postgres.image().orElseGet(Images::postgres);
  }
}
