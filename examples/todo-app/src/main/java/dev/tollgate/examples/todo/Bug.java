package dev.tollgate.examples.todo;

import java.util.Set;

/**
 * The planted bugs that {@code TODO_APP_BUGS} can switch on, so that Tollgate's own tests have
 * known faults to find. Each is described, with its minimal failing sequence, in BUGS.md.
 */
public enum Bug {
    DELETE_TWICE("delete-twice"),
    EDIT_RESURRECTS("edit-resurrects"),
    LOGOUT_KEEPS_SESSION("logout-keeps-session"),
    LIST_LEAKS("list-leaks"),
    PAGE_DROPS_11TH("page-drops-11th"),
    DOUBLE_VOTE("double-vote"),
    BLANK_TITLE("blank-title"),
    VOTE_FK_500("vote-fk-500"),
    VOTE_RACE("vote-race"),
    /**
     * Not a fault of the model, but a change a new build might make unnoticed: a todo shows its
     * owner as {@code ownerName} instead of {@code owner}. For control vs candidate runs.
     */
    OWNER_RENAMED("owner-renamed"),
    /** A latency regression: {@code GET /todos/{id}} sleeps 300 ms first. For control vs candidate. */
    SLOW_GET("slow-get"),
    PIN_TOGGLES("pin-toggles");

    private final String switchName;

    Bug(String switchName) {
        this.switchName = switchName;
    }

    /** The name used in {@code TODO_APP_BUGS}. */
    public String switchName() {
        return switchName;
    }

    /** All switch names, comma-separated, for error messages and docs. */
    public static String validNames() {
        return Switches.validNames(Bug.class, Bug::switchName);
    }

    /**
     * Parses a comma-separated list such as {@code "delete-twice,double-vote"}; blank means none.
     *
     * @throws ConfigException naming the unknown entry and the valid ones
     */
    public static Set<Bug> parseList(String csv) {
        return Switches.parse("TODO_APP_BUGS", csv, Bug.class, Bug::switchName);
    }
}
