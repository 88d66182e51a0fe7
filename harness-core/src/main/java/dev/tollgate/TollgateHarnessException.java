package dev.tollgate;

/**
 * Tollgate could not finish a check for a reason that is neither the model's nor a failed check:
 * a dependency went down during a reset, a harness limit was hit (a response body over {@code
 * tollgate.maxBodyBytes}), or the time budget ran out before any program finished.
 *
 * <p>Its message says which, names the part at fault, and how to go on. It is not a {@link
 * TollgateConfigurationException}: the model and the settings may be fine, and so may the
 * system's behaviour; what failed is the ground the check stands on.
 */
public class TollgateHarnessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TollgateHarnessException(String message) {
    super(message);
  }

  public TollgateHarnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
