package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import java.nio.file.Path;
import java.util.Map;

/**
 * The parts only the module {@code dev.tollgate:tollgate-local} brings (embedded PostgreSQL, the
 * app as a child process, WireMock in this JVM), with their libraries. The core finds them with
 * {@link java.util.ServiceLoader} ({@link EnvironmentModules}), so it compiles and runs without them.
 */
public interface LocalParts {
  Parts.DatabasePart embeddedDatabase(Path workDir, Lease lease);

  Parts.StubPart inProcessStub(String name);

  Parts.AppPart processApp(App app, Map<String, String> wiring, Path workDir, Lease lease);
}
