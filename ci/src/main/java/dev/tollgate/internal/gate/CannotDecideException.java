package dev.tollgate.internal.gate;

/**
 * An input the gate needs is missing, unreadable or malformed. The message says what was
 * expected, what was found and how to fix it; it ends the run with exit code 2.
 */
public final class CannotDecideException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CannotDecideException(String message) {
        super(message);
    }

    public CannotDecideException(String message, Throwable cause) {
        super(message, cause);
    }
}
