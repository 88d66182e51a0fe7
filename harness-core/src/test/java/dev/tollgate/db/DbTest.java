package dev.tollgate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Db helper against a real PostgreSQL 14 (embedded), through a DataSource and a URL. */
class DbTest {
  private static EmbeddedPostgres postgres;
  private static Db db;

  @BeforeAll
  static void startPostgres() throws IOException {
    Path build = Path.of(System.getProperty("tollgate.buildDir", "target"));
    Path home = build.resolve("db-test-postgres");
    Path run = Files.createDirectories(home.resolve("run"));
    postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(Files.createDirectories(build.resolve("pg-bin")).toFile())
        .setDataDirectory(home.resolve("data"))
        .setCleanDataDirectory(true)
        .setServerConfig("unix_socket_directories", run.toAbsolutePath().toString())
        .start();
    db = Db.at(postgres.getPostgresDatabase());
    db.update("create table votes (id serial primary key, todo_id bigint not null,"
        + " voter text not null)");
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyTables() {
    db.update("truncate votes restart identity");
    db.update("insert into votes (todo_id, voter) values (?, ?), (?, ?), (?, ?)",
        1L, "alice", 1L, "bob", 2L, "alice");
  }

  @Test
  void count_returns_the_number_of_matching_rows() {
    assertThat(db.count("select count(*) from votes where todo_id = ?", 1L)).isEqualTo(2);
    assertThat(db.count("select count(*) from votes where todo_id = ?", 9L)).isZero();
  }

  @Test
  void value_returns_the_only_row_s_first_column_or_null_without_a_row() {
    assertThat(db.<String>value("select voter from votes where todo_id = ?", 2L))
        .isEqualTo("alice");
    assertThat(db.<String>value("select voter from votes where todo_id = ?", 9L)).isNull();
  }

  @Test
  void list_returns_each_row_as_labels_to_values_in_order() {
    List<Map<String, Object>> rows =
        db.list("select todo_id, voter from votes where voter = ? order by id", "alice");

    assertThat(rows).containsExactly(
        Map.of("todo_id", 1L, "voter", "alice"), Map.of("todo_id", 2L, "voter", "alice"));
    assertThat(rows.get(0).keySet()).containsExactly("todo_id", "voter");
  }

  @Test
  void a_url_db_keeps_one_connection_and_reads_the_same_data() {
    try (Db byUrl = Db.at(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null)) {
      assertThat(byUrl.count("select count(*) from votes")).isEqualTo(3);
      assertThat(byUrl.<Integer>value("select pg_backend_pid()"))
          .isEqualTo(byUrl.<Integer>value("select pg_backend_pid()"));
    }
  }

  @Test
  void a_failing_query_names_the_sql_and_its_arguments() {
    IllegalStateException error = catchThrowableOfType(IllegalStateException.class,
        () -> db.count("select count(*) from vote where todo_id = ?", 1L));

    assertThat(error)
        .hasMessageStartingWith("the query [select count(*) from vote where todo_id = ?] with [1]"
            + " failed: ERROR: relation \"vote\" does not exist")
        .hasMessageContaining("(SQL state 42P01)");
  }

  @Test
  void value_of_a_query_with_several_rows_says_to_narrow_it() {
    IllegalStateException error = catchThrowableOfType(IllegalStateException.class,
        () -> db.value("select voter from votes"));

    assertThat(error).hasMessage("Expected the query [select voter from votes] to return at most"
        + " one row, but it returned more. Narrow it with a where clause, or use list(..).");
  }

  @Test
  void count_of_a_query_that_returns_text_says_what_it_expected() {
    IllegalStateException error = catchThrowableOfType(IllegalStateException.class,
        () -> db.count("select voter from votes where id = ?", 1));

    assertThat(error).hasMessageStartingWith("Expected the query [select voter from votes where"
        + " id = ?] with [1] to return one row with one number, but it returned String alice.");
  }
}
