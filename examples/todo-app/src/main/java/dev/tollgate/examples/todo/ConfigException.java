package dev.tollgate.examples.todo;

/** Missing or invalid configuration; the message says what was expected, what was found, and what to set. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
