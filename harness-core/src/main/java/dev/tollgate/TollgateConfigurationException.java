package dev.tollgate;

import dev.tollgate.internal.secrets.Redactor;

/**
 * The one exception Tollgate throws for a model or a configuration it cannot work with.
 *
 * <p>Its message names the element at fault, says what was expected and what was found, and how
 * to fix it. It is never a test failure: a failing check is an opentest4j
 * {@code AssertionFailedError}. Secrets in the message are masked, as everywhere else.
 */
public class TollgateConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TollgateConfigurationException(String message) {
    super(Redactor.text(message));
  }

  public TollgateConfigurationException(String message, Throwable cause) {
    super(Redactor.text(message), cause);
  }
}
