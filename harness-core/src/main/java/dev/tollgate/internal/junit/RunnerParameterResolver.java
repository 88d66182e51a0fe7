package dev.tollgate.internal.junit;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a {@link StateMachineTest} method its {@link Runner}, set from the annotation and named
 * after the test. It keeps no state of its own between tests.
 */
public final class RunnerParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Runner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // findAnnotation also finds it on the user's own annotations that carry it.
    StateMachineTest settings = AnnotationSupport.findAnnotation(
        context.getRequiredTestMethod(), StateMachineTest.class).orElse(null);
    Runner runner =
        Runner.defaults()
            .reporter(line -> {
              context.publishReportEntry("tollgate", line);
              dev.tollgate.report.Reporter.console().line(line);
            })
            .test(context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName());
    StartedEnvironment started = StartedEnvironment.of(context);
    if (started != null) {
      runner = runner.system(started.system());
    }
    if (settings == null) {
      return runner;
    }
    runner = runner.tries(settings.tries()).maxSteps(settings.maxSteps()).users(settings.users())
        .parallel(settings.parallel()).repetitions(settings.repetitions());
    if (!settings.seed().isBlank()) {
      try {
        runner = runner.seed(Long.parseLong(settings.seed().trim()));
      } catch (NumberFormatException e) {
        throw new TollgateConfigurationException(
            "@StateMachineTest(seed = \"" + settings.seed() + "\") on "
                + context.getRequiredTestMethod() + ": expected a whole number, or leave it out"
                + " for a new seed each run.");
      }
    }
    if (!settings.replay().isBlank()) {
      runner = runner.replay(settings.replay());
    }
    return runner;
  }
}
