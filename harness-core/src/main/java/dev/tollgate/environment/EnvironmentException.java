package dev.tollgate.environment;

import dev.tollgate.TollgateConfigurationException;

/**
 * An environment could not be configured, started, reset or stopped. The message says what was
 * expected, what was found, and how to fix it. It is a {@link TollgateConfigurationException}, so
 * one catch covers every problem that is not a failed check.
 */
public class EnvironmentException extends TollgateConfigurationException {
  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message) {
    super(message);
  }

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
