package dev.tollgate.examples.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsIT extends AppTestSupport {

    @Override
    protected Config configure(Config base) {
        return base.withStaffUsers("sam");
    }

    @Test
    void registers_a_user_with_201_and_no_staff_rights_by_default() {
        client.register("alice", "secret").then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("alice"))
                .body("staff", equalTo(false));
    }

    @Test
    void registers_a_user_named_in_staff_users_as_staff() {
        client.register("sam", "secret").then().statusCode(201).body("staff", equalTo(true));
    }

    @Test
    void rejects_a_taken_name_with_409() {
        client.register("alice", "secret").then().statusCode(201);

        client.register("alice", "other").then()
                .statusCode(409)
                .body("error", equalTo("name_taken"))
                .body("detail", containsString("'alice' is already registered"));
    }

    @Test
    void rejects_registration_without_a_name_or_password_with_400() {
        client.anonymous().body(Map.of("password", "secret")).post("/users").then()
                .statusCode(400).body("error", equalTo("missing_name"));
        client.anonymous().body(Map.of("name", "alice")).post("/users").then()
                .statusCode(400).body("error", equalTo("missing_password"));
        client.register("   ", "secret").then().statusCode(400).body("error", equalTo("bad_name"));
        client.register("alice", "").then().statusCode(400).body("error", equalTo("bad_password"));
        client.register("x".repeat(51), "secret").then().statusCode(400).body("error", equalTo("bad_name"));
    }

    @Test
    void rejects_malformed_json_with_400_and_says_what_was_expected() {
        client.anonymous().body("{\"name\": \"alice\",").post("/users").then()
                .statusCode(400)
                .body("error", equalTo("malformed_json"))
                .body("detail", containsString("expected a JSON object"));
        client.anonymous().body("[1, 2]").post("/users").then()
                .statusCode(400).body("detail", containsString("found a JSON array"));
    }

    @Test
    void logs_in_with_201_and_a_token() {
        client.register("alice", "secret").then().statusCode(201);

        String token = client.login("alice", "secret").then().statusCode(201).extract().path("token");

        assertThat(token).hasSizeGreaterThan(20);
        client.list(token).then().statusCode(200);
    }

    @Test
    void rejects_a_wrong_password_or_unknown_user_with_401() {
        client.register("alice", "secret").then().statusCode(201);

        client.login("alice", "wrong").then().statusCode(401).body("error", equalTo("bad_credentials"));
        client.login("nobody", "secret").then().statusCode(401).body("error", equalTo("bad_credentials"));
    }

    @Test
    void answers_401_not_500_to_a_login_name_the_database_cannot_store() {
        client.anonymous().body("{\"name\": \"a\\u0000b\", \"password\": \"x\"}").post("/sessions").then()
                .statusCode(401).body("error", equalTo("bad_credentials"));
        client.anonymous().body("{\"name\": \"a\\ud800\", \"password\": \"x\"}").post("/sessions").then()
                .statusCode(401);
        client.anonymous().body("{\"name\": \"a\\u0000b\", \"password\": \"x\"}").post("/users").then()
                .statusCode(400).body("error", equalTo("bad_name"));
    }

    @Test
    void logs_out_with_204_and_the_token_is_dead_afterwards() {
        String token = client.signUp("alice");

        client.logout(token).then().statusCode(204);

        client.list(token).then().statusCode(401).body("error", equalTo("unauthorized"));
        client.logout(token).then().statusCode(401);
    }

    @Test
    void logging_out_one_session_keeps_the_others_alive() {
        String first = client.signUp("alice");
        String second = client.login("alice", Client.PASSWORD).then().statusCode(201).extract().path("token");

        client.logout(first).then().statusCode(204);

        client.list(second).then().statusCode(200);
    }

    @Test
    void answers_401_with_a_bearer_challenge_without_a_token_or_with_a_bad_one() {
        client.anonymous().get("/todos").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("found none"));
        client.anonymous().header("Authorization", "Basic YWxpY2U6c2VjcmV0").get("/todos").then()
                .statusCode(401).body("detail", containsString("another form"));
        client.as("not-a-real-token").get("/todos").then()
                .statusCode(401).body("detail", containsString("unknown or logged out"));
    }

    @Test
    void keeps_only_a_hash_of_each_session_token() {
        String token = client.signUp("alice");

        long plain = services.count("SELECT count(*) FROM sessions WHERE token_hash = '" + token + "'");

        assertThat(plain).isZero();
        assertThat(services.count("SELECT count(*) FROM sessions")).isEqualTo(1);
    }
}
