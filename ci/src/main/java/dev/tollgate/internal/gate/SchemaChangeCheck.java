package dev.tollgate.internal.gate;

import dev.tollgate.internal.gate.SqlScript.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges migration statements by an allowlist: a statement passes only when it is known to
 * leave the released app, still running against the migrated schema, working: creating tables,
 * sequences, schemas, types, views and functions, indexes built CONCURRENTLY, adding a nullable
 * column or one with a DEFAULT, making a column nullable or giving it a default, inserting seed
 * rows, backfilling new columns, comments, grants and session settings. Anything else blocks,
 * with the hazard named when it is a known one. Objects created by the new migrations themselves
 * are free to change, since no released code uses them yet.
 */
public final class SchemaChangeCheck {

    private static final String NOT_ON_THE_LIST = " is not on the gate's list of additive statements (ci/README.md,"
            + " rule 3), so the gate cannot vouch that the released app keeps working after it. Fix: change the"
            + " schema by adding only (expand); remove or rewrite (contract) in a migration after the release"
            + " that stops needing the old shape";

    private final Set<String> newTables = new HashSet<>();
    /** Columns added to existing tables by the new migrations, {@code table.column}: free to backfill. */
    private final Set<String> newColumns = new HashSet<>();
    /** Views, functions and indexes created by the new migrations, by kind and name: {@code view v}. */
    private final Set<String> newObjects = new HashSet<>();

    /** Checks one statement and remembers what it creates for the statements after it; empty means it passes. */
    public List<String> problems(Statement statement) {
        SqlCursor c = new SqlCursor(statement.tokens());
        List<String> problems = new ArrayList<>();
        if (c.accept("CREATE")) {
            create(c, problems);
        } else if (c.accept("DROP")) {
            drop(c, problems);
        } else if (c.accept("ALTER", "TABLE")) {
            c.accept("IF", "EXISTS");
            c.accept("ONLY");
            String table = c.name().orElse("?");
            c.acceptSymbol("*");
            if (isExisting(table)) {
                for (SqlCursor action : c.splitOnTopLevelCommas()) {
                    alterAction(table, action, problems);
                }
            }
        } else if (c.accept("RENAME", "TABLE")) {
            c.name().filter(this::isExisting).ifPresent(t -> problems.add("renames table " + t
                    + ", which the released app still uses by its old name"));
        } else if (c.accept("INSERT", "INTO")) {
            String table = c.name().orElse("?");
            if (isExisting(table) && c.containsTopLevel("DO", "UPDATE")) {
                problems.add("changes existing rows of " + table + " (ON CONFLICT DO UPDATE), which the released"
                        + " app reads. Fix: insert seed rows with ON CONFLICT DO NOTHING");
            }
        } else if (c.accept("UPDATE")) {
            update(c, problems);
        } else if (c.accept("DELETE", "FROM")) {
            c.accept("ONLY");
            c.name().filter(this::isExisting).ifPresent(t -> problems.add("deletes rows from " + t
                    + ", which the released app still reads"));
        } else if (c.accept("TRUNCATE")) {
            c.accept("TABLE");
            do {
                c.accept("ONLY");
                c.name().filter(this::isExisting).ifPresent(t -> problems.add("empties table " + t
                        + ", whose rows the released app still reads"));
            } while (c.acceptSymbol(","));
        } else if (c.accept("REVOKE")) {
            problems.add("revokes privileges, which the released app may need");
        } else if (!c.accept("COMMENT", "ON") && !c.accept("GRANT") && !c.accept("SET")) {
            problems.add(c.upcoming(2) + NOT_ON_THE_LIST);
        }
        return problems;
    }

    private void create(SqlCursor c, List<String> problems) {
        boolean orReplace = c.accept("OR", "REPLACE");
        if (!orReplace && (c.accept("TABLE") || c.accept("UNLOGGED", "TABLE") || c.accept("TEMP", "TABLE")
                || c.accept("TEMPORARY", "TABLE"))) {
            c.accept("IF", "NOT", "EXISTS");
            c.name().ifPresent(newTables::add);
        } else if (!orReplace && (c.accept("INDEX") || c.peek("UNIQUE"))) {
            createIndex(c, problems);
        } else if (!orReplace && c.acceptAny("SEQUENCE", "SCHEMA", "TYPE", "DOMAIN", "EXTENSION")) {
            c.accept("IF", "NOT", "EXISTS");
        } else if (c.accept("VIEW") || c.accept("MATERIALIZED", "VIEW")) {
            replaceable("view", c, orReplace, problems);
        } else if (c.accept("FUNCTION") || c.accept("PROCEDURE")) {
            replaceable("function", c, orReplace, problems);
        } else if (!orReplace && c.accept("TRIGGER")) {
            c.name();
            while (!c.atEnd() && !c.accept("ON")) {
                c.skip();
            }
            c.name().filter(this::isExisting).ifPresent(t -> problems.add("adds a trigger to existing table " + t
                    + ", which runs on the released app's writes and can change or reject them"));
        } else {
            problems.add("CREATE " + (orReplace ? "OR REPLACE " : "") + c.upcoming(2) + NOT_ON_THE_LIST);
        }
    }

    /**
     * Plain CREATE INDEX holds a lock that blocks writes to the table until the index is built;
     * a unique index also fails on duplicates already there and rejects the released app's.
     */
    private void createIndex(SqlCursor c, List<String> problems) {
        boolean unique = c.accept("UNIQUE", "INDEX");
        boolean concurrently = c.accept("CONCURRENTLY");
        c.accept("IF", "NOT", "EXISTS");
        Optional<String> index = c.peek("ON") ? Optional.empty() : c.name();
        c.accept("ON");
        c.accept("ONLY");
        String table = c.name().orElse("?");
        index.ifPresent(i -> newObjects.add("index " + i));
        if (!isExisting(table)) {
            return;
        }
        if (unique) {
            problems.add("adds a unique index to existing table " + table + ": building it fails on duplicates"
                    + " already there, and the released app's writes of duplicates will fail. Fix: make the app"
                    + " keep the values unique first, then add the index in a later release");
        } else if (!concurrently) {
            problems.add("builds an index on existing table " + table + " without CONCURRENTLY, which blocks"
                    + " writes to it until the index is built. Fix: CREATE INDEX CONCURRENTLY, in a migration of"
                    + " its own that Flyway runs outside a transaction");
        }
    }

    /** CREATE OR REPLACE of a view or function the released app may use changes what it gets. */
    private void replaceable(String kind, SqlCursor c, boolean orReplace, List<String> problems) {
        c.accept("IF", "NOT", "EXISTS");
        String name = c.name().orElse("?");
        if (orReplace && !newObjects.contains(kind + " " + name)) {
            problems.add("replaces " + kind + " " + name + ", which the released app may use: what it returns"
                    + " changes under it. Fix: create a " + kind + " under a new name");
        }
        newObjects.add(kind + " " + name);
    }

    private void drop(SqlCursor c, List<String> problems) {
        if (c.accept("TABLE")) {
            c.accept("IF", "EXISTS");
            do {
                c.name().filter(this::isExisting).ifPresent(t -> problems.add("drops table " + t
                        + ", which the released app still reads and writes"));
            } while (c.acceptSymbol(","));
            return;
        }
        if (c.accept("SCHEMA")) {
            c.accept("IF", "EXISTS");
            c.name().ifPresent(s -> problems.add("drops schema " + s + " and every table in it"));
            return;
        }
        String kind = c.accept("VIEW") || c.accept("MATERIALIZED", "VIEW") ? "view"
                : c.accept("FUNCTION") || c.accept("PROCEDURE") ? "function"
                : c.accept("INDEX") ? "index" : null;
        if (kind == null) {
            problems.add("DROP " + c.upcoming(2) + NOT_ON_THE_LIST);
            return;
        }
        c.accept("CONCURRENTLY");
        c.accept("IF", "EXISTS");
        do {
            String name = c.name().orElse("?");
            if (!newObjects.contains(kind + " " + name)) {
                problems.add("drops " + kind + " " + name + ", which the released app may still use"
                        + (kind.equals("index") ? " (a unique index or ON CONFLICT needs it; queries slow down)"
                        : ""));
            }
            c.skipParenthesised();
        } while (c.acceptSymbol(","));
    }

    /** UPDATE passes when it only backfills columns that the new migrations added. */
    private void update(SqlCursor c, List<String> problems) {
        c.accept("ONLY");
        String table = c.name().orElse("?");
        if (!isExisting(table)) {
            return;
        }
        while (!c.atEnd() && !c.accept("SET")) {
            c.skip();
        }
        List<String> existing = new ArrayList<>();
        for (SqlCursor assignment : c.listUntil("FROM", "WHERE", "RETURNING")) {
            assignment.acceptSymbol("(");
            do {
                assignment.name().map(column -> table + "." + column).filter(col -> !newColumns.contains(col))
                        .ifPresent(existing::add);
            } while (assignment.acceptSymbol(","));
        }
        if (!existing.isEmpty()) {
            problems.add("rewrites existing column(s) " + String.join(", ", existing) + " of rows the released app"
                    + " reads. Fix: backfill only columns added since the release");
        }
    }

    private boolean isExisting(String table) {
        return !newTables.contains(table);
    }

    private void alterAction(String table, SqlCursor a, List<String> problems) {
        if (a.accept("ADD")) {
            if (a.acceptAny("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "INDEX", "KEY", "EXCLUDE")) {
                problems.add("adds a constraint to existing table " + table + ": rows already there may break it,"
                        + " and the released app's writes that do will fail. Fix: make the app keep the rule first,"
                        + " then add the constraint in a later release");
                return;
            }
            a.accept("COLUMN");
            a.accept("IF", "NOT", "EXISTS");
            String column = a.name().orElse("?");
            newColumns.add(table + "." + column);
            if (a.requiresValueWithoutDefault()) {
                problems.add("adds NOT NULL column " + table + "." + column + " without a DEFAULT to an"
                        + " existing table: rows already there have no value, and the released app's"
                        + " inserts leave it out. Fix: add a DEFAULT, or add it nullable and backfill");
            }
        } else if (a.accept("ALTER")) {
            a.accept("COLUMN");
            String column = table + "." + a.name().orElse("?");
            if (a.accept("SET", "DEFAULT") || a.accept("DROP", "NOT", "NULL")) {
                return;
            }
            if (a.accept("TYPE") || a.accept("SET", "DATA", "TYPE")) {
                problems.add("changes the type of column " + column
                        + ", which can fail on existing rows and break the released app's reads and writes");
            } else if (a.accept("SET", "NOT", "NULL")) {
                problems.add("makes column " + column
                        + " NOT NULL, so the released app's inserts that leave it out will fail");
            } else if (a.accept("DROP", "DEFAULT")) {
                problems.add("drops the default of column " + column
                        + ", so the released app's inserts that leave it out get NULL, or fail if it is NOT NULL");
            } else {
                problems.add("ALTER COLUMN " + column + " " + a.upcoming(3) + NOT_ON_THE_LIST);
            }
        } else if (a.accept("RENAME", "TO")) {
            problems.add("renames table " + table + " to " + a.name().orElse("?")
                    + ", which the released app still uses by its old name");
        } else if (a.accept("RENAME")) {
            if (a.acceptAny("CONSTRAINT", "INDEX", "KEY")) {
                problems.add("renames a constraint or index of " + table + ", which the released app may name"
                        + " (ON CONFLICT ON CONSTRAINT)");
                return;
            }
            a.accept("COLUMN");
            problems.add("renames column " + table + "." + a.name().orElse("?")
                    + ", which the released app still uses by its old name");
        } else if (a.accept("DROP")) {
            if (a.acceptAny("CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK")) {
                problems.add("drops a constraint of " + table + ", which the released app may rely on (its"
                        + " uniqueness, or ON CONFLICT)");
                return;
            }
            a.accept("COLUMN");
            a.accept("IF", "EXISTS");
            problems.add("drops column " + table + "." + a.name().orElse("?")
                    + ", which the released app still reads and writes");
        } else if (a.accept("SET", "SCHEMA")) {
            problems.add("moves table " + table + " to schema " + a.name().orElse("?")
                    + ", where the released app will not find it");
        } else if (a.acceptAny("MODIFY", "CHANGE")) {
            problems.add("redefines a column of " + table + " (MODIFY/CHANGE can change its name and type)");
        } else {
            problems.add("ALTER TABLE " + table + " " + a.upcoming(3) + NOT_ON_THE_LIST);
        }
    }
}
