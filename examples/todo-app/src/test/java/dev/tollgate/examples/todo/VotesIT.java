package dev.tollgate.examples.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class VotesIT extends AppTestSupport {

    @Test
    void any_user_votes_on_another_users_todo_by_id() {
        String alice = client.signUp("alice");
        String bob = client.signUp("bob");
        long id = client.addTodo(alice, "alice's");

        client.vote(bob, id).then()
                .statusCode(200).body("todoId", equalTo((int) id)).body("votes", equalTo(1)).body("voted", equalTo(true));

        client.get(alice, id).then().body("votes", equalTo(1));
    }

    @Test
    void a_second_vote_by_the_same_user_does_not_count() {
        String alice = client.signUp("alice");
        long id = client.addTodo(alice, "popular");
        client.vote(alice, id).then().statusCode(200);

        client.vote(alice, id).then().statusCode(200).body("votes", equalTo(1));

        assertThat(services.count("SELECT count(*) FROM votes")).isEqualTo(1);
        assertThat(countersOffTheirRows()).isZero();
    }

    @Test
    void counts_one_vote_per_user() {
        String alice = client.signUp("alice");
        String bob = client.signUp("bob");
        String carol = client.signUp("carol");
        long id = client.addTodo(alice, "popular");

        client.vote(alice, id);
        client.vote(bob, id);
        client.vote(carol, id).then().body("votes", equalTo(3));

        client.as(bob).get("/todos/" + id + "/votes").then()
                .statusCode(200).body("votes", equalTo(3)).body("voted", equalTo(true));
    }

    @Test
    void takes_a_vote_back_and_a_second_unvote_changes_nothing() {
        String alice = client.signUp("alice");
        String bob = client.signUp("bob");
        long id = client.addTodo(alice, "popular");
        client.vote(alice, id);
        client.vote(bob, id);

        client.unvote(bob, id).then().statusCode(200).body("votes", equalTo(1)).body("voted", equalTo(false));
        client.unvote(bob, id).then().statusCode(200).body("votes", equalTo(1));

        client.as(bob).get("/todos/" + id + "/votes").then().body("votes", equalTo(1)).body("voted", equalTo(false));
        assertThat(countersOffTheirRows()).isZero();
    }

    private long countersOffTheirRows() {
        return services.count("SELECT count(*) FROM todos t"
                + " WHERE t.votes <> (SELECT count(*) FROM votes v WHERE v.todo_id = t.id)");
    }

    @Test
    void answers_404_for_votes_on_a_deleted_or_unknown_todo() {
        String alice = client.signUp("alice");
        long id = client.addTodo(alice, "short-lived");
        client.vote(alice, id);
        client.delete(alice, id).then().statusCode(204);

        client.vote(alice, id).then().statusCode(404).body("error", equalTo("not_found"));
        client.unvote(alice, id).then().statusCode(404);
        client.as(alice).get("/todos/" + id + "/votes").then().statusCode(404);
        client.vote(alice, 999).then().statusCode(404);
        client.as(alice).put("/todos/x/vote").then().statusCode(400).body("error", equalTo("bad_id"));
        assertThat(services.count("SELECT count(*) FROM votes")).isZero();
    }
}
