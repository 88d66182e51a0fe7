package dev.tollgate.internal.gate;

import dev.tollgate.internal.gate.SqlScript.Statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Rule 3: the migrations added since the last release are additive only, so the released app
 * keeps working on the migrated schema during a rolling deploy or a rollback. Each statement is
 * judged by {@link SchemaChangeCheck}'s allowlist; each one that blocks is a row naming the file,
 * the statement's number and its text.
 */
public final class MigrationsRule {
    static final String TITLE = "Migrations are additive only";
    private static final int MAX_STATEMENT = 120;

    private MigrationsRule() {
    }

    public static RuleOutcome evaluate(Optional<Path> migrationsDir, Optional<FlywayVersion> lastReleased) {
        List<String> columns = List.of("Migration", "Why");
        if (migrationsDir.isEmpty() || lastReleased.isEmpty()) {
            return new RuleOutcome(TITLE, columns, List.of(), List.of("Skipped: the configuration names no "
                    + GateConfig.MIGRATIONS_DIR + " and " + GateConfig.LAST_RELEASED + "."), true);
        }
        Path dir = migrationsDir.get();
        if (!Files.isDirectory(dir)) {
            throw new CannotDecideException("expected the migrations folder " + dir + " (from "
                    + GateConfig.MIGRATIONS_DIR + ") to exist, but found no such folder. Fix: give the folder of"
                    + " the V<version>__name.sql files, relative to the configuration file.");
        }
        Map<FlywayVersion, Path> newMigrations = new TreeMap<>();
        int released = 0;
        for (Path file : sqlFiles(dir)) {
            Optional<FlywayVersion> version = FlywayVersion.ofFileName(file.getFileName().toString());
            if (version.isEmpty()) {
                continue;
            }
            if (version.get().compareTo(lastReleased.get()) > 0) {
                newMigrations.put(version.get(), file);
            } else {
                released++;
            }
        }
        SchemaChangeCheck check = new SchemaChangeCheck();
        List<RuleOutcome.Row> rows = new ArrayList<>();
        for (Path file : newMigrations.values()) {
            rows.addAll(checkFile(file, check));
        }
        String note = "Migrations up to V" + lastReleased.get() + " are released (" + released + " file(s)); "
                + newMigrations.size() + " newer file(s) checked in " + Markdown.code(displayPath(dir)) + ".";
        return new RuleOutcome(TITLE, columns, rows, List.of(note));
    }

    /** Relative to the working folder when below it, so summaries do not show the CI machine's layout. */
    private static String displayPath(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    private static List<RuleOutcome.Row> checkFile(Path file, SchemaChangeCheck check) {
        Text name = Text.code(file.getFileName().toString());
        List<Statement> statements = SqlScript.statements(read(file));
        List<RuleOutcome.Row> rows = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            for (String problem : check.problems(statements.get(i))) {
                rows.add(RuleOutcome.Row.blocked(name, Text.plain("statement " + (i + 1) + " ")
                        .plusCode(shortened(statements.get(i).text())).plus(" " + problem)));
            }
        }
        if (rows.isEmpty()) {
            rows.add(RuleOutcome.Row.passed(name, Text.plain("additive (" + statements.size() + " statements)")));
        }
        return rows;
    }

    /** A statement as quoted in a row: long ones (a whole function body) cut at a word; the file has it all. */
    static String shortened(String statement) {
        String cut = Markdown.cutAtWord(statement, MAX_STATEMENT);
        return cut.length() < statement.length() ? cut + " …" : statement;
    }

    private static List<Path> sqlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CannotDecideException("expected to list the migrations folder " + dir
                    + ", but it failed: " + e.getMessage() + ". Fix: check the folder's permissions.", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new CannotDecideException("expected a readable UTF-8 migration at " + file
                    + ", but reading it failed: " + e + ". Fix: check the file's encoding and permissions.", e);
        }
    }
}
