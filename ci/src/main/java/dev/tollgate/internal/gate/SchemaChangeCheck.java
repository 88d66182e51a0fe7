package dev.tollgate.internal.gate;

import dev.tollgate.internal.gate.SqlScript.Kind;
import dev.tollgate.internal.gate.SqlScript.Statement;
import dev.tollgate.internal.gate.SqlScript.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the statements that would break the released app still running against the migrated
 * schema: dropping or renaming a table or column, changing a column's type, and adding NOT NULL
 * without a default to a table that already has rows. Tables created by the new migrations
 * themselves are free to change, since no released code uses them yet.
 */
public final class SchemaChangeCheck {

    private final Set<String> newTables = new HashSet<>();

    /** Checks one statement and remembers the tables it creates for the statements after it. */
    public List<String> problems(Statement statement) {
        Cursor c = new Cursor(statement.tokens());
        List<String> problems = new ArrayList<>();
        if (c.accept("CREATE")) {
            c.accept("OR", "REPLACE");
            c.acceptAny("GLOBAL", "LOCAL");
            c.acceptAny("TEMP", "TEMPORARY", "UNLOGGED");
            if (c.accept("TABLE")) {
                c.accept("IF", "NOT", "EXISTS");
                c.name().ifPresent(newTables::add);
            }
        } else if (c.accept("DROP", "TABLE")) {
            c.accept("IF", "EXISTS");
            do {
                c.name().filter(this::isExisting).ifPresent(t -> problems.add("drops table " + t
                        + ", which the released app still reads and writes"));
            } while (c.acceptSymbol(","));
        } else if (c.accept("DROP", "SCHEMA")) {
            c.accept("IF", "EXISTS");
            c.name().ifPresent(s -> problems.add("drops schema " + s + " and every table in it"));
        } else if (c.accept("RENAME", "TABLE")) {
            c.name().filter(this::isExisting).ifPresent(t -> problems.add("renames table " + t
                    + ", which the released app still uses by its old name"));
        } else if (c.accept("ALTER", "TABLE")) {
            c.accept("IF", "EXISTS");
            c.accept("ONLY");
            String table = c.name().orElse("?");
            c.acceptSymbol("*");
            if (isExisting(table)) {
                for (Cursor action : c.splitOnTopLevelCommas()) {
                    alterAction(table, action, problems);
                }
            }
        }
        return problems;
    }

    private boolean isExisting(String table) {
        return !newTables.contains(table);
    }

    private static void alterAction(String table, Cursor a, List<String> problems) {
        if (a.accept("RENAME")) {
            if (a.accept("TO")) {
                problems.add("renames table " + table + " to " + a.name().orElse("?")
                        + ", which the released app still uses by its old name");
            } else if (!a.acceptAny("CONSTRAINT", "INDEX", "KEY")) {
                a.accept("COLUMN");
                String column = a.name().orElse("?");
                problems.add("renames column " + table + "." + column
                        + ", which the released app still uses by its old name");
            }
        } else if (a.accept("DROP")) {
            if (!a.acceptAny("CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK")) {
                a.accept("COLUMN");
                a.accept("IF", "EXISTS");
                problems.add("drops column " + table + "." + a.name().orElse("?")
                        + ", which the released app still reads and writes");
            }
        } else if (a.accept("ALTER")) {
            a.accept("COLUMN");
            String column = table + "." + a.name().orElse("?");
            if (a.accept("TYPE") || a.accept("SET", "DATA", "TYPE")) {
                problems.add("changes the type of column " + column
                        + ", which can fail on existing rows and break the released app's reads and writes");
            } else if (a.accept("SET", "NOT", "NULL")) {
                problems.add("makes column " + column
                        + " NOT NULL, so the released app's inserts that leave it out will fail");
            }
        } else if (a.accept("SET", "SCHEMA")) {
            problems.add("moves table " + table + " to schema " + a.name().orElse("?")
                    + ", where the released app will not find it");
        } else if (a.acceptAny("MODIFY", "CHANGE")) {
            problems.add("redefines a column of " + table + " (MODIFY/CHANGE can change its name and type)");
        } else if (a.accept("ADD")) {
            if (!a.acceptAny("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "INDEX", "KEY", "EXCLUDE")) {
                a.accept("COLUMN");
                a.accept("IF", "NOT", "EXISTS");
                String column = a.name().orElse("?");
                if (a.requiresValueWithoutDefault()) {
                    problems.add("adds NOT NULL column " + table + "." + column + " without a DEFAULT to an"
                            + " existing table: rows already there have no value, and the released app's"
                            + " inserts leave it out. Fix: add a DEFAULT, or add it nullable and backfill");
                }
            }
        }
    }

    /** A read position in one statement's tokens. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int pos;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        /** Consumes the words if they come next, in order; otherwise consumes nothing. */
        boolean accept(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (pos + i >= tokens.size() || !tokens.get(pos + i).isWord(words[i])) {
                    return false;
                }
            }
            pos += words.length;
            return true;
        }

        boolean acceptAny(String... words) {
            for (String word : words) {
                if (accept(word)) {
                    return true;
                }
            }
            return false;
        }

        boolean acceptSymbol(String symbol) {
            if (pos < tokens.size() && tokens.get(pos).isSymbol(symbol)) {
                pos++;
                return true;
            }
            return false;
        }

        /** A possibly schema-qualified name; the schema is dropped, as migrations name one schema. */
        Optional<String> name() {
            String name = null;
            while (pos < tokens.size()) {
                Token t = tokens.get(pos);
                if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENTIFIER) {
                    break;
                }
                name = t.identifier();
                pos++;
                if (!acceptSymbol(".")) {
                    break;
                }
            }
            return Optional.ofNullable(name);
        }

        List<Cursor> splitOnTopLevelCommas() {
            List<Cursor> parts = new ArrayList<>();
            int start = pos;
            for (int i : topLevel()) {
                if (tokens.get(i).isSymbol(",")) {
                    parts.add(new Cursor(tokens.subList(start, i)));
                    start = i + 1;
                }
            }
            parts.add(new Cursor(tokens.subList(start, tokens.size())));
            return parts;
        }

        /**
         * Whether the rest, a column definition, demands a value (NOT NULL or PRIMARY KEY outside
         * parentheses) while giving none (no DEFAULT, not generated, not a serial type).
         */
        boolean requiresValueWithoutDefault() {
            boolean required = false;
            boolean supplied = false;
            for (int i : topLevel()) {
                Token t = tokens.get(i);
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                boolean notNull = next != null && t.isWord("NOT") && next.isWord("NULL");
                boolean primaryKey = next != null && t.isWord("PRIMARY") && next.isWord("KEY");
                if (notNull || primaryKey) {
                    required = true;
                } else if (t.isWord("DEFAULT") || t.isWord("GENERATED") || t.isWord("AUTO_INCREMENT")
                        || t.kind() == Kind.WORD && t.identifier().endsWith("serial")) {
                    supplied = true;
                }
            }
            return required && !supplied;
        }

        /** Positions of the remaining tokens outside any parentheses, where a CHECK (...) cannot fool us. */
        private List<Integer> topLevel() {
            List<Integer> indexes = new ArrayList<>();
            int depth = 0;
            for (int i = pos; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")")) {
                    depth--;
                } else if (depth == 0) {
                    indexes.add(i);
                }
            }
            return indexes;
        }
    }
}
