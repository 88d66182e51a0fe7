package dev.tollgate.internal.environment;

import dev.tollgate.environment.Postgres;
import java.util.Optional;

/** The containers environment's parts, registered for {@link java.util.ServiceLoader} in META-INF/services. */
public final class ContainersModule implements ContainerParts {
  @Override
  public boolean dockerAvailable() {
    return Docker.isAvailable();
  }

  @Override
  public Optional<String> whyCannotRun() {
    return ContainerPrerequisites.problem(Docker.isAvailable());
  }

  @Override
  public void launch(ComposedEnvironment env, EnvironmentSpec spec) {
    ContainerLaunch.start(env, spec);
  }

  @Override
  public Parts.DatabasePart database(Postgres postgres) {
    return ContainerDatabase.start(Docker.require(), ContainerLaunch.image(postgres), null);
  }
}
