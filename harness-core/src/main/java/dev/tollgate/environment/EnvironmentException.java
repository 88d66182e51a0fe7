package dev.tollgate.environment;

/**
 * An environment could not be configured, started, reset or stopped. The message says what was
 * expected, what was found, and how to fix it.
 */
public class EnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message) {
    super(message);
  }

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
