package dev.tollgate.gate;

/** The gate's ruling on one run, and the process exit code that carries it to CI. */
public enum Verdict {
    /** Every rule passed: the build may be deployed. */
    PASSED(0, "PASSED"),
    /** At least one rule blocks the deploy. */
    BLOCKED(1, "BLOCKED"),
    /** An input was missing or unreadable, so no ruling was possible; treated as a failure by CI. */
    UNDECIDED(2, "COULD NOT DECIDE");

    private final int exitCode;
    private final String label;

    Verdict(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The words shown on the verdict line of the summary and the chat message. */
    public String label() {
        return label;
    }
}
