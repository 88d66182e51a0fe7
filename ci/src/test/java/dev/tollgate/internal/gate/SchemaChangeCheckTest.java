package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaChangeCheckTest {

    private static List<String> problems(String sql) {
        SchemaChangeCheck check = new SchemaChangeCheck();
        List<String> problems = new ArrayList<>();
        SqlScript.statements(sql).forEach(s -> problems.addAll(check.problems(s)));
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE todos ADD COLUMN due date",
        "alter table todos add column votes int not null default 0",
        "ALTER TABLE todos ADD COLUMN IF NOT EXISTS done boolean DEFAULT false NOT NULL",
        "ALTER TABLE todos ADD COLUMN id2 bigserial NOT NULL",
        "ALTER TABLE todos ADD COLUMN n int GENERATED ALWAYS AS IDENTITY NOT NULL",
        "ALTER TABLE todos ADD COLUMN c text CHECK (c IS NOT NULL)",
        "ALTER TABLE todos ADD CONSTRAINT title_len CHECK (length(title) < 200)",
        "ALTER TABLE todos DROP CONSTRAINT title_len",
        "ALTER TABLE todos ALTER COLUMN title DROP NOT NULL",
        "ALTER TABLE todos ALTER COLUMN title SET DEFAULT ''",
        "ALTER TABLE todos RENAME CONSTRAINT a TO b",
        "ALTER TABLE todos RENAME INDEX a TO b",
        "ALTER TABLE todos ADD COLUMN amount numeric(10, 2), ADD COLUMN note text",
        "CREATE TABLE votes (id bigint PRIMARY KEY, todo_id bigint NOT NULL, voter text NOT NULL)",
        "CREATE INDEX votes_todo ON votes (todo_id)",
        "DROP INDEX IF EXISTS votes_todo",
        "CREATE TABLE tmp (a int); ALTER TABLE tmp ADD COLUMN b int NOT NULL; ALTER TABLE tmp DROP COLUMN a;"
                + " ALTER TABLE tmp RENAME TO tmp2",
        "ALTER TABLE \"Todos\" ADD COLUMN \"drop\" text",
        "INSERT INTO todos (title) VALUES ('DROP TABLE todos; ALTER TABLE todos DROP COLUMN title')",
        "UPDATE todos SET title = 'x' WHERE title IS NULL"})
    void accepts_additive_changes(String sql) {
        assertThat(problems(sql)).isEmpty();
    }

    @Test
    void blocks_dropping_a_column() {
        assertThat(problems("ALTER TABLE public.todos DROP COLUMN IF EXISTS title CASCADE"))
                .singleElement().asString().startsWith("drops column todos.title");
    }

    @Test
    void blocks_dropping_a_column_without_the_column_keyword_among_other_actions() {
        assertThat(problems("ALTER TABLE todos ADD COLUMN due date, DROP title, ALTER done TYPE int"))
                .hasSize(2)
                .anyMatch(p -> p.startsWith("drops column todos.title"))
                .anyMatch(p -> p.startsWith("changes the type of column todos.done"));
    }

    @Test
    void blocks_dropping_tables_and_schemas() {
        assertThat(problems("DROP TABLE IF EXISTS todos, votes CASCADE; drop schema app cascade"))
                .hasSize(3)
                .anyMatch(p -> p.startsWith("drops table todos"))
                .anyMatch(p -> p.startsWith("drops table votes"))
                .anyMatch(p -> p.startsWith("drops schema app"));
    }

    @Test
    void blocks_renaming_tables_and_columns() {
        assertThat(problems("ALTER TABLE todos RENAME TO tasks; ALTER TABLE votes RENAME COLUMN voter TO user_id;"
                + " RENAME TABLE users TO people"))
                .hasSize(3)
                .anyMatch(p -> p.startsWith("renames table todos to tasks"))
                .anyMatch(p -> p.startsWith("renames column votes.voter"))
                .anyMatch(p -> p.startsWith("renames table users"));
    }

    @Test
    void splits_actions_only_on_commas_outside_parentheses() {
        assertThat(problems("ALTER TABLE todos ALTER COLUMN amount TYPE numeric(10, 2), ADD COLUMN due date"))
                .singleElement().asString().startsWith("changes the type of column todos.amount");
    }

    @Test
    void blocks_moving_a_table_to_another_schema() {
        assertThat(problems("ALTER TABLE todos SET SCHEMA archive"))
                .singleElement().asString().startsWith("moves table todos to schema archive");
    }

    @Test
    void blocks_changing_a_column_type_in_either_spelling() {
        assertThat(problems("ALTER TABLE todos ALTER COLUMN title TYPE varchar(20);"
                + " ALTER TABLE ONLY todos ALTER title SET DATA TYPE text USING title::text"))
                .hasSize(2)
                .allMatch(p -> p.startsWith("changes the type of column todos.title"));
    }

    @Test
    void blocks_a_not_null_column_without_default_on_an_existing_table() {
        assertThat(problems("ALTER TABLE todos ADD COLUMN owner_id bigint NOT NULL REFERENCES users(id)"))
                .singleElement().asString()
                .startsWith("adds NOT NULL column todos.owner_id without a DEFAULT to an existing table")
                .contains("Fix: add a DEFAULT");
    }

    @Test
    void blocks_setting_not_null_on_an_existing_column() {
        assertThat(problems("ALTER TABLE todos ALTER COLUMN title SET NOT NULL"))
                .singleElement().asString().startsWith("makes column todos.title NOT NULL");
    }

    @Test
    void matches_keywords_case_insensitively_and_quoted_names_exactly() {
        assertThat(problems("aLtEr TaBlE \"Todos\" dRoP cOlUmN \"Title\""))
                .singleElement().asString().startsWith("drops column Todos.Title");
    }
}
