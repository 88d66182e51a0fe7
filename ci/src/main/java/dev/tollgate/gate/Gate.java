package dev.tollgate.gate;

import dev.tollgate.internal.gate.GateRun;

import java.io.PrintStream;
import java.util.Map;

/**
 * The deployment gate's command line: rules on the results of a {@code mvn verify} run and
 * exits 0 (passed), 1 (blocked) or 2 (could not decide). See {@code ci/README.md}.
 */
public final class Gate {

    private Gate() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs the gate as the command line would, with the environment and the streams passed in
     * (so that tests and other launchers can capture them), and returns the exit code.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return new GateRun(env, out, err).run(args).exitCode();
    }
}
