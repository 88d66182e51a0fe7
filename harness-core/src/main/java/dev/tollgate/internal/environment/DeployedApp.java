package dev.tollgate.internal.environment;

import dev.tollgate.environment.App;
import dev.tollgate.environment.EnvironmentException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** An app that someone else deployed: nothing to start or stop, only to find ready. */
final class DeployedApp implements Parts.AppPart {
  static final String URL_KEY = "tollgate.external.url";
  private final URI baseUrl;

  private DeployedApp(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  static DeployedApp connect(App app) {
    URI url = Settings.get(URL_KEY).map(URI::create).or(app::deployedUrl).orElseThrow(() -> new EnvironmentException(
        "The external environment needs the deployed app's base URL, but none was given. Set -D" + URL_KEY
            + "=https://staging.example.com (or the variable " + Settings.variableName(URL_KEY)
            + "), or build the environment with App.deployedAt(URI)."));
    String base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
    ReadinessProbe probe = new ReadinessProbe(app.readiness(), URI.create(base));
    if (probe.await(app.startTimeout(), () -> true) != ReadinessProbe.Outcome.READY) {
      throw new EnvironmentException("The deployed app at " + base + " is not ready. " + probe.timedOut(app.startTimeout())
          + " Check the URL and that the deployment is up.");
    }
    return new DeployedApp(URI.create(base));
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public void ensureAlive() {
    // Not ours to watch; requests to it fail on their own.
  }

  @Override
  public Optional<Path> log() {
    return Optional.empty();
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
