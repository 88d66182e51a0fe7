package dev.tollgate.examples.todo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff-only pinning feature, with its flag on (this class's app), off (a second app), and
 * answered per request by a flag service (a third app, with a WireMock flag service).
 */
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

    private static void servePinning(WireMockServer flags, boolean on) {
        flags.stubFor(WireMock.get(WireMock.urlPathEqualTo("/flags/pinning"))
                .willReturn(WireMock.okJson("{\"enabled\": " + on + "}")));
    }

    @Test
    void the_flag_service_flips_pinning_on_the_next_request_without_a_restart() {
        WireMockServer flags = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        flags.start();
        try (TodoApp served = TodoApp.start(services.config().withStaffUsers("sam")
                .withFlagService(URI.create("http://127.0.0.1:" + flags.port())))) {
            Client api = new Client(served);
            String alice = api.signUp("alice");
            String sam = api.signUp("sam");
            long id = api.addTodo(alice, "important");

            servePinning(flags, false);
            api.as(sam).put("/todos/" + id + "/pin").then().statusCode(404)
                    .body("detail", containsString("FLAGS_URL"));
            servePinning(flags, true);
            api.as(sam).put("/todos/" + id + "/pin").then().statusCode(200).body("pinned", equalTo(true));
            api.as(alice).put("/todos/" + id + "/pin").then().statusCode(403);

            // The service is told who asks, so it could target staff or a percentage of users.
            flags.verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/flags/pinning"))
                    .withQueryParam("user", WireMock.equalTo("sam")));
            // A flag service that fails leaves the flag at its TODO_APP_FLAGS default: off here.
            flags.stubFor(WireMock.get(WireMock.urlPathEqualTo("/flags/pinning"))
                    .willReturn(WireMock.serverError()));
            api.as(sam).put("/todos/" + id + "/pin").then().statusCode(404);
        } finally {
            flags.stop();
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
