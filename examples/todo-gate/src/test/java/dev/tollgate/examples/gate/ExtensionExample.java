package dev.tollgate.examples.gate;

import dev.tollgate.Tollgate;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import dev.tollgate.runner.TollgateExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's extension example ("Writing a model test"), compiled so it keeps to the API.
 * Nothing runs it (its name is no test's): {@link TodoGateIT} is the gate run this way.
 */
class ExtensionExample {
  @RegisterExtension
  static final TollgateExtension gate = Tollgate.environment()
      .app(App.jar(Path.of("../todo-app/target/todo-app.jar")))
      .postgres()                    // embedded by default; a container or a JDBC URL on request
      .stub("notifier")              // WireMock standing in for a dependent service
      .stub("flags")                 // and one for the flag service the app asks
      .build();

  @StateMachineTest(tries = 200, maxSteps = 30, users = 3)
  void todos_stay_consistent(Runner runner, Environment environment) {   // Environment: db and stubs
    runner.check(TodoGateModel.model(TodoApp.setup(environment)));
  }
}
