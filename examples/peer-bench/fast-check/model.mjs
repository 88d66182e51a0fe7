// The fast-check model of the shelf service: the same contract and the same nine commands as
// the Tollgate model (ShelfModel.java) and the Hypothesis model (../hypothesis/model.py).
// fast-check draws commands before it knows the model state, so a command that takes a session
// or a note draws an index and resolves it against the model when it runs (the usual idiom).
import fc from 'fast-check';

export const NAMES = ['ann', 'bob', 'cy'];
export const CAP = 10;
export const MAX_TITLE = 64;

export const title = fc.oneof(
  fc.string({ maxLength: 10, unit: 'binary' }),
  fc.string({ minLength: 40, maxLength: 80, unit: 'binary' }),
);

export function validTitle(t) {
  const blank = [...t].every((c) => c === ' ' || c === '\t' || c === '\r' || c === '\n');
  return !blank && [...t].length <= MAX_TITLE;
}

export function emptyModel() {
  return { users: [], sessions: [], notes: [] };
}

const live = (m) => m.sessions.filter((s) => s.live);
const held = (m, user) => m.notes.filter((n) => n.live && n.owner === user).length;
const owns = (session, note) => note.live && note.owner === session.user;
const pick = (list, i) => list[i % list.length];

function expectEqual(meter, actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) {
    meter.failed();
    throw new Error(`expected ${what} ${e} but was ${a}`);
  }
}

function createStatus(m, session, titles) {
  if (!titles.every(validTitle)) return 400;
  return held(m, session.user) + titles.length > CAP ? 409 : 201;
}

// Each command class: check (precondition on the model), run (call, check, update), toString.
export function commands(meter) {
  const status = (res, expected) => expectEqual(meter, res.status, expected, 'status');

  class Register {
    constructor(name) { this.name = name; }
    check() { return true; }
    async run(m, http) {
      const res = await http.call('POST', '/users', null, { name: this.name });
      status(res, m.users.includes(this.name) ? 409 : 201);
      if (!m.users.includes(this.name)) m.users.push(this.name);
    }
    toString() { return `register(${JSON.stringify(this.name)})`; }
  }

  class Login {
    constructor(i) { this.i = i; }
    check(m) { return m.users.length > 0; }
    async run(m, http) {
      const name = pick(m.users, this.i);
      this.shown = name;
      const res = await http.call('POST', '/sessions', null, { name });
      status(res, 201);
      m.sessions.push({ token: res.json.token, user: name, live: true, n: m.sessions.length });
    }
    toString() { return `login(${JSON.stringify(this.shown)})`; }
  }

  class Logout {
    constructor(i) { this.i = i; }
    check(m) { return m.sessions.length > 0; }
    async run(m, http) {
      const session = pick(m.sessions, this.i);
      this.shown = session.n;
      const res = await http.call('DELETE', '/sessions/current', session.token);
      status(res, session.live ? 204 : 401);
      session.live = false;
    }
    toString() { return `logout(session#${this.shown})`; }
  }

  class CreateNote {
    constructor(i, t) { this.i = i; this.title = t; }
    check(m) { return live(m).length > 0; }
    async run(m, http) {
      const session = pick(live(m), this.i);
      this.shown = session.n;
      const res = await http.call('POST', '/notes', session.token, { title: this.title });
      const expected = createStatus(m, session, [this.title]);
      status(res, expected);
      if (expected === 201) {
        m.notes.push({ id: res.json.id, owner: session.user, title: this.title, live: true });
      }
    }
    toString() { return `create_note(session#${this.shown}, ${JSON.stringify(this.title)})`; }
  }

  class CreateBatch {
    constructor(i, titles) { this.i = i; this.titles = titles; }
    check(m) { return live(m).length > 0; }
    async run(m, http) {
      const session = pick(live(m), this.i);
      this.shown = session.n;
      const res = await http.call('POST', '/notes/batch', session.token, { titles: this.titles });
      const expected = createStatus(m, session, this.titles);
      status(res, expected);
      if (expected === 201) {
        this.titles.forEach((t, k) =>
          m.notes.push({ id: res.json.ids[k], owner: session.user, title: t, live: true }));
      }
    }
    toString() { return `create_batch(session#${this.shown}, ${JSON.stringify(this.titles)})`; }
  }

  class OnNote {
    constructor(i, j) { this.i = i; this.j = j; }
    check(m) { return live(m).length > 0 && m.notes.length > 0; }
    resolve(m) {
      const session = pick(live(m), this.i);
      const note = pick(m.notes, this.j);
      this.shown = `session#${session.n}, note ${note.id}`;
      return [session, note];
    }
  }

  class GetNote extends OnNote {
    async run(m, http) {
      const [session, note] = this.resolve(m);
      const res = await http.call('GET', `/notes/${note.id}`, session.token);
      status(res, owns(session, note) ? 200 : 404);
      if (owns(session, note)) expectEqual(meter, res.json.title, note.title, 'title');
    }
    toString() { return `get_note(${this.shown})`; }
  }

  class DeleteNote extends OnNote {
    async run(m, http) {
      const [session, note] = this.resolve(m);
      const res = await http.call('DELETE', `/notes/${note.id}`, session.token);
      status(res, owns(session, note) ? 204 : 404);
      if (owns(session, note)) note.live = false;
    }
    toString() { return `delete_note(${this.shown})`; }
  }

  class RenameNote extends OnNote {
    constructor(i, j, t) { super(i, j); this.title = t; }
    async run(m, http) {
      const [session, note] = this.resolve(m);
      const res = await http.call('PUT', `/notes/${note.id}`, session.token, { title: this.title });
      const expected = !owns(session, note) ? 404 : validTitle(this.title) ? 200 : 400;
      status(res, expected);
      if (expected === 200) note.title = this.title;
    }
    toString() { return `rename_note(${this.shown}, ${JSON.stringify(this.title)})`; }
  }

  class ListNotes {
    constructor(i) { this.i = i; }
    check(m) { return m.sessions.length > 0; }
    async run(m, http) {
      const session = pick(m.sessions, this.i);
      this.shown = session.n;
      const res = await http.call('GET', '/notes', session.token);
      status(res, session.live ? 200 : 401);
      if (session.live) {
        const expected = m.notes.filter((n) => n.live && n.owner === session.user).map((n) => n.title);
        expectEqual(meter, res.json.notes.map((n) => n.title), expected, 'titles');
      }
    }
    toString() { return `list_notes(session#${this.shown})`; }
  }

  const index = fc.nat();
  return [
    fc.constantFrom(...NAMES).map((n) => new Register(n)),
    index.map((i) => new Login(i)),
    index.map((i) => new Logout(i)),
    fc.tuple(index, title).map(([i, t]) => new CreateNote(i, t)),
    fc.tuple(index, fc.array(title, { minLength: 1, maxLength: 5 })).map(([i, ts]) => new CreateBatch(i, ts)),
    fc.tuple(index, index).map(([i, j]) => new GetNote(i, j)),
    fc.tuple(index, index).map(([i, j]) => new DeleteNote(i, j)),
    fc.tuple(index, index, title).map(([i, j, t]) => new RenameNote(i, j, t)),
    index.map((i) => new ListNotes(i)),
  ];
}
