package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Database;
import dev.tollgate.environment.Environment;
import dev.tollgate.environment.EnvironmentKind;
import dev.tollgate.environment.Environments;
import dev.tollgate.environment.Postgres;
import dev.tollgate.http.Http;
import dev.tollgate.http.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The other direction of a rolling deploy: the next release on data the previous one wrote.
 * Release 1 runs on its own schema and writes a user, a session, todos and a vote. Release 2 then
 * starts on that database while release 1 still runs, migrates it, and must serve all of it, the
 * session included. What release 2 writes (a todo with a note), release 1 must still serve.
 *
 * <p>This checks the data by hand, not with a model: the model's state after release 1's run is
 * not carried over to a run of the next release's model.
 */
class NextReleaseOnOldDataIT {
  static final Map<String, Object> ALICE = Map.of("name", "alice", "password", "alice-password-1");

  @Test
  void the_next_release_serves_what_the_previous_one_wrote_and_the_previous_one_what_the_next_writes()
      throws Exception {
    try (Environment previous = Environments.builder().app(TodoApp.app("")).postgres()
        .stub("notifier").stub("flags").kind(EnvironmentKind.LOCAL).build().start();
        Http old = TodoApp.system(previous).session()) {
      assertThat(old.post("/users", ALICE).status()).isEqualTo(201);
      String token = old.post("/sessions", ALICE).path("token");
      old.bearer(token);
      long milk = old.post("/todos", Map.of("title", "buy milk")).<Long>path("id");
      assertThat(old.post("/todos", Map.of("title", "call mom")).status()).isEqualTo(201);
      assertThat(old.put("/todos/" + milk + "/vote", null).status()).isEqualTo(200);

      Database database = previous.database();
      try (Environment next = Environments.builder().app(release2())
          .postgres(Postgres.jdbc(database.jdbcUrl(), database.user(), database.password()))
          .stub("notifier").stub("flags").kind(EnvironmentKind.LOCAL).build().start();
          Http fresh = TodoApp.system(next).session()) {
        // Release 1's session, on release 2: users stay logged in through the deploy.
        fresh.bearer(token);
        Response listed = fresh.get("/todos");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(titles(listed)).containsExactlyInAnyOrder("buy milk", "call mom");
        assertThat(fresh.get("/todos/" + milk).<Long>path("votes")).isEqualTo(1L);

        assertThat(fresh.post("/todos", Map.of("title", "pay rent", "note", "before the 1st")).status())
            .isEqualTo(201);
        Response stillOld = old.get("/todos");
        assertThat(stillOld.status()).as(stillOld.body()).isEqualTo(200);
        assertThat(titles(stillOld)).containsExactlyInAnyOrder("buy milk", "call mom", "pay rent");

        assertThat(notes(database)).containsExactly("buy milk: null", "call mom: null",
            "pay rent: before the 1st");
      }
    }
  }

  private static App release2() {
    return App.jar(MigrationCompatibilityIT.RELEASE_2)
        .env("STAFF_USERS", TodoGateModel.STAFF_NAMES)
        .readyWhen("/health")
        .startTimeout(Duration.ofSeconds(60));
  }

  private static List<String> titles(Response list) {
    List<String> titles = new ArrayList<>();
    for (JsonNode todo : list.json()) {
      titles.add(todo.path("title").asText());
    }
    return titles;
  }

  /** Each todo's note as release 2 stored it: release 1's rows have none. */
  private static List<String> notes(Database database) throws Exception {
    List<String> notes = new ArrayList<>();
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement("select title, note from todos order by id");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        notes.add(rows.getString(1) + ": " + rows.getString(2));
      }
    }
    return notes;
  }
}
