package dev.tollgate.internal.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements of tokens. It understands just enough SQL to never
 * be fooled by text: comments ({@code --}, nested {@code /* *}{@code /}) are dropped, and string
 * literals, dollar-quoted bodies and quoted identifiers are single tokens, so a {@code ;} or the
 * word DROP inside them neither splits a statement nor matches a keyword.
 */
public final class SqlScript {

    /** What a token is; only {@link #WORD} tokens can be keywords. */
    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    /** One token, with where it sits in the source (for quoting the statement in reports). */
    public record Token(Kind kind, String text, int start, int end) {

        public boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        public boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** The identifier as the database sees it: unquoted names fold to lower case (as in PostgreSQL). */
        public String identifier() {
            return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
        }
    }

    /** One statement: its tokens and its source text with whitespace collapsed. */
    public record Statement(List<Token> tokens, String text) {
    }

    private final String sql;
    private int pos;

    private SqlScript(String sql) {
        this.sql = sql;
    }

    public static List<Statement> statements(String sql) {
        return new SqlScript(sql).split();
    }

    private List<Statement> split() {
        List<Statement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        Token token;
        while ((token = next()) != null) {
            if (token.isSymbol(";")) {
                addIfNotEmpty(statements, current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        addIfNotEmpty(statements, current);
        return statements;
    }

    private void addIfNotEmpty(List<Statement> statements, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            // Tokens written together stay together: length(title), not length (title).
            boolean glued = previous == null || previous.end() == t.start()
                    || previous.isSymbol("(") || previous.isSymbol(".")
                    || t.isSymbol(",") || t.isSymbol(")") || t.isSymbol(".");
            text.append(glued ? "" : " ").append(sql, t.start(), t.end());
            previous = t;
        }
        statements.add(new Statement(List.copyOf(tokens), text.toString().replaceAll("\\s+", " ")));
    }

    private Token next() {
        skipWhitespaceAndComments();
        if (pos >= sql.length()) {
            return null;
        }
        int start = pos;
        char c = sql.charAt(pos);
        if (c == '\'') {
            return quoted(start, '\'', Kind.STRING);
        }
        if ((c == 'E' || c == 'e') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
            pos++;
            return escapedString(start);
        }
        if (c == '"') {
            return quoted(start, '"', Kind.QUOTED_IDENTIFIER);
        }
        if (c == '`') {
            return quoted(start, '`', Kind.QUOTED_IDENTIFIER);
        }
        if (c == '$') {
            Token dollar = dollarQuoted(start);
            if (dollar != null) {
                return dollar;
            }
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                    || sql.charAt(pos) == '$')) {
                pos++;
            }
            return new Token(Kind.WORD, sql.substring(start, pos), start, pos);
        }
        if (Character.isDigit(c)) {
            while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Kind.NUMBER, sql.substring(start, pos), start, pos);
        }
        pos++;
        return new Token(Kind.SYMBOL, String.valueOf(c), start, pos);
    }

    private void skipWhitespaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int eol = sql.indexOf('\n', pos);
                pos = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /** PostgreSQL block comments nest, so count depth rather than stopping at the first close. */
    private void skipBlockComment() {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    /** A doubled quote character inside stands for one; the token text is the unquoted content. */
    private Token quoted(int start, char quote, Kind kind) {
        StringBuilder content = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c == quote) {
                if (pos < sql.length() && sql.charAt(pos) == quote) {
                    content.append(quote);
                    pos++;
                } else {
                    return new Token(kind, content.toString(), start, pos);
                }
            } else {
                content.append(c);
            }
        }
        return new Token(kind, content.toString(), start, pos);
    }

    private Token escapedString(int start) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '\'') {
                if (pos < sql.length() && sql.charAt(pos) == '\'') {
                    pos++;
                } else {
                    break;
                }
            }
        }
        pos = Math.min(pos, sql.length());
        return new Token(Kind.STRING, sql.substring(start, pos), start, pos);
    }

    /** {@code $$...$$} or {@code $tag$...$tag$}: function bodies, which may hold whole statements. */
    private Token dollarQuoted(int start) {
        int tagEnd = pos + 1;
        while (tagEnd < sql.length() && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$' || (tagEnd > pos + 1
                && Character.isDigit(sql.charAt(pos + 1)))) {
            return null;
        }
        String tag = sql.substring(pos, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        pos = close < 0 ? sql.length() : close + tag.length();
        return new Token(Kind.STRING, sql.substring(start, pos), start, pos);
    }
}
