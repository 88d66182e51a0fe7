package dev.tollgate.internal.junit;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The test method a check was called from, found on the calling thread's stack: the nearest
 * frame whose method is a JUnit test ({@code @Test}, {@code @StateMachineTest}, {@code
 * @ParameterizedTest}, anything marked {@link Testable}). A runner from {@code Tollgate.runner()}
 * names its reports after it, as the one a {@code @StateMachineTest} gets does.
 */
public final class CallingTest {
  /** A test class's binary name and a method's name. */
  public record Found(String className, String methodName) {}

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private CallingTest() {}

  /** The nearest test method on the stack, or empty outside a test (or on a thread of its own). */
  public static Optional<Found> find() {
    return WALKER.walk(frames -> frames
        .filter(CallingTest::isTest)
        .findFirst()
        .map(f -> new Found(f.getDeclaringClass().getName(), f.getMethodName())));
  }

  private static boolean isTest(StackWalker.StackFrame frame) {
    Class<?> type = frame.getDeclaringClass();
    if (type.getName().startsWith("java.")) {
      return false;
    }
    try {
      Class<?>[] parameters = frame.getMethodType().parameterArray();
      return Arrays.stream(type.getDeclaredMethods())
          .filter(m -> m.getName().equals(frame.getMethodName()))
          .filter(m -> Arrays.equals(m.getParameterTypes(), parameters))
          .anyMatch(CallingTest::testable);
    } catch (LinkageError | SecurityException e) {
      // A class whose methods cannot be listed is no test Tollgate can name.
      return false;
    }
  }

  private static boolean testable(Method method) {
    return AnnotationSupport.isAnnotated(method, Testable.class);
  }
}
