package dev.tollgate.runner;

import dev.tollgate.internal.junit.RunnerParameterResolver;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit Jupiter test that checks a model. The method takes a {@link Runner}, set up from these
 * attributes (system properties override them), and calls {@code runner.check(model, system)}.
 * It is an ordinary {@code @Test}, so it sits in classes that also use {@code @Testcontainers},
 * WireMock's extension or Spring's test support. It works as a meta-annotation too: put it, with
 * the attributes a team shares, on an annotation of your own.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RunnerParameterResolver.class)
public @interface StateMachineTest {
  int tries() default Runner.DEFAULT_TRIES;

  int maxSteps() default Runner.DEFAULT_MAX_STEPS;

  int users() default Runner.DEFAULT_USERS;

  /**
   * 0 (the default): sequential programs. 2 or more: parallel programs with up to this many
   * branches at once (see {@link Runner#parallel(int)}).
   */
  int parallel() default 0;

  /** How often each parallel program runs (see {@link Runner#repetitions(int)}). */
  int repetitions() default Runner.DEFAULT_REPETITIONS;

  /** A fixed seed; empty means a new one each run (the failure message prints it). */
  String seed() default "";

  /**
   * A replay token from a failure ({@code t1.…}): the test runs exactly that program, as the
   * printed replay line does, so a failure replays from an IDE. Remove it once the bug is fixed.
   */
  String replay() default "";
}
