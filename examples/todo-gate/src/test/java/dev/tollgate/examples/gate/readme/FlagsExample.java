package dev.tollgate.examples.gate.readme;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tollgate.check.Expect;
import dev.tollgate.http.Http;
import dev.tollgate.model.Flags;
import dev.tollgate.model.Model;
import dev.tollgate.models.Crud;
import dev.tollgate.models.Sessions;
import dev.tollgate.models.World;

/**
 * The README's "Feature flags" example, compiled so it keeps to the API; {@code TodoGateModel}
 * is the model the gate runs, with the same pinning flag.
 */
final class FlagsExample {
  static final Sessions SESSIONS = Sessions.api().probe("GET", "/todos");
  static final Crud.Resource TODOS =
      Crud.resource("todo", "/todos").create("title", dev.tollgate.gen.Gen.strings().ofLength(1, 20))
          .from(Sessions.LOGGED_IN);

  private FlagsExample() {}

  static Model<World, Http> model(WireMock flagService) {
    return Model.define("todo-app", Http.class, World::empty)
        .programFlag("pinning", on -> servePinning(flagService, on))  // per program: on or off
        .userFlag("staff")                                           // per user: staff or not
        .userFlag("new_ui", 10)                                      // per user: a 10% rollout
        .userStates(Sessions.STATES)
        .commands(SESSIONS.commands())
        .commands(TODOS.commands())
        .command("pin_todo", c -> c.from(Sessions.LOGGED_IN)
            .with(TODOS.known())
            .run((http, todo) -> http.put(TODOS.pathOf(todo) + "/pin", null))
            .expect((world, call, response) -> {
              Flags flags = call.user().flags();                         // what this user sees in this program
              int expected = !flags.on("pinning") ? 404 : flags.on("staff") ? 200 : 403;
              Expect.status("pin_todo", TODOS.live(world, call.arg()) ? expected : 404, response);
            }))
        .build();
  }

  /** The flag service's answer for this program, for every user. */
  static void servePinning(WireMock flagService, boolean on) {
    flagService.register(WireMock.get(WireMock.urlPathEqualTo("/flags/pinning"))
        .willReturn(WireMock.okJson("{\"enabled\": " + on + "}")));
  }
}
