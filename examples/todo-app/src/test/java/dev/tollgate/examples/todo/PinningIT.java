package dev.tollgate.examples.todo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staff-only pinning feature, with its flag on (this class's app) and off (a second app). */
class PinningIT extends AppTestSupport {
    private TodoApp flagOffApp;
    private Client flagOff;

    @Override
    protected Config configure(Config base) {
        return base.withFlags(Flag.PINNING).withStaffUsers("sam");
    }

    @BeforeAll
    void startAppWithoutTheFlag() {
        flagOffApp = TodoApp.start(services.config().withStaffUsers("sam"));
        flagOff = new Client(flagOffApp);
    }

    @AfterAll
    void stopAppWithoutTheFlag() {
        if (flagOffApp != null) {
            flagOffApp.close();
        }
    }

    @Test
    void staff_pins_and_unpins_any_users_todo_when_the_flag_is_on() {
        String alice = client.signUp("alice");
        String sam = client.signUp("sam");
        long id = client.addTodo(alice, "important");

        client.as(sam).put("/todos/" + id + "/pin").then().statusCode(200).body("pinned", equalTo(true));
        client.get(alice, id).then().body("pinned", equalTo(true));

        client.as(sam).delete("/todos/" + id + "/pin").then().statusCode(200).body("pinned", equalTo(false));
        client.get(alice, id).then().body("pinned", equalTo(false));
    }

    @Test
    void refuses_non_staff_with_403_when_the_flag_is_on() {
        String alice = client.signUp("alice");
        long id = client.addTodo(alice, "mine");

        client.as(alice).put("/todos/" + id + "/pin").then()
                .statusCode(403).body("error", equalTo("forbidden")).body("detail", containsString("STAFF_USERS"));
        client.get(alice, id).then().body("pinned", equalTo(false));
    }

    @Test
    void answers_404_to_staff_pinning_an_unknown_todo() {
        String sam = client.signUp("sam");

        client.as(sam).put("/todos/999/pin").then().statusCode(404);
    }

    @Test
    void answers_404_to_everyone_when_the_flag_is_off() {
        String alice = flagOff.signUp("alice");
        String sam = flagOff.signUp("sam");
        long id = flagOff.addTodo(alice, "important");

        flagOff.as(sam).put("/todos/" + id + "/pin").then()
                .statusCode(404).body("detail", containsString("TODO_APP_FLAGS=pinning"));
        flagOff.as(alice).put("/todos/" + id + "/pin").then().statusCode(404);
        flagOff.get(alice, id).then().body("pinned", equalTo(false));
    }
}
