package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import java.nio.file.Path;
import java.util.Map;

/** The local environment's parts, registered for {@link java.util.ServiceLoader} in META-INF/services. */
public final class LocalModule implements LocalParts {
  @Override
  public Parts.DatabasePart embeddedDatabase(Path workDir, Lease lease) {
    return EmbeddedDatabase.start(workDir, lease);
  }

  @Override
  public Parts.StubPart inProcessStub(String name) {
    return InProcessStub.start(name);
  }

  @Override
  public Parts.AppPart processApp(App app, Map<String, String> wiring, Path workDir, Lease lease) {
    return ProcessApp.start(app, wiring, workDir, lease);
  }
}
