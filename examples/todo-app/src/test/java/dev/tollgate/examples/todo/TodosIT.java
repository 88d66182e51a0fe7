package dev.tollgate.examples.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TodosIT extends AppTestSupport {

    @Test
    void adds_a_todo_with_201_and_its_full_json() {
        String alice = client.signUp("alice");

        client.add(alice, "buy milk").then()
                .statusCode(201)
                .header("Location", "/todos/1")
                .body("id", equalTo(1))
                .body("title", equalTo("buy milk"))
                .body("done", equalTo(false))
                .body("votes", equalTo(0))
                .body("pinned", equalTo(false))
                .body("owner", equalTo("alice"));
    }

    @Test
    void gets_one_of_my_todos() {
        String alice = client.signUp("alice");
        long id = client.addTodo(alice, "buy milk");

        client.get(alice, id).then().statusCode(200).body("title", equalTo("buy milk"));
    }

    @Test
    void lists_all_my_todos_ordered_by_id_by_default() {
        String alice = client.signUp("alice");
        List<Long> ids = IntStream.rangeClosed(1, 15).mapToObj(i -> client.addTodo(alice, "todo " + i)).toList();

        List<Long> listed = client.list(alice).then().statusCode(200).extract().jsonPath().getList("id", Long.class);

        assertThat(listed).containsExactlyElementsOf(ids);
    }

    @Test
    void lists_a_page_with_limit_and_offset() {
        String alice = client.signUp("alice");
        IntStream.rangeClosed(1, 5).forEach(i -> client.addTodo(alice, "todo " + i));

        List<String> titles = client.as(alice).queryParam("limit", 2).queryParam("offset", 1).get("/todos")
                .then().statusCode(200).extract().jsonPath().getList("title", String.class);

        assertThat(titles).containsExactly("todo 2", "todo 3");
    }

    @Test
    void rejects_a_limit_above_the_maximum_or_a_negative_offset_with_400() {
        String alice = client.signUp("alice");

        client.as(alice).queryParam("limit", 1001).get("/todos").then()
                .statusCode(400).body("error", equalTo("bad_limit")).body("detail", containsString("1 to 1000"));
        client.as(alice).queryParam("offset", -1).get("/todos").then()
                .statusCode(400).body("error", equalTo("bad_offset"));
        client.as(alice).queryParam("limit", "ten").get("/todos").then()
                .statusCode(400).body("detail", containsString("found 'ten'"));
    }

    @Test
    void lists_only_my_todos() {
        String alice = client.signUp("alice");
        String bob = client.signUp("bob");
        client.addTodo(alice, "alice's");
        client.addTodo(bob, "bob's");

        List<String> titles = client.list(bob).then().statusCode(200).extract().jsonPath().getList("title");

        assertThat(titles).containsExactly("bob's");
    }

    @Test
    void edits_the_title_and_done_flag() {
        String alice = client.signUp("alice");
        long id = client.addTodo(alice, "buy milk");

        client.edit(alice, id, Map.of("title", "buy oat milk")).then()
                .statusCode(200).body("title", equalTo("buy oat milk")).body("done", equalTo(false));
        client.edit(alice, id, Map.of("done", true)).then()
                .statusCode(200).body("title", equalTo("buy oat milk")).body("done", equalTo(true));

        client.get(alice, id).then().body("title", equalTo("buy oat milk")).body("done", equalTo(true));
    }

    @Test
    void rejects_an_edit_with_nothing_to_change_or_a_non_boolean_done_with_400() {
        String alice = client.signUp("alice");
        long id = client.addTodo(alice, "buy milk");

        client.edit(alice, id, Map.of()).then().statusCode(400).body("error", equalTo("nothing_to_change"));
        client.edit(alice, id, Map.of("done", "yes")).then().statusCode(400).body("error", equalTo("bad_done"));
        client.edit(alice, id, Map.of("title", " ")).then().statusCode(400).body("error", equalTo("blank_title"));
    }

    @Test
    void deletes_with_204_and_then_answers_404() {
        String alice = client.signUp("alice");
        long id = client.addTodo(alice, "buy milk");

        client.delete(alice, id).then().statusCode(204);

        client.get(alice, id).then().statusCode(404).body("error", equalTo("not_found"));
        client.delete(alice, id).then().statusCode(404);
        client.edit(alice, id, Map.of("title", "again")).then().statusCode(404);
        assertThat(client.list(alice).then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void hides_another_users_todo_behind_404() {
        String alice = client.signUp("alice");
        String bob = client.signUp("bob");
        long id = client.addTodo(alice, "alice's");

        client.get(bob, id).then().statusCode(404).body("detail", containsString("no todo with id " + id));
        client.edit(bob, id, Map.of("title", "mine now")).then().statusCode(404);
        client.delete(bob, id).then().statusCode(404);

        client.get(alice, id).then().statusCode(200).body("title", equalTo("alice's"));
    }

    @Test
    void answers_404_for_unknown_ids_and_400_for_non_numeric_ones() {
        String alice = client.signUp("alice");

        client.get(alice, 999).then().statusCode(404);
        client.delete(alice, 999).then().statusCode(404);
        client.as(alice).get("/todos/abc").then()
                .statusCode(400).body("error", equalTo("bad_id")).body("detail", containsString("found 'abc'"));
        client.as(alice).get("/todos/99999999999999999999").then().statusCode(400);
    }

    @Test
    void a_batch_create_adds_every_title_in_order_and_answers_their_ids() {
        String alice = client.signUp("alice");
        client.addTodo(alice, "first");

        List<Long> ids = client.as(alice).body(Map.of("titles", List.of("a", "b", "c"))).post("/todos/batch")
                .then().statusCode(201).extract().jsonPath().getList("ids", Long.class);

        assertThat(ids).containsExactly(2L, 3L, 4L);
        assertThat(client.list(alice).then().extract().jsonPath().getList("title", String.class))
                .containsExactly("first", "a", "b", "c");
    }

    @Test
    void a_batch_with_one_bad_title_or_no_titles_adds_nothing_and_answers_400() {
        String alice = client.signUp("alice");

        client.as(alice).body(Map.of("titles", List.of("fine", "   "))).post("/todos/batch").then()
                .statusCode(400).body("error", equalTo("blank_title"));
        client.as(alice).body(Map.of("titles", List.of())).post("/todos/batch").then()
                .statusCode(400).body("error", equalTo("bad_titles")).body("detail", containsString("1 to 20"));
        client.as(alice).body(Map.of("titles", "x")).post("/todos/batch").then()
                .statusCode(400).body("error", equalTo("bad_titles"));
        client.as(alice).body(Map.of("title", "x")).post("/todos/batch").then()
                .statusCode(400).body("error", equalTo("missing_titles"));
        client.anonymous().body(Map.of("titles", List.of("x"))).post("/todos/batch").then().statusCode(401);

        assertThat(client.list(alice).then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void answers_json_404_for_an_unknown_route() {
        client.anonymous().get("/nothing/here").then()
                .statusCode(404).body("error", equalTo("not_found")).body("detail", containsString("README"));
    }

    @Test
    void requires_a_session_for_every_todo_endpoint() {
        client.anonymous().get("/todos").then().statusCode(401);
        client.anonymous().body(Map.of("title", "x")).post("/todos").then().statusCode(401);
        client.anonymous().get("/todos/1").then().statusCode(401);
        client.anonymous().body(Map.of("done", true)).patch("/todos/1").then().statusCode(401);
        client.anonymous().delete("/todos/1").then().statusCode(401);
        client.anonymous().put("/todos/1/vote").then().statusCode(401);
        client.anonymous().get("/todos/1/votes").then().statusCode(401).body("error", equalTo("unauthorized"));
    }
}
