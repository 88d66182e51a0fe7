package dev.tollgate.internal.gate;

import dev.tollgate.internal.gate.SqlScript.Kind;
import dev.tollgate.internal.gate.SqlScript.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {

    @Test
    void splits_statements_and_drops_line_and_nested_block_comments() {
        String sql = "-- drop table todos;\nCREATE TABLE a (id int);\n/* outer /* DROP TABLE b; */ still comment; */\n"
                + "ALTER TABLE a ADD COLUMN b int -- trailing; comment\n;";

        List<Statement> statements = SqlScript.statements(sql);

        assertThat(statements).extracting(Statement::text)
                .containsExactly("CREATE TABLE a (id int)", "ALTER TABLE a ADD COLUMN b int");
    }

    @Test
    void keeps_semicolons_inside_strings_and_dollar_quoted_bodies() {
        String sql = "INSERT INTO t VALUES ('a;b', E'it\\'s; fine');\n"
                + "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN DROP TABLE x; RETURN 1; END $body$ LANGUAGE plpgsql;\n"
                + "SELECT $$;$$";

        List<Statement> statements = SqlScript.statements(sql);

        assertThat(statements).hasSize(3);
        assertThat(statements.get(1).tokens()).noneMatch(t -> t.isWord("DROP"));
    }

    @Test
    void reads_quoted_identifiers_as_one_token_that_is_never_a_keyword() {
        List<Statement> statements = SqlScript.statements("ALTER TABLE \"Drop\" ADD \"my \"\"col\"\"\" text");

        SqlScript.Token table = statements.get(0).tokens().get(2);
        SqlScript.Token column = statements.get(0).tokens().get(4);
        assertThat(table.kind()).isEqualTo(Kind.QUOTED_IDENTIFIER);
        assertThat(table.isWord("drop")).isFalse();
        assertThat(table.identifier()).isEqualTo("Drop");
        assertThat(column.identifier()).isEqualTo("my \"col\"");
    }

    @Test
    void folds_unquoted_identifiers_to_lower_case() {
        SqlScript.Token token = SqlScript.statements("Todos").get(0).tokens().get(0);

        assertThat(token.identifier()).isEqualTo("todos");
    }
}
