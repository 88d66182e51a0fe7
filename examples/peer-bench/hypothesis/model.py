"""The Hypothesis model of the shelf service: the same contract and the same nine commands as the
Tollgate model (ShelfModel.java) and the fast-check model (../fast-check/model.mjs). Sessions and
notes live in the machine's own lists, and rules draw them with st.data(), so a dead session
can still be probed (a Bundle would hand out only what rules returned)."""

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

NAMES = ["ann", "bob", "cy"]
CAP = 10
MAX_TITLE = 64

TITLE = st.one_of(st.text(max_size=10), st.text(min_size=40, max_size=80))


def valid_title(t):
    blank = all(c in " \t\r\n" for c in t)
    return not blank and len(t) <= MAX_TITLE


def machine(http, meter):
    """A state machine class bound to an HTTP client and a meter (steps, first failure)."""

    class Shelf(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            meter.started()
            http.reset()
            self.users, self.sessions, self.notes = [], [], []

        def call(self, shown, method, path, token=None, body=None):
            meter.ran(shown)
            return http.call(method, path, token, body)

        def expect(self, actual, expected, what="status"):
            if actual != expected:
                meter.failed()
                raise AssertionError(f"expected {what} {expected!r} but was {actual!r}")

        def live(self):
            return [s for s in self.sessions if s["live"]]

        def held(self, user):
            return sum(1 for n in self.notes if n["live"] and n["owner"] == user)

        def create_status(self, session, titles):
            if not all(valid_title(t) for t in titles):
                return 400
            return 409 if self.held(session["user"]) + len(titles) > CAP else 201

        @staticmethod
        def owns(session, note):
            return note["live"] and note["owner"] == session["user"]

        @rule(name=st.sampled_from(NAMES))
        def register(self, name):
            status, _ = self.call(f"register({name!r})", "POST", "/users", body={"name": name})
            self.expect(status, 409 if name in self.users else 201)
            if name not in self.users:
                self.users.append(name)

        @precondition(lambda self: self.users)
        @rule(data=st.data())
        def login(self, data):
            name = data.draw(st.sampled_from(self.users))
            status, body = self.call(f"login({name!r})", "POST", "/sessions", body={"name": name})
            self.expect(status, 201)
            self.sessions.append({"token": body["token"], "user": name, "live": True,
                                  "n": len(self.sessions)})

        @precondition(lambda self: self.sessions)
        @rule(data=st.data())
        def logout(self, data):
            session = data.draw(st.sampled_from(self.sessions))
            status, _ = self.call(f"logout(session#{session['n']})", "DELETE", "/sessions/current",
                                  session["token"])
            self.expect(status, 204 if session["live"] else 401)
            session["live"] = False

        @precondition(lambda self: self.live())
        @rule(data=st.data(), title=TITLE)
        def create_note(self, data, title):
            session = data.draw(st.sampled_from(self.live()))
            status, body = self.call(f"create_note(session#{session['n']}, {title!r})", "POST",
                                     "/notes", session["token"], {"title": title})
            expected = self.create_status(session, [title])
            self.expect(status, expected)
            if expected == 201:
                self.notes.append({"id": body["id"], "owner": session["user"], "title": title,
                                   "live": True})

        @precondition(lambda self: self.live())
        @rule(data=st.data(), titles=st.lists(TITLE, min_size=1, max_size=5))
        def create_batch(self, data, titles):
            session = data.draw(st.sampled_from(self.live()))
            status, body = self.call(f"create_batch(session#{session['n']}, {titles!r})", "POST",
                                     "/notes/batch", session["token"], {"titles": titles})
            expected = self.create_status(session, titles)
            self.expect(status, expected)
            if expected == 201:
                for note_id, title in zip(body["ids"], titles):
                    self.notes.append({"id": note_id, "owner": session["user"], "title": title,
                                       "live": True})

        def on_note(self, data):
            return (data.draw(st.sampled_from(self.live())),
                    data.draw(st.sampled_from(self.notes)))

        @precondition(lambda self: self.live() and self.notes)
        @rule(data=st.data())
        def get_note(self, data):
            session, note = self.on_note(data)
            status, body = self.call(f"get_note(session#{session['n']}, note {note['id']})", "GET",
                                     f"/notes/{note['id']}", session["token"])
            self.expect(status, 200 if self.owns(session, note) else 404)
            if self.owns(session, note):
                self.expect(body["title"], note["title"], "title")

        @precondition(lambda self: self.live() and self.notes)
        @rule(data=st.data())
        def delete_note(self, data):
            session, note = self.on_note(data)
            status, _ = self.call(f"delete_note(session#{session['n']}, note {note['id']})",
                                  "DELETE", f"/notes/{note['id']}", session["token"])
            self.expect(status, 204 if self.owns(session, note) else 404)
            if self.owns(session, note):
                note["live"] = False

        @precondition(lambda self: self.live() and self.notes)
        @rule(data=st.data(), title=TITLE)
        def rename_note(self, data, title):
            session, note = self.on_note(data)
            status, _ = self.call(f"rename_note(session#{session['n']}, note {note['id']}, "
                                  f"{title!r})", "PUT", f"/notes/{note['id']}", session["token"],
                                  {"title": title})
            expected = 404 if not self.owns(session, note) else 200 if valid_title(title) else 400
            self.expect(status, expected)
            if expected == 200:
                note["title"] = title

        @precondition(lambda self: self.sessions)
        @rule(data=st.data())
        def list_notes(self, data):
            session = data.draw(st.sampled_from(self.sessions))
            status, body = self.call(f"list_notes(session#{session['n']})", "GET", "/notes",
                                     session["token"])
            self.expect(status, 200 if session["live"] else 401)
            if session["live"]:
                expected = [n["title"] for n in self.notes
                            if n["live"] and n["owner"] == session["user"]]
                self.expect([n["title"] for n in body["notes"]], expected, "titles")

    return Shelf
