package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        "CREATE TABLE votes (id bigint PRIMARY KEY, todo_id bigint NOT NULL, voter text NOT NULL)",
        "CREATE TABLE IF NOT EXISTS votes (id bigint)",
        "ALTER TABLE todos ADD COLUMN due date",
        "alter table todos add column votes int not null default 0",
        "ALTER TABLE todos ADD COLUMN IF NOT EXISTS done boolean DEFAULT false NOT NULL",
        "ALTER TABLE todos ADD COLUMN id2 bigserial NOT NULL",
        "ALTER TABLE todos ADD COLUMN n int GENERATED ALWAYS AS IDENTITY NOT NULL",
        "ALTER TABLE todos ADD COLUMN c text CHECK (c IS NOT NULL)",
        "ALTER TABLE todos ADD owner_id bigint REFERENCES users(id)",
        "ALTER TABLE todos ALTER COLUMN title DROP NOT NULL",
        "ALTER TABLE todos ALTER COLUMN title SET DEFAULT ''",
        "ALTER TABLE todos ADD COLUMN amount numeric(10, 2), ADD COLUMN note text",
        "CREATE INDEX CONCURRENTLY todos_title ON todos (title)",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS todos_title ON ONLY public.todos USING btree (lower(title))",
        "CREATE TABLE votes (id int); CREATE INDEX votes_id ON votes (id); CREATE UNIQUE INDEX votes_u ON votes (id)",
        "CREATE SEQUENCE IF NOT EXISTS invoice_numbers START 1000",
        "CREATE VIEW open_todos AS SELECT * FROM todos WHERE NOT done",
        "CREATE VIEW v AS SELECT 1; CREATE OR REPLACE VIEW v AS SELECT 1, 2",
        "CREATE FUNCTION f() RETURNS int AS $$ DELETE FROM users; SELECT 1 $$ LANGUAGE sql",
        "CREATE TYPE mood AS ENUM ('sad', 'ok')",
        "CREATE EXTENSION IF NOT EXISTS pgcrypto",
        "COMMENT ON COLUMN todos.title IS 'shown in the list'",
        "GRANT SELECT ON todos TO reporting",
        "SET lock_timeout = '5s'",
        "INSERT INTO roles (name) VALUES ('admin') ON CONFLICT DO NOTHING",
        "INSERT INTO todos (title) VALUES ('DROP TABLE todos; ALTER TABLE todos DROP COLUMN title')",
        "ALTER TABLE todos ADD COLUMN slug text; UPDATE todos SET slug = lower(title) WHERE slug IS NULL",
        "CREATE TABLE tmp (a int); ALTER TABLE tmp ADD COLUMN b int NOT NULL; ALTER TABLE tmp DROP COLUMN a;"
                + " TRUNCATE tmp; DELETE FROM tmp; ALTER TABLE tmp ADD CONSTRAINT c CHECK (b > 0);"
                + " ALTER TABLE tmp RENAME TO tmp2",
        "CREATE VIEW v AS SELECT 1; DROP VIEW v",
        "ALTER TABLE \"Todos\" ADD COLUMN \"drop\" text",
        "-- DROP TABLE todos;\n/* TRUNCATE todos; */ CREATE TABLE notes (body text DEFAULT 'DELETE FROM users;')"})
    void accepts_additive_changes(String sql) {
        assertThat(problems(sql)).isEmpty();
    }

    /** The migration of issue 12, which the rule judged "additive (6 statements)", and its kin. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        TRUNCATE todos                                                         | empties table todos
        TRUNCATE TABLE ONLY votes, todos                                       | empties table votes
        DELETE FROM users                                                      | deletes rows from users
        DELETE FROM users WHERE created < now() - interval '1 year'            | deletes rows from users
        ALTER TABLE todos ADD CONSTRAINT title_len CHECK (length(title) < 200) | adds a constraint to existing table todos
        ALTER TABLE todos ADD CONSTRAINT fk FOREIGN KEY (owner) REFERENCES users(id) NOT VALID | adds a constraint
        ALTER TABLE users ADD UNIQUE (email)                                   | adds a constraint to existing table users
        CREATE UNIQUE INDEX users_email ON users (email)                       | adds a unique index to existing table users
        CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)          | adds a unique index to existing table users
        CREATE INDEX todos_title ON todos (title)                              | builds an index on existing table todos without CONCURRENTLY
        DROP VIEW open_todos                                                   | drops view open_todos
        DROP MATERIALIZED VIEW IF EXISTS stats                                 | drops view stats
        CREATE OR REPLACE VIEW open_todos AS SELECT id FROM todos              | replaces view open_todos
        CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql | replaces function touch
        DROP FUNCTION IF EXISTS touch(int)                                     | drops function touch
        DROP INDEX IF EXISTS todos_title                                       | drops index todos_title
        ALTER TABLE todos ALTER COLUMN done DROP DEFAULT                       | drops the default of column todos.done
        ALTER TABLE todos DROP CONSTRAINT title_len                            | drops a constraint of todos
        ALTER TABLE todos RENAME CONSTRAINT a TO b                             | renames a constraint or index of todos
        ALTER TABLE todos ALTER COLUMN title SET STATISTICS 100                | ALTER COLUMN todos.title SET STATISTICS is not on the gate's list
        ALTER TABLE todos OWNER TO someone                                     | ALTER TABLE todos OWNER TO someone is not on the gate's list
        ALTER TABLE todos DISABLE TRIGGER ALL                                  | ALTER TABLE todos DISABLE TRIGGER ALL is not on the gate's list
        CREATE TRIGGER t BEFORE INSERT ON todos FOR EACH ROW EXECUTE FUNCTION f() | adds a trigger to existing table todos
        UPDATE todos SET title = 'x' WHERE title IS NULL                       | rewrites existing column(s) todos.title
        UPDATE todos t SET (title, done) = ('x', true) FROM users u WHERE u.id = t.owner | rewrites existing column(s) todos.title, todos.done
        INSERT INTO roles (name) VALUES ('admin') ON CONFLICT (name) DO UPDATE SET name = 'admin' | changes existing rows of roles
        REVOKE SELECT ON todos FROM app                                        | revokes privileges
        DO $$ BEGIN DELETE FROM users; END $$                                  | DO is not on the gate's list
        SELECT setval('todos_id_seq', 1)                                       | SELECT setval is not on the gate's list
        ALTER SEQUENCE todos_id_seq RESTART WITH 1                             | ALTER SEQUENCE is not on the gate's list
        CREATE OR REPLACE TABLE t (a int)                                      | CREATE OR REPLACE TABLE t is not on the gate's list
        VACUUM FULL todos                                                      | VACUUM FULL is not on the gate's list
        """)
    void blocks_statements_not_known_to_be_additive(String sql, String problem) {
        assertThat(problems(sql)).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank())
                .first().asString().startsWith(problem);
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
