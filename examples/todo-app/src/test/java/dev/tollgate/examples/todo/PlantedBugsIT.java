package dev.tollgate.examples.todo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each planted bug shows with its switch on, and not on the correct app. Every scenario is the
 * minimal failing sequence that BUGS.md states for that bug.
 */
class PlantedBugsIT extends AppTestSupport {
    private final Map<Bug, TodoApp> buggyApps = new EnumMap<>(Bug.class);

    private Client with(Bug bug) {
        return new Client(buggyApps.computeIfAbsent(bug, b -> TodoApp.start(services.config().withBugs(b))));
    }

    @AfterAll
    void stopBuggyApps() {
        buggyApps.values().forEach(TodoApp::close);
    }

    /** add, delete, then the given step on the deleted todo with the same user. */
    private static <T> T afterAddAndDelete(Client api, BiFunction<String, Long, T> step) {
        String alice = api.signUp("alice");
        long id = api.addTodo(alice, "t");
        api.delete(alice, id).then().statusCode(204);
        return step.apply(alice, id);
    }

    /** add, delete, delete: the second delete answers. */
    private static int secondDeleteStatus(Client api) {
        return afterAddAndDelete(api, (alice, id) -> api.delete(alice, id).statusCode());
    }

    @Test
    void delete_twice_answers_204_to_a_repeated_delete() {
        assertThat(secondDeleteStatus(with(Bug.DELETE_TWICE))).isEqualTo(204);
        services.resetDatabase();
        assertThat(secondDeleteStatus(client)).isEqualTo(404);
    }

    /** add, delete, edit: the edit answers, and the todo is back afterwards. */
    private static List<Integer> editAfterDelete(Client api) {
        return afterAddAndDelete(api, (alice, id) -> {
            int edit = api.edit(alice, id, Map.of("title", "back")).statusCode();
            return List.of(edit, api.get(alice, id).statusCode());
        });
    }

    @Test
    void edit_resurrects_brings_a_deleted_todo_back() {
        assertThat(editAfterDelete(with(Bug.EDIT_RESURRECTS))).containsExactly(200, 200);
        services.resetDatabase();
        assertThat(editAfterDelete(client)).containsExactly(404, 404);
    }

    /** logout, then any request with the old token. */
    private int requestAfterLogout(Client api) {
        String alice = api.signUp("alice");
        api.logout(alice).then().statusCode(204);
        return api.list(alice).statusCode();
    }

    @Test
    void logout_keeps_session_lets_a_logged_out_token_in() {
        assertThat(requestAfterLogout(with(Bug.LOGOUT_KEEPS_SESSION))).isEqualTo(200);
        services.resetDatabase();
        assertThat(requestAfterLogout(client)).isEqualTo(401);
    }

    /** alice adds, bob lists. */
    private List<String> bobsListAfterAliceAdds(Client api) {
        String alice = api.signUp("alice");
        String bob = api.signUp("bob");
        api.addTodo(alice, "alice's secret");
        return api.list(bob).then().statusCode(200).extract().jsonPath().getList("title");
    }

    @Test
    void list_leaks_shows_other_users_todos() {
        assertThat(bobsListAfterAliceAdds(with(Bug.LIST_LEAKS))).containsExactly("alice's secret");
        services.resetDatabase();
        assertThat(bobsListAfterAliceAdds(client)).isEmpty();
    }

    /** eleven adds, then the default list. */
    private int listedAfterElevenAdds(Client api) {
        String alice = api.signUp("alice");
        IntStream.rangeClosed(1, 11).forEach(i -> api.addTodo(alice, "todo " + i));
        return api.list(alice).then().statusCode(200).extract().jsonPath().getList("id").size();
    }

    @Test
    void page_drops_11th_lists_only_ten_of_eleven_todos() {
        assertThat(listedAfterElevenAdds(with(Bug.PAGE_DROPS_11TH))).isEqualTo(10);
        services.resetDatabase();
        assertThat(listedAfterElevenAdds(client)).isEqualTo(11);
    }

    /** add, vote, vote: the second vote's answer shows the count. */
    private int votesAfterVotingTwice(Client api) {
        String alice = api.signUp("alice");
        long id = api.addTodo(alice, "t");
        api.vote(alice, id).then().statusCode(200);
        return api.vote(alice, id).then().statusCode(200).extract().path("votes");
    }

    @Test
    void double_vote_counts_a_repeated_vote_twice() {
        assertThat(votesAfterVotingTwice(with(Bug.DOUBLE_VOTE))).isEqualTo(2);
        services.resetDatabase();
        assertThat(votesAfterVotingTwice(client)).isEqualTo(1);
    }

    @Test
    void blank_title_accepts_a_whitespace_only_title() {
        Client buggy = with(Bug.BLANK_TITLE);
        assertThat(buggy.add(buggy.signUp("alice"), "   ").statusCode()).isEqualTo(201);
        services.resetDatabase();
        assertThat(client.add(client.signUp("alice"), "   ").statusCode()).isEqualTo(400);
    }

    /** A staff user adds a todo and pins it twice: whether it is pinned after the second pin. */
    private static boolean pinnedAfterPinningTwice(Client api) {
        String sam = api.signUp("sam");
        long id = api.addTodo(sam, "t");
        api.as(sam).put("/todos/" + id + "/pin").then().statusCode(200);
        return api.as(sam).put("/todos/" + id + "/pin").then().statusCode(200).extract().path("pinned");
    }

    @Test
    void pin_toggles_unpins_a_todo_that_staff_pin_twice() {
        Config pinning = services.config().withFlags(Flag.PINNING).withStaffUsers("sam");
        try (TodoApp buggy = TodoApp.start(pinning.withBugs(Bug.PIN_TOGGLES));
                TodoApp correct = TodoApp.start(pinning)) {
            assertThat(pinnedAfterPinningTwice(new Client(buggy))).isFalse();
            services.resetDatabase();
            assertThat(pinnedAfterPinningTwice(new Client(correct))).isTrue();
            // Only staff can pin, so no one else sees it: a non-staff user gets 403 either way.
            services.resetDatabase();
            Client api = new Client(buggy);
            String alice = api.signUp("alice");
            api.as(alice).put("/todos/" + api.addTodo(alice, "t") + "/pin").then().statusCode(403);
        }
    }

    /** add, delete, vote. */
    private static int voteAfterDelete(Client api) {
        return afterAddAndDelete(api, (alice, id) -> api.vote(alice, id).statusCode());
    }

    @Test
    void vote_fk_500_answers_500_to_a_vote_on_a_deleted_todo() {
        assertThat(voteAfterDelete(with(Bug.VOTE_FK_500))).isEqualTo(500);
        services.resetDatabase();
        assertThat(voteAfterDelete(client)).isEqualTo(404);
    }

    @Test
    void vote_race_loses_concurrent_votes() throws Exception {
        int voters = 16;
        int rounds = 5;
        assertThat(lostVotes(with(Bug.VOTE_RACE), voters, rounds)).isPositive();
        services.resetDatabase();
        assertThat(lostVotes(client, voters, rounds)).isZero();
    }

    /**
     * Each round adds a todo, then all voters vote on it at once (released by one latch).
     * Returns the votes missing from the counters, summed over the rounds.
     */
    private long lostVotes(Client api, int voters, int rounds) throws Exception {
        String owner = api.signUp("owner");
        List<String> tokens = IntStream.range(0, voters).mapToObj(i -> api.signUp("voter" + i)).toList();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(voters);
        long lost = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                long id = api.addTodo(owner, "round " + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String token : tokens) {
                    HttpRequest vote = HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + api.port() + "/todos/" + id + "/vote"))
                            .header("Authorization", "Bearer " + token)
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .build();
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.send(vote, HttpResponse.BodyHandlers.discarding()).statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
                int counted = api.get(owner, id).then().statusCode(200).extract().path("votes");
                lost += voters - counted;
            }
        } finally {
            pool.shutdownNow();
        }
        return lost;
    }
}
