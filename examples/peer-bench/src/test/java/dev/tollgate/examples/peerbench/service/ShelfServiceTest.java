package dev.tollgate.examples.peerbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each minimal program of BUGS.md, played by hand: its last step answers as the contract says on
 * the bug-free service, and otherwise with the bug switched on.
 */
class ShelfServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

  /** A program: its steps run in order, and the last one's status is what it shows. */
  @FunctionalInterface
  interface Program {
    int play(Shelf shelf) throws Exception;
  }

  /** A client for one service run, tracking nothing but the answers. */
  record Shelf(String base) {
    JsonNode send(String method, String path, String token, Object body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> res = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode out = res.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(res.body());
      return ((com.fasterxml.jackson.databind.node.ObjectNode) out).put("_status", res.statusCode());
    }

    int register(String name) throws Exception {
      return send("POST", "/users", null, Map.of("name", name)).get("_status").asInt();
    }

    String login(String name) throws Exception {
      return send("POST", "/sessions", null, Map.of("name", name)).get("token").asText();
    }

    String user(String name) throws Exception {
      register(name);
      return login(name);
    }

    long create(String token, String title) throws Exception {
      return send("POST", "/notes", token, Map.of("title", title)).path("id").asLong();
    }

    JsonNode batch(String token, List<String> titles) throws Exception {
      return send("POST", "/notes/batch", token, Map.of("titles", titles));
    }
  }

  private static void shows(Bug bug, int correct, int buggy, Program program) throws Exception {
    for (Bug running : List.of(Bug.NONE, bug)) {
      try (ShelfService service = ShelfService.start(running, 0)) {
        int status = program.play(new Shelf(service.baseUrl()));
        assertThat(status).as("last status with %s", running.key())
            .isEqualTo(running == Bug.NONE ? correct : buggy);
      }
    }
  }

  @Test
  void an_eleventh_note_is_refused_unless_the_cap_is_off_by_one() throws Exception {
    shows(Bug.CAP_OFF_BY_ONE, 409, 201, shelf -> {
      String token = shelf.user("ann");
      shelf.batch(token, FIVE);
      shelf.batch(token, FIVE);
      return shelf.send("POST", "/notes", token, Map.of("title", "a")).get("_status").asInt();
    });
  }

  @Test
  void a_taken_name_is_refused_unless_duplicates_are_allowed() throws Exception {
    shows(Bug.DUPLICATE_USER, 409, 201, shelf -> {
      shelf.register("ann");
      return shelf.register("ann");
    });
  }

  @Test
  void a_deleted_note_is_gone_even_after_a_read_unless_reads_are_stale() throws Exception {
    shows(Bug.STALE_READ, 404, 200, shelf -> {
      String token = shelf.user("ann");
      long id = shelf.create(token, "a");
      shelf.send("GET", "/notes/" + id, token, null);
      shelf.send("DELETE", "/notes/" + id, token, null);
      return shelf.send("GET", "/notes/" + id, token, null).get("_status").asInt();
    });
  }

  @Test
  void a_blank_title_is_refused_unless_only_empty_ones_are() throws Exception {
    shows(Bug.BLANK_TITLE, 400, 201, shelf ->
        shelf.send("POST", "/notes", shelf.user("ann"), Map.of("title", " ")).get("_status")
            .asInt());
  }

  @Test
  void a_long_title_is_stored_whole_unless_it_is_cut() throws Exception {
    shows(Bug.LONG_TITLE, 51, 50, shelf -> {
      String token = shelf.user("ann");
      long id = shelf.create(token, "a".repeat(51));
      return shelf.send("GET", "/notes/" + id, token, null).get("title").asText().length();
    });
  }

  @Test
  void a_renamed_non_ascii_title_reads_back_unless_it_is_mangled() throws Exception {
    shows(Bug.UNICODE_RENAME, 'é', '?', shelf -> {
      String token = shelf.user("ann");
      long id = shelf.create(token, "a");
      shelf.send("PUT", "/notes/" + id, token, Map.of("title", "é"));
      return shelf.send("GET", "/notes/" + id, token, null).get("title").asText().charAt(0);
    });
  }

  @Test
  void another_users_note_cannot_be_deleted_unless_ownership_is_ignored() throws Exception {
    shows(Bug.CROSS_USER_DELETE, 404, 204, shelf -> {
      shelf.register("ann");
      shelf.register("bob");
      String ann = shelf.login("ann");
      long id = shelf.create(ann, "a");
      String bob = shelf.login("bob");
      return shelf.send("DELETE", "/notes/" + id, bob, null).get("_status").asInt();
    });
  }

  @Test
  void a_token_stops_working_after_logout_unless_the_session_is_kept() throws Exception {
    shows(Bug.LOGOUT_KEEPS_SESSION, 401, 200, shelf -> {
      String token = shelf.user("ann");
      shelf.send("DELETE", "/sessions/current", token, null);
      return shelf.send("GET", "/notes", token, null).get("_status").asInt();
    });
  }

  @Test
  void renaming_to_the_same_title_succeeds_unless_it_is_refused() throws Exception {
    shows(Bug.RENAME_SAME_TITLE, 200, 409, shelf -> {
      String token = shelf.user("ann");
      long id = shelf.create(token, "a");
      return shelf.send("PUT", "/notes/" + id, token, Map.of("title", "a")).get("_status").asInt();
    });
  }
}
