package dev.tollgate.examples.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tollgate.examples.todo.TestServices.Services;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The next release and the previous one on the same database, as during a rolling deploy: release
 * 2 migrates, then release 1 runs on the migrated schema. The additive release 2 leaves release 1
 * working; the destructive variant (a renamed column) breaks it. Each case has its own database,
 * since a renamed column would break the other tests' shared one.
 */
@ExtendWith(TestServices.class)
class ReleasesIT {

    /** Release 2 migrates {@code database}, then release 1 adds and reads a todo there. */
    private static int releaseOneAddsATodoAfter(Services services, Release next, String database) {
        services.sql("postgres", "CREATE DATABASE " + database);
        Function<Release, Config> on = release -> Config.forDatabase(services.jdbcUrl(database), "postgres",
                "postgres").withRelease(release);
        try (TodoApp first = TodoApp.start(on.apply(Release.ONE))) {
            // Production ran release 1: its schema and its data.
            Client api = new Client(first);
            api.addTodo(api.signUp("alice"), "written by release 1");
        }
        try (TodoApp migrating = TodoApp.start(on.apply(next))) {
            // Release 2 started once: it migrated the database.
        }
        try (TodoApp previous = TodoApp.start(on.apply(Release.ONE))) {
            Client api = new Client(previous);
            return api.add(api.signUp("bob"), "written by release 1, after the migration").statusCode();
        }
    }

    @Test
    void release_1_keeps_working_on_the_schema_of_the_additive_release_2(Services services) {
        assertThat(releaseOneAddsATodoAfter(services, Release.TWO, "release_two")).isEqualTo(201);
    }

    @Test
    void release_1_breaks_on_the_renamed_column_of_the_destructive_release_2(Services services) {
        assertThat(releaseOneAddsATodoAfter(services, Release.TWO_DESTRUCTIVE, "release_two_destructive"))
                .isEqualTo(500);
    }

    @Test
    void release_2_stores_a_note_and_keeps_the_todos_release_1_wrote(Services services) throws Exception {
        releaseOneAddsATodoAfter(services, Release.TWO, "release_two_notes");
        Config two = Config.forDatabase(services.jdbcUrl("release_two_notes"), "postgres", "postgres")
                .withRelease(Release.TWO);
        try (TodoApp next = TodoApp.start(two)) {
            Client api = new Client(next);
            String carol = api.signUp("carol");
            long id = api.as(carol).body(Map.of("title", "t", "note", "from release 2")).post("/todos")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            api.get(carol, id).then().statusCode(200).body("title", equalTo("t"));
            String alice = api.login("alice", Client.PASSWORD).then().statusCode(201).extract().path("token");
            api.get(alice, 1).then().statusCode(200).body("title", equalTo("written by release 1"));
        }
        try (Connection c = java.sql.DriverManager.getConnection(services.jdbcUrl("release_two_notes"), "postgres",
                "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM todos ORDER BY id")) {
            rs.next();
            assertThat(rs.getString(1)).isNull();
            rs.next();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("from release 2");
        }
    }

    @Test
    void a_jar_without_a_baked_release_is_release_1_and_an_unknown_one_is_refused() {
        assertThat(Release.builtIn()).isEqualTo(Release.ONE);
        assertThat(Config.fromEnv(Map.of("DB_URL", "jdbc:postgresql://localhost/x", "TODO_APP_RELEASE", "2"))
                .release()).isEqualTo(Release.TWO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Config.fromEnv(
                        Map.of("DB_URL", "jdbc:postgresql://localhost/x", "TODO_APP_RELEASE", "3")))
                .hasMessageContaining("TODO_APP_RELEASE: expected one of 1, 2, 2-destructive, but found '3'");
    }
}
