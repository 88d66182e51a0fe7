package dev.tollgate.internal.gate;

import java.util.Locale;

/**
 * What a failed model test whose reruns showed it flaky does to the deploy ({@code flaky=} in the
 * gate's configuration). {@code block}, the default: a flaky failure is a bug that shows
 * sometimes, in production too. {@code warn}: it is shown, with its rate, and does not block, for
 * teams that triage flaky failures apart from the deploy.
 */
public enum FlakyPolicy {
    BLOCK,
    WARN;

    /** As written in the configuration: {@code block} or {@code warn}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FlakyPolicy parse(String key, String value, String source) {
        for (FlakyPolicy policy : values()) {
            if (policy.key().equalsIgnoreCase(value)) {
                return policy;
            }
        }
        throw new CannotDecideException("expected " + key + " in " + source + " to be block or warn, but found '"
                + value + "'. Fix: write " + key + "=block (a flaky failure blocks the deploy, the default) or "
                + key + "=warn (it is shown with its failure rate and does not block).");
    }
}
