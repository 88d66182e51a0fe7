package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BundleTest {

  /** The model state: the books on the shelf, as references, oldest first. */
  record Shelf(List<Ref<Object>> books, Map<Integer, List<String>> notes) {
    static Shelf empty() {
      return new Shelf(List.of(), Map.of());
    }

    Shelf with(Ref<Object> book) {
      List<Ref<Object>> next = new ArrayList<>(books);
      next.add(book);
      return new Shelf(List.copyOf(next), notes);
    }

    Shelf without(Ref<Object> book) {
      List<Ref<Object>> next = new ArrayList<>(books);
      next.remove(book);
      return new Shelf(List.copyOf(next), notes);
    }
  }

  record Note(Ref<Object> book, String text) {}

  static final Bundle<Shelf, Ref<Object>> BOOKS = Bundle.of(Shelf::books);

  static Model<Shelf, Object> model() {
    return Model.define("shelf", Object.class, Shelf::empty)
        .command("add_book", c -> c
            .run((client, none) -> "id")
            .yields("book", id -> id)
            .update((shelf, call) -> shelf.with(call.ref())))
        .command("read_book", c -> c.with(BOOKS).run((client, book) -> book))
        .command("note_book", c -> c
            .with(BOOKS, book -> Gen.strings().ofLength(1, 5).map(text -> new Note(book, text)))
            .run((client, note) -> note))
        .command("lend_book", c -> c
            .with(BOOKS.consuming(Shelf::without))
            .run((client, book) -> book))
        .build();
  }

  private static Command<Shelf, Object> command(Model<Shelf, Object> model, String name) {
    return model.commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Program<Shelf, Object>> programs(Model<Shelf, Object> model, int n) {
    ProgramGenerator<Shelf, Object> generator = new ProgramGenerator<>(model, 1, 25, false);
    List<Program<Shelf, Object>> out = new ArrayList<>();
    for (long seed = 0; seed < n; seed++) {
      out.add(generator.generate(ChoiceRecorder.random(seed)));
    }
    return out;
  }

  @Test
  void a_command_drawing_from_a_bundle_is_disabled_while_the_bundle_is_empty() {
    Model<Shelf, Object> model = model();
    User user = new User(0, "active");

    for (String name : List.of("read_book", "note_book", "lend_book")) {
      assertThat(command(model, name).enabled(Shelf.empty(), user)).as(name).isFalse();
    }
    for (Program<Shelf, Object> program : programs(model, 200)) {
      for (Step<Shelf, Object> step : program.steps()) {
        if (!step.command().name().equals("add_book")) {
          assertThat(step.before().books()).as(step.describe()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void the_argument_is_one_of_the_elements_and_the_first_is_the_simplest() {
    Model<Shelf, Object> model = model();
    User user = new User(0, "active");
    Shelf shelf = Shelf.empty();
    List<Ref<Object>> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Ref<Object> ref = new Ref<>("book", this, i, -1, "add_book", i);
      refs.add(ref);
      shelf = shelf.with(ref);
    }
    Command<Shelf, Object> read = command(model, "read_book");
    Set<Object> drawn = new HashSet<>();
    for (long seed = 0; seed < 100; seed++) {
      drawn.add(read.argumentGen(shelf, user).generate(ChoiceRecorder.random(seed)));
    }

    assertThat(read.enabled(shelf, user)).isTrue();
    assertThat(drawn).containsExactlyInAnyOrderElementsOf(refs);
    assertThat(read.argumentGen(shelf, user).generate(ChoiceRecorder.replay(new int[0])))
        .isSameAs(refs.get(0));
    Object note = command(model, "note_book").argumentGen(shelf, user)
        .generate(ChoiceRecorder.replay(new int[0]));
    assertThat(note).isEqualTo(new Note(refs.get(0), "a"));
  }

  @Test
  void a_consuming_bundle_takes_the_drawn_element_out_after_the_update() {
    Model<Shelf, Object> model = model();
    int lent = 0;
    for (Program<Shelf, Object> program : programs(model, 200)) {
      Set<Object> gone = new HashSet<>();
      for (Step<Shelf, Object> step : program.steps()) {
        if (step.command().name().equals("lend_book")) {
          lent++;
          assertThat(gone.add(step.arg())).as("%s lends a book twice", program).isTrue();
          assertThat(step.after().books()).doesNotContain((Ref<Object>) step.arg());
          assertThat(step.after().books()).hasSize(step.before().books().size() - 1);
        } else if (!step.command().name().equals("add_book")) {
          assertThat(gone).doesNotContain(step.arg() instanceof Note n ? n.book() : step.arg());
        }
      }
    }
    assertThat(lent).isGreaterThan(50);
  }

  @Test
  void a_per_user_bundle_holds_the_acting_users_elements() {
    Bundle<Map<Integer, List<String>>, String> tokens =
        Bundle.perUser((tokensByUser, user) -> tokensByUser.get(user.index()));
    Model<Map<Integer, List<String>>, Object> model =
        Model.<Map<Integer, List<String>>, Object>define("tokens", () -> Map.of(1, List.of("t")))
            .command("use_token", c -> c.with(tokens).run((client, token) -> token))
            .build();
    Command<Map<Integer, List<String>>, Object> use = model.commands().get(0);

    assertThat(use.enabled(Map.of(1, List.of("t")), new User(0, "active"))).isFalse();
    assertThat(use.enabled(Map.of(1, List.of("t")), new User(1, "active"))).isTrue();
  }

  @Test
  void a_consuming_bundle_with_an_argument_made_of_its_element_is_rejected() {
    assertThatThrownBy(() -> Model.define("shelf", Object.class, Shelf::empty)
        .command("note_book", c -> c
            .with(BOOKS.consuming(Shelf::without), book -> Gen.constant(new Note(book, "x")))
            .run((client, note) -> note))
        .build())
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("Command 'note_book' draws from a consuming bundle")
        .hasMessageContaining(".update((model, call) -> model.without(call.arg().todo()))");
  }

  @Test
  void a_generator_after_a_bundle_is_rejected_rather_than_dropping_the_bundle_s_precondition() {
    assertThatThrownBy(() -> Model.define("shelf", Object.class, Shelf::empty)
        .command("read", c -> c.with(BOOKS).with(Gen.integers(0, 3)).run((client, n) -> n))
        .build())
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("Command 'read' has a second .with(..)")
        .hasMessageContaining(".with(bundle, element -> gen)");
  }
}
