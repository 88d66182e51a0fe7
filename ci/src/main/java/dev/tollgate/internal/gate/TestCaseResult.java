package dev.tollgate.internal.gate;

import java.nio.file.Path;

/** One test case from a Surefire or Failsafe XML report. */
public record TestCaseResult(String className, String name, Outcome outcome, String message, Path file) {

    /** How the test ended; FAILED covers both an assertion failure and an error. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public String displayName() {
        return className.isEmpty() ? name : className + "#" + name;
    }
}
