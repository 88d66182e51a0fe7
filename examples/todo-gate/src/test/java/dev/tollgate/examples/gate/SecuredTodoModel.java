package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.Response;
import dev.tollgate.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The users of the app with {@code TODO_APP_FLAGS=secured}, as a real app ships it: a health check
 * behind authentication, an administrator and categories seeded by a migration, and an endpoint
 * for staff only. Every program starts from the seeded baseline, so the seed rows are there
 * whatever earlier programs did, and the registered members are gone.
 */
final class SecuredTodoModel {
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-demo-password";
  static final List<String> SEEDED_CATEGORIES = List.of("errands", "home", "work");

  enum Session { LOGGED_OUT, MEMBER, ADMIN }

  /** The members registered so far, in order of registration (so of id, after the seeded admin). */
  record Accounts(List<Integer> registered) {
    Accounts register(int user) {
      List<Integer> next = new ArrayList<>(registered);
      next.add(user);
      return new Accounts(List.copyOf(next));
    }

    List<String> names() {
      List<String> names = new ArrayList<>(List.of(ADMIN));
      registered.forEach(u -> names.add(member(u)));
      return names;
    }
  }

  private SecuredTodoModel() {}

  static String member(int user) {
    return "member" + (user + 1);
  }

  static Model<Accounts, Http> model() {
    return Model.define("secured-todos", Http.class, () -> new Accounts(List.of()))
        .userStates(Session.class)
        .command("health", c -> c.weight(2)
            .with((accounts, user) -> Gen.constant(user.in(Session.LOGGED_OUT)))
            .run((http, loggedOut) -> http.get("/health"))
            .expect((accounts, call, response) -> assertThat(response.status())
                .as("/health answers 401 without a session and 200 with one")
                .isEqualTo(call.arg() ? 401 : 200)))
        .command("register", c -> c.from(Session.LOGGED_OUT)
            .when((accounts, user) -> !accounts.registered().contains(user.index()))
            .with((accounts, user) -> Gen.constant(user.index()))
            .run((http, user) -> http.post("/users", Map.of("name", member(user), "password", password(user))))
            .expect((accounts, call, response) -> assertThat(response.status())
                .as("registering %s, a name the reset freed", member(call.arg())).isEqualTo(201))
            .update((accounts, call) -> accounts.register(call.arg())))
        .command("login", c -> c.from(Session.LOGGED_OUT).to(Session.MEMBER)
            .when((accounts, user) -> accounts.registered().contains(user.index()))
            .with((accounts, user) -> Gen.constant(user.index()))
            .run((http, user) -> login(http, member(user), password(user)))
            .expect((accounts, call, response) -> assertThat(response.status()).isEqualTo(201)))
        .command("login_admin", c -> c.from(Session.LOGGED_OUT).to(Session.ADMIN)
            .run((http, none) -> login(http, ADMIN, ADMIN_PASSWORD))
            .expect((accounts, call, response) -> assertThat(response.status())
                .as("the seeded admin logs in after every reset").isEqualTo(201)))
        .command("logout", c -> c.from(Session.MEMBER, Session.ADMIN).to(Session.LOGGED_OUT)
            .run((http, none) -> {
              Response response = http.delete("/sessions/current");
              http.bearer(null);
              return response;
            })
            .expect((accounts, call, response) -> assertThat(response.status()).isEqualTo(204)))
        .command("list_categories", c -> c.from(Session.MEMBER, Session.ADMIN).weight(2)
            .run((http, none) -> http.get("/categories"))
            .expect((accounts, call, response) -> {
              assertThat(response.status()).isEqualTo(200);
              assertThat(response.<List<String>>path("")).as("the categories seeded by the migration")
                  .isEqualTo(SEEDED_CATEGORIES);
            }))
        .command("admin_users", c -> c.from(Session.MEMBER, Session.ADMIN).weight(2)
            .with((accounts, user) -> Gen.constant(user.in(Session.MEMBER)))
            .run((http, member) -> http.get("/admin/users"))
            .expect((accounts, call, response) -> {
              if (call.arg()) {
                assertThat(response.status()).as("a member is not staff").isEqualTo(403);
              } else {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.<List<String>>path("")).as("the seeded admin, then this program's members")
                    .isEqualTo(accounts.names());
              }
            }))
        .build();
  }

  private static String password(int user) {
    return "member-password-" + (user + 1);
  }

  private static Response login(Http http, String name, String password) {
    Response response = http.post("/sessions", Map.of("name", name, "password", password));
    if (response.status() == 201) {
      http.bearer(response.path("token"));
    }
    return response;
  }
}
