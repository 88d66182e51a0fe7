package dev.tollgate.examples.gate.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gen.Gen;
import dev.tollgate.model.Bundle;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's "Writing a model test" example, whole: the model as the README shows it, with a
 * client of one's own (not {@code Http}) and a small in-memory store as the system, so the
 * example runs as a test here and cannot drift from the API.
 */
class TodosModelTest {

  enum Session { LOGGED_OUT, LOGGED_IN }

  static Model<Todos, Client> model() {
    return Model.define("todos", Client.class, Todos::empty)
        .userStates(Session.class)                                  // the first is where users start
        .command("login", c -> c.from(Session.LOGGED_OUT).to(Session.LOGGED_IN)
            .run((client, none) -> client.login())
            .expect((todos, call, res) -> assertThat(res.status()).isEqualTo(200)))
        .command("add_todo", c -> c.from(Session.LOGGED_IN)
            .with(Gen.strings().ofLength(1, 80))                    // arguments come from generators
            .run((client, title) -> client.add(title))
            .yields("todo", res -> res.id())                        // a symbolic reference for later steps
            .expect((todos, call, res) -> assertThat(res.status()).isEqualTo(201))
            .update((todos, call) -> todos.add(call.ref(), call.user().index(), call.arg())))
        .command("delete_todo", c -> c.from(Session.LOGGED_IN)
            .with(Bundle.of(Todos::known))                          // a known todo, twice too; its precondition:
                                                                    // enabled once the model knows one
            .run((client, todo) -> client.delete(todo.get()))       // ref.get(): the id the system gave
            .expect((todos, call, res) -> assertThat(res.status())
                .isEqualTo(todos.owns(call.arg(), call.user().index()) ? 204 : 404))
            .update((todos, call) -> todos.remove(call.arg(), call.user().index())))
        .invariant("stored todos match the model", (todos, users) ->   // after every step
            assertThat(users.client(0).count()).isEqualTo(todos.owners().size()))
        .build();
  }

  @StateMachineTest(tries = 200, maxSteps = 50, users = 3)
  void todos_stay_consistent(Runner runner) {
    SystemUnderTest<Client> system = new InMemoryTodos();   // reset() before every program, client(user) for each user
    runner.check(model(), system);
  }

  // ---------------------------------------------------------------------------------------------

  /** The model state: every todo the system gave, and the owner of each that is still there. */
  record Todos(List<Ref<Long>> known, Map<Ref<Long>, Integer> owners) {
    static Todos empty() {
      return new Todos(List.of(), Map.of());
    }

    Todos add(Ref<Long> todo, int owner, String title) {
      List<Ref<Long>> all = new ArrayList<>(known);
      all.add(todo);
      Map<Ref<Long>, Integer> live = new HashMap<>(owners);
      live.put(todo, owner);
      return new Todos(List.copyOf(all), Map.copyOf(live));
    }

    boolean owns(Ref<Long> todo, int user) {
      return owners.containsKey(todo) && owners.get(todo) == user;
    }

    /** Only the owner's delete removes it: anyone else's gets 404 and changes nothing. */
    Todos remove(Ref<Long> todo, int user) {
      if (!owns(todo, user)) {
        return this;
      }
      Map<Ref<Long>, Integer> live = new HashMap<>(owners);
      live.remove(todo);
      return new Todos(known, Map.copyOf(live));
    }
  }

  /** What a client of one's own answers: a status, and the new todo's id when there is one. */
  record Answer(int status, Long id) {}

  /** One user's client of the store, as a project's own API client would be. */
  static final class Client {
    private final InMemoryTodos store;
    private final int user;
    private boolean loggedIn;

    Client(InMemoryTodos store, int user) {
      this.store = store;
      this.user = user;
    }

    Answer login() {
      loggedIn = true;
      return new Answer(200, null);
    }

    Answer add(String title) {
      return loggedIn ? new Answer(201, store.add(user)) : new Answer(401, null);
    }

    Answer delete(long id) {
      return new Answer(loggedIn && store.delete(id, user) ? 204 : 404, null);
    }

    int count() {
      return store.count();
    }
  }

  /** The system: todos by id, each with its owner; ids restart from 1 at every reset. */
  static final class InMemoryTodos implements SystemUnderTest<Client> {
    private final Map<Long, Integer> owners = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized void reset() {
      owners.clear();
      nextId = 1;
    }

    @Override
    public Client client(User user) {
      return new Client(this, user.index());
    }

    synchronized long add(int user) {
      owners.put(nextId, user);
      return nextId++;
    }

    synchronized boolean delete(long id, int user) {
      Integer owner = owners.get(id);
      if (owner == null || owner != user) {
        return false;
      }
      owners.remove(id);
      return true;
    }

    synchronized int count() {
      return owners.size();
    }
  }
}
