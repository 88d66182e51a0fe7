package dev.tollgate.examples.gate;

import dev.tollgate.check.Expect;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.Session;
import dev.tollgate.model.Bundle;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The todo app's sessions and todos, written with the model DSL alone: the showcase of its
 * features. A login's answer decides the user's next state (a wrong password stays logged out);
 * each login gives a {@link Session} value, so a user holds several, picks one for each request,
 * and tries the ones logout ended (401); a batch create yields one reference per todo; bundles
 * draw sessions; {@code edit_todo} takes four arguments.
 */
final class ShowcaseModel {
  enum Login { NEW, LOGGED_OUT, LOGGED_IN }

  static final String PASSWORD = "pw-showcase-secret";
  static final Gen<String> TITLES = Gen.elements("milk", "eggs", "tea", "bread");

  record Held(int user, Ref<Session> session, boolean live) {}

  record Todo(int owner, Ref<Long> id, String title, boolean done) {}

  /** The model state: every session a login gave, and every todo, in the order they were made. */
  record State(List<Held> sessions, List<Todo> todos) {
    List<Ref<Session>> sessions(User user, boolean live) {
      return sessions.stream().filter(h -> h.user() == user.index() && h.live() == live)
          .map(Held::session).toList();
    }

    List<Todo> mine(User user) {
      return todos.stream().filter(todo -> todo.owner() == user.index()).toList();
    }

    State loggedIn(User user, Ref<Session> session) {
      return new State(plus(sessions, new Held(user.index(), session, true)), todos);
    }

    State loggedOut(Ref<Session> session) {
      return new State(replace(sessions, h -> h.session().equals(session),
          h -> new Held(h.user(), session, false)), todos);
    }

    State added(User user, List<Ref<Long>> ids, List<String> titles) {
      List<Todo> more = new ArrayList<>(todos);
      for (int i = 0; i < ids.size(); i++) {
        more.add(new Todo(user.index(), ids.get(i), titles.get(i), false));
      }
      return new State(sessions, List.copyOf(more));
    }

    State edited(Edit edit) {
      return new State(sessions, replace(todos, todo -> todo.id().equals(edit.todo()),
          todo -> new Todo(todo.owner(), todo.id(), edit.title(), edit.done())));
    }
  }

  record Credentials(String name, String password) {}

  record Batch(Ref<Session> session, List<String> titles) {}

  record Edit(Ref<Session> session, Ref<Long> todo, String title, boolean done) {}

  static final Bundle<State, Ref<Session>> LIVE = Bundle.perUser((s, user) -> s.sessions(user, true));
  static final Bundle<State, Ref<Session>> STALE = Bundle.perUser((s, user) -> s.sessions(user, false));

  private ShowcaseModel() {}

  static String name(User user) {
    return "user" + (user.index() + 1);
  }

  static Model<State, Http> model() {
    return Model.define("todo-showcase", Http.class, () -> new State(List.of(), List.of()))
        .userStates(Login.class)
        .command("register", c -> c.from(Login.NEW).to(Login.LOGGED_OUT)
            .with((s, user) -> Gen.constant(new Credentials(name(user), PASSWORD)))
            .run((http, credentials) -> http.post("/users", credentials))
            .expect((s, call, res) -> Expect.status("register", 201, res)))
        // A wrong password is refused and changes nothing: logged out stays logged out.
        .command("login", c -> c.from(Login.LOGGED_OUT, Login.LOGGED_IN)
            .with((s, user) -> Gen.elements(PASSWORD, "wrong-password")
                .map(password -> new Credentials(name(user), password)))
            .toWhen((s, call) -> call.arg().password().equals(PASSWORD)
                || !s.sessions(call.user(), true).isEmpty(), Login.LOGGED_IN, Login.LOGGED_OUT)
            .run((http, credentials) -> http.post("/sessions", credentials))
            .yields("session", res -> res.status() == 201 ? Session.bearer(res.path("token")) : null)
            .expect((s, call, res) ->
                Expect.status("login", call.arg().password().equals(PASSWORD) ? 201 : 401, res))
            .update((s, call) -> call.arg().password().equals(PASSWORD)
                ? s.loggedIn(call.user(), call.ref()) : s))
        // Logout ends the session it is sent with; the user's other sessions stay alive.
        .command("logout", c -> c.from(Login.LOGGED_IN)
            .with(LIVE)
            .toWhen((s, call) -> s.sessions(call.user(), true).size() > 1,
                Login.LOGGED_IN, Login.LOGGED_OUT)
            .run((http, session) -> http.with(session.get()).delete("/sessions/current"))
            .expect((s, call, res) -> Expect.status("logout", 204, res))
            .update((s, call) -> s.loggedOut(call.arg())))
        .command("stale_session", c -> c.from(Login.LOGGED_OUT, Login.LOGGED_IN)
            .with(STALE)
            .run((http, session) -> http.with(session.get()).get("/todos"))
            .expect((s, call, res) -> Expect.status("a session after its logout", 401, res)))
        // One reference per title: todo#5.1, todo#5.2, ...
        .command("add_todos", c -> c.from(Login.LOGGED_IN)
            .with(LIVE, session -> Gen.lists(TITLES).ofSize(1, 4).map(t -> new Batch(session, t)))
            .run((http, batch) -> http.with(batch.session().get())
                .post("/todos/batch", Map.of("titles", batch.titles())))
            .yieldsEach("todo", batch -> batch.titles().size(), res -> res.path("ids"))
            .expect((s, call, res) -> Expect.status("add_todos", 201, res))
            .update((s, call) -> s.added(call.user(), call.refs("todo"), call.arg().titles())))
        .command("list_todos", c -> c.from(Login.LOGGED_IN)
            .with(LIVE)
            .run((http, session) -> http.with(session.get()).get("/todos"))
            .expect((s, call, res) -> Expect.equal("titles of my todos",
                s.mine(call.user()).stream().map(Todo::title).toList(),
                res.json().findValuesAsText("title"), res)))
        .command("edit_todo", c -> c.from(Login.LOGGED_IN)
            .when((s, user) -> !s.mine(user).isEmpty())
            .with((s, user) -> Gen.combine(Gen.elements(s.sessions(user, true)),
                Gen.elements(s.mine(user).stream().map(Todo::id).toList()), TITLES, Gen.booleans(),
                Edit::new))
            .run((http, edit) -> http.with(edit.session().get()).patch("/todos/" + edit.todo().get(),
                Map.of("title", edit.title(), "done", edit.done())))
            .expect((s, call, res) -> {
              Expect.status("edit_todo", 200, res);
              Expect.field(res, "title", call.arg().title());
              Expect.field(res, "done", call.arg().done());
            })
            .update((s, call) -> s.edited(call.arg())))
        .build();
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return List.copyOf(out);
  }

  private static <T> List<T> replace(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
    return list.stream().map(item -> which.test(item) ? change.apply(item) : item).toList();
  }
}
