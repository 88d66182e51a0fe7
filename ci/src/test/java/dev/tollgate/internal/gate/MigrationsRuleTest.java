package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsRuleTest {

    @TempDir
    Path dir;

    private RuleOutcome evaluate(String lastReleased) {
        return MigrationsRule.evaluate(Optional.of(dir), FlywayVersion.parse(lastReleased));
    }

    private void releasedSchema() {
        Fixtures.write(dir.resolve("V1__create_todos.sql"),
                "CREATE TABLE todos (id bigserial PRIMARY KEY, title text NOT NULL);");
        Fixtures.write(dir.resolve("V2__drop_legacy.sql"), "DROP TABLE legacy; ALTER TABLE todos DROP COLUMN old;");
    }

    @Test
    void passes_additive_migrations_newer_than_the_release() {
        releasedSchema();
        Fixtures.write(dir.resolve("V3__votes.sql"), """
                -- votes per todo
                CREATE TABLE votes (todo_id bigint NOT NULL REFERENCES todos(id), voter text NOT NULL);
                ALTER TABLE todos ADD COLUMN vote_count int NOT NULL DEFAULT 0;
                """);

        RuleOutcome outcome = evaluate("2");

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.rows()).singleElement()
                .satisfies(row -> assertThat(row.cells()).containsExactly("`V3__votes.sql`", "additive (2 statements)"));
        assertThat(outcome.notes()).singleElement().asString().contains("up to V2 are released (2 file(s)); 1 newer");
    }

    @Test
    void blocks_a_new_migration_that_renames_a_column_and_names_the_statement() {
        releasedSchema();
        Fixtures.write(dir.resolve("V3__votes.sql"), "CREATE TABLE votes (id int);");
        Fixtures.write(dir.resolve("V4__rename.sql"), "ALTER TABLE todos\n  RENAME COLUMN title TO name;");

        RuleOutcome outcome = evaluate("2");

        assertThat(outcome.blocks()).isTrue();
        assertThat(outcome.blockingRows()).singleElement().satisfies(row -> {
            assertThat(row.cells().get(0)).isEqualTo("`V4__rename.sql`");
            assertThat(row.cells().get(1)).startsWith("statement 1 `ALTER TABLE todos RENAME COLUMN title TO name`"
                    + " renames column todos.title");
        });
    }

    @Test
    void blocks_each_destructive_statement_of_a_migration_naming_file_number_and_text() {
        releasedSchema();
        Fixtures.write(dir.resolve("V3__cleanup.sql"), """
                TRUNCATE todos;
                DELETE FROM users;
                ALTER TABLE todos ADD CONSTRAINT title_len CHECK (length(title) < 200);
                CREATE UNIQUE INDEX users_email ON users (email);
                DROP VIEW open_todos;
                ALTER TABLE todos ALTER COLUMN done DROP DEFAULT;
                """);

        RuleOutcome outcome = evaluate("2");

        assertThat(outcome.rows()).allMatch(RuleOutcome.Row::blocks);
        assertThat(outcome.rows()).extracting(row -> row.cells().get(0)).containsOnly("`V3__cleanup.sql`");
        assertThat(outcome.rows()).extracting(row -> row.cells().get(1).substring(0, row.cells().get(1).indexOf("` ") + 1))
                .containsExactly("statement 1 `TRUNCATE todos`", "statement 2 `DELETE FROM users`",
                        "statement 3 `ALTER TABLE todos ADD CONSTRAINT title_len CHECK (length(title) < 200)`",
                        "statement 4 `CREATE UNIQUE INDEX users_email ON users (email)`",
                        "statement 5 `DROP VIEW open_todos`",
                        "statement 6 `ALTER TABLE todos ALTER COLUMN done DROP DEFAULT`");
    }

    @Test
    void quotes_a_long_statement_cut_at_a_word() {
        Fixtures.write(dir.resolve("V3__fn.sql"), "CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN "
                + "NEW.updated = now(); ".repeat(20) + "RETURN NEW; END $$ LANGUAGE plpgsql;");

        RuleOutcome outcome = evaluate("2");

        assertThat(outcome.blockingRows()).singleElement().satisfies(row -> assertThat(row.cells().get(1))
                .startsWith("statement 1 `CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.updated")
                .contains(" …` replaces function touch"));
    }

    @Test
    void compares_versions_as_numbers_so_V10_is_newer_than_V9() {
        Fixtures.write(dir.resolve("V9__ok.sql"), "ALTER TABLE todos DROP COLUMN released_long_ago;");
        Fixtures.write(dir.resolve("V10__new.sql"), "ALTER TABLE todos ALTER COLUMN title TYPE varchar(10);");
        Fixtures.write(dir.resolve("R__views.sql"), "DROP VIEW IF EXISTS v; DROP TABLE ignored_repeatable;");

        RuleOutcome outcome = evaluate("9");

        assertThat(outcome.blockingRows()).singleElement()
                .satisfies(row -> assertThat(row.cells().get(0)).isEqualTo("`V10__new.sql`"));
    }

    @Test
    void lets_later_new_migrations_change_a_table_that_an_earlier_new_one_created() {
        Fixtures.write(dir.resolve("V3__create.sql"), "CREATE TABLE drafts (a int);");
        Fixtures.write(dir.resolve("V3_1__change.sql"), "ALTER TABLE drafts ADD b int NOT NULL; DROP TABLE drafts;");

        assertThat(evaluate("2").blocks()).isFalse();
    }

    @Test
    void is_skipped_with_a_note_when_not_configured() {
        RuleOutcome outcome = MigrationsRule.evaluate(Optional.empty(), Optional.empty());

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.notes()).singleElement().asString().startsWith("Skipped");
    }

    @Test
    void cannot_decide_when_the_folder_is_missing() {
        assertThatThrownBy(() -> MigrationsRule.evaluate(Optional.of(dir.resolve("nope")), FlywayVersion.parse("1")))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageContaining("expected the migrations folder")
                .hasMessageContaining("Fix:");
    }
}
