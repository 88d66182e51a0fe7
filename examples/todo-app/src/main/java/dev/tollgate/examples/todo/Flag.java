package dev.tollgate.examples.todo;

import java.util.Set;

/** Feature flags that {@code TODO_APP_FLAGS} can switch on. */
public enum Flag {
    /** Staff users may pin todos ({@code PUT /todos/{id}/pin}). */
    PINNING("pinning"),
    /**
     * Security on, as in many real apps: {@code /health} answers 401 without a valid session, a
     * seed migration adds categories and an administrator, and {@code GET /admin/users} is for
     * staff only.
     */
    SECURED("secured");

    private final String flagName;

    Flag(String flagName) {
        this.flagName = flagName;
    }

    public String flagName() {
        return flagName;
    }

    /**
     * Parses a comma-separated list such as {@code "pinning"}; blank means none.
     *
     * @throws ConfigException naming the unknown entry and the valid ones
     */
    public static Set<Flag> parseList(String csv) {
        return Switches.parse("TODO_APP_FLAGS", csv, Flag.class, Flag::flagName);
    }
}
