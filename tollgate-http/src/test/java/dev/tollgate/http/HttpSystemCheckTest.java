package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.gen.Gen;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.Runner;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Full model checks over real HTTP: the runner drives {@link Http} sessions of several users. */
class HttpSystemCheckTest {

  /** The model state: which user owns each live item, and which items are gone. */
  record Items(Map<Ref<Long>, Integer> live, Set<Ref<Long>> gone) {
    static Items empty() {
      return new Items(Map.of(), Set.of());
    }

    List<Ref<Long>> known() {
      List<Ref<Long>> all = new java.util.ArrayList<>(live.keySet());
      all.addAll(gone);
      return all;
    }

    Items add(Ref<Long> item, int user) {
      Map<Ref<Long>, Integer> next = new HashMap<>(live);
      next.put(item, user);
      return new Items(next, gone);
    }

    Items delete(Ref<Long> item) {
      Map<Ref<Long>, Integer> next = new HashMap<>(live);
      next.remove(item);
      Set<Ref<Long>> nextGone = new HashSet<>(gone);
      nextGone.add(item);
      return new Items(next, nextGone);
    }

    boolean owns(Ref<Long> item, int user) {
      return Integer.valueOf(user).equals(live.get(item));
    }

    List<Long> idsOf(int user) {
      return live.entrySet().stream()
          .filter(entry -> entry.getValue() == user)
          .map(entry -> entry.getKey().get())
          .sorted()
          .toList();
    }
  }

  enum Session { LOGGED_OUT, LOGGED_IN }

  static Model<Items, Http> model() {
    return Model.define("items", Http.class, Items::empty)
        .userStates(Session.class)
        .command("login", c -> c.from(Session.LOGGED_OUT).to(Session.LOGGED_IN)
            .run((http, none) -> {
              Response response =
                  http.post("/login", Map.of("user", "u" + System.identityHashCode(http),
                      "password", "open sesame"));
              http.bearer(response.path("token"));
              return response;
            })
            .expect((items, call, response) -> assertThat(response.status()).isEqualTo(200)))
        .command("add_item", c -> c.from(Session.LOGGED_IN)
            .with(Gen.strings().ofLength(1, 20))
            .run((http, name) -> http.post("/items", Map.of("name", name)))
            .yields("item", response -> response.path("id"))
            .expect((items, call, response) -> {
              assertThat(response.status()).isEqualTo(201);
              assertThat(response.<String>path("name")).isEqualTo(call.arg());
            })
            .update((items, call) -> items.add(call.ref(), call.user().index())))
        .command("delete_item", c -> c.from(Session.LOGGED_IN)
            .when((items, user) -> !items.known().isEmpty())
            .with((items, user) -> Gen.elements(items.known()))
            .run((http, item) -> http.delete("/items/" + item.get()))
            .expect((items, call, response) -> assertThat(response.status())
                .isEqualTo(items.owns(call.arg(), call.user().index()) ? 204 : 404))
            .update((items, call) -> items.owns(call.arg(), call.user().index())
                ? items.delete(call.arg())
                : items))
        .command("list_items", c -> c.from(Session.LOGGED_IN)
            .run((http, none) -> http.get("/items"))
            .expect((items, call, response) -> {
              assertThat(response.status()).isEqualTo(200);
              List<Long> ids = response.<List<Map<String, Object>>>path("items").stream()
                  .map(item -> (Long) item.get("id"))
                  .toList();
              assertThat(ids).isEqualTo(items.idsOf(call.user().index()));
            }))
        .build();
  }

  private static Runner runner() {
    return Tollgate.runner().reporter(Reporter.none()).users(2).tries(40).maxSteps(20).seed(11);
  }

  @Test
  void a_correct_app_passes_a_full_check_over_http() throws IOException {
    try (TestApp app = TestApp.start()) {
      HttpSystem system = HttpSystem.at(app.url()).onReset(app::reset);

      RunSummary summary = runner().check(model(), system);

      assertThat(summary.programs()).isEqualTo(40);
      assertThat(summary.commandCounts()).containsKeys("add_item", "delete_item", "list_items");
      assertThat(summary.commandCounts().get("delete_item")).isPositive();
    }
  }

  @Test
  void a_planted_delete_twice_bug_fails_the_check_and_shrinks_to_four_steps() throws IOException {
    try (TestApp app = TestApp.withDeleteTwiceBug()) {
      HttpSystem system = HttpSystem.at(app.url()).onReset(app::reset);

      ModelCheckFailure failure =
          catchThrowableOfType(ModelCheckFailure.class, () -> runner().check(model(), system));

      assertThat(failure).isNotNull();
      assertThat(failure.check()).isEqualTo("postcondition of delete_item");
      assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("404");
      assertThat(failure.getActual().getStringRepresentation()).isEqualTo("204");
      assertThat(failure.steps()).hasSize(4);
    }
  }
}
