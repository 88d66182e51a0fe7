package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A step may make several references: named ones ({@code yields("session", ..)} and {@code
 * yields("user", ..)}) and a list, one per element of the argument ({@code yieldsEach("todo",
 * ..)}); each is its own reference, read with {@code call.ref(label)} or {@code call.refs(label)}
 * and shown on its own.
 */
class SeveralRefsTest {
  /** An in-process todo store with a batch create; {@code dropLast} loses the last of a batch. */
  static final class Store implements SystemUnderTest<Store> {
    private final Map<Integer, String> todos = new LinkedHashMap<>();
    private int next = 100;
    private final boolean dropLast;

    Store(boolean dropLast) {
      this.dropLast = dropLast;
    }

    @Override
    public void reset() {
      todos.clear();
      next = 100;
    }

    @Override
    public Store client(User user) {
      return this;
    }

    record Login(String session, int user) {}

    Login login() {
      return new Login("s-" + (++next), next);
    }

    List<Integer> createAll(List<String> titles) {
      List<Integer> ids = new ArrayList<>();
      for (String title : titles) {
        todos.put(++next, title);
        ids.add(next);
      }
      return dropLast && ids.size() > 1 ? ids.subList(0, ids.size() - 1) : ids;
    }

    String title(int id) {
      String title = todos.get(id);
      if (title == null) {
        throw new AssertionError("no todo " + id);
      }
      return title;
    }
  }

  record World(Ref<String> session, Ref<Integer> user, Map<Ref<Integer>, String> todos) {
    static World empty() {
      return new World(null, null, Map.of());
    }

    World withTodos(List<Ref<Integer>> refs, List<String> titles) {
      Map<Ref<Integer>, String> next = new LinkedHashMap<>(todos);
      for (int i = 0; i < refs.size(); i++) {
        next.put(refs.get(i), titles.get(i));
      }
      return new World(session, user, next);
    }
  }

  /** Reads one known todo's title, which must be the one the model holds. */
  static CommandSpec<World, Store> read(CommandBuilder<World, Store, Void> c) {
    return c.whenModel(world -> !world.todos().isEmpty())
        .with((world, user) -> Gen.elements(List.copyOf(world.todos().keySet())))
        .run((store, todo) -> store.title(todo.get()))
        .expect((world, call, title) -> {
          if (!title.equals(world.todos().get(call.arg()))) {
            throw new AssertionError("title of " + call.arg() + ": " + title);
          }
        });
  }

  static Model<World, Store> model() {
    return Model.<World, Store>define("several", World::empty)
        .command("login", c -> c.whenModel(world -> world.session() == null)
            .run((store, none) -> store.login())
            .yields("session", Store.Login::session)
            .yields("user", Store.Login::user)
            .update((world, call) ->
                new World(call.ref("session"), call.ref("user"), world.todos())))
        .command("create_all", c -> c.whenModel(world -> world.session() != null)
            .with(Gen.lists(Gen.elements("milk", "eggs", "tea")).ofSize(1, 3))
            .run((store, titles) -> store.createAll(titles))
            .yieldsEach("todo", ids -> ids)
            .update((world, call) -> world.withTodos(call.refs("todo"), call.arg())))
        .command("read", SeveralRefsTest::read)
        .build();
  }

  private static Runner runner() {
    return Tollgate.runner().seed(7).tries(30).maxSteps(8).withoutReports().withoutCorpus()
        .reporter(Reporter.none());
  }

  @Test
  void named_refs_and_a_list_of_refs_bind_each_to_its_own_value() {
    assertThat(runner().check(model(), new Store(false)).programs()).isEqualTo(30);
  }

  @Test
  void each_reference_of_a_list_is_shown_on_its_own_and_a_short_answer_fails_naming_both_counts() {
    assertThatThrownBy(() -> runner().check(model(), new Store(true)))
        .isInstanceOfSatisfying(ModelCheckFailure.class, failure -> {
          assertThat(failure.steps()).hasSize(2);
          assertThat(failure.steps().get(0))
              .isEqualTo("user1 login() → session#1 = [redacted: 5 chars], user#1 = 101");
          assertThat(failure.steps().get(1))
              .isEqualTo("user1 create_all([\"milk\", \"milk\"]) → todo#2.1, todo#2.2");
          assertThat(failure.getMessage()).contains(
              "Command 'create_all' yields 2 'todo' references (todo#2.1 to todo#2.2), as many as"
                  + " its argument asks for, but its result held 1 value: [102]",
              "  expected: 2\n  actual:   1");
        });
  }

  @Test
  void call_ref_on_a_step_with_several_references_names_the_ones_to_ask_for() {
    Model<World, Store> model = Model.<World, Store>define("ambiguous", World::empty)
        .command("login", c -> c.whenModel(world -> world.session() == null)
            .run((store, none) -> store.login())
            .yields("session", Store.Login::session)
            .yields("user", Store.Login::user)
            .update((world, call) -> new World(call.ref(), null, world.todos())))
        .build();

    assertThatThrownBy(() -> runner().check(model, new Store(false)))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("Command 'login' asked for call.ref(), but step 1 makes 2"
            + " references [session#1, user#1]")
        .hasMessageContaining("call.ref(\"session\"), call.ref(\"user\")");
  }

  @Test
  void yields_each_over_an_argument_that_is_not_a_collection_says_how_to_give_the_count() {
    Model<World, Store> model = Model.<World, Store>define("uncounted", World::empty)
        .command("create_all", c -> c.with(Gen.elements("milk"))
            .run((store, title) -> store.createAll(List.of(title)))
            .yieldsEach("todo", ids -> ids))
        .build();

    assertThatThrownBy(() -> runner().check(model, new Store(false)))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("its argument is a String (milk), not a collection")
        .hasMessageContaining(".yieldsEach(\"todo\", arg -> arg.titles().size(), res -> res.ids())");
  }

  @Test
  void yields_each_with_a_count_makes_that_many_references() {
    Model<World, Store> model = Model.<World, Store>define("counted", World::empty)
        .command("login", c -> c.whenModel(world -> world.session() == null)
            .run((store, none) -> store.login())
            .yields("session", Store.Login::session)
            .update((world, call) -> new World(call.ref("session"), null, world.todos())))
        .command("create_twice", c -> c.whenModel(world -> world.session() != null)
            .with(Gen.elements("milk", "tea"))
            .run((store, title) -> store.createAll(List.of(title, title)))
            .yieldsEach("todo", title -> 2, ids -> ids)
            .update((world, call) -> world.withTodos(call.refs("todo"),
                List.of(call.arg(), call.arg()))))
        .command("read", SeveralRefsTest::read)
        .build();

    assertThat(runner().check(model, new Store(false)).programs()).isEqualTo(30);
  }
}
