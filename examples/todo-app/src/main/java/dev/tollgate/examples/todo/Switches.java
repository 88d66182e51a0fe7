package dev.tollgate.examples.todo;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses comma-separated lists of named switches (bugs, flags) from one environment variable. */
final class Switches {
    private Switches() {
    }

    static <E extends Enum<E>> String validNames(Class<E> type, Function<E, String> name) {
        return Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.joining(", "));
    }

    /**
     * Blank means none.
     *
     * @throws ConfigException naming the unknown entry and the valid ones
     */
    static <E extends Enum<E>> Set<E> parse(String variable, String csv, Class<E> type, Function<E, String> name) {
        EnumSet<E> result = EnumSet.noneOf(type);
        if (csv == null || csv.isBlank()) {
            return result;
        }
        for (String raw : csv.split(",")) {
            String wanted = raw.trim();
            if (wanted.isEmpty()) {
                continue;
            }
            result.add(Arrays.stream(type.getEnumConstants())
                    .filter(e -> name.apply(e).equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException(variable + ": expected a comma-separated list of "
                            + validNames(type, name) + ", but found unknown name '" + wanted
                            + "'. Fix the name, or leave " + variable + " unset.")));
        }
        return result;
    }
}
