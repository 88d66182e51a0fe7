package dev.tollgate.examples.todo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifierIT extends AppTestSupport {

    @Test
    void notifies_the_notifier_of_a_new_todo_with_its_id_title_and_owner() {
        String alice = client.signUp("alice");

        long id = client.addTodo(alice, "buy milk");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> services.notifier().verify(1,
                postRequestedFor(urlEqualTo("/notify"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("{\"event\":\"todo.added\",\"todo\":{\"id\":" + id
                                + ",\"title\":\"buy milk\"},\"owner\":\"alice\"}"))));
    }

    @Test
    void never_sends_the_session_token_to_the_notifier() {
        String alice = client.signUp("alice");

        client.addTodo(alice, "buy milk");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> services.notifier().findAll(postRequestedFor(urlEqualTo("/notify"))).size() == 1);

        List<LoggedRequest> calls = services.notifier().findAll(postRequestedFor(urlEqualTo("/notify")));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getBodyAsString()).doesNotContain(alice);
        assertThat(calls.get(0).getHeaders().getHeader("Authorization").isPresent()).isFalse();
    }

    @Test
    void still_adds_the_todo_when_the_notifier_fails_and_counts_the_failure() {
        services.notifier().stubFor(post(urlEqualTo("/notify")).willReturn(serverError()));
        String alice = client.signUp("alice");
        long failedBefore = app.notificationsFailed();

        long id = client.addTodo(alice, "buy milk");

        client.get(alice, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> app.notificationsFailed() == failedBefore + 1);
    }

    @Test
    void still_adds_the_todo_when_the_notifier_drops_the_connection() {
        services.notifier().stubFor(post(urlEqualTo("/notify"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String alice = client.signUp("alice");
        long failedBefore = app.notificationsFailed();

        client.add(alice, "buy milk").then().statusCode(201);

        await().atMost(Duration.ofSeconds(5)).until(() -> app.notificationsFailed() == failedBefore + 1);
    }

    @Test
    void answers_before_a_slow_notifier_does_and_gives_up_after_the_timeout() {
        int notifierDelayMillis = 5_000;
        services.notifier().stubFor(post(urlEqualTo("/notify"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(notifierDelayMillis)));
        String alice = client.signUp("alice");
        long failedBefore = app.notificationsFailed();
        long deliveredBefore = app.notificationsDelivered();

        long started = System.nanoTime();
        client.add(alice, "buy milk").then().statusCode(201);
        long answeredMillis = (System.nanoTime() - started) / 1_000_000;

        // Not a speed target: the answer must simply not wait for the notifier's 5 s.
        assertThat(answeredMillis).isLessThan(notifierDelayMillis / 2);
        await().atMost(Duration.ofSeconds(3)).until(() -> app.notificationsFailed() == failedBefore + 1);
        assertThat(app.notificationsDelivered()).isEqualTo(deliveredBefore);
    }
}
