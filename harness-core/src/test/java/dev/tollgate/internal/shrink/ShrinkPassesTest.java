package dev.tollgate.internal.shrink;

import static dev.tollgate.internal.shrink.PassHarness.allBut;
import static dev.tollgate.internal.shrink.PassHarness.shrunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gen.Gen;
import dev.tollgate.model.Model;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each pass on a small property where it is what reaches the minimal example: with every pass,
 * all seeds end at the minimum; with that one pass off, some seed stops short of it.
 */
class ShrinkPassesTest {
  private static final int SEEDS = 40;

  /** The model state: what happened so far, as {@code command:argument} lines. */
  record History(List<String> events) {
    static History empty() {
      return new History(List.of());
    }

    History with(String event) {
      List<String> next = new ArrayList<>(events);
      next.add(event);
      return new History(List.copyOf(next));
    }

    long count(String event) {
      return events.stream().filter(event::equals).count();
    }
  }

  /** A command whose check fails when {@code bug} holds for the history before it and its arg. */
  private static <A> Model<History, Object> model(
      String name, Gen<A> gen, BiPredicate<History, A> bug, String... others) {
    var builder = Model.define("passes", Object.class, History::empty);
    for (String other : others) {
      builder.command(other, c -> c
          .run((client, none) -> other)
          .update((history, call) -> history.with(other)));
    }
    return builder
        .command(name, c -> c
            .with(gen)
            .run((client, arg) -> arg)
            .expect((history, call, arg) -> assertThat(bug.test(history, arg))
                .as("the bug").isFalse())
            .update((history, call) -> history.with(name + ":" + call.arg())))
        .build();
  }

  private static void onlyWithPass(
      Model<History, Object> model, Pass pass, String minimal) {
    assertThat(shrunk(model, SEEDS, EnumSet.allOf(Pass.class)))
        .hasSizeGreaterThan(SEEDS / 2)
        .allSatisfy(steps -> assertThat(steps).isEqualTo(minimal));
    assertThat(shrunk(model, SEEDS, allBut(pass)))
        .as("without %s some seed stops short of the minimum", pass)
        .anySatisfy(steps -> assertThat(steps).isNotEqualTo(minimal));
  }

  record Post(String title, int priority) {}

  @Test
  void a_frequency_branch_moves_to_the_short_strings_when_the_long_string_is_not_needed() {
    Gen<String> title = Gen.frequency(
        1, Gen.strings().ofLength(1, 3).plain(), 3, Gen.strings().ofLength(150, 200).plain());
    Model<History, Object> model = model("post",
        Gen.combine(title, Gen.integers(0, 9), Post::new), (history, post) -> post.priority() >= 5);

    onlyWithPass(model, Pass.LOWER_WITH_DEPENDENTS, "user1 post(title=\"a\", priority=5)");
  }

  record Order(String item, int quantity, boolean gift, int discount) {}

  @Test
  void a_four_part_argument_shrinks_each_part_alone() {
    // Parts from elements: one choice each, never a reuse of another's value.
    Gen<Integer> numbers = Gen.elements(IntStream.rangeClosed(0, 50).boxed().toList());
    Gen<Order> orders = Gen.combine(
        Gen.elements("pen", "ink", "pad"), numbers, Gen.booleans(), numbers, Order::new);
    Model<History, Object> model = model("order", orders,
        (history, order) -> order.quantity() >= 3 && order.discount() >= 7);

    assertThat(shrunk(model, SEEDS, EnumSet.allOf(Pass.class)))
        .hasSizeGreaterThan(SEEDS / 2)
        .allSatisfy(steps -> assertThat(steps).isEqualTo(
            "user1 order(item=\"pen\", quantity=3, gift=false, discount=7)"));
  }

  record Query(String author, int offset) {}

  @Test
  void an_optional_part_is_dropped_and_the_part_after_it_kept() {
    Gen<Query> query = Gen.booleans().flatMap(withAuthor -> withAuthor
        ? Gen.combine(Gen.elements("alice", "bob"), Gen.integers(-5, 5), Query::new)
        : Gen.integers(-5, 5).map(offset -> new Query(null, offset)));
    Model<History, Object> model =
        model("list", query, (history, q) -> q.offset() < 0);

    onlyWithPass(model, Pass.LOWER_WITH_DEPENDENTS, "user1 list(author=null, offset=-1)");
  }

  @Test
  void a_list_with_a_minimum_size_loses_its_first_element_too() {
    Model<History, Object> model = model("batch",
        Gen.lists(Gen.elements("a", "b", "x")).ofSize(1, 8), (history, list) -> list.contains("x"));

    assertThat(shrunk(model, SEEDS, EnumSet.allOf(Pass.class)))
        .hasSizeGreaterThan(SEEDS / 2)
        .allSatisfy(steps -> assertThat(steps).isEqualTo("user1 batch([\"x\"])"));
  }

  @Test
  void halving_shrinks_what_single_deletions_cannot_an_even_length_ending_in_z() {
    Model<History, Object> model = model("tags",
        Gen.lists(Gen.elements("a", "b", "z")).ofSize(0, 20),
        (history, tags) -> tags.size() >= 2 && tags.size() % 2 == 0
            && tags.get(tags.size() - 1).equals("z"));

    onlyWithPass(model, Pass.HALVE, "user1 tags([\"a\", \"z\"])");
  }

  @Test
  void two_steps_that_only_work_together_are_deleted_as_a_pair() {
    Model<History, Object> model = model("check", Gen.constant(0),
        (history, none) -> history.count("poke") >= 1
            && history.count("inc") == history.count("dec"),
        "poke", "inc", "dec");

    onlyWithPass(model, Pass.DELETE_PAIRS, "user1 poke(); user1 check(0)");
  }

  @Test
  void steps_are_sorted_into_one_canonical_order() {
    Model<History, Object> model = model("check", Gen.constant(0),
        (history, none) -> history.count("a") >= 1 && history.count("b") >= 1, "a", "b");

    onlyWithPass(model, Pass.SORT, "user1 a(); user1 b(); user1 check(0)");
  }

  record Pair(int first, int second) {}

  @Test
  void value_moves_from_one_number_to_another_when_only_their_sum_matters() {
    // One choice each, and never a reuse of the other: only their sum decides.
    Gen<Integer> numbers = Gen.elements(IntStream.rangeClosed(0, 20).boxed().toList());
    Model<History, Object> model = model("add",
        Gen.combine(numbers, numbers, Pair::new),
        (history, pair) -> pair.first() + pair.second() >= 10);

    onlyWithPass(model, Pass.REDISTRIBUTE, "user1 add(first=0, second=10)");
  }

  @Test
  void a_value_used_twice_shrinks_in_both_places_at_once() {
    Gen<String> names = Gen.elements("ann", "bob", "cy", "zoë");
    Model<History, Object> model = Model.define("names", Object.class, History::empty)
        .command("register", c -> c.with(names)
            .run((client, name) -> name)
            .update((history, call) -> history.with("register:" + call.arg())))
        .command("follow", c -> c.with(names)
            .run((client, name) -> name)
            .expect((history, call, name) -> assertThat(history.count("register:" + name))
                .as("registrations of the followed name").isZero()))
        .build();

    onlyWithPass(model, Pass.DUPLICATES, "user1 register(\"ann\"); user1 follow(\"ann\")");
  }
}
