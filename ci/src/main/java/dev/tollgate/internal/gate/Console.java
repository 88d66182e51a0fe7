package dev.tollgate.internal.gate;

import java.io.PrintStream;

/** The gate's only way to the terminal, so that a run's output can be captured and tested. */
public final class Console {
    private final PrintStream out;
    private final PrintStream err;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public void info(String line) {
        out.println(line);
        out.flush();
    }

    public void warn(String line) {
        err.println("tollgate-gate: warning: " + line);
        err.flush();
    }

    public void error(String line) {
        err.println("tollgate-gate: " + line);
        err.flush();
    }
}
