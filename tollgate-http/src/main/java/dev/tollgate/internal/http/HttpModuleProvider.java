package dev.tollgate.internal.http;

import dev.tollgate.environment.Environment;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.internal.compare.ExchangeDiff;
import dev.tollgate.internal.module.HttpModule;
import dev.tollgate.internal.report.RunRecord;
import dev.tollgate.runner.SystemUnderTest;
import java.time.Duration;
import java.util.List;

/** The HTTP module as the engine finds it: registered in META-INF/services. */
public final class HttpModuleProvider implements HttpModule {

  @Override
  public SystemUnderTest<?> system(Environment started, Duration requestTimeout) {
    HttpSystem system = HttpSystem.at(started.appBaseUrl()).onReset(started::reset);
    return requestTimeout == null ? system : system.timeout(requestTimeout);
  }

  @Override
  public ExchangeDiff diff(List<String> ignoredPaths) {
    return new ResponseDiff(ignoredPaths);
  }

  @Override
  public String regressionTest(RunRecord run) {
    return RestAssuredTest.render(run);
  }
}
