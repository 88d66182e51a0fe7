package dev.tollgate.internal.gate;

import dev.tollgate.internal.gate.SqlScript.Kind;
import dev.tollgate.internal.gate.SqlScript.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A read position in one statement's tokens, for {@link SchemaChangeCheck}. */
final class SqlCursor {
    private final List<Token> tokens;
    private int pos;

    SqlCursor(List<Token> tokens) {
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

    /** Steps over one token. */
    void skip() {
        pos++;
    }

    /** Steps over a parenthesised list if one comes next (a function's argument types). */
    void skipParenthesised() {
        if (!acceptSymbol("(")) {
            return;
        }
        int depth = 1;
        while (pos < tokens.size() && depth > 0) {
            Token t = tokens.get(pos++);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
        }
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** Whether the next token is this word, without consuming it. */
    boolean peek(String word) {
        return pos < tokens.size() && tokens.get(pos).isWord(word);
    }

    /** Whether the words occur in this order, next to each other, anywhere in the rest outside parentheses. */
    boolean containsTopLevel(String... words) {
        List<Integer> top = topLevel();
        for (int k = 0; k + words.length <= top.size(); k++) {
            boolean all = true;
            for (int i = 0; i < words.length && all; i++) {
                all = top.get(k + i) == top.get(k) + i && tokens.get(top.get(k + i)).isWord(words[i]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The rest up to the first of the words outside parentheses (or the end), split on top-level commas. */
    List<SqlCursor> listUntil(String... stopWords) {
        int end = tokens.size();
        for (int i : topLevel()) {
            Token t = tokens.get(i);
            if (java.util.Arrays.stream(stopWords).anyMatch(t::isWord)) {
                end = i;
                break;
            }
        }
        return new SqlCursor(tokens.subList(pos, end)).splitOnTopLevelCommas();
    }

    /** The next few words as written, up to the first symbol, string or number: what a statement or action does. */
    String upcoming(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = pos; i < Math.min(tokens.size(), pos + count) && tokens.get(i).kind() == Kind.WORD; i++) {
            text.append(text.length() == 0 ? "" : " ").append(tokens.get(i).text());
        }
        return text.length() == 0 && pos < tokens.size() ? tokens.get(pos).text() : text.toString();
    }

    List<SqlCursor> splitOnTopLevelCommas() {
        List<SqlCursor> parts = new ArrayList<>();
        int start = pos;
        for (int i : topLevel()) {
            if (tokens.get(i).isSymbol(",")) {
                parts.add(new SqlCursor(tokens.subList(start, i)));
                start = i + 1;
            }
        }
        parts.add(new SqlCursor(tokens.subList(start, tokens.size())));
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
