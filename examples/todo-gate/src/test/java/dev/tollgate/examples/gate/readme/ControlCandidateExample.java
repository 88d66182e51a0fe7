package dev.tollgate.examples.gate.readme;

import dev.tollgate.Tollgate;
import dev.tollgate.compare.Comparison;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.Environments;
import dev.tollgate.http.Http;
import dev.tollgate.model.Model;
import java.nio.file.Path;

/**
 * The README's "Control vs candidate" example, compiled so it keeps to the API;
 * {@code CandidateGateIT} runs a comparison against the real app.
 */
final class ControlCandidateExample {
  private ControlCandidateExample() {}

  static void compare(Model<?, Http> model, Path liveJar, Path newJar) {
    try (Environment control = Environments.builder().app(App.jar(liveJar)).postgres().build().start();
         Environment candidate = Environments.builder().app(App.jar(newJar)).postgres().build().start()) {
      Tollgate.runner().compare(model, Comparison.of(control, candidate).ignoring("..createdAt"));
    }
  }
}
