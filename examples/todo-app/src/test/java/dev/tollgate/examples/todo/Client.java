package dev.tollgate.examples.todo;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** A thin RestAssured client for one running app, with the setup steps tests repeat. */
final class Client {
    static final String PASSWORD = "correct horse";

    private final int port;

    Client(TodoApp app) {
        this(app.port());
    }

    Client(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    RequestSpecification anonymous() {
        return given().port(port).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    Response register(String name, String password) {
        return anonymous().body(Map.of("name", name, "password", password)).post("/users");
    }

    Response login(String name, String password) {
        return anonymous().body(Map.of("name", name, "password", password)).post("/sessions");
    }

    /** Registers and logs in; returns the session token. */
    String signUp(String name) {
        register(name, PASSWORD).then().statusCode(201);
        return login(name, PASSWORD).then().statusCode(201).extract().path("token");
    }

    Response add(String token, String title) {
        return as(token).body(Map.of("title", title)).post("/todos");
    }

    long addTodo(String token, String title) {
        return add(token, title).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    Response get(String token, long id) {
        return as(token).get("/todos/" + id);
    }

    Response list(String token) {
        return as(token).get("/todos");
    }

    Response edit(String token, long id, Map<String, ?> changes) {
        return as(token).body(changes).patch("/todos/" + id);
    }

    Response delete(String token, long id) {
        return as(token).delete("/todos/" + id);
    }

    Response vote(String token, long id) {
        return as(token).put("/todos/" + id + "/vote");
    }

    Response unvote(String token, long id) {
        return as(token).delete("/todos/" + id + "/vote");
    }

    Response logout(String token) {
        return as(token).delete("/sessions/current");
    }
}
