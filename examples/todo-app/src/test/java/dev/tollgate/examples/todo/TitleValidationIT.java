package dev.tollgate.examples.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TitleValidationIT extends AppTestSupport {
    private String alice;

    @BeforeEach
    void logIn() {
        alice = client.signUp("alice");
    }

    @Test
    void rejects_malformed_json_with_400() {
        client.as(alice).body("{\"title\": ").post("/todos").then()
                .statusCode(400).body("error", equalTo("malformed_json"));
        client.as(alice).body("{\"title\": \"a\"} trailing").post("/todos").then()
                .statusCode(400).body("error", equalTo("malformed_json"));
        client.as(alice).body("{\"title\": \"a\", \"title\": \"b\"}").post("/todos").then()
                .statusCode(400).body("error", equalTo("malformed_json"));
        client.as(alice).body("").post("/todos").then()
                .statusCode(400).body("detail", containsString("found an empty body"));
    }

    @Test
    void rejects_a_missing_null_or_non_string_title_with_400() {
        client.as(alice).body(Map.of("name", "x")).post("/todos").then()
                .statusCode(400).body("error", equalTo("missing_title"));
        Map<String, Object> nullTitle = new HashMap<>();
        nullTitle.put("title", null);
        client.as(alice).body(nullTitle).post("/todos").then()
                .statusCode(400).body("error", equalTo("missing_title"));
        client.as(alice).body(Map.of("title", 42)).post("/todos").then()
                .statusCode(400).body("error", equalTo("bad_title")).body("detail", containsString("found a number"));
    }

    @Test
    void rejects_an_empty_or_whitespace_only_title_with_400() {
        client.add(alice, "").then().statusCode(400).body("error", equalTo("blank_title"));
        client.add(alice, "   ").then().statusCode(400).body("error", equalTo("blank_title"));
        client.add(alice, "\t\n").then().statusCode(400).body("error", equalTo("blank_title"));
    }

    @Test
    void accepts_200_characters_and_rejects_201_with_400() {
        client.add(alice, "x".repeat(200)).then().statusCode(201);

        client.add(alice, "x".repeat(201)).then()
                .statusCode(400).body("error", equalTo("title_too_long")).body("detail", containsString("found 201"));
        client.add(alice, "x".repeat(100_000)).then().statusCode(400);
    }

    @Test
    void rejects_a_body_over_one_megabyte_with_a_json_413() {
        client.add(alice, "x".repeat(2_000_000)).then().statusCode(413).body("error", equalTo("http_413"));
    }

    @Test
    void counts_characters_not_utf16_units_so_200_emoji_fit() {
        String emoji = "\uD83D\uDE00";

        client.add(alice, emoji.repeat(200)).then().statusCode(201).body("title", equalTo(emoji.repeat(200)));
        client.add(alice, emoji.repeat(201)).then().statusCode(400);
    }

    @Test
    void keeps_quotes_and_non_ascii_intact() {
        String title = "\"quoted\" 'single' ; DROP TABLE todos; -- héllo 日本";

        long id = client.addTodo(alice, title);

        client.get(alice, id).then().body("title", equalTo(title));
    }

    @Test
    void answers_201_with_the_exact_title_or_400_for_hostile_titles_never_500() {
        List<String> hostile = List.of("", " ", "\u00a0", "\u3000", "\u200b", "\"", "'", "\\", "\\u0000",
                "\u0001\u007f", "\uD83D\uDE00\uD83D\uDE00", "\u202Eevil", "e\u0301", "{\"title\":1}",
                "'); DROP TABLE todos; --", "%s%n", "${jndi:ldap://x}", "<script>", "\r\n", "\uFFFF", "\uDBFF\uDFFF",
                "x".repeat(199) + "\uD83D\uDE00", "\uD83D\uDE00".repeat(200) + "x");
        for (String title : hostile) {
            int status = client.add(alice, title).statusCode();

            assertThat(status).as("POST /todos with title %s", title).isIn(201, 400);
            if (status == 201) {
                String stored = client.list(alice).then().extract().jsonPath().getString("title[-1]");
                assertThat(stored).as("stored title").isEqualTo(title);
            }
        }
    }

    @Test
    void rejects_nul_characters_and_unpaired_surrogates_with_400_not_500() {
        client.as(alice).body("{\"title\": \"a\\u0000b\"}").post("/todos").then()
                .statusCode(400).body("detail", containsString("NUL"));
        client.as(alice).body("{\"title\": \"a\\ud800b\"}").post("/todos").then()
                .statusCode(400).body("detail", containsString("unpaired surrogate"));
    }
}
