package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tollgate.check.Eventually;
import dev.tollgate.db.Db;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.model.CommandSpec;
import dev.tollgate.model.Model;
import dev.tollgate.model.ModelBuilder;
import dev.tollgate.model.User;
import dev.tollgate.models.Crud;
import dev.tollgate.models.Key;
import dev.tollgate.models.Sessions;
import dev.tollgate.models.Voting;
import dev.tollgate.models.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The todo app's users, composed from the reusable machines (sessions, a CRUD resource, voting)
 * plus what is the app's own: the staff-only pinning flag, the notifier, and database invariants.
 *
 * <p>Two flag dimensions: each program draws the {@code pinning} flag on or off (the flag service,
 * a WireMock stub the app asks on each request, answers it), and each user is staff or not (a
 * staff user registers as {@code staffN}, a name the app makes staff). So one run checks both
 * sides of the flag, for both kinds of user.
 */
final class TodoGateModel {
  static final String PINNING = "pinning";
  static final String STAFF = "staff";
  /** Enough staff names for any number of users a gate here runs. */
  static final String STAFF_NAMES = "staff1,staff2,staff3,staff4,staff5,staff6";
  // register, login, logout, stale_token; a staff user registers as staffN
  static final Sessions SESSIONS =
      Sessions.api().probe("GET", "/todos").namesBy(TodoGateModel::nameOf);
  // add, get, edit, delete, list; an invalid title must get 400
  static final Crud.Resource TODOS =
      Crud.resource("todo", "/todos")
          .create("title", Gen.strings().ofLength(0, 210), TodoRules::validTitle)
          .edit("title", Gen.strings().ofLength(0, 210), TodoRules::validTitle)
          .edit("done", Gen.booleans())
          .defaults("done", false)
          .from(Sessions.LOGGED_IN);
  // vote, unvote: once per user
  static final Voting VOTES = Voting.on(TODOS).from(Sessions.LOGGED_IN);

  /** How the notifier answers: "up", "500" or "slow". */
  static final Key<String> NOTIFIER = Key.of("notifier", "up");
  /** Longer than the app's notifier timeout (set to 1000 ms by the suite). */
  static final int NOTIFIER_DELAY_MS = 2000;
  private static final String NOTIFIER_SCENARIO = "notifier";
  private static final String NOTIFIER_METADATA = "todoGateNotifier";

  private TodoGateModel() {}

  /** What the model needs to know of the app it checks: its database and the two stubs. */
  record Setup(Db db, WireMock notifier, WireMock flags) {}

  /** {@code staff1} for a staff user, {@code user1} otherwise (and in models without the flag). */
  static String nameOf(User user) {
    boolean staff = user.flags().declares(STAFF) && user.flags().on(STAFF);
    return (staff ? "staff" : "user") + (user.index() + 1);
  }

  /**
   * The flag service's answer for the pinning flag, for every user, in this program. The stub
   * serves flags only, so the last program's answer is simply dropped first.
   */
  static void servePinning(WireMock flags, boolean on) {
    flags.resetMappings();
    flags.register(WireMock.get(WireMock.urlPathEqualTo("/flags/" + PINNING))
        .willReturn(WireMock.okJson("{\"enabled\": " + on + "}")));
  }

  static Model<World, Http> model(Setup setup) {
    return builder(setup).build();
  }

  /** The model, not built yet, so a test can add to it. */
  static ModelBuilder<World, Http> builder(Setup setup) {
    return builder("todo-app", setup);
  }

  /** The model under another name: one that says what is checked, for reports and the gate. */
  static ModelBuilder<World, Http> builder(String name, Setup setup) {
    return builder(name, setup, true);
  }

  /**
   * The model for parallel programs: without the notifier's commands (weight 0), whose check
   * waits for an effect that arrives some time after its step (no moment of its own, so no order
   * of the steps explains it), and whose stub is one for all users; and without the CRUD commands
   * named in {@code leftOut}.
   */
  static Model<World, Http> parallelModel(Setup setup, String... leftOut) {
    return builder("todo-app", setup, false, Set.of(leftOut)).build();
  }

  private static ModelBuilder<World, Http> builder(String name, Setup setup, boolean notifier) {
    return builder(name, setup, notifier, Set.of());
  }

  private static ModelBuilder<World, Http> builder(
      String name, Setup setup, boolean notifier, Set<String> leftOut) {
    double notifierWeight = notifier ? 1 : 0;
    if (notifier) {
      stubNotifierModes(setup.notifier());
    }
    return Model.define(name, Http.class, World::empty)
        .userStates(Sessions.STATES)
        .programFlag(PINNING, on -> servePinning(setup.flags(), on))  // each program: on or off
        .userFlag(STAFF)                                              // each user: staff or not
        .commands(SESSIONS.commands())
        .commands(without(TODOS.commands(), leftOut))  // all five, unless a test leaves some out
        .commands(VOTES.commands())
        // Flag off: 404; on: 200 for staff, 403 for others.
        .command("pin_todo", c -> c.from(Sessions.LOGGED_IN)
            .with(TODOS.known())
            .run((http, todo) -> http.put(TODOS.pathOf(todo) + "/pin", null))
            .expect((world, call, response) -> {
              boolean staff = call.user().flags().on(STAFF);
              if (!call.user().flags().on(PINNING)) {
                assertThat(response.status()).as("pinning with the flag off").isEqualTo(404);
              } else if (!staff) {
                assertThat(response.status()).as("pinning by a non-staff user").isEqualTo(403);
              } else if (!TODOS.live(world, call.arg())) {
                assertThat(response.status()).as("pinning a todo that is gone").isEqualTo(404);
              } else {
                assertThat(response.status()).as("pinning by staff").isEqualTo(200);
                assertThat((Boolean) response.path("pinned")).isTrue();
              }
            }))
        // The notifier hears of every todo added, a little later: one eventual check.
        .command("check_notifications", c -> c
            .weight(notifierWeight)
            .whenModel(world -> !TODOS.known(world).isEmpty())
            .check((world, call) ->
                awaitNotifications(setup.notifier(), TODOS.known(world).size())))
        // The notifier goes down (500s) or slow (past the app's timeout), and comes back: the API
        // must not care. Breaking a notifier that is already broken adds nothing, so each is
        // enabled only from the other's state.
        .command("notifier_fails", c -> c
            .weight(notifierWeight)
            .whenModel(world -> world.get(NOTIFIER).equals("up"))
            .with(Gen.booleans())
            .perform(call -> notifierIs(setup.notifier(), call.arg() ? "slow" : "500"))
            .update((world, call) -> world.with(NOTIFIER, call.arg() ? "slow" : "500"))
            .describedAs(call -> "notifier_fails(" + (call.arg() ? "slow" : "500") + ")"))
        .command("notifier_recovers", c -> c
            .weight(notifierWeight)
            .whenModel(world -> !world.get(NOTIFIER).equals("up"))
            .perform(call -> notifierIs(setup.notifier(), Scenario.STARTED))
            .update((world, call) -> world.with(NOTIFIER, "up")))
        // Over JDBC, after every step.
        .invariant("vote counters match the vote rows", (world, users) ->
            assertThat(setup.db().count(
                "select count(*) from todos t where t.votes <>"
                    + " (select count(*) from votes v where v.todo_id = t.id)"))
                .as("todos whose vote counter differs from their vote rows")
                .isZero())
        .invariant("vote counts match the model", (world, users) -> {
          Map<Object, Integer> expected = VOTES.counts(world);
          for (Map.Entry<Object, Integer> entry : expected.entrySet()) {
            assertThat(setup.db().count(
                "select count(*) from votes where todo_id = ?", entry.getKey()))
                .as("votes on todo %s", entry.getKey())
                .isEqualTo(entry.getValue().longValue());
          }
        });
  }

  /**
   * The notifier's three ways of answering, as states of one WireMock scenario: up (200, the
   * scenario's start), "500", and "slow" (a 200 after {@link #NOTIFIER_DELAY_MS}). A stub's reset
   * puts its scenarios back to their start, so every program begins with the notifier up, as the
   * model's world does, whatever the program before it left. Registered once per model; a model
   * built again on the same stub replaces its own mappings, found by their metadata.
   */
  static void stubNotifierModes(WireMock notifier) {
    notifier.removeStubsByMetadataPattern(
        WireMock.matchingJsonPath("$." + NOTIFIER_METADATA, WireMock.equalTo("modes")));
    Map<String, Object> metadata = Map.of(NOTIFIER_METADATA, "modes");
    notifier.register(WireMock.post("/notify").inScenario(NOTIFIER_SCENARIO)
        .whenScenarioStateIs(Scenario.STARTED).withMetadata(metadata)
        .willReturn(WireMock.aResponse().withStatus(200)));
    notifier.register(WireMock.post("/notify").inScenario(NOTIFIER_SCENARIO)
        .whenScenarioStateIs("500").withMetadata(metadata)
        .willReturn(WireMock.aResponse().withStatus(500)));
    notifier.register(WireMock.post("/notify").inScenario(NOTIFIER_SCENARIO)
        .whenScenarioStateIs("slow").withMetadata(metadata)
        .willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(NOTIFIER_DELAY_MS)));
  }

  /** Switches the notifier to {@code mode}: {@link Scenario#STARTED} (up), "500" or "slow". */
  private static void notifierIs(WireMock notifier, String mode) {
    notifier.setSingleScenarioState(NOTIFIER_SCENARIO, mode);
  }

  /** {@code specs} but the commands named in {@code leftOut}. */
  private static List<CommandSpec<World, Http>> without(
      List<CommandSpec<World, Http>> specs, Set<String> leftOut) {
    return specs.stream().filter(spec -> !leftOut.contains(spec.toCommand().name())).toList();
  }

  /**
   * Waits (bounded) until the notifier has heard of each of the {@code expected} todos added in
   * this program (ids 1 to {@code expected}, since a reset restarts ids). Notifications are sent
   * asynchronously, so one from the previous program may still arrive after the reset: the
   * check asks for at least these, not exactly these.
   */
  static void awaitNotifications(WireMock notifier, int expected) {
    Eventually.within(Duration.ofSeconds(3)).untilAsserted(() -> {
      List<String> bodies = notifier.find(WireMock.postRequestedFor(WireMock.urlEqualTo("/notify")))
          .stream().map(request -> request.getBodyAsString()).toList();
      for (int id = 1; id <= expected; id++) {
        String mention = "\"id\":" + id + ",";
        assertThat(bodies)
            .as("notifications the notifier received, one for todo %d", id)
            .anyMatch(body -> body.replace(" ", "").contains(mention));
      }
    });
  }
}
