package dev.tollgate.internal.gate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway migration version such as {@code 1.2.10}, compared part by part as numbers (as
 * Flyway does), so that {@code 1.10} is newer than {@code 1.9} and {@code 1.0} equals {@code 1}.
 */
public record FlywayVersion(List<BigInteger> parts, String text) implements Comparable<FlywayVersion> {

    private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");
    private static final Pattern FILE_NAME = Pattern.compile("V(" + VERSION.pattern() + ")__.*\\.sql");

    public static Optional<FlywayVersion> parse(String text) {
        String trimmed = text.trim();
        if (!VERSION.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : trimmed.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        return Optional.of(new FlywayVersion(List.copyOf(parts), trimmed.replace('_', '.')));
    }

    /** The version of a versioned migration file name ({@code V1_2__add_votes.sql}); empty for any other name. */
    public static Optional<FlywayVersion> ofFileName(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        return m.matches() ? parse(m.group(1)) : Optional.empty();
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
