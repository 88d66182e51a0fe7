package dev.tollgate.examples.peerbench;

import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.Response;
import dev.tollgate.model.Call;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The Tollgate model of the shelf service: the same contract and the same nine commands as the
 * fast-check ({@code fast-check/model.mjs}) and Hypothesis ({@code hypothesis/model.py}) models.
 * Sessions are references (the tokens login returns), not user states: one driver acts, and
 * several accounts and sessions live in the model state.
 */
public final class ShelfModel {
  static final List<String> NAMES = List.of("ann", "bob", "cy");
  static final int CAP = 10;
  static final int MAX_TITLE = 64;

  private ShelfModel() {}

  /** A session: the token reference login made, whose account it is, and if it still works. */
  record Session(Ref<Object> token, String user, boolean live) {
    String bearer() {
      return "Bearer " + token.get();
    }

    @Override
    public String toString() {
      return token.toString();
    }
  }

  /** A note: the reference that made it (one id, or a batch's list of ids and the position). */
  record Note(Ref<Object> ref, int index, String owner, String title, boolean live) {
    long id() {
      Object value = ref.get();
      return ((Number) (index < 0 ? value : ((List<?>) value).get(index))).longValue();
    }

    @Override
    public String toString() {
      return index < 0 ? ref.toString() : ref + "[" + index + "]";
    }
  }

  /** The model state: accounts, sessions and notes, in the order they were made. */
  record Shelf(List<String> users, List<Session> sessions, List<Note> notes) {
    static Shelf empty() {
      return new Shelf(List.of(), List.of(), List.of());
    }

    List<Session> live() {
      return sessions.stream().filter(Session::live).toList();
    }

    long held(String user) {
      return notes.stream().filter(note -> note.live && note.owner.equals(user)).count();
    }

    boolean owns(Session session, Note note) {
      Note now = current(note);
      return now.live && now.owner.equals(session.user);
    }

    Note current(Note note) {
      return notes.stream().filter(n -> n.ref == note.ref && n.index == note.index).findFirst()
          .orElseThrow();
    }

    boolean isLive(Session session) {
      return sessions.stream().anyMatch(s -> s.token == session.token && s.live);
    }

    Shelf withUser(String name) {
      List<String> next = new ArrayList<>(users);
      next.add(name);
      return new Shelf(List.copyOf(next), sessions, notes);
    }

    Shelf withSession(Session session) {
      List<Session> next = new ArrayList<>(sessions);
      next.add(session);
      return new Shelf(users, List.copyOf(next), notes);
    }

    Shelf withNotes(List<Note> added) {
      List<Note> next = new ArrayList<>(notes);
      next.addAll(added);
      return new Shelf(users, sessions, List.copyOf(next));
    }

    Shelf loggedOut(Session session) {
      return new Shelf(users, sessions.stream()
          .map(s -> s.token == session.token ? new Session(s.token, s.user, false) : s).toList(),
          notes);
    }

    Shelf changed(Note note, UnaryOperator<Note> change) {
      return new Shelf(users, sessions, notes.stream()
          .map(n -> n.ref == note.ref && n.index == note.index ? change.apply(n) : n).toList());
    }
  }

  record Titled(Session target, String title) {}

  record Batch(Session target, List<String> titles) {}

  record OnNote(Session session, Note note) {}

  record Rename(Session session, Note note, String title) {}

  /** Short strings or long ones, half and half: the long branch reaches the length limits. */
  static final Gen<String> TITLE =
      Gen.oneOf(Gen.strings().ofLength(0, 10), Gen.strings().ofLength(40, 80));

  static boolean validTitle(String title) {
    boolean blank = title.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
    return !blank && title.codePointCount(0, title.length()) <= MAX_TITLE;
  }

  /** The model, measuring into {@code meter}. */
  static Model<Shelf, Http> model(Meter meter) {
    return Model.define("shelf", Http.class, Shelf::empty)
        .command("register", c -> c
            .with(Gen.elements(NAMES))
            .run((http, name) -> step(meter, () -> http.post("/users", Map.of("name", name))))
            .expect((shelf, call, res) ->
                status(meter, res, shelf.users.contains(call.arg()) ? 409 : 201))
            .update((shelf, call) ->
                shelf.users.contains(call.arg()) ? shelf : shelf.withUser(call.arg())))
        .command("login", c -> c
            .whenModel(shelf -> !shelf.users.isEmpty())
            .with((shelf, user) -> Gen.elements(shelf.users))
            .run((http, name) -> step(meter, () -> http.post("/sessions", Map.of("name", name))))
            .yields("session", res -> res.path("token"))
            .expect((shelf, call, res) -> status(meter, res, 201))
            .update((shelf, call) -> shelf.withSession(new Session(call.ref(), call.arg(), true))))
        .command("logout", c -> c
            .whenModel(shelf -> !shelf.sessions.isEmpty())
            .with((shelf, user) -> Gen.elements(shelf.sessions))
            .run((http, session) -> step(meter, () -> http.request("DELETE", "/sessions/current")
                .header("Authorization", session.bearer()).send()))
            .expect((shelf, call, res) -> status(meter, res, shelf.isLive(call.arg()) ? 204 : 401))
            .update((shelf, call) -> shelf.loggedOut(call.arg())))
        .command("create_note", c -> c
            .whenModel(shelf -> !shelf.live().isEmpty())
            .with((shelf, user) -> Gen.combine(Gen.elements(shelf.live()), TITLE, Titled::new))
            .run((http, arg) -> step(meter, () -> http.request("POST", "/notes")
                .header("Authorization", arg.target().bearer())
                .body(Map.of("title", arg.title())).send()))
            .yields("note", res -> res.status() == 201 ? res.path("id") : null)
            .expect((shelf, call, res) -> status(meter, res, createStatus(shelf,
                call.arg().target(), List.of(call.arg().title()))))
            .update((shelf, call) -> created(shelf, call, call.arg().target(),
                List.of(call.arg().title()), -1)))
        .command("create_batch", c -> c
            .whenModel(shelf -> !shelf.live().isEmpty())
            .with((shelf, user) -> Gen.combine(Gen.elements(shelf.live()),
                Gen.lists(TITLE).ofSize(1, 5), Batch::new))
            .run((http, arg) -> step(meter, () -> http.request("POST", "/notes/batch")
                .header("Authorization", arg.target().bearer())
                .body(Map.of("titles", arg.titles())).send()))
            .yields("batch", res -> res.status() == 201 ? res.path("ids") : null)
            .expect((shelf, call, res) -> status(meter, res, createStatus(shelf,
                call.arg().target(), call.arg().titles())))
            .update((shelf, call) -> created(shelf, call, call.arg().target(),
                call.arg().titles(), 0)))
        .command("get_note", c -> c
            .whenModel(shelf -> !shelf.live().isEmpty() && !shelf.notes.isEmpty())
            .with((shelf, user) -> Gen.combine(Gen.elements(shelf.live()),
                Gen.elements(shelf.notes), OnNote::new))
            .run((http, arg) -> step(meter, () -> http.request("GET", "/notes/" + arg.note().id())
                .header("Authorization", arg.session().bearer()).send()))
            .expect((shelf, call, res) -> {
              boolean owns = shelf.owns(call.arg().session(), call.arg().note());
              status(meter, res, owns ? 200 : 404);
              if (owns) {
                equal(meter, res.path("title"), shelf.current(call.arg().note()).title, "title");
              }
            })
            .update((shelf, call) -> shelf))
        .command("delete_note", c -> c
            .whenModel(shelf -> !shelf.live().isEmpty() && !shelf.notes.isEmpty())
            .with((shelf, user) -> Gen.combine(Gen.elements(shelf.live()),
                Gen.elements(shelf.notes), OnNote::new))
            .run((http, arg) -> step(meter, () -> http.request("DELETE",
                "/notes/" + arg.note().id()).header("Authorization", arg.session().bearer()).send()))
            .expect((shelf, call, res) ->
                status(meter, res, shelf.owns(call.arg().session(), call.arg().note()) ? 204 : 404))
            .update((shelf, call) -> shelf.owns(call.arg().session(), call.arg().note())
                ? shelf.changed(call.arg().note(),
                    n -> new Note(n.ref, n.index, n.owner, n.title, false))
                : shelf))
        .command("rename_note", c -> c
            .whenModel(shelf -> !shelf.live().isEmpty() && !shelf.notes.isEmpty())
            .with((shelf, user) -> Gen.combine(Gen.elements(shelf.live()),
                Gen.elements(shelf.notes), TITLE, Rename::new))
            .run((http, arg) -> step(meter, () -> http.request("PUT", "/notes/" + arg.note().id())
                .header("Authorization", arg.session().bearer())
                .body(Map.of("title", arg.title())).send()))
            .expect((shelf, call, res) -> status(meter, res, renameStatus(shelf, call.arg())))
            .update((shelf, call) -> renameStatus(shelf, call.arg()) == 200
                ? shelf.changed(call.arg().note(),
                    n -> new Note(n.ref, n.index, n.owner, call.arg().title(), true))
                : shelf))
        .command("list_notes", c -> c
            .whenModel(shelf -> !shelf.sessions.isEmpty())
            .with((shelf, user) -> Gen.elements(shelf.sessions))
            .run((http, session) -> step(meter, () -> http.request("GET", "/notes")
                .header("Authorization", session.bearer()).send()))
            .expect((shelf, call, res) -> {
              boolean live = shelf.isLive(call.arg());
              status(meter, res, live ? 200 : 401);
              if (live) {
                List<String> expected = shelf.notes.stream()
                    .filter(n -> n.live && n.owner.equals(call.arg().user)).map(Note::title)
                    .toList();
                List<Map<String, Object>> notes = res.path("notes");
                equal(meter, notes.stream().map(n -> n.get("title")).toList(), expected, "titles");
              }
            })
            .update((shelf, call) -> shelf))
        .build();
  }

  private static int createStatus(Shelf shelf, Session session, List<String> titles) {
    if (!titles.stream().allMatch(ShelfModel::validTitle)) {
      return 400;
    }
    return shelf.held(session.user) + titles.size() > CAP ? 409 : 201;
  }

  private static Shelf created(
      Shelf shelf, Call<?> call, Session session, List<String> titles, int firstIndex) {
    if (createStatus(shelf, session, titles) != 201) {
      return shelf;
    }
    List<Note> added = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      added.add(new Note(call.ref(), firstIndex < 0 ? -1 : i, session.user, titles.get(i), true));
    }
    return shelf.withNotes(added);
  }

  private static int renameStatus(Shelf shelf, Rename rename) {
    if (!shelf.owns(rename.session(), rename.note())) {
      return 404;
    }
    return validTitle(rename.title()) ? 200 : 400;
  }

  interface Request {
    Response send() throws Exception;
  }

  private static Response step(Meter meter, Request request) throws Exception {
    meter.ran();
    return request.send();
  }

  private static void status(Meter meter, Response res, int expected) {
    if (res.status() != expected) {
      meter.failed();
      throw new AssertionError("expected status " + expected + " but was " + res.status()
          + "; body: " + res.body());
    }
  }

  private static void equal(Meter meter, Object actual, Object expected, String what) {
    if (!Objects.equals(actual, expected)) {
      meter.failed();
      throw new AssertionError("expected " + what + " " + expected + " but was " + actual);
    }
  }
}
